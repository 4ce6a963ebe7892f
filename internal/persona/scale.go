package persona

import (
	"fmt"
	"math"
	"sort"
)

// maxModeShare is the share of customers with one and the same value above which a feature is left out.
const maxModeShare = 0.98

// Winsorising bounds: values below the 1st and above the 99th percentile are pulled in to them, so one
// customer with a thousand touches cannot stretch a column.
const (
	winsorLow  = 0.01
	winsorHigh = 0.99
)

// Scale is how one feature is scaled: v → z = (clip(f(v), Lo, Hi) − Mean) / SD, where f is log1p when Log
// is set and the identity otherwise (log1p of a negative value is taken on its magnitude, keeping the
// sign). A Scale is fitted on one run's customers and reapplied unchanged to new customers.
type Scale struct {
	Feature string  `json:"feature"`
	Log     bool    `json:"log"`
	Lo      float64 `json:"lo"`
	Hi      float64 `json:"hi"`
	Mean    float64 `json:"mean"`
	SD      float64 `json:"sd"`
}

// Apply scales one raw value.
func (s Scale) Apply(v float64) float64 {
	return (s.clipped(v) - s.Mean) / s.SD
}

func (s Scale) clipped(v float64) float64 {
	if s.Log {
		v = signedLog1p(v)
	}
	return math.Min(math.Max(v, s.Lo), s.Hi)
}

func signedLog1p(v float64) float64 {
	if v < 0 {
		return -math.Log1p(-v)
	}
	return math.Log1p(v)
}

// fitScales fits a Scale for each of the given columns of the table and returns the scales of the
// columns that vary, with a note for every column that does not: a column on which at least maxModeShare
// of the customers share one value is left out (a constant column carries no information and would divide
// by zero; a nearly constant one would make its few exceptions a persona).
func fitScales(t *Table, cols []int) (scales []Scale, kept []int, notes []string) {
	n, d := t.Rows(), len(t.Features)
	vals := make([]float64, n)
	for _, c := range cols {
		f := t.Features[c]
		s := Scale{Feature: f.Name, Log: f.Kind.logScaled()}
		for i := 0; i < n; i++ {
			v := t.X[i*d+c]
			if s.Log {
				v = signedLog1p(v)
			}
			vals[i] = v
		}
		sorted := append([]float64(nil), vals...)
		sort.Float64s(sorted)
		if share := modeShare(sorted); share >= maxModeShare {
			// Almost everyone has the same value (say, almost nobody uses a tablet): the few who differ
			// would sit many standard deviations away and be split off as a persona of their own.
			if share < 1 {
				notes = append(notes, fmt.Sprintf("%s is the same for %.0f %% of customers and was left out", f.Label, 100*share))
			} else {
				notes = append(notes, fmt.Sprintf("%s is the same for every customer and was left out", f.Label))
			}
			continue
		}
		s.Lo, s.Hi = quantile(sorted, winsorLow), quantile(sorted, winsorHigh)
		sum := 0.0
		for _, v := range vals {
			sum += math.Min(math.Max(v, s.Lo), s.Hi)
		}
		s.Mean = sum / float64(n)
		ss := 0.0
		for _, v := range vals {
			dv := math.Min(math.Max(v, s.Lo), s.Hi) - s.Mean
			ss += dv * dv
		}
		s.SD = math.Sqrt(ss / float64(n))
		if !(s.SD > 1e-12) {
			notes = append(notes, fmt.Sprintf("%s hardly varies between customers and was left out", f.Label))
			continue
		}
		scales = append(scales, s)
		kept = append(kept, c)
	}
	return scales, kept, notes
}

// quantile is the linearly interpolated q-quantile of sorted values.
func quantile(sorted []float64, q float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	pos := q * float64(len(sorted)-1)
	lo := int(math.Floor(pos))
	hi := min(lo+1, len(sorted)-1)
	return sorted[lo] + (pos-float64(lo))*(sorted[hi]-sorted[lo])
}

// scaled returns the n × len(cols) matrix of the table's columns under the scales (one per column).
func scaled(t *Table, cols []int, scales []Scale) []float64 {
	n, d, k := t.Rows(), len(t.Features), len(cols)
	out := make([]float64, n*k)
	for i := 0; i < n; i++ {
		for j, c := range cols {
			out[i*k+j] = scales[j].Apply(t.X[i*d+c])
		}
	}
	return out
}

// modeShare is the share of the commonest value among sorted values.
func modeShare(sorted []float64) float64 {
	best, run := 0, 0
	for i, v := range sorted {
		if i > 0 && v == sorted[i-1] {
			run++
		} else {
			run = 1
		}
		best = max(best, run)
	}
	if len(sorted) == 0 {
		return 1
	}
	return float64(best) / float64(len(sorted))
}
