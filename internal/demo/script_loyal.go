package demo

// loyalRepeat: an account from long ago, no marketing; comes straight to the site (or the till), signs in
// and buys, three to six times in the window, high baskets; writes reviews and refers friends. Their
// journeys skip awareness and consideration.
func (g *gen) loyalRepeat() {
	c := &g.c
	c.hasPhone = g.chance(0.85)
	c.created = g.start - int64(g.uniform(180, 900)*float64(msDay))
	primary := "desktop"
	if g.chance(0.4) {
		primary = "mobile"
	}
	devs := []*device{c.newDevice(g.r, primary)}
	if g.chance(0.2) {
		second := "mobile"
		if primary == "mobile" {
			second = "tablet"
		}
		devs = append(devs, c.newDevice(g.r, second))
	}
	var premium []int
	for i, p := range products {
		if p.price >= 12900 {
			premium = append(premium, i)
		}
	}
	k := g.between(3, 6)
	slot := float64(g.end-g.start) * 0.88 / float64(k)
	var first int64
	for i := range k {
		t := g.daytime(g.start + int64((float64(i)+g.uniform(0.1, 0.9))*slot))
		prod := premium[g.r.IntN(len(premium))]
		b := basket{prod: prod, subtotal: g.price(prod)}
		if g.chance(0.5) {
			b.subtotal += g.price(g.r.IntN(len(products)))
		}
		at := t
		if i > 0 && g.chance(0.25) {
			g.order(t, "pos", b)
		} else {
			d := devs[0]
			if i > 0 && len(devs) > 1 && g.chance(0.4) {
				d = devs[1]
			}
			s := g.session(d, t, "direct", "", "")
			d.known = true
			s.add(tpSignIn, -1, -1) // returning customers sign in on every visit
			s = g.buyOnline(s, 0.08, b)
			at = s.t
		}
		if first == 0 {
			first = at
		}
		if g.chance(0.5) {
			g.advocate(devs[0], at, tpReview)
		} else if g.chance(0.2) {
			g.advocate(devs[0], at, tpReferral)
		}
	}
	g.ads(devs[0], first, g.between(1, 2), "display", "google")
	if g.chance(0.1) {
		channel := "email"
		if c.hasPhone && g.chance(0.5) {
			channel = "phone"
		}
		g.ticket(g.later(first, 5, 20), channel, calmSubjects[g.r.IntN(3)], 5, 1, 24)
	}
	g.contact()
}

// advocate writes a review or shares a referral link a few days after a purchase.
func (g *gen) advocate(d *device, after int64, tp string) {
	at := g.later(after, 3, 10)
	if at >= g.end {
		return
	}
	s := g.session(d, at, "direct", "", "")
	s.signIn()
	s.add(tp, -1, -1)
}
