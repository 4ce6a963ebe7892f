package journey

import (
	"fmt"
	"math"
	"slices"
	"sort"

	"wayline/internal/model"
)

// Journeys is every profile's events in time order with the stage model applied. It is immutable after
// Build and safe to share between goroutines; Apply derives filtered Views from it.
type Journeys struct {
	m          *model.Model
	rowProfile []int32
	res        *Resolution
	profiles   int
	withEvents int // profiles with at least one event: the customers

	// Profile p's events sit at positions off[p] to off[p+1]-1 of the columns below, in journey order.
	off   []uint32
	event []uint32 // model event index
	time  []int64
	value []float64 // NaN when absent
	tp    []uint32  // dense touchpoint
	ch    []uint32  // dense channel
	dev   []uint32  // dense device
	src   []uint32  // dense source
	stage []uint32  // stage index

	touch, channel, device, source dim
	stages                         []string
	tpStage                        []uint32
	tpGoal                         []bool
	tpPaid                         []bool // some channel of the touchpoint is paid (the Stages screen's marker)
	tpAd                           []bool // the touchpoint is an ad whatever the channel ("Retargeting ad")
	chPaid                         []bool // the channel is paid whatever the touchpoint ("paid_social")
	tpChannels                     [][]uint32
	noneChannel, noneDevice        uint32 // dense ids of absent values

	// Per profile, over the whole journey.
	firstGoal    []int32 // position of the first goal event, -1 when none
	stageReached []int8  // highest stage index, -1 for a profile without events
}

// Build orders every profile's events and applies the stage model. rowProfile gives the profile of every
// model row (-1 for rows that belong to no profile; their events are left out) and profiles is the number of
// profiles. Events of one profile are ordered by time, then source name, then row, then event index, so
// ties always come out the same way.
func Build(m *model.Model, rowProfile []int32, profiles int, sm StageModel) (*Journeys, error) {
	if len(rowProfile) != len(m.Rows) || profiles < 0 {
		return nil, fmt.Errorf("%w: %d row profiles for %d rows", ErrRowProfile, len(rowProfile), len(m.Rows))
	}
	ev := &m.Events
	n := ev.Len()
	j := &Journeys{m: m, rowProfile: rowProfile, profiles: profiles, off: make([]uint32, profiles+1)}

	// Counting sort by profile: events of a profile keep their load order, which is nearly time order.
	counts := make([]uint32, profiles+1)
	for e := 0; e < n; e++ {
		p := rowProfile[ev.Row[e]]
		if p < 0 {
			continue
		}
		if int(p) >= profiles {
			return nil, fmt.Errorf("%w: row %d has profile %d of %d", ErrRowProfile, ev.Row[e], p, profiles)
		}
		counts[p+1]++
	}
	for p := 1; p <= profiles; p++ {
		counts[p] += counts[p-1]
	}
	copy(j.off, counts)
	total := int(counts[profiles])
	// Reads go in load order and writes are scattered: scattered writes cost far less than scattered reads.
	j.event = make([]uint32, total)
	j.time = make([]int64, total)
	for e := 0; e < n; e++ {
		p := rowProfile[ev.Row[e]]
		if p < 0 {
			continue
		}
		k := counts[p]
		j.event[k] = uint32(e)
		j.time[k] = ev.Time[e]
		counts[p]++
	}

	// Distinct values are found on the model's columns in load order when every event belongs to a profile,
	// and through the journey order otherwise.
	idx := j.event
	if total == n {
		idx = nil
	}
	var srcTable, tpTable, chTable, devTable []int32
	j.source, srcTable = buildDim(m, ev.Source, idx, true)
	j.touch, tpTable = buildDim(m, ev.Touchpoint, idx, false)
	j.channel, chTable = buildDim(m, ev.Channel, idx, true)
	j.device, devTable = buildDim(m, ev.Device, idx, true)
	j.noneChannel, j.noneDevice = noneID(j.channel), noneID(j.device)

	j.sortWithinProfiles(srcTable)
	posOf := make([]uint32, n)
	for e := range posOf {
		posOf[e] = ^uint32(0)
	}
	for k, e := range j.event {
		posOf[e] = uint32(k)
	}
	j.value = make([]float64, total)
	j.tp, j.ch, j.dev, j.src = make([]uint32, total), make([]uint32, total), make([]uint32, total), make([]uint32, total)
	for e, k := range posOf {
		if k == ^uint32(0) {
			continue
		}
		j.value[k] = ev.Value[e]
		j.tp[k] = uint32(tpTable[ev.Touchpoint[e]])
		j.ch[k] = uint32(chTable[ev.Channel[e]])
		j.dev[k] = uint32(devTable[ev.Device[e]])
		j.src[k] = uint32(srcTable[ev.Source[e]])
	}

	res, chans, err := sm.resolveDense(j.touch, j.channel, j.tp, j.ch)
	if err != nil {
		return nil, err
	}
	j.res, j.tpChannels, j.stages = res, chans, res.Stages
	nTp := len(j.touch.names)
	j.tpStage, j.tpGoal, j.tpPaid = make([]uint32, nTp), make([]bool, nTp), make([]bool, nTp)
	j.tpAd, j.chPaid = make([]bool, nTp), make([]bool, len(j.channel.names))
	for c, name := range j.channel.names {
		j.chPaid[c] = IsPaid("", name)
	}
	for t := 0; t < nTp; t++ {
		j.tpAd[t] = IsPaid(j.touch.names[t], "")
		j.tpStage[t] = uint32(res.Stage[t])
		j.tpGoal[t] = res.Goal[t]
		for _, c := range chans[t] {
			if IsPaid(j.touch.names[t], j.channel.names[c]) {
				j.tpPaid[t] = true
			}
		}
		if len(chans[t]) == 0 && IsPaid(j.touch.names[t], "") {
			j.tpPaid[t] = true
		}
	}
	j.stage = make([]uint32, total)
	for k, t := range j.tp {
		j.stage[k] = j.tpStage[t]
	}

	j.firstGoal = make([]int32, profiles)
	j.stageReached = make([]int8, profiles)
	for p := 0; p < profiles; p++ {
		j.firstGoal[p] = -1
		if j.off[p+1] > j.off[p] {
			j.withEvents++
		}
		reached := int8(-1)
		for k := j.off[p]; k < j.off[p+1]; k++ {
			if s := int8(j.stage[k]); s > reached {
				reached = s
			}
			if j.firstGoal[p] < 0 && j.tpGoal[j.tp[k]] {
				j.firstGoal[p] = int32(k)
			}
		}
		j.stageReached[p] = reached
	}
	return j, nil
}

