package journey

import (
	"sort"

	"wayline/internal/model"
)

// Movement is how customers move through the stages and channels, in total.
type Movement struct {
	Customers                 int
	StageSkips                []StageMove // forward by more than one stage
	Backtracks                []StageMove // back to an earlier stage
	Revisits                  []StageRevisit
	CustomersSkipping         int
	CustomersBacktracking     int
	CustomersRevisiting       int
	Entries                   []Entry
	Exits                     []Exit
	ChannelSwitches           int
	DeviceSwitches            int
	CustomersSwitchingChannel int
	CustomersSwitchingDevice  int
	TouchesAfterConversion    AfterConversion
}

// StageMove counts moves between two stages.
type StageMove struct {
	From, To  string
	Customers int
	Count     int
}

// StageRevisit counts re-entries into a stage after leaving it.
type StageRevisit struct {
	Stage     string
	Customers int
	Count     int
}

// Entry is where journeys start: the first touchpoint and its channel.
type Entry struct {
	Touchpoint, Channel string
	Customers           int
}

// Exit is where journeys end: the last touchpoint, and how many of those customers converted.
type Exit struct {
	Touchpoint string
	Customers  int
	Converted  int
}

// AfterConversion counts events after a customer's first goal event.
type AfterConversion struct {
	Events        int
	Customers     int
	Touchpoints   []TouchCount // by touchpoint and channel, most events first
	PaidEvents    int          // of Events, paid touches (IsPaid)
	PaidCustomers int
}

// TouchCount counts events of one touchpoint on one channel.
type TouchCount struct {
	Touchpoint, Channel string
	Paid                bool
	Events              int
}

// CustomerMovement is one customer's movement figures.
type CustomerMovement struct {
	Skips, Backtracks, Revisits     int
	ChannelSwitches, DeviceSwitches int
	TouchesAfterConversion          int
	PaidAfterConversion             int
}

// The things walk reports.
const (
	mvSkip = iota
	mvBacktrack
	mvRevisit
	mvEntry
	mvExit
	mvChannelSwitch
	mvDeviceSwitch
	mvAfter // a = touchpoint, b = channel
)

// walk reports customer ci's movements to emit. Stage runs are visits: a move is a change of stage between
// consecutive events. A channel or device switch is a change between consecutive events that both have one.
// Touches after conversion are the customer's events (in the view) after their first goal event ever.
func (v *View) walk(ci int, emit func(kind int, a, b uint32)) {
	j := v.j
	ps := v.pos[v.off[ci]:v.off[ci+1]]
	p := v.cust[ci]
	first := ps[0]
	emit(mvEntry, j.tp[first], j.ch[first])
	var visited uint64
	cur := j.stage[first]
	visited |= 1 << cur
	lastCh, lastDev := j.ch[first], j.dev[first]
	noneCh, noneDev := j.noneChannel, j.noneDevice
	goal := j.firstGoal[p]
	for i, k := range ps {
		if goal >= 0 && int32(k) > goal {
			emit(mvAfter, j.tp[k], j.ch[k])
		}
		if i == 0 {
			continue
		}
		if s := j.stage[k]; s != cur {
			switch {
			case s > cur+1:
				emit(mvSkip, cur, s)
			case s < cur:
				emit(mvBacktrack, cur, s)
			}
			if visited&(1<<s) != 0 {
				emit(mvRevisit, s, 0)
			}
			visited |= 1 << s
			cur = s
		}
		if c := j.ch[k]; c != noneCh {
			if lastCh != noneCh && c != lastCh {
				emit(mvChannelSwitch, 0, 0)
			}
			lastCh = c
		}
		if d := j.dev[k]; d != noneDev {
			if lastDev != noneDev && d != lastDev {
				emit(mvDeviceSwitch, 0, 0)
			}
			lastDev = d
		}
	}
	emit(mvExit, j.tp[ps[len(ps)-1]], 0)
}

// CustomerMovement returns the movement figures of profile p in the view (zero when p is not in it).
func (v *View) CustomerMovement(p int32) CustomerMovement {
	var cm CustomerMovement
	ci := sort.Search(len(v.cust), func(i int) bool { return v.cust[i] >= p })
	if ci == len(v.cust) || v.cust[ci] != p {
		return cm
	}
	v.walk(ci, func(kind int, a, b uint32) {
		switch kind {
		case mvSkip:
			cm.Skips++
		case mvBacktrack:
			cm.Backtracks++
		case mvRevisit:
			cm.Revisits++
		case mvChannelSwitch:
			cm.ChannelSwitches++
		case mvDeviceSwitch:
			cm.DeviceSwitches++
		case mvAfter:
			cm.TouchesAfterConversion++
			if v.j.paid(a, b) {
				cm.PaidAfterConversion++
			}
		}
	})
	return cm
}

