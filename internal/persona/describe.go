package persona

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"wayline/internal/explore"
)

// Persona is one behavioural segment and what sets it apart.
type Persona struct {
	ID             string         `json:"id"`       // stable across re-runs through Match: "persona-1", …
	Name           string         `json:"name"`     // the user's name, or AutoName until renamed
	AutoName       string         `json:"autoName"` // built from the distinguishing features
	Color          string         `json:"color"`
	Notes          string         `json:"notes"`
	Size           int            `json:"size"`
	Share          float64        `json:"share"`
	ConversionRate float64        `json:"conversionRate"`
	Value          float64        `json:"value"` // mean total order value per customer
	TopChannels    []ChannelShare `json:"topChannels"`
	Distinguishing []Distinction  `json:"distinguishing"`
	Rules          []Rule         `json:"rules"`
	MedoidPath     []string       `json:"medoidPath"`
	MedoidProfile  string         `json:"medoidProfile"`
	CommonVariant  []string       `json:"commonVariant"`
	// CommonVariantCustomers is how many members follow CommonVariant exactly.
	CommonVariantCustomers int    `json:"commonVariantCustomers"`
	Status                 string `json:"status"` // StatusNew, StatusChanged or StatusStable
	// Moved is how far the persona's centre moved since the previous run (see Match); 0 for a new one.
	Moved float64 `json:"moved"`
	// Centroid is the members' mean in the scaled space of Result.Used; Means the raw mean of every
	// feature of the run (Result.Features), by name.
	Centroid []float64          `json:"centroid"`
	Means    map[string]float64 `json:"means"`
}

// ChannelShare is a channel's share of a persona's events.
type ChannelShare struct {
	Name  string  `json:"name"`
	Share float64 `json:"share"`
}

// Distinction is a feature that sets a persona apart: its raw mean in the persona and in the rest, and
// Cohen's d on the scaled feature (persona minus rest over the pooled standard deviation).
type Distinction struct {
	Feature     string  `json:"feature"`
	Label       string  `json:"label"`
	PersonaMean float64 `json:"personaMean"`
	RestMean    float64 `json:"restMean"`
	EffectSize  float64 `json:"effectSize"`
}

// Persona statuses after Match.
const (
	StatusNew     = "new"
	StatusChanged = "changed"
	StatusStable  = "stable"
)

// topDistinctions is how many distinguishing features a persona lists.
const topDistinctions = 5

// palette colours personas by the number in their id; colour-blind safe (Okabe–Ito, then Tableau).
var palette = []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
	"#4E79A7", "#B07AA1", "#9C755F", "#76B7B2", "#EDC948"}

// colorFor returns the palette colour of persona number num (1-based).
func colorFor(num int) string { return palette[(num-1+len(palette))%len(palette)] }

// describe fills r.Personas, r.Labels and r.K from a partition: personas numbered by size (largest first,
// ties by their first member), each described and named. addRules gives them rules.
func describe(r *Result, s *space, p *partition, snap *explore.Snapshot) {
	n := s.tab.Rows()
	size := make([]int, p.k)
	first := make([]int, p.k)
	for i := range first {
		first[i] = n
	}
	for i, l := range p.labels {
		size[l]++
		first[l] = min(first[l], i)
	}
	var order []int
	for c := range size {
		if size[c] > 0 {
			order = append(order, c)
		}
	}
	sort.Slice(order, func(a, b int) bool {
		ca, cb := order[a], order[b]
		if size[ca] != size[cb] {
			return size[ca] > size[cb]
		}
		return first[ca] < first[cb]
	})
	newLabel := make([]int, p.k)
	for i, c := range order {
		newLabel[c] = i
	}
	k := len(order)
	r.K = k
	r.Labels = make([]int, n)
	for i, l := range p.labels {
		r.Labels[i] = newLabel[l]
	}
	medoids := make([]int, k)
	for i, c := range order {
		medoids[i] = -1
		if c < len(p.medoids) {
			medoids[i] = p.medoids[c]
		}
	}
	effects := make([][]float64, k)
	r.Personas = make([]Persona, k)
	for c := 0; c < k; c++ {
		per := &r.Personas[c]
		per.ID = fmt.Sprintf("persona-%d", c+1)
		per.Color = colorFor(c + 1)
		per.Status = StatusNew
		effects[c] = describeOne(per, s, r.Labels, c, medoids[c])
	}
	nameAll(r, s, effects)
	for c := range r.Personas {
		r.Personas[c].Name = r.Personas[c].AutoName
	}
}

