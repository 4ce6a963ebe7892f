package friction_test

import (
	"errors"
	"math"
	"testing"
	"time"

	"wayline/internal/demo/demotest"
	"wayline/internal/friction"
	"wayline/internal/journey"
)

func cellOf(t *testing.T, r *friction.Result, tp string) friction.Cell {
	t.Helper()
	for _, c := range r.Touchpoints {
		if c.Touchpoint == tp {
			return c
		}
	}
	t.Fatalf("no cell for %q", tp)
	return friction.Cell{}
}

func settings(min int) friction.Settings {
	s := friction.DefaultSettings()
	s.MinCustomers = min
	return s
}

func TestKnownAnswers(t *testing.T) {
	f := newFixture(join(
		// a: pays twice (a loop), buys, then a Ticket 10 minutes after the order rated 1 of 5.
		path("a", 0, "Home", "Product", "Cart", "Pay", "Pay", "Order"),
		[]ev{{who: "a", t: 600 + 300, tp: "Ticket", ch: "support", src: "desk", rating: 1}},
		// b: leaves at Pay without buying, contacts support an hour later.
		path("b", 0, "Home", "Product", "Cart", "Pay"),
		[]ev{{who: "b", t: 3*60 + 3600, tp: "Ticket", ch: "support", src: "desk"}},
		// c: goes back from Cart to Product, then buys.
		path("c", 0, "Home", "Product", "Cart", "Product", "Cart", "Pay", "Order"),
		// d: leaves at Product.
		path("d", 0, "Home", "Product"),
	))
	r, err := friction.Compute(f.view(t), nil, nil, settings(1))
	if err != nil {
		t.Fatal(err)
	}
	pay := cellOf(t, r, "Pay")
	// Pay: a, b, c. Ticket b is after Pay (the last touch before it): support 1 of 3. b exits: 1 of 3. a loops.
	wantEv := friction.Evidence{Customers: 3, Events: 4, Exits: 1, Loops: 1, Backtracks: 0, Steps: 4, Support: 1, Ratings: 0, Sources: 1}
	if pay.Evidence != wantEv {
		t.Errorf("Pay evidence %+v, want %+v", pay.Evidence, wantEv)
	}
	if got, want := pay.Components.ExitRate, 1.0/3; math.Abs(got-want) > 1e-12 {
		t.Errorf("Pay exit rate %v, want %v", got, want)
	}
	if got := pay.Components.SupportRate; math.Abs(got-1.0/3) > 1e-12 {
		t.Errorf("Pay support rate %v, want 1/3", got)
	}
	if !math.IsNaN(pay.Components.MeanRating) {
		t.Errorf("Pay mean rating %v, want NaN (no rating follows it)", pay.Components.MeanRating)
	}
	// Effort from Pay to a later stage: a needs 2 touches (Pay, Pay), b and c 1 (b's Ticket is Retention):
	// median 1, mean 4/3 → 1 − 1/(4/3).
	if got, want := pay.Components.Effort, 0.25; math.Abs(got-want) > 1e-12 {
		t.Errorf("Pay effort %v, want %v", got, want)
	}
	order := cellOf(t, r, "Order")
	// a's ticket follows the order within the window: support 1 of 2, its rating 1 of 5 = 0 counts for it.
	if order.Evidence.Support != 1 || order.Evidence.Ratings != 1 || order.Components.MeanRating != 0 || order.Components.LowRatingShare != 1 {
		t.Errorf("Order evidence %+v components %+v; want 1 support, 1 rating of 0, all low", order.Evidence, order.Components)
	}
	cart := cellOf(t, r, "Cart")
	if cart.Evidence.Backtracks != 1 || cart.Evidence.Loops != 0 {
		t.Errorf("Cart backtracks %d loops %d, want 1 and 0 (c went back to Product)", cart.Evidence.Backtracks, cart.Evidence.Loops)
	}
	ticket := cellOf(t, r, "Ticket")
	if !math.IsNaN(ticket.Components.SupportRate) || ticket.Evidence.Sources != 1 || ticket.Stage != "Retention" {
		t.Errorf("Ticket %+v; want no support rate of its own, 1 source, Retention", ticket)
	}
	product := cellOf(t, r, "Product")
	if product.Evidence.Exits != 1 || product.Evidence.Customers != 4 {
		t.Errorf("Product exits %d of %d, want 1 of 4", product.Evidence.Exits, product.Evidence.Customers)
	}
	// Scores: by hand for Pay with the default weights: exit 1/3 ×3, loop 1/3 ×1, stall 0 ×1 (every step is
	// its step's median or faster), support 1/3 ×2, effort 1/3 ×1; no sentiment.
	want := (3*(1.0/3) + 1.0/3 + 0 + 2*(1.0/3) + 0.25) / 8
	if math.Abs(pay.Score-want) > 1e-12 {
		t.Errorf("Pay score %v, want %v", pay.Score, want)
	}
	if lo, hi := friction.Wilson(pay.Score, 3); pay.Low != lo || pay.High != hi || !(lo <= pay.Score && pay.Score <= hi) {
		t.Errorf("Pay interval [%v %v], want [%v %v] around %v", pay.Low, pay.High, lo, hi, pay.Score)
	}
	if len(r.Stages) != 6 || r.Stages[3].Stage != "Purchase" || r.Stages[3].Evidence.Customers != 2 {
		t.Errorf("stages %+v; want six in order with 2 customers in Purchase", r.Stages)
	}
}

