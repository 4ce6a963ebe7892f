package persona

import (
	"math"
	"slices"
	"testing"
)

func TestQuantileAndModeShare(t *testing.T) {
	sorted := []float64{0, 1, 2, 3, 4}
	for _, tt := range []struct{ q, want float64 }{{0, 0}, {0.5, 2}, {1, 4}, {0.1, 0.4}} {
		if got := quantile(sorted, tt.q); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("quantile(%v): got %v, want %v", tt.q, got, tt.want)
		}
	}
	if got := modeShare([]float64{0, 0, 0, 1}); got != 0.75 {
		t.Errorf("modeShare: got %v, want 0.75", got)
	}
}

// table builds a table of one column of the given kind.
func table(kind Kind, vals ...float64) *Table {
	return &Table{Features: []Feature{{Name: "f", Label: "f", Kind: kind}}, X: vals, Profiles: make([]int32, len(vals)), IDs: make([]string, len(vals))}
}

func TestFitScales(t *testing.T) {
	// 100 customers with 0..99 touches and one with 100,000: log1p, then winsorised at the 99th percentile.
	vals := make([]float64, 101)
	for i := range 100 {
		vals[i] = float64(i)
	}
	vals[100] = 100000
	scales, kept, notes := fitScales(table(KindCount, vals...), []int{0})
	if len(kept) != 1 || len(notes) != 0 {
		t.Fatalf("got kept %v notes %v, want the column kept", kept, notes)
	}
	s := scales[0]
	// The 1st percentile is log1p(1), the 99th lies between log1p(99) and log1p(100000).
	if !s.Log || s.Hi >= math.Log1p(100000) || s.Hi < math.Log1p(99) || math.Abs(s.Lo-math.Log1p(1)) > 1e-12 {
		t.Errorf("got scale %+v, want log1p with the outlier winsorised", s)
	}
	z := scaled(table(KindCount, vals...), kept, scales)
	mean, ss := 0.0, 0.0
	for _, v := range z {
		mean += v
	}
	mean /= float64(len(z))
	for _, v := range z {
		ss += (v - mean) * (v - mean)
	}
	if math.Abs(mean) > 1e-9 || math.Abs(ss/float64(len(z))-1) > 1e-9 {
		t.Errorf("scaled column: got mean %v variance %v, want 0 and 1", mean, ss/float64(len(z)))
	}
	if z[100] != s.Apply(1e9) || z[100] != (s.Hi-s.Mean)/s.SD {
		t.Errorf("outlier: got %v, want it clipped to the 99th percentile's z", z[100])
	}

	// Shares are not logged; a constant column and a nearly constant one are left out with a note.
	if sc, _, _ := fitScales(table(KindShare, 0.1, 0.5, 0.9), []int{0}); sc[0].Log {
		t.Error("a share column was log-scaled")
	}
	if _, kept, notes := fitScales(table(KindShare, 1, 1, 1), []int{0}); len(kept) != 0 || len(notes) != 1 {
		t.Errorf("constant column: got kept %v notes %v, want it dropped with a note", kept, notes)
	}
	near := make([]float64, 100)
	near[0] = 1
	if _, kept, notes := fitScales(table(KindShare, near...), []int{0}); len(kept) != 0 || len(notes) != 1 {
		t.Errorf("99 %% zeros: got kept %v notes %v, want it dropped with a note", kept, notes)
	}
}