// describeOne fills persona c's figures and returns Cohen's d of every described feature (s.descCols).
func describeOne(per *Persona, s *space, labels []int, c, medoid int) []float64 {
	tab, n, d := s.tab, s.tab.Rows(), s.d()
	fd := len(tab.Features)
	in, out := make([]float64, fd), make([]float64, fd)
	nIn := 0
	for i, l := range labels {
		row := tab.Row(i)
		if l == c {
			nIn++
			for j, v := range row {
				in[j] += v
			}
		} else {
			for j, v := range row {
				out[j] += v
			}
		}
	}
	nOut := n - nIn
	per.Size = nIn
	per.Share = float64(nIn) / float64(n)
	per.Means = make(map[string]float64, fd)
	for j, f := range tab.Features {
		in[j] /= float64(max(nIn, 1))
		out[j] /= float64(max(nOut, 1))
		per.Means[f.Name] = in[j]
	}
	per.ConversionRate = per.Means["converted"]
	per.Value = per.Means["value.total"]

	// Channels by their mean share; the pooled "other" is not a channel anyone can act on.
	per.TopChannels = []ChannelShare{}
	for j, f := range tab.Features {
		if strings.HasPrefix(f.Name, prefixChannel) && f.Name != prefixChannel+otherSuffix && in[j] > 0 {
			per.TopChannels = append(per.TopChannels, ChannelShare{Name: strings.TrimPrefix(f.Name, prefixChannel), Share: in[j]})
		}
	}
	sort.SliceStable(per.TopChannels, func(a, b int) bool { return per.TopChannels[a].Share > per.TopChannels[b].Share })
	if len(per.TopChannels) > 3 {
		per.TopChannels = per.TopChannels[:3]
	}

	// Cohen's d on every scaled feature, and the centroid in the clustering space.
	effect := cohensD(s.desc, len(s.descCols), labels, c)
	mIn := make([]float64, d)
	for i, l := range labels {
		if l == c {
			for j, v := range s.x[i*d : (i+1)*d] {
				mIn[j] += v
			}
		}
	}
	for j := range mIn {
		mIn[j] /= float64(max(nIn, 1))
	}
	per.Centroid = mIn
	idx := make([]int, len(effect))
	for j := range idx {
		idx[j] = j
	}
	sort.SliceStable(idx, func(a, b int) bool { return math.Abs(effect[idx[a]]) > math.Abs(effect[idx[b]]) })
	per.Distinguishing = []Distinction{}
	for _, j := range idx[:min(topDistinctions, len(idx))] {
		if effect[j] == 0 {
			break
		}
		col := s.descCols[j]
		per.Distinguishing = append(per.Distinguishing, Distinction{Feature: tab.Features[col].Name,
			Label: tab.Features[col].Label, PersonaMean: in[col], RestMean: out[col], EffectSize: effect[j]})
	}

	// The representative: the given medoid, else the member closest to the centroid.
	if medoid < 0 {
		best := math.Inf(1)
		for i, l := range labels {
			if l != c {
				continue
			}
			dist := 0.0
			for j, v := range s.x[i*d : (i+1)*d] {
				dist += (v - mIn[j]) * (v - mIn[j])
			}
			if dist < best {
				best, medoid = dist, i
			}
		}
	}
	per.MedoidPath = []string{}
	if medoid >= 0 {
		per.MedoidPath = tab.Path(medoid)
		per.MedoidProfile = tab.IDs[medoid]
	}
	per.CommonVariant, per.CommonVariantCustomers = commonVariant(tab, labels, c)
	return effect
}

// commonVariant returns the collapsed path most members of persona c follow, with its count; ties go to
// the path of the member with the lowest profile id.
func commonVariant(tab *Table, labels []int, c int) ([]string, int) {
	type seen struct{ count, first int }
	counts := map[string]*seen{}
	for i, l := range labels {
		if l != c {
			continue
		}
		key := pathKey(tab.PathSteps[tab.PathOff[i]:tab.PathOff[i+1]])
		if s, ok := counts[key]; ok {
			s.count++
		} else {
			counts[key] = &seen{1, i}
		}
	}
	best := seen{0, -1}
	for _, s := range counts {
		if s.count > best.count || (s.count == best.count && s.first < best.first) {
			best = *s
		}
	}
	if best.first < 0 {
		return []string{}, 0
	}
	return tab.Path(best.first), best.count
}

func pathKey(steps []int32) string {
	b := make([]byte, 0, 4*len(steps))
	for _, s := range steps {
		b = append(b, byte(s), byte(s>>8), byte(s>>16), byte(s>>24))
	}
	return string(b)
}

// minPooledSD floors the pooled standard deviation of Cohen's d (the scaled features have an overall
// standard deviation of 1): a feature that is constant inside both groups but differs between them gets a
// large, finite effect instead of a division by zero.
const minPooledSD = 0.1

// cohensD is, per column of the n × d matrix x, Cohen's d of the rows labelled c against the others: the
// difference of the means over the pooled standard deviation (floored at minPooledSD; all 0 when either
// group is empty).
func cohensD(x []float64, d int, labels []int, c int) []float64 {
	mIn, mOut := make([]float64, d), make([]float64, d)
	nIn, nOut := 0, 0
	for i, l := range labels {
		row := x[i*d : (i+1)*d]
		m := mOut
		if l == c {
			m = mIn
			nIn++
		} else {
			nOut++
		}
		for j, v := range row {
			m[j] += v
		}
	}
	effect := make([]float64, d)
	if nIn == 0 || nOut == 0 || nIn+nOut <= 2 {
		return effect
	}
	for j := range mIn {
		mIn[j] /= float64(nIn)
		mOut[j] /= float64(nOut)
	}
	ss := make([]float64, d)
	for i, l := range labels {
		m := mOut
		if l == c {
			m = mIn
		}
		for j, v := range x[i*d : (i+1)*d] {
			ss[j] += (v - m[j]) * (v - m[j])
		}
	}
	for j := range effect {
		pooled := math.Max(math.Sqrt(ss[j]/float64(nIn+nOut-2)), minPooledSD)
		effect[j] = (mIn[j] - mOut[j]) / pooled
	}
	return effect
}