func TestStall(t *testing.T) {
	var evs []ev
	// Ten customers go Home → Product in a minute; one takes an hour.
	for i := range 10 {
		evs = append(evs, path(string(rune('a'+i)), 0, "Home", "Product")...)
	}
	evs = append(evs, ev{who: "z", t: 0, tp: "Home"}, ev{who: "z", t: 3600, tp: "Product"})
	r, err := friction.Compute(newFixture(evs).view(t), nil, nil, settings(1))
	if err != nil {
		t.Fatal(err)
	}
	home := cellOf(t, r, "Home")
	if got, want := home.Components.StallRatio, 1.0/11; math.Abs(got-want) > 1e-12 || home.Evidence.Steps != 11 {
		t.Errorf("Home stall %v over %d steps, want %v over 11", got, home.Evidence.Steps, want)
	}
}

func TestNotEnoughData(t *testing.T) {
	f := newFixture(join(path("a", 0, "Home", "Product", "Pay"), path("b", 0, "Home", "Product")))
	r, err := friction.Compute(f.view(t), nil, nil, settings(2))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range r.Touchpoints {
		enough := c.Evidence.Customers >= 2
		if c.Enough != enough || enough == math.IsNaN(c.Score) || enough == math.IsNaN(c.Low) || enough == math.IsNaN(c.High) {
			t.Errorf("%s: %d customers, enough %v, score %v [%v %v]; want enough=%v and NaN exactly when not", c.Touchpoint,
				c.Evidence.Customers, c.Enough, c.Score, c.Low, c.High, enough)
		}
	}
	if last := r.Touchpoints[len(r.Touchpoints)-1]; last.Touchpoint != "Pay" {
		t.Errorf("last touchpoint %q, want Pay (not enough data goes last)", last.Touchpoint)
	}
}