// sortWithinProfiles orders each profile's events by (time, source name, row, event index), moving j.time
// and j.event together. Loads put a profile's events nearly in order, so a sortedness check and an
// insertion sort on the already gathered times do almost all the work, and the model is read only for
// ties; a long unsorted journey (an over-stitched profile) falls back to a real sort.
func (j *Journeys) sortWithinProfiles(srcRank []int32) {
	ev := &j.m.Events
	less := func(ta int64, a uint32, tb int64, b uint32) bool {
		if ta != tb {
			return ta < tb
		}
		sa, sb := srcRank[ev.Source[a]], srcRank[ev.Source[b]]
		if sa != sb {
			return sa < sb
		}
		ra, rb := ev.Row[a], ev.Row[b]
		if ra != rb {
			return ra < rb
		}
		return a < b
	}
	for p := 0; p < j.profiles; p++ {
		lo, hi := j.off[p], j.off[p+1]
		es, ts := j.event[lo:hi], j.time[lo:hi]
		sorted := true
		for i := 1; i < len(es); i++ {
			if less(ts[i], es[i], ts[i-1], es[i-1]) {
				sorted = false
				break
			}
		}
		if sorted {
			continue
		}
		if len(es) > 64 {
			slices.SortFunc(es, func(a, b uint32) int {
				if less(ev.Time[a], a, ev.Time[b], b) {
					return -1
				}
				if less(ev.Time[b], b, ev.Time[a], a) {
					return 1
				}
				return 0
			})
			for i, e := range es {
				ts[i] = ev.Time[e]
			}
			continue
		}
		for i := 1; i < len(es); i++ {
			e, t := es[i], ts[i]
			k := i
			for k > 0 && less(t, e, ts[k-1], es[k-1]) {
				es[k], ts[k] = es[k-1], ts[k-1]
				k--
			}
			es[k], ts[k] = e, t
		}
	}
}

