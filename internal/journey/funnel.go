package journey

import (
	"fmt"
	"math/bits"
	"sort"
)

// MaxFunnelSteps bounds a funnel so that the steps a customer reached fit in one machine word.
const MaxFunnelSteps = 64

// Funnel modes.
const (
	FunnelClosed = "closed" // customers enter at the first step only
	FunnelOpen   = "open"   // customers enter at whichever step they reach first
)

// LeftLabel is where a customer went next when they did nothing more.
const LeftLabel = "(left)"

// FunnelSpec defines a funnel.
type FunnelSpec struct {
	Steps         []FunnelStep
	Mode          string // FunnelClosed (default) or FunnelOpen
	WindowSeconds int64  // steps must be reached within this many seconds of entering; 0 for no limit
}

// FunnelStep is one step: reached by any of its touchpoints. An optional step may be skipped.
type FunnelStep struct {
	Label       string
	Touchpoints []string
	Optional    bool
}

// FunnelResult is a funnel evaluated on a view.
type FunnelResult struct {
	Steps         []FunnelStepResult
	Customers     int // customers who entered the funnel
	Completed     int // customers who reached the last step
	Mode          string
	WindowSeconds int64
}

// FunnelStepResult is one step's figures.
type FunnelStepResult struct {
	Label       string
	Touchpoints []string
	Optional    bool
	Entered     int // customers who entered the funnel at this step (open funnels; closed: all at step 1)
	Reached     int
	// ConversionFromPrev is the share of customers who reached the previous required step and went on to
	// reach this one (for the first step: Reached over Customers).
	ConversionFromPrev    float64
	ConversionFromStart   float64 // Reached over Customers
	MedianSecondsFromPrev float64 // from the step they came from; exact
	Dropped               int     // customers for whom this was the last step reached (0 for the last step)
	DroppedTo             []Destination
}

// Destination is where customers went next.
type Destination struct {
	Touchpoint string
	Customers  int
}

// funnelEval is a validated spec ready to run on customers.
type funnelEval struct {
	spec     FunnelSpec
	n        int
	closed   bool
	window   int64    // µs, 0 none
	masks    []uint64 // per dense touchpoint: the steps it belongs to
	prevReq  []int    // per step: the nearest earlier required step (-1 for step 0)
	nextCand []uint64 // per step: the steps that may come next (up to and including the next required one)
}

func (v *View) compileFunnel(spec FunnelSpec) (*funnelEval, error) {
	n := len(spec.Steps)
	if n == 0 || n > MaxFunnelSteps {
		return nil, fmt.Errorf("%w: %d steps, want 1 to %d", ErrFunnel, n, MaxFunnelSteps)
	}
	if spec.Mode == "" {
		spec.Mode = FunnelClosed
	}
	if spec.Mode != FunnelClosed && spec.Mode != FunnelOpen {
		return nil, fmt.Errorf("%w: mode %q, want closed or open", ErrFunnel, spec.Mode)
	}
	if spec.WindowSeconds < 0 {
		return nil, fmt.Errorf("%w: negative window", ErrFunnel)
	}
	if spec.Steps[0].Optional {
		return nil, fmt.Errorf("%w: the first step cannot be optional", ErrFunnel)
	}
	fe := &funnelEval{spec: spec, n: n, closed: spec.Mode == FunnelClosed, window: spec.WindowSeconds * 1e6,
		masks: make([]uint64, len(v.j.touch.names)), prevReq: make([]int, n), nextCand: make([]uint64, n)}
	for s, st := range spec.Steps {
		if len(st.Touchpoints) == 0 {
			return nil, fmt.Errorf("%w: step %d (%q) has no touchpoints", ErrFunnel, s+1, st.Label)
		}
		for _, name := range st.Touchpoints {
			if t, ok := v.j.touchID(name); ok {
				fe.masks[t] |= 1 << s
			}
		}
	}
	last := -1
	for s := 0; s < n; s++ {
		fe.prevReq[s] = last
		if !spec.Steps[s].Optional {
			last = s
		}
		for c := s + 1; c < n; c++ {
			fe.nextCand[s] |= 1 << c
			if !spec.Steps[c].Optional {
				break
			}
		}
	}
	return fe, nil
}

// funnelRun is one customer's way through a funnel.
type funnelRun struct {
	entry   int    // step entered, -1 when the customer never entered
	reached uint64 // steps reached
	last    int    // last step reached
	at      []int  // per step: index (into the customer's events) where it was reached
	from    []int  // per step: the step reached just before it, -1 for the entry step
}

