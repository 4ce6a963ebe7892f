package friction_test

import (
	"math"
	"slices"
	"sort"
	"strings"
	"testing"

	"wayline/internal/demo"
	"wayline/internal/demo/demotest"
	"wayline/internal/friction"
	"wayline/internal/journey"
	"wayline/internal/model"
	"wayline/internal/record"
	"wayline/internal/store"
)

// momentsStages places the abstract touchpoints of the hand-built journeys: A and B before deciding, S in
// Decision, Buy the goal in Purchase, T (a ticket) in Retention.
var momentsStages = journey.StageModel{
	Stages: journey.DefaultStages(),
	Mapping: []journey.StageAssignment{
		{Touchpoint: "A", Stage: "Awareness"}, {Touchpoint: "B", Stage: "Consideration"},
		{Touchpoint: "S", Stage: "Decision"}, {Touchpoint: "Buy", Stage: "Purchase"}, {Touchpoint: "T", Stage: "Retention"},
	},
	Goal: []string{"Buy"},
}

// momentsView builds a view of hand-written journeys: each string is one customer's touchpoints in order,
// space-separated, one hour apart.
func momentsView(t testing.TB, journeys ...string) *journey.View {
	t.Helper()
	m := model.New()
	b := m.AddBatch(1, []store.FileInfo{{Name: "web.csv", Source: "web"}})
	var rowProfile []int32
	line := 2
	for c, j := range journeys {
		for k, tp := range strings.Fields(j) {
			m.Add(b, record.Row{File: 0, Line: line,
				Identifiers: []record.Identifier{{Type: "customer_id", Value: "c" + string(rune('a'+c))}},
				Events:      []record.Event{{Time: int64(1_700_000_000+c*100_000+k*3600) * 1e6, Touchpoint: tp, Channel: "web"}}})
			rowProfile = append(rowProfile, int32(c))
			line++
		}
	}
	jn, err := journey.Build(m, rowProfile, len(journeys), momentsStages)
	if err != nil {
		t.Fatal(err)
	}
	v, err := jn.Apply(journey.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func momentsByName(t *testing.T, ms []friction.Moment) map[string]friction.Moment {
	t.Helper()
	out := map[string]friction.Moment{}
	for _, m := range ms {
		out[m.Touchpoint] = m
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestRemovalEffectKnownAnswers(t *testing.T) {
	tests := []struct {
		name     string
		journeys []string
		want     map[string]float64
	}{
		{
			// S→A 3, S→B 1; A→Buy 1, A→B 1, A→null 1; B→Buy 1, B→null 1. x_B = 1/2, x_A = 1/3 + 1/3·1/2 = 1/2,
			// P = 3/4·1/2 + 1/4·1/2 = 1/2. Without A: P = 1/4·1/2 = 1/8, effect 3/4. Without B: x_A = 1/3,
			// P = 3/4·1/3 = 1/4, effect 1/2.
			name:     "branching chain",
			journeys: []string{"A Buy", "A B Buy", "B", "A"},
			want:     map[string]float64{"A": 0.75, "B": 0.5},
		},
		{
			// A loop: x_A = x_B/2 + 1/2, x_B = x_A/2, so x_A = 2/3, x_B = 1/3, P = 1/2. Without A nothing
			// converts (effect 1); without B x_A = 1/2, P = 1/4 (effect 1/2).
			name:     "loop",
			journeys: []string{"A B A Buy", "B"},
			want:     map[string]float64{"A": 1, "B": 0.5},
		},
		{
			// Repeats are self-loops: they do not change where the chain ends. Everything after the first
			// Buy is ignored (the T and the second A).
			name:     "self-loops and touches after buying",
			journeys: []string{"A A A Buy T A", "A B", "B Buy"},
			// A: A 2/4, Buy 1/4, B 1/4; B: Buy 1/2, end 1/2. x_A = x_A/2 + 1/4 + 1/8 = 3/4, P = 2/3·3/4 +
			// 1/3·1/2 = 2/3. Without A: P = 1/6 (effect 3/4); without B: x_A = 1/2, P = 1/3 (effect 1/2).
			want: map[string]float64{"A": 0.75, "B": 0.5},
		},
		{
			name:     "nobody converts",
			journeys: []string{"A B", "B"},
			want:     map[string]float64{"A": 0, "B": 0},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, err := friction.MomentsOfTruth(momentsView(t, tt.journeys...), 0)
			if err != nil {
				t.Fatal(err)
			}
			got := momentsByName(t, ms)
			if len(got) != len(tt.want) {
				t.Fatalf("got moments %v, want exactly %v", got, tt.want)
			}
			for tp, want := range tt.want {
				if !near(got[tp].RemovalEffect, want) {
					t.Errorf("removal effect of %s: got %v, want %v", tp, got[tp].RemovalEffect, want)
				}
			}
		})
	}
}

func TestLiftMatchedOnStageReached(t *testing.T) {
	v := momentsView(t,
		"A S Buy",   // reached Purchase, had S: converted
		"A S B Buy", // the same, with B too
		"A B Buy",   // reached Purchase, no S
		"A B S",     // reached Decision with S, did not buy
		"A B",       // stopped in Consideration: not in S's comparison
		"B",         // no A
		"A Buy S T", // S and T only after buying: they do not count
	)
	ms, err := friction.MomentsOfTruth(v, 0)
	if err != nil {
		t.Fatal(err)
	}
	got := momentsByName(t, ms)
	if _, ok := got["Buy"]; ok {
		t.Errorf("the goal touchpoint Buy is listed as a moment: %+v", got["Buy"])
	}
	if _, ok := got["T"]; ok {
		t.Errorf("T, seen only after buying, is listed: %+v", got["T"])
	}
	tests := []struct {
		tp                    string
		with, without         int
		convWith, convWithout float64
	}{
		// S (Decision): reached Decision = the five customers whose journeys reach Decision or Purchase up to
		// their first Buy; with S before buying: 1, 2, 4.
		{"S", 3, 2, 2.0 / 3, 1},
		// A (Awareness): everyone reached it; without A only "B", who did not buy.
		{"A", 6, 1, 4.0 / 6, 0},
		// B (Consideration): all seven reached Consideration or later (Buy is in Purchase); with B: the
		// second to sixth.
		{"B", 5, 2, 2.0 / 5, 1},
	}
	for _, tt := range tests {
		m, ok := got[tt.tp]
		if !ok {
			t.Fatalf("%s missing from %v", tt.tp, got)
		}
		if m.With != tt.with || m.Without != tt.without || !near(m.ConvWith, tt.convWith) || !near(m.ConvWithout, tt.convWithout) {
			t.Errorf("%s: got with %d (%.3f) without %d (%.3f), want with %d (%.3f) without %d (%.3f)",
				tt.tp, m.With, m.ConvWith, m.Without, m.ConvWithout, tt.with, tt.convWith, tt.without, tt.convWithout)
		}
		if !near(m.Lift, tt.convWith-tt.convWithout) {
			t.Errorf("%s: got lift %v, want %v", tt.tp, m.Lift, tt.convWith-tt.convWithout)
		}
		if want := momentsStages.Mapping[map[string]int{"A": 0, "B": 1, "S": 2}[tt.tp]].Stage; m.Stage != want {
			t.Errorf("%s: got stage %q, want %q", tt.tp, m.Stage, want)
		}
	}
}

func TestMomentsRankingAndLimit(t *testing.T) {
	// Everyone had A, so its lift is undefined (nobody without it); B and S both carry removal effects.
	v := momentsView(t, "A S Buy", "A B", "A B S Buy", "A S", "A B Buy")
	all, err := friction.MomentsOfTruth(v, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(all); i++ {
		if all[i].RemovalEffect > all[i-1].RemovalEffect {
			t.Fatalf("not ranked by removal effect: %+v", all)
		}
	}
	byName := momentsByName(t, all)
	if a := byName["A"]; a.Without != 0 || !math.IsNaN(a.Lift) || !math.IsNaN(a.ConvWithout) || !near(a.RemovalEffect, 1) {
		t.Errorf("A: got %+v, want Without 0, NaN lift and removal effect 1 (every journey starts with A)", a)
	}
	if all[0].Touchpoint != "A" {
		t.Errorf("first moment %q, want A (removal effect 1)", all[0].Touchpoint)
	}
	two, err := friction.MomentsOfTruth(v, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(two) != 2 || two[0].Touchpoint != all[0].Touchpoint || two[1].Touchpoint != all[1].Touchpoint {
		t.Errorf("limit 2: got %+v, want the first two of %+v", two, all)
	}
}

func TestMomentsEmptyView(t *testing.T) {
	v := momentsView(t, "A")
	empty, err := v.Journeys().Apply(journey.Filter{Sources: []string{"nowhere"}})
	if err != nil {
		t.Fatal(err)
	}
	ms, err := friction.MomentsOfTruth(empty, 5)
	if err != nil || len(ms) != 0 {
		t.Fatalf("got %v, %v; want no moments and no error", ms, err)
	}
}

func TestMomentsOnTheDemo(t *testing.T) {
	v, err := demotest.Load(t, demo.Options{Customers: 2000, Seed: 1}).Snap.Journeys.Apply(journey.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	ms, err := friction.MomentsOfTruth(v, 0)
	if err != nil {
		t.Fatal(err)
	}
	var top []string
	for i, m := range ms {
		if i < 5 {
			top = append(top, m.Touchpoint)
		}
		t.Logf("%-22s %-13s with %4d (%.2f) without %4d (%.2f) lift %+.2f removal %.3f", m.Touchpoint, m.Stage,
			m.With, m.ConvWith, m.Without, m.ConvWithout, m.Lift, m.RemovalEffect)
		if m.RemovalEffect < 0 || m.RemovalEffect > 1 || m.With+m.Without > v.Len() {
			t.Errorf("%s: removal effect %v or %d+%d customers out of range", m.Touchpoint, m.RemovalEffect, m.With, m.Without)
		}
		for _, goal := range []string{"Order completed", "Order: web", "Order: pos", "Order: phone", "Store purchase"} {
			if m.Touchpoint == goal {
				t.Errorf("goal touchpoint %s listed as a moment of truth", goal)
			}
		}
	}
	byName := momentsByName(t, ms)
	// Every store researcher calls, visits and buys at the till: the store steps convert everyone who
	// takes them, a clear positive lift over others who reached Decision.
	for _, tp := range []string{"Store locator", "Store call", "Store visit"} {
		if m := byName[tp]; m.With < 100 || m.ConvWith < 0.99 || m.Lift < 0.05 {
			t.Errorf("%s: got %+v, want over 100 customers who all buy, and a positive lift", tp, m)
		}
	}
	// Comparison shoppers, about half of whom buy, are the ones who compare products: the most negative
	// lift among well-supported moments.
	worst := friction.Moment{Lift: math.Inf(1)}
	for _, m := range ms {
		if m.With >= 100 && m.Without >= 100 && m.Lift < worst.Lift {
			worst = m
		}
	}
	if worst.Touchpoint != "Product compared" || worst.Lift > -0.3 {
		t.Errorf("most negative lift: got %s (%+.2f), want Product compared below -0.30", worst.Touchpoint, worst.Lift)
	}
	// Most purchases are web orders, which all pass through the checkout: a checkout step is among the
	// five largest removal effects.
	sort.Strings(top)
	if !slices.ContainsFunc(top, func(tp string) bool { return strings.HasPrefix(tp, "Checkout") }) {
		t.Errorf("top five moments %v, want a checkout step among them", top)
	}
	// Retargeting ads are shown only after a purchase: they are not a moment of truth before it.
	for _, m := range ms {
		if m.Touchpoint == "Retargeting ad" && m.With > 0 {
			t.Errorf("Retargeting ad (shown only after buying) listed with %d customers before converting", m.With)
		}
	}
}

// BenchmarkMomentsOfTruth is the moments' share of a map redraw on the 100,000-customer workspace.
func BenchmarkMomentsOfTruth(b *testing.B) {
	v := demotest.Bench(b, 100_000)
	b.ResetTimer()
	for b.Loop() {
		if _, err := friction.MomentsOfTruth(v, 0); err != nil {
			b.Fatal(err)
		}
	}
}
