package demo

// session is one visit to the website on one device: events a few seconds to minutes apart, all with the
// same campaign context (Segment carries the landing UTM parameters on every event of the visit).
type session struct {
	g        *gen
	d        *device
	t        int64
	medium   string
	source   string
	campaign string
}

func (g *gen) session(d *device, t int64, medium, source, campaign string) *session {
	return &session{g: g, d: d, t: t, medium: medium, source: source, campaign: campaign}
}

// add records one event at the session's clock and moves the clock on by 20 s to 4 min.
func (s *session) add(event string, prod, value int) {
	g, c := s.g, &s.g.c
	user := ""
	switch {
	case s.d.known:
		user = c.id
		c.usedID = true
	case s.d.typ == "mobile" && g.chance(0.03):
		user = junkUnknown
	}
	s.d.used = true
	c.web = append(c.web, webRow{
		t: s.t + g.r.Int64N(msSecond), anon: s.d.anon, user: user, event: event, device: s.d.typ,
		medium: s.medium, source: s.source, campaign: s.campaign, product: prod, value: value,
	})
	g.touch(s.t, event)
	s.t += 20*msSecond + g.r.Int64N(220*msSecond)
}

func (s *session) view(prod int) { s.add(tpProduct, prod, -1) }

// signIn identifies the device (the event carries both anonymousId and userId). The first sign-in of a
// person without an account creates it: that instant becomes the CRM's create date.
func (s *session) signIn() {
	if s.d.known {
		return
	}
	s.d.known = true
	if s.g.c.created == 0 {
		s.g.c.created = s.t
	}
	s.add(tpSignIn, -1, -1)
}

// checkoutOutcome is how one pass through the checkout ends.
type checkoutOutcome int

const (
	outcomeBuy       checkoutOutcome = iota // order completed
	outcomeExitPay                          // gave up at the payment step (the planted friction)
	outcomeExitEarly                        // left at the cart or shipping step; always comes back later
)

// attempt walks the checkout funnel once. The payment step is where things go wrong: troubled attempts
// repeat it one to three times (the card is declined, the 3-D Secure window hangs), and an attempt that
// gives up there is followed, half the time, by a support ticket within hours.
func (s *session) attempt(out checkoutOutcome, troubled bool, b basket) {
	g, c := s.g, &s.g.c
	s.signIn()
	s.add(tpAddToCart, b.prod, -1)
	s.add(tpCart, -1, -1)
	if out == outcomeExitEarly && g.chance(0.5) {
		return
	}
	s.add(tpShipping, -1, -1)
	if out == outcomeExitEarly {
		return
	}
	s.add(tpPayment, -1, -1)
	if troubled {
		n := g.between(1, 3)
		for range n {
			s.add(tpPayment, -1, -1)
		}
		c.frictionLoops += n
	}
	if out == outcomeBuy {
		s.add(tpOrderDone, b.prod, b.total())
		g.order(s.t-10*msSecond, "web", b)
		return
	}
	c.frictionExits++
	if g.chance(0.5) {
		channel := "chat"
		if g.chance(0.4) {
			channel = "email"
		}
		rating := 2 + g.r.IntN(2)
		if g.chance(0.2) {
			rating = 0
		}
		g.ticket(s.t+g.minutes(10, 180), channel, frictionSubject, rating, 2, 48)
		c.frictionTickets++
	}
}

// basket is what one order contains.
type basket struct {
	prod     int
	subtotal int
	discount int
	code     string
}

func (b basket) shipping() int {
	if b.subtotal-b.discount >= 7500 {
		return 0
	}
	return 795
}

func (b basket) total() int { return b.subtotal - b.discount + b.shipping() }

// buyOnline completes one purchase that takes up to two failed attempts first (failP each); failed
// attempts end the visit and the customer comes back directly some hours or days later; most buyers then
// open the order's page. It returns the session in which the order was placed.
func (g *gen) buyOnline(s *session, failP float64, b basket) *session {
	fails := 0
	for fails < 2 && g.chance(failP) {
		fails++
	}
	for i := range fails {
		if i == 0 && g.chance(0.12) {
			s.attempt(outcomeExitEarly, false, b)
		} else {
			s.attempt(outcomeExitPay, g.chance(0.7), b)
		}
		s = g.session(s.d, g.later(s.t, 0.1, 3), "direct", "", "")
	}
	s.attempt(outcomeBuy, g.chance(0.12), b)
	// Most online buyers open the order's page in their account right after paying: a routine stop, so the
	// support-heavy customers' anxious checks days later are a minority of its visits.
	if g.chance(0.6) {
		s.add(tpAccountOrders, -1, -1)
	}
	return s
}

// ads shows n retargeting ads on device d after t: the ad platform never hears about the purchase, so it
// keeps chasing the buyer. Ad impressions carry the cookie's anonymousId but no userId.
func (g *gen) ads(d *device, t int64, n int, medium, source string) {
	c := &g.c
	at := t
	for range n {
		at = g.later(at, 0.5, 6)
		if at >= g.end {
			return
		}
		d.used = true
		c.web = append(c.web, webRow{
			t: at, anon: d.anon, event: tpAd, device: d.typ, medium: medium, source: source,
			campaign: "retargeting-dpa", product: -1, value: -1,
		})
		g.touch(at, tpAd)
	}
}