func TestWilsonKnownValues(t *testing.T) {
	tests := []struct {
		p         float64
		n         int
		low, high float64
	}{
		// Reference values of the Wilson score interval, z = 1.959964, computed independently (Python, the
		// textbook formula); 10 of 100 → 0.0552…0.1744 as in Newcombe (1998), Table I.
		{0.5, 10, 0.236593, 0.763407},
		{0.1, 100, 0.055229, 0.174366},
		{0, 12, 0, 0.242494},
		{1, 30, 0.886487, 1},
	}
	for _, tt := range tests {
		lo, hi := friction.Wilson(tt.p, tt.n)
		if math.Abs(lo-tt.low) > 1e-5 || math.Abs(hi-tt.high) > 1e-5 {
			t.Errorf("Wilson(%v, %d) = [%.6f %.6f], want [%.6f %.6f]", tt.p, tt.n, lo, hi, tt.low, tt.high)
		}
	}
	if lo, hi := friction.Wilson(0.5, 0); !math.IsNaN(lo) || !math.IsNaN(hi) {
		t.Errorf("Wilson(0.5, 0) = [%v %v], want NaN", lo, hi)
	}
	// A score seen by 12 customers is less certain than the same score seen by 12,000.
	l1, h1 := friction.Wilson(0.3, 12)
	l2, h2 := friction.Wilson(0.3, 12000)
	if h1-l1 <= h2-l2 {
		t.Errorf("width %v at n=12 vs %v at n=12000, want wider at 12", h1-l1, h2-l2)
	}
}

func TestValidate(t *testing.T) {
	d := friction.DefaultSettings()
	tests := []struct {
		name   string
		change func(*friction.Settings)
		ok     bool
	}{
		{"defaults", func(*friction.Settings) {}, true},
		{"negative weight", func(s *friction.Settings) { s.Weights.Loop = -1 }, false},
		{"NaN weight", func(s *friction.Settings) { s.Weights.Exit = math.NaN() }, false},
		{"all zero", func(s *friction.Settings) { s.Weights = friction.Weights{} }, false},
		{"one weight", func(s *friction.Settings) { s.Weights = friction.Weights{Stall: 1} }, true},
		{"min 0", func(s *friction.Settings) { s.MinCustomers = 0 }, false},
		{"window 0", func(s *friction.Settings) { s.SupportWindow = 0 }, false},
		{"low rating 1.5", func(s *friction.Settings) { s.LowRating = 1.5 }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := d
			tt.change(&s)
			err := s.Validate()
			if (err == nil) != tt.ok || (err != nil && !errors.Is(err, friction.ErrBadSettings)) {
				t.Errorf("Validate() = %v, want ok=%v (ErrBadSettings otherwise)", err, tt.ok)
			}
		})
	}
}

func TestSettingsPersist(t *testing.T) {
	st := memStore{}
	s, err := friction.LoadSettings(st)
	if err != nil || s != friction.DefaultSettings() {
		t.Fatalf("LoadSettings on a new workspace = %+v, %v; want the defaults", s, err)
	}
	s.Weights.Exit, s.MinCustomers, s.SupportWindow, s.LowRating = 5, 50, 24*time.Hour, 0.25
	if err := friction.SaveSettings(st, s); err != nil {
		t.Fatal(err)
	}
	got, err := friction.LoadSettings(st)
	if err != nil || got != s {
		t.Errorf("LoadSettings = %+v, %v; want %+v", got, err, s)
	}
	bad := s
	bad.Weights = friction.Weights{}
	if err := friction.SaveSettings(st, bad); !errors.Is(err, friction.ErrBadSettings) {
		t.Errorf("SaveSettings(all zero) = %v, want ErrBadSettings", err)
	}
	st[friction.SettingName] = []byte(`{"weights": "heavy"}`)
	if _, err := friction.LoadSettings(st); !errors.Is(err, friction.ErrDamagedSettings) {
		t.Errorf("LoadSettings(damaged) = %v, want ErrDamagedSettings", err)
	}
}

