package demo

// Helpers that add rows to the non-web exports for the current customer.

// send mails campaign k to the customer; the person opens it with openP and then clicks with clickP.
// It returns the click instant, or 0 when there was no click.
func (g *gen) send(k int, openP, clickP float64) int64 {
	t := g.campaigns[k] + g.minutes(0, 25)
	g.mail(t, "sent", k)
	if !g.chance(openP) {
		return 0
	}
	t += g.minutes(5, 60*30)
	if t >= g.end {
		return 0
	}
	g.mail(t, "open", k)
	if !g.chance(clickP) {
		return 0
	}
	t += g.minutes(0.1, 2)
	g.mail(t, "click", k)
	return t
}

func (g *gen) mail(t int64, action string, k int) {
	c := &g.c
	c.usedEmail = true
	c.emails = append(c.emails, emailRow{addr: emailVariant(g.r, c.email), action: action, t: t, campaign: k})
	g.touch(t, "Email "+action)
}

// campaignsBetween lists the campaigns sent in [from, to).
func (g *gen) campaignsBetween(from, to int64) []int {
	var ks []int
	for k, t := range g.campaigns {
		if t >= from && t < to {
			ks = append(ks, k)
		}
	}
	return ks
}

// pick keeps n of ks at random, in their original order.
func (g *gen) pick(ks []int, n int) []int {
	if n >= len(ks) {
		return ks
	}
	keep := make([]bool, len(ks))
	for _, i := range g.r.Perm(len(ks))[:n] {
		keep[i] = true
	}
	out := ks[:0:0]
	for i, k := range ks {
		if keep[i] {
			out = append(out, k)
		}
	}
	return out
}

// ticket opens a support ticket at t, solved solveLo..solveHi real hours later (left open when that
// falls after the window, and then unrated). Requesters write from their e-mail, or ring from their phone
// when the desk knows it.
func (g *gen) ticket(t int64, channel, subject string, rating int, solveLo, solveHi float64) {
	c := &g.c
	if t >= g.end {
		return
	}
	c.ticketSeq++
	tk := ticketRow{id: 20000 + c.idx*16 + c.ticketSeq, created: t, subject: subject, channel: channel}
	if channel == "phone" && c.hasPhone {
		tk.phone = phoneVariant(g.r, c.phone)
		c.usedPhone = true
	} else {
		tk.email = emailVariant(g.r, c.email)
		c.usedEmail = true
	}
	g.touch(t, tpTicketOpened)
	solved := t + g.minutes(solveLo*60, solveHi*60)
	if solved < g.end {
		tk.solved = solved
		tk.rating = rating
		g.touch(solved, tpTicketSolved)
	}
	c.tickets = append(c.tickets, tk)
}

// visit records a loyalty-kiosk row: a call to the store, a visit or a purchase (amount in cents, -1 for
// none). The kiosk knows people by the phone number they type.
func (g *gen) visit(t int64, action string, amount int) {
	c := &g.c
	c.usedPhone = true
	c.visits = append(c.visits, storeRow{store: c.store, phone: phoneVariant(g.r, c.phone), t: t, action: action, amount: amount})
	g.touch(t, action)
}

// order records a Shopify order. Guest checkouts export "n/a" as the customer id; till staff sometimes
// type test@test.com when a customer will not give an address.
func (g *gen) order(t int64, source string, b basket) {
	c := &g.c
	c.orderSeq++
	o := orderRow{
		name: 1000 + c.idx*16 + c.orderSeq, t: t, subtotal: b.subtotal, discount: b.discount,
		ship: b.shipping(), code: b.code, source: source, status: "paid", province: c.province,
		email: emailVariant(g.r, c.email), customerID: c.id,
	}
	switch {
	case source == "pos":
		o.ship = 0
		if g.chance(0.3) {
			o.email = junkEmail
		}
	case source == "web" && c.persona == pEmailConverter && g.chance(0.1):
		o.customerID = junkNA
	case source == "phone" && g.chance(0.3):
		o.email = ""
	}
	if o.email != "" && o.email != junkEmail {
		c.usedEmail = true
	}
	if o.customerID == c.id {
		c.usedID = true
	}
	c.orders = append(c.orders, o)
	g.touch(t, "Order: "+source)
}

// crmRow writes the customer's contact record, once, for everyone with an account.
func (g *gen) contact() {
	c := &g.c
	if c.anonOnly {
		return
	}
	if c.created == 0 {
		c.created = g.start
	}
	row := crmRow{
		id: c.id, email: emailVariant(g.r, c.email), name: c.first + " " + c.last, created: c.created,
		region: regions[c.region].name, plan: g.plan(),
	}
	if c.hasPhone {
		row.phone = phoneVariant(g.r, c.phone)
		c.usedPhone = true
	}
	c.usedID, c.usedEmail = true, true
	c.crm = append(c.crm, row)
	g.touch(c.created, tpAccountCreated)
}

// plan is the loyalty tier on the CRM record.
func (g *gen) plan() string {
	tiers := []string{"Basecamp", "Trail", "Summit"}
	switch g.c.persona {
	case pLoyalRepeat:
		if g.chance(0.8) {
			return "Summit"
		}
		return "Trail"
	case pSupportHeavy:
		return "Basecamp"
	}
	if g.chance(0.7) {
		return "Basecamp"
	}
	return tiers[1+g.r.IntN(2)]
}

// price is a catalogue price with a little variation (sales, sizes, bundles), in cents.
func (g *gen) price(prod int) int {
	p := products[prod].price
	return p + (p*g.r.IntN(21)-p*10)/100
}
