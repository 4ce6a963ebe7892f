package journey

import "slices"

// Trail is one kept customer's passing events in journey order, as parallel columns. Touchpoint, channel and
// source are dense ids (names from Journeys.TouchpointNames, ChannelNames, SourceNames); Stage indexes
// Journeys.Stages; Event indexes the model's event columns (for ratings and text).
type Trail struct {
	Index     int   // the customer's position among the view's kept customers
	Profile   int32 // the profile
	Converted bool  // see doc.go: a goal event inside the filter's date range
	Time      []int64
	Touchpoint,
	Stage,
	Channel,
	Source,
	Event []uint32
}

// Len is the number of events on the trail.
func (t *Trail) Len() int { return len(t.Time) }

// EachTrail calls fn for every kept customer, ascending by profile. The Trail and its columns are reused
// between calls, so fn must copy whatever it keeps, and fn must not write to the columns: they may be the
// journeys' own. Analyses outside this package (friction, maps) walk journeys through it without seeing the
// journeys' internal layout.
func (v *View) EachTrail(fn func(t *Trail)) { v.EachTrailIn(0, len(v.cust), fn) }

// EachTrailIn is EachTrail for the kept customers from (inclusive) to to (exclusive), by position among the
// view's kept customers (Trail.Index). Walks of disjoint ranges share nothing but the read-only journeys, so
// they may run in parallel; Split gives ranges of similar work.
//
// A customer whose passing events are one run of the journeys (every customer of a view without a source,
// channel or device filter: a date range keeps a run of each journey) gets the journeys' columns
// themselves, capped so an append cannot reach past the run; only a trail with gaps is copied. Copying
// every trail cost an eighth of a map redraw.
func (v *View) EachTrailIn(from, to int, fn func(t *Trail)) {
	var t, buf Trail
	for i := from; i < to; i++ {
		pos := v.pos[v.off[i]:v.off[i+1]]
		if n := len(pos); n > 0 && int(pos[n-1]-pos[0]) == n-1 {
			v.j.run(&t, int(pos[0]), int(pos[0])+n)
		} else {
			v.j.gather(&buf, pos)
			t = buf
		}
		t.Index, t.Profile, t.Converted = i, v.cust[i], v.conv[i]
		fn(&t)
	}
}

// run points t's columns at the journeys' events lo…hi-1.
func (j *Journeys) run(t *Trail, lo, hi int) {
	t.Time = j.time[lo:hi:hi]
	t.Touchpoint, t.Stage, t.Channel = j.tp[lo:hi:hi], j.stage[lo:hi:hi], j.ch[lo:hi:hi]
	t.Source, t.Event = j.src[lo:hi:hi], j.event[lo:hi:hi]
}

// gather copies the journeys' events at pos into t's columns, growing them as needed.
func (j *Journeys) gather(t *Trail, pos []uint32) {
	n := len(pos)
	if n > cap(t.Time) {
		// Room for this trail and a little more, so a few growing trails do not reallocate each time.
		c := n + n/4
		t.Time = make([]int64, c)
		t.Touchpoint, t.Stage, t.Channel = make([]uint32, c), make([]uint32, c), make([]uint32, c)
		t.Source, t.Event = make([]uint32, c), make([]uint32, c)
	}
	// Filled by index, not appended: six columns per event make the capacity checks count.
	t.Time, t.Touchpoint, t.Stage = t.Time[:n], t.Touchpoint[:n], t.Stage[:n]
	t.Channel, t.Source, t.Event = t.Channel[:n], t.Source[:n], t.Event[:n]
	for x, k := range pos {
		t.Time[x] = j.time[k]
		t.Touchpoint[x] = j.tp[k]
		t.Stage[x] = j.stage[k]
		t.Channel[x] = j.ch[k]
		t.Source[x] = j.src[k]
		t.Event[x] = j.event[k]
	}
}

// Split cuts the kept customers into at most n contiguous ranges with about as many passing events each:
// range k is [bounds[k], bounds[k+1]). Empty ranges are left out, so a view with fewer customers than n gets
// fewer ranges, and an empty view gets bounds [0]. n < 1 counts as 1.
func (v *View) Split(n int) []int {
	n = max(n, 1)
	total := len(v.pos)
	bounds := []int{0}
	for k := 1; k < n; k++ {
		// The first customer whose events start at or after k/n of all events.
		want := uint32(total * k / n)
		i, _ := slices.BinarySearch(v.off[:len(v.cust)], want)
		if i > bounds[len(bounds)-1] && i < len(v.cust) {
			bounds = append(bounds, i)
		}
	}
	if len(v.cust) > 0 {
		bounds = append(bounds, len(v.cust))
	}
	return bounds
}

// PassingEvents is the number of events of the kept customers that pass the filter: the sum of their
// trails' lengths.
func (v *View) PassingEvents() int { return len(v.pos) }

// TouchpointNames names the dense touchpoint ids, sorted by name.
func (j *Journeys) TouchpointNames() []string { return j.touch.names }

// ChannelNames names the dense channel ids (NoneLabel for events without a channel).
func (j *Journeys) ChannelNames() []string { return j.channel.names }

// SourceNames names the dense source ids.
func (j *Journeys) SourceNames() []string { return j.source.names }

// TouchpointChannels names the channels a dense touchpoint occurs on (the same list as in Touchpoints, without
// counting events). The slice is new on every call.
func (j *Journeys) TouchpointChannels(tp uint32) []string {
	out := make([]string, 0, len(j.tpChannels[tp]))
	for _, c := range j.tpChannels[tp] {
		out = append(out, j.channel.names[c])
	}
	return out
}

// TouchpointStage is the stage index of a dense touchpoint.
func (j *Journeys) TouchpointStage(tp uint32) int { return int(j.tpStage[tp]) }

// IsGoalTouchpoint reports whether a dense touchpoint is part of the goal.
func (j *Journeys) IsGoalTouchpoint(tp uint32) bool { return j.tpGoal[tp] }

// IsWastedTouch reports whether a dense touchpoint on a channel is paid marketing (an ad touchpoint, or any
// touchpoint on a paid channel): such a touch after conversion is money spent on someone who already bought.
func (j *Journeys) IsWastedTouch(tp, ch uint32) bool { return j.paid(tp, ch) }

// StageReached is a profile's highest stage index over its whole journey, -1 without events.
func (j *Journeys) StageReached(p int32) int { return int(j.stageReached[p]) }
