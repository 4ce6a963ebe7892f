package cluster

import (
	"math"
	"testing"
)

// twoGroups is 1-D data: 50 rows near 0 and 50 near 10.
func twoGroups() ([]float64, int) {
	x := make([]float64, 100)
	for i := range x {
		x[i] = float64(i%50) / 50
		if i >= 50 {
			x[i] += 10
		}
	}
	return x, len(x)
}

func TestEMReseedsAnEmptyComponent(t *testing.T) {
	x, n := twoGroups()
	st := newEMState(n, 1, 3)
	// The third component sits so far away that no row gives it any responsibility.
	copy(st.means, []float64{0.5, 10.5, 1e9})
	copy(st.vars, []float64{0.1, 0.1, 1e-6})
	copy(st.weights, []float64{0.5, 0.5, 1e-300})
	m, err := em(x, n, 1, Options{MaxIter: 50}.withDefaults(), 1e-9, st)
	if err != nil {
		t.Fatal(err)
	}
	if m.k != 3 {
		t.Fatalf("got %d components, want 3 (the empty one re-seeded)", m.k)
	}
	for l := range m.k {
		if m.means[l] > 100 || math.IsNaN(m.means[l]) || !(m.weights[l] > 0) {
			t.Errorf("component %d: got mean %v weight %v, want it re-seeded on the data", l, m.means[l], m.weights[l])
		}
	}
	if math.IsNaN(m.logLik) || math.IsInf(m.logLik, 0) {
		t.Errorf("got log-likelihood %v, want finite", m.logLik)
	}
}

func TestEMDropsComponentsOnceReseedsAreSpent(t *testing.T) {
	st := newEMState(4, 2, 3)
	copy(st.means, []float64{0, 0, 1, 1, 2, 2})
	copy(st.vars, []float64{1, 1, 2, 2, 3, 3})
	copy(st.weights, []float64{0.2, 0.3, 0.5})
	st.best = []int{2, 1, 0, 2}
	st.drop([]int{1})
	if st.k != 2 || len(st.means) != 4 || st.means[2] != 2 || st.vars[3] != 3 {
		t.Fatalf("got k %d means %v vars %v, want component 1 removed", st.k, st.means, st.vars)
	}
	if w := st.weights[0] + st.weights[1]; math.Abs(w-1) > 1e-12 {
		t.Errorf("weights sum to %v, want 1", w)
	}
	for i, b := range st.best {
		if b < 0 || b >= st.k {
			t.Errorf("row %d: best %d out of range", i, b)
		}
	}
	st.drop([]int{0, 1})
	if st.k != 2 {
		t.Errorf("dropping every component: got k %d, want it refused (k stays 2)", st.k)
	}
}
