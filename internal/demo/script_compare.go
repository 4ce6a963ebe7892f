package demo

import "sort"

// comparisonShopper: eight to sixteen desktop sessions over five to eleven weeks from search, comparison
// sites and paid search, viewing and comparing a few big-ticket items. Those who create an account try to
// check out, and the payment step is where they stall: about half end up buying. The others give up at the
// payment step and leave for good: nothing of theirs comes after that last attempt (no visit, no ad; they
// unsubscribe, so no campaign either) except, half the time, the support ticket it provokes. Some never
// sign in at all.
func (g *gen) comparisonShopper() {
	c := &g.c
	c.hasPhone = g.chance(0.75)
	c.anonOnly = g.chance(0.15)
	d := c.newDevice(g.r, "desktop")
	t0 := g.journeyStart(0.3)
	span := g.days(35, 80)
	n := g.between(8, 16)
	times := make([]int64, n)
	for i := range times {
		times[i] = g.daytime(t0 + g.r.Int64N(span))
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	favourites := g.pick(append([]int(nil), expensive...), g.between(2, 3))
	fav := func() int { return favourites[g.r.IntN(len(favourites))] }

	acct, buyer := -1, false
	if !c.anonOnly {
		acct = g.between(n/2, n-3)
		buyer = g.chance(0.5)
	}
	tries := 0 // checkout attempts of a non-buyer, in the last one or two sessions
	if acct >= 0 && !buyer {
		tries = g.between(1, 2)
	}
	var s *session
	var bought, gaveUp int64
	for i, t := range times {
		if s != nil && t <= s.t {
			t = s.t + g.minutes(60, 300)
		}
		medium, source := "organic", "google"
		switch x := g.r.IntN(100); {
		case x < 20:
			medium, source = "referral", "gearcompare.example"
		case x < 35:
			medium, source = "referral", "trailreviews.example"
		case x < 50:
			medium, source = "cpc", "google"
		}
		s = g.session(d, t, medium, source, "")
		if i == 0 {
			s.add(tpHome, -1, -1)
		}
		if i == acct {
			s.signIn()
		}
		for range g.between(2, 5) {
			s.view(fav())
		}
		if g.chance(0.6) {
			for range g.between(1, 2) {
				s.add(tpCompare, fav(), -1)
			}
		}
		switch {
		case buyer && i == n-1:
			prod := fav()
			s = g.buyOnline(s, 0.55, basket{prod: prod, subtotal: g.price(prod)})
			bought = s.t
		case tries > 0 && i >= n-tries:
			out := outcomeExitPay
			if i < n-1 && g.chance(0.12) {
				out = outcomeExitEarly
			}
			s.attempt(out, out == outcomeExitPay && g.chance(0.7), basket{prod: fav(), subtotal: 30000})
			if i == n-1 {
				gaveUp = s.t
				c.frictionLeft = true
			}
		}
	}
	if c.anonOnly {
		return
	}
	created := c.created
	until := g.end // nothing of the person's own after it
	if gaveUp != 0 {
		until = gaveUp
	}
	if g.chance(0.25) {
		m := c.newDevice(g.r, "mobile")
		at := created
		for range 2 {
			at = g.later(at, 1, 10)
			if at >= until-msHour { // a visit, not just its start, before the last attempt
				break
			}
			s := g.session(m, at, "direct", "", "")
			s.signIn()
			s.view(fav())
		}
	}
	if bought != 0 {
		g.ads(d, bought, g.between(2, 4), "display", "google")
	}
	// Campaigns go out until the end of the window, or, for a leaver, up to a day and a half before the
	// last attempt, so that even a late open comes before it.
	last := g.end
	if gaveUp != 0 {
		last = gaveUp - 36*msHour
	}
	for _, k := range g.pick(g.campaignsBetween(created, last), g.between(1, 3)) {
		g.send(k, 0.3, 0)
	}
	g.contact()
}
