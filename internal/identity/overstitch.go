package identity

import (
	"cmp"
	"math"
	"slices"
)

// The over-stitch test. A profile is reported when it has at least StitchMinSize identifier values and
// either its size is a robust outlier among all profiles' sizes, or it alone holds StitchShare of all
// identifier values (which catches the case where a bridge swallowed most of the workspace, so that it
// is the median rather than an outlier).
//
// The outlier test works on log sizes, because profile sizes are heavily skewed: with med the median and
// MAD the median absolute deviation of log(size), the score is
//
//	score = (log(size) - med) / max(1.4826·MAD, StitchMinScale)
//
// and the profile is an outlier when score > StitchK. 1.4826·MAD estimates a standard deviation without
// letting the outliers themselves inflate it; the floor keeps the test sane when almost every profile has
// the same size (MAD = 0). With typical data (median 3 to 5 values) the bar sits near 50 to 80 values.
const (
	StitchMinSize  = 25
	StitchK        = 5.0
	StitchMinScale = 0.5
	StitchShare    = 0.10
)

const (
	bridgeCandidates = 8 // values verified per reported profile: those linked to the most other values
	maxBridges       = 5 // bridges reported per profile
)

// Stitch is a profile the over-stitch test reports.
type Stitch struct {
	Profile int     `json:"profile"` // index into Result.Profiles
	Size    int     `json:"size"`    // distinct identifier values
	Rows    int     `json:"rows"`
	Score   float64 `json:"score"` // the robust z-score of log(size); +Inf when every profile is this size
	// Bridges are the values that hold the profile together, the strongest first: blocking one would
	// split the profile into SplitsInto profiles. Empty when no single value does (a dense tangle).
	Bridges []Bridge `json:"bridges"`
}

// Bridge is one identifier value whose removal splits an over-stitched profile.
type Bridge struct {
	Type       string `json:"type"`
	Value      string `json:"value"`
	Rows       int    `json:"rows"`
	SplitsInto int    `json:"splitsInto"`
}

// sizeStats summarises profile sizes (distinct identifier values).
type sizeStats struct {
	median, p99, maxSize int
	logMedian, scale     float64
	total                int // identifier values over all profiles
}

func (res *Result) sizeStats() sizeStats {
	var s sizeStats
	n := len(res.Profiles)
	if n == 0 {
		return s
	}
	for _, p := range res.Profiles {
		s.maxSize = max(s.maxSize, p.Size)
		s.total += p.Size
	}
	hist := make([]int, s.maxSize+1)
	for _, p := range res.Profiles {
		hist[p.Size]++
	}
	s.median = quantile(hist, (n-1)/2)
	s.p99 = quantile(hist, int(math.Ceil(0.99*float64(n)))-1)
	s.logMedian = math.Log(float64(s.median))

	// The MAD of log sizes: a weighted median over the distinct sizes, which are few.
	type dev struct {
		d float64
		n int
	}
	var devs []dev
	for size, count := range hist {
		if count > 0 {
			devs = append(devs, dev{math.Abs(math.Log(float64(size)) - s.logMedian), count})
		}
	}
	slices.SortFunc(devs, func(a, b dev) int { return cmp.Compare(a.d, b.d) })
	mad, seen := 0.0, 0
	for _, d := range devs {
		seen += d.n
		if seen > (n-1)/2 {
			mad = d.d
			break
		}
	}
	s.scale = max(1.4826*mad, StitchMinScale)
	return s
}

// quantile returns the size at 0-based position k of the sorted sizes whose histogram is hist.
func quantile(hist []int, k int) int {
	seen := 0
	for size, count := range hist {
		seen += count
		if seen > k {
			return size
		}
	}
	return len(hist) - 1
}

// findOverStitched fills OverStitched.
func (res *Result) findOverStitched() {
	res.OverStitched = []Stitch{}
	s := res.sizeStats()
	for p, prof := range res.Profiles {
		if prof.Size < StitchMinSize {
			continue
		}
		score := (math.Log(float64(prof.Size)) - s.logMedian) / s.scale
		if score <= StitchK && float64(prof.Size) < StitchShare*float64(s.total) {
			continue
		}
		res.OverStitched = append(res.OverStitched, Stitch{
			Profile: p, Size: prof.Size, Rows: prof.Rows, Score: score, Bridges: res.bridges(p),
		})
	}
	slices.SortFunc(res.OverStitched, func(a, b Stitch) int {
		if c := cmp.Compare(b.Size, a.Size); c != 0 {
			return c
		}
		return cmp.Compare(a.Profile, b.Profile)
	})
}

