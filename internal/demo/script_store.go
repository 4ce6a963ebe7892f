package demo

// mobileResearcher: a few short phone sessions from social ads or search, a look at the store locator, a
// call to the store, then a visit and a purchase at the till. The ad platform never learns about the till
// purchase, so retargeting ads follow the buyer for weeks.
func (g *gen) mobileResearcher() {
	c := &g.c
	c.hasPhone = true // the loyalty kiosk knows them by phone, and the CRM has it
	d := c.newDevice(g.r, "mobile")
	if g.chance(0.3) {
		c.created = g.start - int64(g.uniform(30, 400)*float64(msDay))
	}
	t := g.journeyStart(0.45)
	n := g.between(2, 4)
	signAt := g.r.IntN(min(n, 2))
	var s *session
	for i := range n {
		medium, source := "paid_social", "instagram"
		switch x := g.r.IntN(10); {
		case x < 4:
			medium, source = "organic", "google"
		case x < 6:
			medium, source = "direct", ""
		case x < 8:
			source = "facebook"
		}
		s = g.session(d, t, medium, source, "")
		if i == 0 {
			s.add(tpHome, -1, -1)
		}
		if i == signAt {
			s.signIn()
		}
		for range g.between(1, 3) {
			s.view(g.r.IntN(len(products)))
		}
		if i == n-1 {
			s.add(tpLocator, -1, -1)
		}
		t = g.later(s.t, 1, 6)
	}
	call := s.t + g.minutes(60, 60*30)
	g.visit(call, tpStoreCall, -1)
	in := g.later(call, 0.5, 3)
	g.visit(in, tpStoreVisit, -1)
	bought := in + g.minutes(10, 40)
	g.visit(bought, tpStorePurchase, g.between(60, 180)*100+g.r.IntN(100))
	g.ads(d, bought, g.between(2, 5), "paid_social", "instagram")
	if g.chance(0.4) {
		if again := g.later(bought, 14, 42); again < g.end {
			g.visit(again, tpStoreVisit, -1)
			if g.chance(0.6) {
				g.visit(again+g.minutes(10, 40), tpStorePurchase, g.between(30, 150)*100+g.r.IntN(100))
			}
		}
	}
	if g.chance(0.1) {
		if at := g.later(bought, 3, 10); at < g.end {
			s := g.session(d, at, "direct", "", "")
			s.signIn()
			s.add(tpReview, -1, -1)
		}
	}
	if g.chance(0.08) {
		g.ticket(g.later(bought, 2, 10), "phone", calmSubjects[1], 4+g.r.IntN(2), 1, 24)
	}
	for _, k := range g.pick(g.campaignsBetween(g.start, g.end), g.between(0, 2)) {
		g.send(k, 0.2, 0)
	}
	g.contact()
}