// Movement totals the view's movements. Lists are sorted by customers, most first, then by name.
func (v *View) Movement() Movement {
	j := v.j
	nS, nTp, nCh := len(j.stages), len(j.touch.names), len(j.channel.names)
	out := Movement{Customers: len(v.cust)}
	type cell struct{ count, customers, converted int }
	pairKey := func(a, b uint32) int { return int(a)*nS + int(b) }
	skips, backs := make([]cell, nS*nS), make([]cell, nS*nS)
	revisits := make([]cell, nS)
	entries := map[uint64]*cell{}
	exits := make([]cell, nTp)
	after := map[uint64]*cell{}
	var seenSkip, seenBack, seenRev []bool
	seenSkip, seenBack, seenRev = make([]bool, nS*nS), make([]bool, nS*nS), make([]bool, nS)
	var touched []int
	for ci := range v.cust {
		var skipped, backed, revisited, switchedCh, switchedDev, afterAny, paidAny bool
		touched = touched[:0]
		v.walk(ci, func(kind int, a, b uint32) {
			switch kind {
			case mvSkip, mvBacktrack:
				k := pairKey(a, b)
				cells, seen := skips, seenSkip
				if kind == mvBacktrack {
					cells, seen, backed = backs, seenBack, true
				} else {
					skipped = true
				}
				cells[k].count++
				if !seen[k] {
					seen[k] = true
					cells[k].customers++
					touched = append(touched, kind<<24|k)
				}
			case mvRevisit:
				revisited = true
				revisits[a].count++
				if !seenRev[a] {
					seenRev[a] = true
					revisits[a].customers++
					touched = append(touched, mvRevisit<<24|int(a))
				}
			case mvEntry:
				key := uint64(a)<<32 | uint64(b)
				c := entries[key]
				if c == nil {
					c = &cell{}
					entries[key] = c
				}
				c.customers++
			case mvExit:
				exits[a].customers++
				if v.conv[ci] {
					exits[a].converted++
				}
			case mvChannelSwitch:
				out.ChannelSwitches++
				switchedCh = true
			case mvDeviceSwitch:
				out.DeviceSwitches++
				switchedDev = true
			case mvAfter:
				afterAny = true
				out.TouchesAfterConversion.Events++
				if j.paid(a, b) {
					out.TouchesAfterConversion.PaidEvents++
					paidAny = true
				}
				key := uint64(a)*uint64(nCh) + uint64(b)
				c := after[key]
				if c == nil {
					c = &cell{}
					after[key] = c
				}
				c.count++
			}
		})
		for _, t := range touched {
			kind, k := t>>24, t&(1<<24-1)
			switch kind {
			case mvSkip:
				seenSkip[k] = false
			case mvBacktrack:
				seenBack[k] = false
			case mvRevisit:
				seenRev[k] = false
			}
		}
		out.CustomersSkipping += b2i(skipped)
		out.CustomersBacktracking += b2i(backed)
		out.CustomersRevisiting += b2i(revisited)
		out.CustomersSwitchingChannel += b2i(switchedCh)
		out.CustomersSwitchingDevice += b2i(switchedDev)
		out.TouchesAfterConversion.Customers += b2i(afterAny)
		out.TouchesAfterConversion.PaidCustomers += b2i(paidAny)
	}
	moves := func(cells []cell) []StageMove {
		list := []StageMove{}
		for k, c := range cells {
			if c.count > 0 {
				list = append(list, StageMove{From: j.stages[k/nS], To: j.stages[k%nS], Customers: c.customers, Count: c.count})
			}
		}
		sort.SliceStable(list, func(a, b int) bool { return list[a].Customers > list[b].Customers })
		return list
	}
	out.StageSkips, out.Backtracks = moves(skips), moves(backs)
	out.Revisits = []StageRevisit{}
	for s, c := range revisits {
		if c.count > 0 {
			out.Revisits = append(out.Revisits, StageRevisit{Stage: j.stages[s], Customers: c.customers, Count: c.count})
		}
	}
	sort.SliceStable(out.Revisits, func(a, b int) bool { return out.Revisits[a].Customers > out.Revisits[b].Customers })
	out.Entries = []Entry{}
	for key, c := range entries {
		out.Entries = append(out.Entries, Entry{Touchpoint: j.touch.names[key>>32], Channel: j.channel.names[uint32(key)],
			Customers: c.customers})
	}
	sort.Slice(out.Entries, func(a, b int) bool {
		ea, eb := out.Entries[a], out.Entries[b]
		if ea.Customers != eb.Customers {
			return ea.Customers > eb.Customers
		}
		if ea.Touchpoint != eb.Touchpoint {
			return ea.Touchpoint < eb.Touchpoint
		}
		return ea.Channel < eb.Channel
	})
	out.Exits = []Exit{}
	for t, c := range exits {
		if c.customers > 0 {
			out.Exits = append(out.Exits, Exit{Touchpoint: j.touch.names[t], Customers: c.customers, Converted: c.converted})
		}
	}
	sort.SliceStable(out.Exits, func(a, b int) bool { return out.Exits[a].Customers > out.Exits[b].Customers })
	out.TouchesAfterConversion.Touchpoints = []TouchCount{}
	for key, c := range after {
		t := key / uint64(nCh)
		out.TouchesAfterConversion.Touchpoints = append(out.TouchesAfterConversion.Touchpoints, TouchCount{
			Touchpoint: j.touch.names[t], Channel: j.channel.names[key%uint64(nCh)], Paid: j.paid(uint32(t), uint32(key%uint64(nCh))), Events: c.count})
	}
	tc := out.TouchesAfterConversion.Touchpoints
	sort.Slice(tc, func(a, b int) bool {
		if tc[a].Events != tc[b].Events {
			return tc[a].Events > tc[b].Events
		}
		if tc[a].Touchpoint != tc[b].Touchpoint {
			return tc[a].Touchpoint < tc[b].Touchpoint
		}
		return tc[a].Channel < tc[b].Channel
	})
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// noneID returns the dense id of the absent value in d, or an id no event has.
func noneID(d dim) uint32 {
	for i, id := range d.ids {
		if id == model.None {
			return uint32(i)
		}
	}
	return ^uint32(0)
}
