package periods_test

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"testing"

	"wayline/internal/friction"
	"wayline/internal/journey"
	"wayline/internal/model"
	"wayline/internal/periods"
	"wayline/internal/record"
	"wayline/internal/store"
)

// customer is one hand-written journey: touchpoints at one-minute steps from day (days since 1970).
type customer struct {
	who string
	day int64
	tps []string
}

// build makes journeys with one profile per customer, profiles numbered in name order.
func build(t testing.TB, cs []customer) *journey.Journeys {
	t.Helper()
	sort.Slice(cs, func(a, b int) bool { return cs[a].who < cs[b].who })
	m := model.New()
	b := m.AddBatch(1, []store.FileInfo{{Name: "web.csv", Source: "web"}})
	var rowProfile []int32
	line := 2
	for p, c := range cs {
		for i, tp := range c.tps {
			m.Add(b, record.Row{Line: line, Identifiers: []record.Identifier{{Type: "case_id", Value: c.who}},
				Events: []record.Event{{Time: (c.day*86400 + int64(i)*60) * 1e6, Touchpoint: tp}}})
			rowProfile = append(rowProfile, int32(p))
			line++
		}
	}
	j, err := journey.Build(m, rowProfile, len(cs), journey.StageModel{Stages: journey.DefaultStages()})
	if err != nil {
		t.Fatal(err)
	}
	return j
}

func days(from, to int64) journey.Filter {
	return journey.Filter{From: from * 86400 * 1e6, To: (to*86400 + 86399) * 1e6}
}

// twoPeriods: before (days 0–9) 30 of 40 customers buy and 10 leave at the cart; after (days 100–109) 10 of
// 42 buy, 30 leave at the cart and 2 call the store. Persona 0 ("Buyers") is everyone who bought.
func twoPeriods(t testing.TB) (a, b *journey.View, personaOf []int32) {
	var cs []customer
	var buyer []bool
	add := func(prefix string, n int, day int64, tps ...string) {
		for i := range n {
			cs = append(cs, customer{who: fmt.Sprintf("%s%02d", prefix, i), day: day + int64(i%10), tps: tps})
			buyer = append(buyer, tps[len(tps)-1] == "Purchase")
		}
	}
	add("a-buy", 30, 0, "Home page", "Purchase")
	add("a-cart", 10, 0, "Home page", "Cart", "Cart")
	add("b-buy", 10, 100, "Home page", "Purchase")
	add("b-cart", 30, 100, "Home page", "Cart")
	add("b-call", 2, 100, "Home page", "Store call")
	// build sorts by name; label in that order.
	type pair struct {
		who   string
		buyer bool
	}
	ps := make([]pair, len(cs))
	for i := range cs {
		ps[i] = pair{cs[i].who, buyer[i]}
	}
	sort.Slice(ps, func(x, y int) bool { return ps[x].who < ps[y].who })
	for _, p := range ps {
		if p.buyer {
			personaOf = append(personaOf, 0)
		} else {
			personaOf = append(personaOf, 1)
		}
	}
	j := build(t, cs)
	var err error
	if a, err = j.Apply(days(0, 9)); err != nil {
		t.Fatal(err)
	}
	if b, err = j.Apply(days(100, 109)); err != nil {
		t.Fatal(err)
	}
	return a, b, personaOf
}

func settings(min int) friction.Settings {
	s := friction.DefaultSettings()
	s.MinCustomers = min
	return s
}

func find(cs []periods.Change, label string) (periods.Change, bool) {
	for _, c := range cs {
		if c.Label == label {
			return c, true
		}
	}
	return periods.Change{}, false
}

