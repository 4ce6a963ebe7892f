package notes_test

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"wayline/internal/notes"
)

func near(got, want, tol float64) bool { return math.Abs(got-want) <= tol }

// conversionFixture: 70 customers called the store and 56 of them bought; 80 did not call and 48 bought —
// Newcombe's (1998) example (a), 56/70 against 48/80.
func conversionFixture(t *testing.T) *notesFixture {
	var evs []ev
	for i := range 150 {
		who := fmt.Sprintf("c%03d", i)
		tps := []string{"Home page"}
		called := i < 70
		bought := (called && i < 56) || (!called && i < 70+48)
		if called {
			tps = append(tps, "Store call")
		}
		if bought {
			tps = append(tps, "Purchase")
		}
		evs = append(evs, path(who, int64(i)*86400, tps...)...)
	}
	j, _ := build(t, evs)
	return &notesFixture{j: j}
}

func TestEvaluateConversionKnownAnswer(t *testing.T) {
	f := conversionFixture(t)
	h := notes.Hypothesis{A: notes.Group{Touchpoints: []string{"Store call"}}, Metric: notes.MetricConversion, Direction: notes.Higher}
	v, err := notes.Evaluate(f.j, nil, nil, h, 30)
	if err != nil {
		t.Fatal(err)
	}
	if v.A.Customers != 70 || v.A.Converted != 56 || v.B.Customers != 80 || v.B.Converted != 48 {
		t.Fatalf("sides: got A %d/%d, B %d/%d, want 56/70 and 48/80", v.A.Converted, v.A.Customers, v.B.Converted, v.B.Customers)
	}
	// By hand: pooled p = 104/150, se = sqrt(p(1-p)(1/70+1/80)) = 0.075467, z = 0.2/se = 2.6502,
	// P = erfc(z/√2) = 0.008045. Newcombe's method 10 interval for this example: 0.0524 to 0.3339.
	checks := []struct {
		name      string
		got, want float64
		tol       float64
	}{
		{"difference", v.Difference, 0.2, 1e-12},
		{"z", v.Statistic, 2.65017, 1e-4},
		{"P", v.P, 0.008045, 1e-5},
		{"low", v.Low, 0.0524, 1e-4},
		{"high", v.High, 0.3339, 1e-4},
		{"rate A", v.A.Rate, 0.8, 1e-12},
		{"rate B", v.B.Rate, 0.6, 1e-12},
	}
	for _, c := range checks {
		if !near(c.got, c.want, c.tol) {
			t.Errorf("%s: got %.6f, want %.6f", c.name, c.got, c.want)
		}
	}
	if v.Status != notes.Supported || !v.Tested || v.Test != "two-proportion z-test" {
		t.Errorf("got %q (tested %v, %s), want supported by the z-test; reason: %s", v.Status, v.Tested, v.Test, v.Reason)
	}
	h.Direction = notes.Lower
	if v, _ = notes.Evaluate(f.j, nil, nil, h, 30); v.Status != notes.Contradicted {
		t.Errorf("claiming lower: got %q, want contradicted", v.Status)
	}
	if v, _ = notes.Evaluate(f.j, nil, nil, h, 71); v.Status != notes.NotEnoughData || v.Tested || v.P != 1 {
		t.Errorf("with 71 customers needed: got %q (tested %v, P %v), want not enough data, untested, P 1", v.Status, v.Tested, v.P)
	}
}

// welchFixture gives each customer one event with a value: the two samples of Welch's t-test example 1 on
// Wikipedia, A1 at "Store visit" and A2 at "Web visit".
func welchFixture(t *testing.T) *notesFixture {
	a1 := []float64{27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4}
	a2 := []float64{27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4}
	var evs []ev
	for i, x := range a1 {
		evs = append(evs, ev{who: fmt.Sprintf("a%02d", i), t: int64(i) * 3600, tp: "Store visit", value: x, hasValue: true})
	}
	for i, x := range a2 {
		who := fmt.Sprintf("b%02d", i)
		evs = append(evs, ev{who: who, t: int64(i) * 3600, tp: "Web visit", value: x, hasValue: true},
			ev{who: who, t: int64(i)*3600 + 60, tp: "Newsletter"}) // no value: adds nothing to the sum
	}
	j, _ := build(t, evs)
	return &notesFixture{j: j}
}