func TestEditDistance(t *testing.T) {
	// Touchpoints 0 → 1 always, 2 follows nothing: sub(0,1) = 2 - 1 - 0 = 1, sub(0,2) = 2.
	tab := &Table{Touchpoints: []string{"a", "b", "c"}, PathOff: []int{0, 2, 3}, PathSteps: []int32{0, 1, 2}, Profiles: []int32{0, 1}}
	sc := newSubCosts(tab)
	if sc.cost[0*3+1] != 1 || sc.cost[0*3+2] != 2 || sc.cost[1*3+1] != 0 {
		t.Fatalf("got costs %v, want sub(a,b) = 1, sub(a,c) = 2, sub(b,b) = 0", sc.cost)
	}
	buf := make([]float64, 2*(seqCap+1))
	tests := []struct {
		a, b []int32
		want float64
	}{
		{[]int32{0, 1}, []int32{0, 1}, 0},
		{[]int32{0}, []int32{1}, 1},      // substitute a→b for 1
		{[]int32{0}, []int32{2}, 2},      // substitute (2) = delete + insert (2)
		{[]int32{0, 1}, []int32{0}, 0.5}, // delete b: 1, over the longer length 2
		{[]int32{}, []int32{0, 1, 2}, 1}, // three insertions over 3
		{[]int32{}, []int32{}, 0},
	}
	for _, tt := range tests {
		if got := sc.distance(tt.a, tt.b, buf); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("distance(%v, %v): got %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := sc.distance(tt.b, tt.a, buf); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("distance(%v, %v): got %v, want %v (symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
	long := make([]int32, 200)
	if got := sc.distance(long, long[:seqCap], buf); got != 0 {
		t.Errorf("paths equal in their first %d steps: got %v, want 0", seqCap, got)
	}
}

func TestCutsAndRules(t *testing.T) {
	cuts := cutPoints([]float64{5, 1, 1, 1, 2, 3, 9}, 4)
	if !slices.Equal(cuts, []float64{1, 2, 9}) && !slices.IsSorted(cuts) {
		t.Errorf("got cuts %v, want sorted distinct quantiles", cuts)
	}
	for _, tt := range []struct{ v, want float64 }{{0, 1}, {1, 1}, {1.5, 1}, {100, cuts[len(cuts)-1]}} {
		if got := floorCut(cuts, tt.v); got != tt.want {
			t.Errorf("floorCut(%v): got %v, want %v", tt.v, got, tt.want)
		}
	}
	for _, tt := range []struct {
		f            Feature
		lo, hi       float64
		hasLo, hasHi bool
		want         string
	}{
		{Feature{Label: "support contacts", Kind: KindCount}, 2, 0, true, false, "support contacts ≥ 2"},
		{Feature{Label: "mobile share", Kind: KindShare}, 0, 0.6, false, true, "mobile share < 0.6"},
		{Feature{Label: "mobile share", Kind: KindShare}, 0.25, 0.626, true, true, "mobile share 0.25 to < 0.63"},
		{Feature{Label: "converted", Kind: KindFlag}, 1, 0, true, false, "converted"},
		{Feature{Label: "converted", Kind: KindFlag}, 0, 1, false, true, "not converted"},
		{Feature{Label: "total order value", Kind: KindMoney}, 1234.4, 0, true, false, "total order value ≥ 1234"},
		{Feature{Label: "journey span (days)", Kind: KindDays}, 3.26, 0, true, false, "journey span (days) ≥ 3.3"},
	} {
		if got := describeBounds(tt.f, tt.lo, tt.hi, tt.hasLo, tt.hasHi); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestSampleRowsIgnoresOrder(t *testing.T) {
	ids := []string{"p_a", "p_b", "p_c", "p_d", "p_e", "p_f"}
	rev := slices.Clone(ids)
	slices.Reverse(rev)
	pick := func(ids []string) []string {
		var out []string
		for _, i := range sampleRows(ids, 3, 42) {
			out = append(out, ids[i])
		}
		slices.Sort(out)
		return out
	}
	if a, b := pick(ids), pick(rev); !slices.Equal(a, b) || len(a) != 3 {
		t.Errorf("got %v and %v, want the same three ids whatever the order", a, b)
	}
}

func TestIsSupport(t *testing.T) {
	for _, tt := range []struct {
		tp, ch string
		want   bool
	}{
		{"Ticket opened", "Support email", true},
		{"Store call", "Store", false},
		{"Call", "Call center", true},
		{"Order completed", "web", false},
		{"Live chat", "", true},
	} {
		if got := isSupport(tt.tp, tt.ch); got != tt.want {
			t.Errorf("isSupport(%q, %q): got %v, want %v", tt.tp, tt.ch, got, tt.want)
		}
	}
}

func TestParseNumber(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"12", 12, true}, {" 1,234.5 ", 1234.5, true}, {"$99.90", 99.9, true}, {"-3e2", -300, true},
		{"gold", 0, false}, {"", 0, false}, {"NaN", 0, false}, {"Inf", 0, false},
	} {
		got, ok := parseNumber(tt.in)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("parseNumber(%q): got %v %v, want %v %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"12", "1,234.5", "$9", "-0", "1e308", "abc", "€", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := parseNumber(s)
		if ok && (math.IsNaN(v) || math.IsInf(v, 0)) {
			t.Fatalf("parseNumber(%q) = %v, want a finite number or not ok", s, v)
		}
	})
}