func TestPersonaGrid(t *testing.T) {
	f := newFixture(join(
		path("a", 0, "Home", "Product", "Cart", "Pay", "Pay", "Order"),
		path("b", 0, "Home", "Product", "Cart", "Pay"),
		path("c", 0, "Home", "Product", "Cart", "Product", "Cart", "Pay", "Order"),
		path("d", 0, "Home", "Product"),
	))
	v := f.view(t)
	all, err := friction.Compute(v, nil, nil, settings(1))
	if err != nil {
		t.Fatal(err)
	}
	// One persona holding everyone: its cells equal the all-customers cells.
	r, err := friction.Compute(v, []int32{0, 0, 0, 0}, []string{"Everyone"}, settings(1))
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range r.PersonaTouchpoints[0] {
		want := all.Touchpoints[i]
		if c.Persona != 0 || c.Touchpoint != want.Touchpoint || c.Evidence != want.Evidence || !sameFloat(c.Score, want.Score) {
			t.Errorf("persona cell %+v, want the all-customers cell %+v", c, want)
		}
	}
	for i, c := range r.PersonaStages[0] {
		if want := all.Stages[i]; c.Evidence != want.Evidence || !sameFloat(c.Score, want.Score) {
			t.Errorf("persona stage %+v, want %+v", c, want)
		}
	}
	// Two personas split the customers: evidence adds up to the whole.
	r2, err := friction.Compute(v, []int32{0, 1, 0, -1}, []string{"A", "B"}, settings(1))
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range r2.Touchpoints {
		a, b := r2.PersonaTouchpoints[0][i], r2.PersonaTouchpoints[1][i]
		if a.Evidence.Customers+b.Evidence.Customers > c.Evidence.Customers || a.Touchpoint != c.Touchpoint {
			t.Errorf("%s: persona customers %d + %d exceed %d", c.Touchpoint, a.Evidence.Customers, b.Evidence.Customers, c.Evidence.Customers)
		}
	}
	if _, err := friction.Compute(v, []int32{0}, []string{"A"}, settings(1)); !errors.Is(err, friction.ErrBadPersonas) {
		t.Errorf("Compute with one label for four profiles = %v, want ErrBadPersonas", err)
	}
	if _, err := friction.Compute(v, []int32{0, 0, 3, 0}, []string{"A"}, settings(1)); !errors.Is(err, friction.ErrBadPersonas) {
		t.Errorf("Compute with label 3 of 1 persona = %v, want ErrBadPersonas", err)
	}
}

func sameFloat(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }

func TestScoresInRange(t *testing.T) {
	d := demotest.Load(t, demo3000)
	v, err := d.Snap.Journeys.Apply(journey.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	labels := make([]int32, d.Snap.Journeys.Profiles())
	for p := range labels {
		labels[p] = int32(p%4) - 1
	}
	r, err := friction.Compute(v, labels, []string{"x", "y", "z"}, settings(5))
	if err != nil {
		t.Fatal(err)
	}
	check := func(c friction.Cell) {
		if !c.Enough {
			return
		}
		if !(0 <= c.Low && c.Low <= c.Score && c.Score <= c.High && c.High <= 1) {
			t.Errorf("%s/%s persona %d: score %v [%v %v], want 0 ≤ low ≤ score ≤ high ≤ 1", c.Touchpoint, c.Stage, c.Persona, c.Score, c.Low, c.High)
		}
	}
	for _, c := range append(r.Touchpoints, r.Stages...) {
		check(c)
	}
	for p := range r.Personas {
		for _, c := range append(r.PersonaTouchpoints[p], r.PersonaStages[p]...) {
			check(c)
		}
	}
}

func TestWastedKnownAnswer(t *testing.T) {
	f := newFixture(join(
		path("a", 0, "Ad", "Product", "Order", "Ad", "Ad"),
		path("b", 0, "Product", "Order", "Ad"),
		path("c", 0, "Ad", "Product"),
	))
	w := friction.Wasted(f.view(t))
	if w.Touches != 3 || w.Customers != 2 || len(w.Touchpoints) != 1 || w.Touchpoints[0].Customers != 2 {
		t.Errorf("Wasted = %+v, want 3 Ad touches of 2 customers", w)
	}
}