// paid reports whether an event at touchpoint t on channel c is a paid touch (IsPaid of the pair). It is
// decided per event: "Order completed" on direct is not paid because the same touchpoint was once reached
// from a paid channel.
func (j *Journeys) paid(t, c uint32) bool { return j.tpAd[t] || j.chPaid[c] }

// Model is the model the journeys were built from.
func (j *Journeys) Model() *model.Model { return j.m }

// Profiles is the number of profiles, with or without events.
func (j *Journeys) Profiles() int { return j.profiles }

// Customers is the number of profiles with at least one event.
func (j *Journeys) Customers() int { return j.withEvents }

// Events is the number of events in all journeys.
func (j *Journeys) Events() int { return len(j.event) }

// Stages returns the ordered stage names.
func (j *Journeys) Stages() []string { return append([]string(nil), j.stages...) }

// Resolution is the stage model as applied: every touchpoint's stage, guessed or not, and the goal.
func (j *Journeys) Resolution() *Resolution { return j.res }

// TouchpointInfo describes one touchpoint for the stage editor.
type TouchpointInfo struct {
	Touchpoint string
	Stage      string
	Guessed    bool
	Goal       bool
	Paid       bool
	Events     int
	Customers  int
	Channels   []string // most frequent first; absent channels left out
}

// Touchpoints lists every touchpoint by name with its stage, whether the stage was guessed, its events,
// customers and channels.
func (j *Journeys) Touchpoints() []TouchpointInfo {
	nTp := len(j.touch.names)
	events, customers := make([]int, nTp), make([]int, nTp)
	last := make([]int32, nTp)
	for i := range last {
		last[i] = -1
	}
	for p := 0; p < j.profiles; p++ {
		for k := j.off[p]; k < j.off[p+1]; k++ {
			t := j.tp[k]
			events[t]++
			if last[t] != int32(p) {
				last[t] = int32(p)
				customers[t]++
			}
		}
	}
	out := make([]TouchpointInfo, nTp)
	for t := 0; t < nTp; t++ {
		chs := make([]string, 0, len(j.tpChannels[t]))
		for _, c := range j.tpChannels[t] {
			chs = append(chs, j.channel.names[c])
		}
		out[t] = TouchpointInfo{Touchpoint: j.touch.names[t], Stage: j.stages[j.tpStage[t]], Guessed: j.res.Guessed[t],
			Goal: j.tpGoal[t], Paid: j.tpPaid[t], Events: events[t], Customers: customers[t], Channels: chs}
	}
	return out
}

// ProfileSummary is what the whole journey of one profile amounts to, unfiltered.
type ProfileSummary struct {
	Events          int
	Value           float64 // sum of the events' values; 0 when none has one
	FirstSeen       int64   // µs; 0 without events
	LastSeen        int64
	Converted       bool  // reached a goal touchpoint
	FirstConversion int64 // µs of the first goal event; 0 when not converted
	StageReached    int   // highest stage index, -1 without events
	Sources         []string
}

// Profile summarises profile p's whole journey.
func (j *Journeys) Profile(p int) ProfileSummary {
	lo, hi := j.off[p], j.off[p+1]
	s := ProfileSummary{Events: int(hi - lo), StageReached: int(j.stageReached[p]), Sources: []string{}}
	if hi > lo {
		s.FirstSeen, s.LastSeen = j.time[lo], j.time[hi-1]
	}
	if g := j.firstGoal[p]; g >= 0 {
		s.Converted, s.FirstConversion = true, j.time[g]
	}
	var seen uint64
	var more map[uint32]bool
	for k := lo; k < hi; k++ {
		if v := j.value[k]; !math.IsNaN(v) {
			s.Value += v
		}
		src := j.src[k]
		if src < 64 {
			seen |= 1 << src
		} else {
			if more == nil {
				more = map[uint32]bool{}
			}
			more[src] = true
		}
	}
	for src := range j.source.names {
		if (src < 64 && seen&(1<<src) != 0) || more[uint32(src)] {
			s.Sources = append(s.Sources, j.source.names[src])
		}
	}
	return s
}

// touchID finds a touchpoint's dense id by name.
func (j *Journeys) touchID(name string) (uint32, bool) {
	i := sort.SearchStrings(j.touch.names, name)
	if i < len(j.touch.names) && j.touch.names[i] == name {
		return uint32(i), true
	}
	return 0, false
}