func TestComparePathsAndPersonas(t *testing.T) {
	a, b, personaOf := twoPeriods(t)
	d, err := periods.Compare(a, b, personaOf, []string{"Buyers", "Browsers"}, settings(5))
	if err != nil {
		t.Fatal(err)
	}
	if d.A.Customers != 40 || d.B.Customers != 42 || d.A.Converted != 30 || d.B.Converted != 10 || d.MinCustomers != 5 {
		t.Errorf("summaries: got %+v and %+v, want 30 of 40 and 10 of 42 converted", d.A, d.B)
	}
	want := []struct {
		kind, label   string
		before, after float64
		nb, na        int
	}{
		{periods.KindPath, "Home page → Purchase", 30.0 / 40, 10.0 / 42, 30, 10},
		{periods.KindPath, "Home page → Cart", 10.0 / 40, 30.0 / 42, 10, 30}, // Cart Cart collapses to Cart
		{periods.KindPath, "Home page → Store call", 0, 2.0 / 42, 0, 2},
		{periods.KindPersona, "Buyers", 30.0 / 40, 10.0 / 42, 30, 10},
		{periods.KindPersona, "Browsers", 10.0 / 40, 32.0 / 42, 10, 32},
	}
	for _, w := range want {
		list := d.Paths
		if w.kind == periods.KindPersona {
			list = d.Personas
		}
		c, ok := find(list, w.label)
		if !ok {
			t.Errorf("%s %q missing", w.kind, w.label)
			continue
		}
		if math.Abs(c.Before-w.before) > 1e-12 || math.Abs(c.After-w.after) > 1e-12 || math.Abs(c.Delta-(w.after-w.before)) > 1e-12 ||
			c.CustomersBefore != w.nb || c.CustomersAfter != w.na || !c.Enough || c.Kind != w.kind {
			t.Errorf("%q: got %+v, want %.4f → %.4f with %d → %d customers, enough", w.label, c, w.before, w.after, w.nb, w.na)
		}
	}
	if len(d.Paths) != 3 || len(d.Personas) != 2 {
		t.Errorf("got %d paths and %d personas, want 3 and 2", len(d.Paths), len(d.Personas))
	}
	for _, list := range [][]periods.Change{d.Paths, d.Personas, d.Friction, d.Biggest} {
		for i := 1; i < len(list); i++ {
			if math.Abs(list[i].Delta) > math.Abs(list[i-1].Delta) {
				t.Errorf("not sorted by |Delta| at %d: %+v after %+v", i, list[i], list[i-1])
			}
		}
	}
	// The biggest changes: the buyers' path lost 30/40 − 10/42 = 0.512 of the customers (51 percentage
	// points), and so did the Buyers persona, while the Browsers gained as much; equal sizes go path first,
	// then friction, then persona, then by label.
	wantOrder := []string{"Home page → Purchase", "Browsers", "Buyers", "Home page → Cart"}
	for i, l := range wantOrder {
		if i >= len(d.Biggest) || d.Biggest[i].Label != l {
			t.Fatalf("biggest: got %+v, want %v first", d.Biggest, wantOrder)
		}
	}
	if math.Abs(d.Biggest[0].Delta+(0.75-10.0/42)) > 1e-12 {
		t.Errorf("biggest delta: got %v, want %v", d.Biggest[0].Delta, -(0.75 - 10.0/42))
	}
	if len(d.Biggest) > periods.TopChanges {
		t.Errorf("biggest: %d changes, want at most %d", len(d.Biggest), periods.TopChanges)
	}
}

func TestCompareFriction(t *testing.T) {
	a, b, _ := twoPeriods(t)
	s := settings(5)
	d, err := periods.Compare(a, b, nil, nil, s)
	if err != nil {
		t.Fatal(err)
	}
	ra, _ := friction.Compute(a, nil, nil, s)
	rb, _ := friction.Compute(b, nil, nil, s)
	score := func(r *friction.Result, tp string) float64 {
		for _, c := range r.Touchpoints {
			if c.Touchpoint == tp {
				return c.Score
			}
		}
		return math.NaN()
	}
	for _, tp := range []string{"Home page", "Cart", "Purchase"} {
		c, ok := find(d.Friction, tp)
		if !ok {
			t.Errorf("friction of %q missing", tp)
			continue
		}
		if c.Before != score(ra, tp) || c.After != score(rb, tp) || c.Delta != c.After-c.Before || !c.Enough {
			t.Errorf("%q: got %+v, want friction.Compute's scores %.4f → %.4f", tp, c, score(ra, tp), score(rb, tp))
		}
	}
	// Cart: every cart visitor leaves without buying, in both periods.
	if c, _ := find(d.Friction, "Cart"); c.CustomersBefore != 10 || c.CustomersAfter != 30 {
		t.Errorf("Cart customers: got %d → %d, want 10 → 30", c.CustomersBefore, c.CustomersAfter)
	}
	// Store call has 2 customers after and none before: not compared.
	if len(d.FrictionNotEnough) != 1 || d.FrictionNotEnough[0] != "Store call" {
		t.Errorf("not enough: got %v, want [Store call]", d.FrictionNotEnough)
	}
	if _, ok := find(d.Friction, "Store call"); ok {
		t.Error("Store call is compared without enough data")
	}
	if len(d.Personas) != 0 {
		t.Errorf("personas without labels: got %d, want none", len(d.Personas))
	}
}

func TestCompareNotEnoughCustomers(t *testing.T) {
	a, b, personaOf := twoPeriods(t)
	d, err := periods.Compare(a, b, personaOf, []string{"Buyers", "Browsers"}, settings(41)) // A has 40
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range append(append([]periods.Change{}, d.Paths...), d.Personas...) {
		if c.Enough {
			t.Errorf("%q: enough with 40 customers before and 41 needed", c.Label)
		}
	}
	if len(d.Biggest) != 0 || len(d.Friction) != 0 {
		t.Errorf("got %d biggest and %d friction changes, want none", len(d.Biggest), len(d.Friction))
	}
	if len(d.FrictionNotEnough) != 4 {
		t.Errorf("not enough friction: got %v, want all 4 touchpoints", d.FrictionNotEnough)
	}
}

func TestCompareErrors(t *testing.T) {
	a, b, personaOf := twoPeriods(t)
	other, _, _ := twoPeriods(t)
	tests := []struct {
		name      string
		a, b      *journey.View
		personaOf []int32
		names     []string
		s         friction.Settings
		want      error
	}{
		{"different journeys", a, other, nil, nil, settings(5), periods.ErrDifferentJourneys},
		{"short labels", a, b, personaOf[:3], []string{"Buyers", "Browsers"}, settings(5), periods.ErrBadPersonas},
		{"label out of range", a, b, personaOf, []string{"Buyers"}, settings(5), periods.ErrBadPersonas},
		{"settings", a, b, nil, nil, settings(0), friction.ErrBadSettings},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := periods.Compare(tt.a, tt.b, tt.personaOf, tt.names, tt.s); !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
}
