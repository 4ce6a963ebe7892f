package journey

import (
	"fmt"
	"math"
	"sort"
)

// Filter restricts the journeys an analysis sees. Empty fields restrict nothing.
type Filter struct {
	From, To int64    // µs, inclusive; 0 leaves that end open
	Sources  []string // source names
	Channels []string // channel names; NoneLabel selects events without a channel
	Devices  []string // device names; NoneLabel selects events without a device
	// Personas keeps profiles whose label in PersonaOf (one per profile, supplied by the caller) is one of
	// these. Ignored when empty.
	Personas  []int32
	PersonaOf []int32
	// Attribute keeps profiles of which at least one row asserted this attribute name and value.
	Attribute *AttributeFilter
}

// AttributeFilter matches a profile attribute exactly.
type AttributeFilter struct {
	Name, Value string
}

// View is the journeys under a filter: the kept customers (profiles with at least one passing event that
// match the persona and attribute restrictions) and, for each, the passing events in journey order. Every
// analysis runs on a View; it is immutable and safe to share.
type View struct {
	j    *Journeys
	f    Filter
	cust []int32  // kept profiles, ascending
	off  []uint32 // customer i's events are pos[off[i]:off[i+1]]
	pos  []uint32 // journey positions of the passing events
	conv []bool   // per kept customer: converted (see doc.go)
}

// Apply returns the view of the journeys under f. Unknown names select nothing: a filter on a source that
// does not exist keeps no customer.
func (j *Journeys) Apply(f Filter) (*View, error) {
	var keepProfile []bool
	if len(f.Personas) > 0 {
		if len(f.PersonaOf) != j.profiles {
			return nil, fmt.Errorf("%w: %d labels for %d profiles", ErrPersonaLabels, len(f.PersonaOf), j.profiles)
		}
		want := map[int32]bool{}
		for _, l := range f.Personas {
			want[l] = true
		}
		keepProfile = make([]bool, j.profiles)
		for p, l := range f.PersonaOf {
			keepProfile[p] = want[l]
		}
	}
	if f.Attribute != nil {
		attr := j.attributeProfiles(f.Attribute.Name, f.Attribute.Value)
		if keepProfile == nil {
			keepProfile = attr
		} else {
			for p := range keepProfile {
				keepProfile[p] = keepProfile[p] && attr[p]
			}
		}
	}
	selSrc := selection(j.source, f.Sources)
	selCh := selection(j.channel, f.Channels)
	selDev := selection(j.device, f.Devices)
	from, to := f.From, f.To
	if from == 0 {
		from = math.MinInt64
	}
	if to == 0 {
		to = math.MaxInt64
	}
	eventFilter := selSrc != nil || selCh != nil || selDev != nil || f.From != 0 || f.To != 0

	v := &View{j: j, f: f}
	if eventFilter {
		v.pos = make([]uint32, 0, len(j.event)/2)
	} else {
		v.pos = make([]uint32, 0, len(j.event))
	}
	v.off = append(make([]uint32, 0, j.withEvents+1), 0)
	v.cust = make([]int32, 0, j.withEvents)
	for p := 0; p < j.profiles; p++ {
		lo, hi := j.off[p], j.off[p+1]
		if lo == hi || (keepProfile != nil && !keepProfile[p]) {
			continue
		}
		if !eventFilter {
			for k := lo; k < hi; k++ {
				v.pos = append(v.pos, k)
			}
		} else {
			for k := lo; k < hi; k++ {
				if t := j.time[k]; t < from || t > to {
					continue
				}
				if (selSrc != nil && !selSrc[j.src[k]]) || (selCh != nil && !selCh[j.ch[k]]) ||
					(selDev != nil && !selDev[j.dev[k]]) {
					continue
				}
				v.pos = append(v.pos, k)
			}
		}
		if uint32(len(v.pos)) == v.off[len(v.off)-1] {
			continue
		}
		v.cust = append(v.cust, int32(p))
		v.off = append(v.off, uint32(len(v.pos)))
	}
	v.conv = make([]bool, len(v.cust))
	for i, p := range v.cust {
		if f.From == 0 && f.To == 0 {
			v.conv[i] = j.firstGoal[p] >= 0
			continue
		}
		for k := j.off[p]; k < j.off[p+1]; k++ {
			if t := j.time[k]; t >= from && t <= to && j.tpGoal[j.tp[k]] {
				v.conv[i] = true
				break
			}
		}
	}
	return v, nil
}

