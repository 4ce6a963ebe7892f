package demo

// supportHeavy: one or two mid-value orders, then anxious order-status checks and a string of support
// tickets by e-mail and chat, rated badly; orders end refunded; no repeat purchase after the tickets.
func (g *gen) supportHeavy() {
	c := &g.c
	c.hasPhone = g.chance(0.7)
	d := c.newDevice(g.r, "desktop")
	devs := []*device{d}
	if g.chance(0.3) {
		devs = append(devs, c.newDevice(g.r, "mobile"))
	}
	if g.chance(0.6) {
		c.created = g.start - int64(g.uniform(30, 500)*float64(msDay))
	}
	t := g.journeyStart(0.35)
	nPre := g.between(1, 2)
	mid := []int{1, 3, 4, 6, 7, 10, 12, 19}
	var bought int64
	for i := range nPre {
		medium, source := "organic", "google"
		if g.chance(0.4) {
			medium, source = "direct", ""
		}
		s := g.session(d, t, medium, source, "")
		if i == 0 {
			s.add(tpHome, -1, -1)
		}
		prod := mid[g.r.IntN(len(mid))]
		for range g.between(1, 3) {
			s.view(mid[g.r.IntN(len(mid))])
		}
		s.view(prod)
		if i == nPre-1 {
			s.signIn()
			b := basket{prod: prod, subtotal: g.price(prod)}
			if g.chance(0.2) {
				bought = g.later(s.t, 0.2, 2)
				g.order(bought, "phone", b)
			} else {
				s = g.buyOnline(s, 0.35, b)
				bought = s.t
			}
		}
		t = g.later(s.t, 1, 5)
	}
	if g.chance(0.3) {
		s := g.session(d, g.later(bought, 10, 30), "direct", "", "")
		s.signIn()
		prod := mid[g.r.IntN(len(mid))]
		s.view(prod)
		g.buyOnline(s, 0.35, basket{prod: prod, subtotal: g.price(prod)})
	}
	for range g.between(2, 4) {
		at := g.later(bought, 1, 30)
		if at >= g.end {
			continue
		}
		s := g.session(devs[g.r.IntN(len(devs))], at, "direct", "", "")
		s.signIn()
		s.add(tpAccountOrders, -1, -1)
	}
	at := g.later(bought, 2, 7)
	for range g.between(3, 6) {
		channel := "email"
		switch x := g.r.IntN(100); {
		case x < 35:
			channel = "chat"
		case x < 50:
			channel = "phone"
		}
		rating := 0
		switch x := g.r.IntN(100); {
		case x < 45:
			rating = 1
		case x < 75:
			rating = 2
		case x < 85:
			rating = 3
		}
		g.ticket(at, channel, supportSubjects[g.r.IntN(len(supportSubjects))], rating, 20, 140)
		at = g.later(at, 2, 10)
	}
	if n := len(c.orders); n > 0 {
		switch x := g.r.IntN(100); {
		case x < 35:
			c.orders[n-1].status = "refunded"
		case x < 60:
			c.orders[n-1].status = "partially_refunded"
		}
	}
	for _, k := range g.pick(g.campaignsBetween(g.start, g.end), g.between(1, 3)) {
		g.send(k, 0.1, 0)
	}
	g.ads(d, bought, g.between(0, 2), "display", "google")
	g.contact()
}