func TestEvaluateWelchKnownAnswer(t *testing.T) {
	f := welchFixture(t)
	h := notes.Hypothesis{A: notes.Group{Touchpoints: []string{"Store visit"}}, Metric: notes.MetricValue, Direction: notes.Lower}
	v, err := notes.Evaluate(f.j, nil, nil, h, 10)
	if err != nil {
		t.Fatal(err)
	}
	// Means 20.82 and 22.98667; t = -2.45536 on 24.9885 Welch–Satterthwaite degrees of freedom, P = 0.021378,
	// 95 % interval -3.98410 to -0.34924 (t quantile 2.05959); computed by hand with mpmath's incomplete beta.
	checks := []struct {
		name      string
		got, want float64
		tol       float64
	}{
		{"mean A", v.A.Mean, 20.82, 1e-9},
		{"mean B", v.B.Mean, 22.986667, 1e-6},
		{"difference", v.Difference, 20.82 - 22.986667, 1e-6},
		{"t", v.Statistic, -2.455356, 1e-5},
		{"df", v.DF, 24.98853, 1e-4},
		{"P", v.P, 0.021378, 1e-5},
		{"low", v.Low, -3.984096, 1e-4},
		{"high", v.High, -0.349237, 1e-4},
	}
	for _, c := range checks {
		if !near(c.got, c.want, c.tol) {
			t.Errorf("%s: got %.6f, want %.6f", c.name, c.got, c.want)
		}
	}
	if v.Status != notes.Supported || v.Test != "Welch t-test" {
		t.Errorf("got %q by %s, want supported by the Welch t-test; reason: %s", v.Status, v.Test, v.Reason)
	}
	h.Direction = notes.Higher
	if v, _ = notes.Evaluate(f.j, nil, nil, h, 10); v.Status != notes.Contradicted {
		t.Errorf("claiming higher: got %q, want contradicted", v.Status)
	}
	// Events: every A customer has 1, every B customer 2 — constant samples, an exact difference of -1.
	h.Metric, h.Direction = notes.MetricEvents, notes.Lower
	v, _ = notes.Evaluate(f.j, nil, nil, h, 10)
	if v.Difference != -1 || v.P != 0 || v.Low != -1 || v.High != -1 || v.Status != notes.Supported {
		t.Errorf("events: got difference %v [%v, %v] P %v %q, want exactly -1, P 0, supported", v.Difference, v.Low, v.High, v.P, v.Status)
	}
}