// selection marks the dense ids whose names are listed; nil when the list is empty (everything passes).
func selection(d dim, names []string) []bool {
	if len(names) == 0 {
		return nil
	}
	want := make(map[string]bool, len(names))
	for _, n := range names {
		want[n] = true
	}
	sel := make([]bool, len(d.names))
	for i, n := range d.names {
		sel[i] = want[n]
	}
	return sel
}

// attributeProfiles marks the profiles of which some row asserted name = value.
func (j *Journeys) attributeProfiles(name, value string) []bool {
	out := make([]bool, j.profiles)
	m := j.m
	nid, ok1 := m.Lookup(name)
	vid, ok2 := m.Lookup(value)
	if !ok1 || !ok2 {
		return out
	}
	for r := range m.Rows {
		p := j.rowProfile[r]
		if p < 0 {
			continue
		}
		span := m.Rows[r].Attrs
		for a := span.Start; a < span.End; a++ {
			if m.AttrName[a] == nid && m.AttrValue[a] == vid {
				out[p] = true
			}
		}
	}
	return out
}

// Journeys is what the view was derived from.
func (v *View) Journeys() *Journeys { return v.j }

// Filter is the filter the view was made with.
func (v *View) Filter() Filter { return v.f }

// Profiles returns the kept profiles, ascending.
func (v *View) Profiles() []int32 { return append([]int32(nil), v.cust...) }

// Len is the number of kept customers.
func (v *View) Len() int { return len(v.cust) }

// Summary is the filter bar's figures.
type Summary struct {
	Customers, TotalCustomers int
	Events, TotalEvents       int
	Converted                 int
	ConversionRate            float64
}

// Summary counts the view's customers, events and conversions against the unfiltered totals.
func (v *View) Summary() Summary {
	s := Summary{Customers: len(v.cust), TotalCustomers: v.j.withEvents, Events: len(v.pos), TotalEvents: len(v.j.event)}
	for _, c := range v.conv {
		if c {
			s.Converted++
		}
	}
	s.ConversionRate = ratio(s.Converted, s.Customers)
	return s
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Options are the values the filter bar offers.
type Options struct {
	Sources, Channels, Devices []string
	From, To                   int64 // µs of the first and last event; 0 without events
	Attributes                 []AttributeOptions
}

// AttributeOptions are an attribute's most common values (by profiles, at most 50).
type AttributeOptions struct {
	Name   string
	Values []string
}

// FilterOptions lists what a filter can select, sorted by name.
func (j *Journeys) FilterOptions() Options {
	o := Options{Sources: append([]string{}, j.source.names...), Channels: append([]string{}, j.channel.names...),
		Devices: append([]string{}, j.device.names...), Attributes: []AttributeOptions{}}
	for k, t := range j.time {
		if k == 0 || t < o.From {
			o.From = t
		}
		if k == 0 || t > o.To {
			o.To = t
		}
	}
	m := j.m
	type nv struct{ n, v uint32 }
	type nvp struct {
		nv
		p int32
	}
	count := map[nv]int{}
	seen := map[nvp]bool{}
	for r := range m.Rows {
		p := j.rowProfile[r]
		if p < 0 {
			continue
		}
		span := m.Rows[r].Attrs
		for a := span.Start; a < span.End; a++ {
			k := nv{m.AttrName[a], m.AttrValue[a]}
			if !seen[nvp{k, p}] {
				seen[nvp{k, p}] = true
				count[k]++
			}
		}
	}
	byName := map[uint32][]uint32{}
	for k := range count {
		byName[k.n] = append(byName[k.n], k.v)
	}
	for n, vals := range byName {
		sort.Slice(vals, func(a, b int) bool {
			ca, cb := count[nv{n, vals[a]}], count[nv{n, vals[b]}]
			if ca != cb {
				return ca > cb
			}
			return m.Str(vals[a]) < m.Str(vals[b])
		})
		if len(vals) > 50 {
			vals = vals[:50]
		}
		ao := AttributeOptions{Name: m.Str(n)}
		for _, v := range vals {
			ao.Values = append(ao.Values, m.Str(v))
		}
		o.Attributes = append(o.Attributes, ao)
	}
	sort.Slice(o.Attributes, func(a, b int) bool { return o.Attributes[a].Name < o.Attributes[b].Name })
	return o
}
