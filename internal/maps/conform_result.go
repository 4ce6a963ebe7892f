package maps

import (
	"fmt"
	"math"
	"sort"
)

// result turns the walker's counts into a Comparison.
func (w *conformWalker) result(a Assumed, t Tolerance) *Comparison {
	p := w.p
	c := &Comparison{MapID: a.ID, MapName: a.Name, Tolerance: t, Customers: w.customers, Followed: w.followed,
		FollowedShare: ratio(w.followed, w.customers), ReachedEnd: w.reachedEnd, OffPath: w.offPath,
		Stages: []StageConformance{}, Touchpoints: []TouchpointConformance{}, Unplanned: []UnplannedTouchpoint{},
		Departures: []Departure{}, Gaps: []Gap{}}
	for s, name := range p.stages {
		c.Stages = append(c.Stages, StageConformance{Stage: name, Reached: w.stReached[s], Entered: w.stEntered[s],
			Followed: w.stFollowed[s], Skipped: w.stSkipped[s], OutOfOrder: w.stOOO[s], Loops: w.stLoops[s],
			Unplanned: w.stUnplanned[s], Left: w.stLeft[s]})
	}
	for pos, tp := range p.tps {
		c.Touchpoints = append(c.Touchpoints, TouchpointConformance{Touchpoint: tp.Touchpoint,
			Stage: p.stages[p.stageOf[pos]], Observed: p.dense[pos] >= 0, Optional: tp.Optional(),
			Customers: w.posCustomers[pos], Events: w.posEvents[pos], Reached: w.posReached[pos],
			Share: ratio(w.posCustomers[pos], w.posReached[pos]), ExpectedShare: tp.ExpectedShare,
			Skipped: w.posSkipped[pos], OutOfOrder: w.posOOO[pos], Loops: w.posLoops[pos]})
	}
	names := p.j.TouchpointNames()
	modelStages := p.j.Stages()
	for tp, n := range w.tpCustomers {
		if n == 0 {
			continue
		}
		row := w.tpAtStage[tp*(len(p.stages)+1) : (tp+1)*(len(p.stages)+1)]
		best := 0
		for i := range row {
			if row[i] > row[best] {
				best = i
			}
		}
		u := UnplannedTouchpoint{Touchpoint: names[tp], Customers: n, Events: w.tpEvents[tp]}
		if best > 0 {
			u.Stage = p.stages[best-1]
		}
		if s := p.j.TouchpointStage(uint32(tp)); s >= 0 && s < len(modelStages) {
			u.ModelStage = modelStages[s]
		}
		c.Unplanned = append(c.Unplanned, u)
	}
	sort.SliceStable(c.Unplanned, func(i, j int) bool {
		a, b := c.Unplanned[i], c.Unplanned[j]
		if a.Customers != b.Customers {
			return a.Customers > b.Customers
		}
		return a.Touchpoint < b.Touchpoint
	})
	for k, who := range w.departures {
		d := Departure{Kind: departKinds[k.kind], Customers: len(who), Share: ratio(len(who), w.customers), Profiles: who}
		if k.after >= 0 {
			d.After, d.Stage = p.tps[k.after].Touchpoint, p.stages[p.stageOf[k.after]]
		}
		if k.to >= 0 {
			d.To = names[k.to]
		}
		c.Departures = append(c.Departures, d)
	}
	sort.Slice(c.Departures, func(i, j int) bool {
		a, b := c.Departures[i], c.Departures[j]
		if a.Customers != b.Customers {
			return a.Customers > b.Customers
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if a.After != b.After {
			return a.After < b.After
		}
		return a.To < b.To
	})
	c.Gaps = w.gaps(c)
	return c
}

// gapRank orders gaps of equal size: structural ones first.
var gapRank = map[string]int{GapLeft: 0, GapStageSkipped: 1, GapSkipped: 2, GapOutOfOrder: 3, GapUnplanned: 4,
	GapShareBelow: 5, GapShareAbove: 6, GapLoop: 7, GapNotInData: 8}

// gaps lists every departure from the map as one list, biggest first (then by kind, the map's stage
// order, touchpoint).
func (w *conformWalker) gaps(c *Comparison) []Gap {
	p := w.p
	type ranked struct {
		Gap
		stage int
	}
	var out []ranked
	add := func(stage int, g Gap) {
		if g.Profiles == nil {
			g.Profiles = []int32{}
		}
		out = append(out, ranked{g, stage})
	}
	for s, name := range p.stages {
		if who := w.stSkippedWho[s]; len(who) > 0 {
			add(s, Gap{Kind: GapStageSkipped, Stage: name, Customers: len(who), Profiles: who,
				Text: fmt.Sprintf("%s skipped %s: they reached a later stage without any of its touchpoints", customersText(len(who)), name)})
		}
		if who := w.stLeftWho[s]; len(who) > 0 {
			add(s, Gap{Kind: GapLeft, Stage: name, Customers: len(who), Profiles: who,
				Text: fmt.Sprintf("%s got no further than %s on the assumed path", customersText(len(who)), name)})
		}
	}
	for pos, tp := range p.tps {
		s := p.stageOf[pos]
		stage, name := p.stages[s], tp.Touchpoint
		if p.dense[pos] < 0 {
			add(s, Gap{Kind: GapNotInData, Stage: stage, Touchpoint: name,
				Text: fmt.Sprintf("%s (%s) never appears in the data: check its name against the workspace's touchpoints", name, stage)})
		}
		if who := w.skippedIn[pos]; len(who) > 0 {
			add(s, Gap{Kind: GapSkipped, Stage: stage, Touchpoint: name, Customers: len(who), Profiles: who,
				Text: fmt.Sprintf("%s went through %s without %s", customersText(len(who)), stage, name)})
		}
		if who := w.oooWho[pos]; len(who) > 0 {
			add(s, Gap{Kind: GapOutOfOrder, Stage: stage, Touchpoint: name, Customers: len(who), Profiles: who,
				Text: fmt.Sprintf("%s used %s (%s) only after a step the map puts later", customersText(len(who)), name, stage)})
		}
		if who := w.loopWho[pos]; len(who) > 0 {
			add(s, Gap{Kind: GapLoop, Stage: stage, Touchpoint: name, Customers: len(who), Profiles: who,
				Text: fmt.Sprintf("%s used %s (%s) more than once", customersText(len(who)), name, stage)})
		}
		if tp.ExpectedShare > 0 && w.posReached[pos] > 0 {
			obs := ratio(w.posCustomers[pos], w.posReached[pos])
			diff := obs - tp.ExpectedShare
			if math.Abs(diff) >= ShareGapMin-1e-9 {
				g := Gap{Kind: GapShareBelow, Stage: stage, Touchpoint: name, Profiles: w.notUsedWho[pos],
					Customers: int(math.Round(math.Abs(diff) * float64(w.posReached[pos])))}
				if diff > 0 {
					g.Kind, g.Profiles = GapShareAbove, w.usedWho[pos]
				}
				g.Text = fmt.Sprintf("%.0f %% of the customers reaching %s used %s; the map expects %.0f %%",
					100*obs, stage, name, 100*tp.ExpectedShare)
				add(s, g)
			}
		}
	}
	dense := make(map[string]int, len(c.Unplanned))
	for i, n := range p.j.TouchpointNames() {
		if w.tpCustomers[i] > 0 {
			dense[n] = i
		}
	}
	for _, u := range c.Unplanned {
		tp := dense[u.Touchpoint]
		where := "before the first planned step"
		s := -1
		if u.Stage != "" {
			where = "mostly at " + u.Stage
			for i, n := range p.stages {
				if n == u.Stage {
					s = i
				}
			}
		}
		add(s, Gap{Kind: GapUnplanned, Stage: u.Stage, Touchpoint: u.Touchpoint, Customers: u.Customers,
			Profiles: w.tpWho[tp],
			Text:     fmt.Sprintf("%s used %s, which the map does not plan for (%d events, %s)", customersText(u.Customers), u.Touchpoint, u.Events, where)})
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Customers != b.Customers {
			return a.Customers > b.Customers
		}
		if gapRank[a.Kind] != gapRank[b.Kind] {
			return gapRank[a.Kind] < gapRank[b.Kind]
		}
		if a.stage != b.stage {
			return a.stage < b.stage
		}
		return a.Touchpoint < b.Touchpoint
	})
	gaps := make([]Gap, len(out))
	for i, r := range out {
		gaps[i] = r.Gap
	}
	return gaps
}

// customersText says "1 customer" or "n customers".
func customersText(n int) string {
	if n == 1 {
		return "1 customer"
	}
	return fmt.Sprintf("%d customers", n)
}