// bridges finds the values of profile p whose blocking would split it. A bridge is nearly always a value
// on many rows (a store id on every till receipt), so the values carried by the most rows are the
// candidates, and each is verified by re-running union-find over the profile without it. Only merging
// values are candidates: the others never joined anything.
func (res *Result) bridges(p int) []Bridge {
	c := res.profComp[p]
	lo, hi := res.compEntStart[c], res.compEntStart[c+1]
	local := make(map[int32]int32, hi-lo)
	var cands []int32 // entries
	for e := lo; e < hi; e++ {
		n := res.entNode[e]
		if res.nodeKind[n] != kindMerging {
			continue
		}
		local[n] = int32(len(local))
		if res.entRows[e] >= 2 { // a value on one row leaves that row's other values linked
			cands = append(cands, e)
		}
	}
	if len(cands) == 0 {
		return []Bridge{}
	}

	// The profile's rows as lists of local node ids, built once for all candidates.
	var ids, starts []int32
	for _, ri := range res.compRows[res.compRowStart[c]:res.compRowStart[c+1]] {
		row := res.m.Rows[ri]
		starts = append(starts, int32(len(ids)))
		for k := row.IDs.Start; k < row.IDs.End; k++ {
			if l, ok := local[res.occ[k]]; ok {
				ids = append(ids, l)
			}
		}
	}
	starts = append(starts, int32(len(ids)))

	// A bridge is linked to many different values (a store id to every customer who shopped there), where
	// a person's own id is linked to their few other ids however many rows carry it: rank candidates by
	// how many distinct values they co-occur with, then by rows.
	degree := coDegree(ids, starts, len(local))
	slices.SortFunc(cands, func(a, b int32) int {
		if c := cmp.Compare(degree[local[res.entNode[b]]], degree[local[res.entNode[a]]]); c != 0 {
			return c
		}
		if c := cmp.Compare(res.entRows[b], res.entRows[a]); c != 0 {
			return c
		}
		return res.compareAnchor(res.entNode[a], res.entNode[b])
	})
	cands = cands[:min(len(cands), bridgeCandidates)]

	f := newForest(len(local))
	out := []Bridge{}
	for _, e := range cands {
		skip := local[res.entNode[e]]
		f.reset()
		for r := 0; r+1 < len(starts); r++ {
			first := int32(-1)
			for _, l := range ids[starts[r]:starts[r+1]] {
				switch {
				case l == skip:
				case first < 0:
					first = l
				default:
					f.union(first, l)
				}
			}
		}
		parts := 0
		for l, v := range f {
			if v < 0 && int32(l) != skip {
				parts++
			}
		}
		if parts < 2 {
			continue
		}
		n := res.entNode[e]
		out = append(out, Bridge{
			Type: res.types[res.nodeType[n]].name, Value: res.m.Str(res.nodeValue[n]),
			Rows: int(res.entRows[e]), SplitsInto: parts,
		})
	}
	slices.SortStableFunc(out, func(a, b Bridge) int { return cmp.Compare(b.SplitsInto, a.SplitsInto) })
	return out[:min(len(out), maxBridges)]
}

// coDegree counts, for each local node, the distinct other nodes it shares a row with.
func coDegree(ids, starts []int32, n int) []int32 {
	degree := make([]int32, n)
	seen := make(map[uint64]struct{})
	for r := 0; r+1 < len(starts); r++ {
		row := ids[starts[r]:starts[r+1]]
		for i, a := range row {
			for _, b := range row[i+1:] {
				if a == b {
					continue
				}
				lo, hi := min(a, b), max(a, b)
				key := uint64(lo)<<32 | uint64(hi)
				if _, dup := seen[key]; dup {
					continue
				}
				seen[key] = struct{}{}
				degree[a]++
				degree[b]++
			}
		}
	}
	return degree
}
