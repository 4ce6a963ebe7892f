package demo

// emailConverter: receives most weekly campaigns, opens and clicks many, and buys small baskets with the
// campaign's discount code in the sessions those clicks start.
func (g *gen) emailConverter() {
	c := &g.c
	c.hasPhone = g.chance(0.8)
	primary := "mobile"
	other := "desktop"
	if g.chance(0.4) {
		primary, other = other, primary
	}
	devs := []*device{c.newDevice(g.r, primary)}
	if g.chance(0.3) {
		devs = append(devs, c.newDevice(g.r, other))
	}
	if g.chance(0.7) {
		c.created = g.start - int64(g.uniform(30, 360)*float64(msDay))
	}
	t0 := g.journeyStart(0.25)
	ks := g.pick(g.campaignsBetween(t0, g.end-int64(10*g.day)), g.between(6, 12))
	purchases := 1
	if x := g.r.IntN(100); x >= 85 {
		purchases = 3
	} else if x >= 50 {
		purchases = 2
	}
	type click struct {
		t int64
		k int
	}
	var clicks []click
	for i, k := range ks {
		openP, clickP := 0.65, 0.55
		if len(ks)-i <= purchases-len(clicks) {
			openP, clickP = 1, 1 // every purchase starts from a click
		}
		if t := g.send(k, openP, clickP); t != 0 {
			clicks = append(clicks, click{t, k})
		}
	}
	buys := make([]bool, len(clicks))
	for _, i := range g.r.Perm(len(clicks))[:min(purchases, len(clicks))] {
		buys[i] = true
	}
	var cheap []int
	for i, p := range products {
		if p.price <= 13000 {
			cheap = append(cheap, i)
		}
	}
	var first *session
	for i, cl := range clicks {
		d := devs[0]
		if len(devs) > 1 && g.chance(0.35) {
			d = devs[1]
		}
		camp := campaigns[cl.k%len(campaigns)]
		s := g.session(d, cl.t+g.r.Int64N(30*msSecond), "email", "mailchimp", camp.slug)
		prod := cheap[g.r.IntN(len(cheap))]
		s.view(prod)
		s.signIn()
		if g.chance(0.5) {
			s.view(cheap[g.r.IntN(len(cheap))])
		}
		if !buys[i] {
			continue
		}
		b := basket{prod: prod, subtotal: g.price(prod) * g.between(1, 2)}
		code, pct := camp.code, camp.pct
		if code == "" {
			code, pct = "NEWS10", 10
		}
		if g.chance(0.85) {
			b.code, b.discount = code, b.subtotal*pct/100
		}
		s = g.buyOnline(s, 0.25, b)
		if first == nil {
			first = s
		}
	}
	if first != nil {
		g.ads(first.d, first.t, g.between(1, 3), "display", "google")
		if g.chance(0.1) {
			if at := g.later(first.t, 2, 20); at < g.end {
				s := g.session(devs[0], at, "direct", "", "")
				s.signIn()
				s.add(tpReferral, -1, -1)
			}
		}
		if g.chance(0.15) {
			g.ticket(g.later(first.t, 1, 5), "email", calmSubjects[3], 3+g.r.IntN(3), 2, 48)
		}
	}
	g.contact()
}