// run walks customer ci's events greedily: the first event of the entry step, then the first later event of
// any step that may come next (the lowest such step when an event belongs to several).
func (fe *funnelEval) run(v *View, ci int, r *funnelRun) {
	ps := v.pos[v.off[ci]:v.off[ci+1]]
	j := v.j
	r.entry, r.reached, r.last = -1, 0, -1
	i := 0
	for ; i < len(ps); i++ {
		m := fe.masks[j.tp[ps[i]]]
		if fe.closed {
			m &= 1
		}
		if m != 0 {
			r.entry = bits.TrailingZeros64(m)
			break
		}
	}
	if r.entry < 0 {
		return
	}
	cur := r.entry
	r.reached, r.last, r.at[cur], r.from[cur] = 1<<cur, cur, i, -1
	t0 := j.time[ps[i]]
	for i++; i < len(ps) && cur < fe.n-1; i++ {
		k := ps[i]
		if fe.window > 0 && j.time[k]-t0 > fe.window {
			break
		}
		if m := fe.masks[j.tp[k]] & fe.nextCand[cur]; m != 0 {
			s := bits.TrailingZeros64(m)
			r.reached |= 1 << s
			r.at[s], r.from[s] = i, cur
			cur = s
		}
	}
	r.last = cur
}

func (fe *funnelEval) newRun() *funnelRun {
	return &funnelRun{at: make([]int, fe.n), from: make([]int, fe.n)}
}

// Funnel evaluates spec on the view. See doc.go for the exact rules of entering, optional steps and windows.
func (v *View) Funnel(spec FunnelSpec) (*FunnelResult, error) {
	fe, err := v.compileFunnel(spec)
	if err != nil {
		return nil, err
	}
	j := v.j
	n := fe.n
	out := &FunnelResult{Mode: fe.spec.Mode, WindowSeconds: spec.WindowSeconds}
	entered, reached, both, dropped := make([]int, n), make([]int, n), make([]int, n), make([]int, n)
	durs := make([][]int64, n)
	dropTo := make([]map[int32]int, n) // next dense touchpoint, -1 for left
	r := fe.newRun()
	for ci := range v.cust {
		fe.run(v, ci, r)
		if r.entry < 0 {
			continue
		}
		out.Customers++
		entered[r.entry]++
		ps := v.pos[v.off[ci]:v.off[ci+1]]
		for m := r.reached; m != 0; m &= m - 1 {
			s := bits.TrailingZeros64(m)
			reached[s]++
			if p := fe.prevReq[s]; p >= 0 && r.reached&(1<<p) != 0 {
				both[s]++
			}
			if f := r.from[s]; f >= 0 {
				durs[s] = append(durs[s], j.time[ps[r.at[s]]]-j.time[ps[r.at[f]]])
			}
		}
		if r.last == n-1 {
			out.Completed++
			continue
		}
		dropped[r.last]++
		next := int32(-1)
		if a := r.at[r.last] + 1; a < len(ps) {
			next = int32(j.tp[ps[a]])
		}
		if dropTo[r.last] == nil {
			dropTo[r.last] = map[int32]int{}
		}
		dropTo[r.last][next]++
	}
	for s, st := range fe.spec.Steps {
		res := FunnelStepResult{Label: st.Label, Touchpoints: append([]string{}, st.Touchpoints...), Optional: st.Optional,
			Entered: entered[s], Reached: reached[s], ConversionFromStart: ratio(reached[s], out.Customers),
			MedianSecondsFromPrev: median(durs[s]), Dropped: dropped[s], DroppedTo: []Destination{}}
		if p := fe.prevReq[s]; p >= 0 {
			res.ConversionFromPrev = ratio(both[s], reached[p])
		} else {
			res.ConversionFromPrev = ratio(reached[s], out.Customers)
		}
		for t, c := range dropTo[s] {
			name := LeftLabel
			if t >= 0 {
				name = j.touch.names[t]
			}
			res.DroppedTo = append(res.DroppedTo, Destination{Touchpoint: name, Customers: c})
		}
		sort.Slice(res.DroppedTo, func(a, b int) bool {
			da, db := res.DroppedTo[a], res.DroppedTo[b]
			if da.Customers != db.Customers {
				return da.Customers > db.Customers
			}
			return da.Touchpoint < db.Touchpoint
		})
		out.Steps = append(out.Steps, res)
	}
	return out, nil
}

// funnelCustomers lists the profiles that reached step (drop false) or dropped out after it (drop true).
func (v *View) funnelCustomers(spec FunnelSpec, step int, drop bool) ([]int32, error) {
	fe, err := v.compileFunnel(spec)
	if err != nil {
		return nil, err
	}
	if step < 0 || step >= fe.n {
		return nil, fmt.Errorf("%w: step %d of a %d-step funnel", ErrCohort, step, fe.n)
	}
	var out []int32
	r := fe.newRun()
	for ci := range v.cust {
		fe.run(v, ci, r)
		if r.entry < 0 {
			continue
		}
		if (!drop && r.reached&(1<<step) != 0) || (drop && r.last == step && step != fe.n-1) {
			out = append(out, v.cust[ci])
		}
	}
	return out, nil
}