func TestEvaluateNotSignificant(t *testing.T) {
	// 40 against 40 customers, conversion 50 % against 45 %: P ≈ 0.65.
	var evs []ev
	for i := range 80 {
		tps := []string{"Home page"}
		if i < 40 {
			tps = append(tps, "Store call")
		}
		if (i < 40 && i%2 == 0) || (i >= 40 && i < 58) {
			tps = append(tps, "Purchase")
		}
		evs = append(evs, path(fmt.Sprintf("c%02d", i), int64(i)*600, tps...)...)
	}
	j, _ := build(t, evs)
	v, err := notes.Evaluate(j, nil, nil, notes.Hypothesis{A: notes.Group{Touchpoints: []string{"Store call"}},
		Metric: notes.MetricConversion, Direction: notes.Higher}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if v.Status != notes.NotEnoughData || !v.Tested || v.P < 0.5 || v.Low >= 0 || v.High <= 0 || v.MinCustomers != notes.DefaultMinCustomers {
		t.Errorf("got %q tested %v P %.3f [%.3f, %.3f] min %d, want not enough data after a test with P > 0.5 and an interval around 0, min %d",
			v.Status, v.Tested, v.P, v.Low, v.High, v.MinCustomers, notes.DefaultMinCustomers)
	}
}

func TestEvaluateGroups(t *testing.T) {
	// Day 0: ann (mobile, buys), bob (desktop), cat (mobile); day 10: dan (mobile, buys), eve (desktop, buys).
	evs := []ev{
		{who: "ann", t: 0, tp: "Home page", dev: "mobile"}, {who: "ann", t: 60, tp: "Purchase", dev: "mobile"},
		{who: "bob", t: 0, tp: "Home page", dev: "desktop"},
		{who: "cat", t: 0, tp: "Store call", dev: "mobile"},
		{who: "dan", t: 10 * 86400, tp: "Home page", dev: "mobile"}, {who: "dan", t: 10*86400 + 60, tp: "Purchase", dev: "mobile"},
		{who: "eve", t: 10 * 86400, tp: "Store call", dev: "desktop"}, {who: "eve", t: 10*86400 + 60, tp: "Purchase", dev: "desktop"},
	}
	j, _ := build(t, evs) // profiles: ann 0, bob 1, cat 2, dan 3, eve 4
	personaOf := []int32{0, 1, 0, 1, -1}
	ids := []string{"persona-1", "persona-2"}
	conv := func(a notes.Group, b *notes.Group) notes.Verdict {
		t.Helper()
		v, err := notes.Evaluate(j, personaOf, ids, notes.Hypothesis{A: a, B: b, Metric: notes.MetricConversion, Direction: notes.Higher}, 1)
		if err != nil {
			t.Fatalf("%v vs %v: %v", a, b, err)
		}
		return v
	}
	tests := []struct {
		name             string
		a                notes.Group
		b                *notes.Group
		wantA, wantAConv int
		wantB, wantBConv int
		wantOverlap      int
	}{
		{"mobile against everyone else", notes.Group{Devices: []string{"mobile"}}, nil, 3, 2, 2, 1, 0},
		{"store callers against non-callers", notes.Group{Touchpoints: []string{"Store call"}}, nil, 2, 1, 3, 2, 0},
		// Within mobile only: cat called; ann and dan did not.
		{"mobile callers against mobile non-callers", notes.Group{Devices: []string{"mobile"}, Touchpoints: []string{"Store call"}}, nil, 1, 0, 2, 2, 0},
		// The date range ends day 1: only ann, bob, cat; everyone else in that range is bob.
		{"mobile in the first days", notes.Group{To: "1970-01-02", Devices: []string{"mobile"}}, nil, 2, 1, 1, 0, 0},
		{"persona 1 against everyone else", notes.Group{Personas: []string{"persona-1"}}, nil, 2, 1, 3, 2, 0},
		{"persona 1 against persona 2", notes.Group{Personas: []string{"persona-1"}}, &notes.Group{Personas: []string{"persona-2"}}, 2, 1, 2, 1, 0},
		{"mobile against buyers (overlap)", notes.Group{Devices: []string{"mobile"}}, &notes.Group{Touchpoints: []string{"Purchase"}}, 3, 2, 3, 3, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := conv(tt.a, tt.b)
			if v.A.Customers != tt.wantA || v.A.Converted != tt.wantAConv || v.B.Customers != tt.wantB ||
				v.B.Converted != tt.wantBConv || v.Overlap != tt.wantOverlap {
				t.Errorf("got A %d/%d, B %d/%d, overlap %d; want A %d/%d, B %d/%d, overlap %d", v.A.Converted, v.A.Customers,
					v.B.Converted, v.B.Customers, v.Overlap, tt.wantAConv, tt.wantA, tt.wantBConv, tt.wantB, tt.wantOverlap)
			}
		})
	}
}

func TestEvaluateErrors(t *testing.T) {
	j, _ := build(t, path("ann", 0, "Home page", "Purchase"))
	ok := notes.Group{}
	tests := []struct {
		name      string
		h         notes.Hypothesis
		personaOf []int32
	}{
		{"metric", notes.Hypothesis{A: ok, Metric: "revenue", Direction: notes.Higher}, nil},
		{"direction", notes.Hypothesis{A: ok, Metric: notes.MetricValue, Direction: "more"}, nil},
		{"date", notes.Hypothesis{A: notes.Group{From: "14/03/2025"}, Metric: notes.MetricValue, Direction: notes.Higher}, nil},
		{"range backwards", notes.Hypothesis{A: notes.Group{From: "2025-03-14", To: "2025-03-01"}, Metric: notes.MetricValue, Direction: notes.Higher}, nil},
		{"touchpoint", notes.Hypothesis{A: notes.Group{Touchpoints: []string{"Fax"}}, Metric: notes.MetricValue, Direction: notes.Higher}, nil},
		{"personas missing", notes.Hypothesis{A: notes.Group{Personas: []string{"persona-1"}}, Metric: notes.MetricValue, Direction: notes.Higher}, nil},
		{"persona unknown", notes.Hypothesis{A: notes.Group{Personas: []string{"persona-9"}}, Metric: notes.MetricValue, Direction: notes.Higher}, []int32{0}},
		{"group B", notes.Hypothesis{A: ok, B: &notes.Group{Touchpoints: []string{"Fax"}}, Metric: notes.MetricValue, Direction: notes.Higher}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := notes.Evaluate(j, tt.personaOf, []string{"persona-1"}, tt.h, 1)
			if !errors.Is(err, notes.ErrBadHypothesis) {
				t.Errorf("got %v, want ErrBadHypothesis", err)
			}
		})
	}
}
