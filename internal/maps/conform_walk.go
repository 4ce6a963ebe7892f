package maps

import "wayline/internal/journey"

// departKey groups departures: kind, the furthest position before leaving (-1 = none) and the data
// touchpoint gone to (-1 = the journey ended).
type departKey struct {
	kind  int8
	after int32
	to    int32
}

const (
	kindUnplanned int8 = iota
	kindOutOfOrder
	kindSkip
	kindEnded
)

var departKinds = [...]string{DepartUnplanned, DepartOutOfOrder, DepartSkip, DepartEnded}

// conformWalker aligns journeys one at a time. Per-customer flags are generation stamps (equal to gen when
// set for the current customer), so nothing is cleared between customers.
type conformWalker struct {
	p   *conformPlan
	tol Tolerance
	gen uint32

	customers, followed, reachedEnd, offPath int

	// per position
	seen, loopMark, oooMark             []uint32
	posCustomers, posEvents, posReached []int
	posSkipped, posOOO, posLoops        []int
	skippedIn, oooWho, loopWho          [][]int32 // skipped: entered the stage but passed the step
	usedWho, notUsedWho                 [][]int32 // only for positions with a stated share
	// per stage
	stReached, stEntered, stFollowed, stSkipped []int
	stOOO, stLoops, stUnplanned, stLeft         []int
	stOOOMark, stLoopMark, stUnplMark           []uint32
	stSkippedWho, stLeftWho                     [][]int32
	entered                                     []bool // current customer
	brokeStage                                  []bool // current customer: a required skip or out-of-order step
	// per data touchpoint (unplanned ones)
	tpMark                []uint32
	tpCustomers, tpEvents []int
	tpAtStage             []int // [tp*(stages+1) + stage+1] events
	tpWho                 [][]int32
	departures            map[departKey][]int32
}

func newConformWalker(p *conformPlan, t Tolerance) *conformWalker {
	n, s, tps := p.positions(), len(p.stages), len(p.posOf)
	return &conformWalker{p: p, tol: t,
		seen: make([]uint32, n), loopMark: make([]uint32, n), oooMark: make([]uint32, n),
		posCustomers: make([]int, n), posEvents: make([]int, n), posReached: make([]int, n),
		posSkipped: make([]int, n), posOOO: make([]int, n), posLoops: make([]int, n),
		skippedIn: make([][]int32, n), oooWho: make([][]int32, n), loopWho: make([][]int32, n),
		usedWho: make([][]int32, n), notUsedWho: make([][]int32, n),
		stReached: make([]int, s), stEntered: make([]int, s), stFollowed: make([]int, s), stSkipped: make([]int, s),
		stOOO: make([]int, s), stLoops: make([]int, s), stUnplanned: make([]int, s), stLeft: make([]int, s),
		stOOOMark: make([]uint32, s), stLoopMark: make([]uint32, s), stUnplMark: make([]uint32, s),
		stSkippedWho: make([][]int32, s), stLeftWho: make([][]int32, s),
		entered: make([]bool, s), brokeStage: make([]bool, s),
		tpMark: make([]uint32, tps), tpCustomers: make([]int, tps), tpEvents: make([]int, tps),
		tpAtStage: make([]int, tps*(s+1)), tpWho: make([][]int32, tps),
		departures: map[departKey][]int32{},
	}
}

// walk aligns one journey; see conform.go for the rules.
func (w *conformWalker) walk(t *journey.Trail) {
	p := w.p
	w.gen++
	gen, who := w.gen, t.Profile
	w.customers++
	furthest := int32(-1)
	judging, departed, followed := true, false, false
	unplanned, skips := 0, 0
	depart := func(kind int8, to int32) {
		departed = true
		k := departKey{kind: kind, after: furthest, to: to}
		w.departures[k] = append(w.departures[k], who)
	}
	for i := range w.brokeStage {
		w.brokeStage[i] = false
	}
	for _, tp := range t.Touchpoint {
		pos := p.posOf[tp]
		if pos < 0 {
			stage := -1
			if furthest >= 0 {
				stage = p.stageOf[furthest]
			}
			w.tpEvents[tp]++
			w.tpAtStage[int(tp)*(len(p.stages)+1)+stage+1]++
			if w.tpMark[tp] != gen {
				w.tpMark[tp] = gen
				w.tpCustomers[tp]++
				w.tpWho[tp] = append(w.tpWho[tp], who)
			}
			if stage >= 0 && w.stUnplMark[stage] != gen {
				w.stUnplMark[stage] = gen
				w.stUnplanned[stage]++
			}
			if judging {
				unplanned++
				if unplanned > w.tol.ExtraTouches && !departed {
					depart(kindUnplanned, int32(tp))
				}
			}
			continue
		}
		w.posEvents[pos]++
		stage := p.stageOf[pos]
		switch {
		case w.seen[pos] == gen: // a loop: this step again
			if w.loopMark[pos] != gen {
				w.loopMark[pos] = gen
				w.posLoops[pos]++
				w.loopWho[pos] = append(w.loopWho[pos], who)
			}
			if w.stLoopMark[stage] != gen {
				w.stLoopMark[stage] = gen
				w.stLoops[stage]++
			}
		case pos < furthest: // out of order: a step the plan puts before where the customer is
			w.seen[pos] = gen
			if w.oooMark[pos] != gen {
				w.oooMark[pos] = gen
				w.posOOO[pos]++
				w.oooWho[pos] = append(w.oooWho[pos], who)
			}
			if w.stOOOMark[stage] != gen {
				w.stOOOMark[stage] = gen
				w.stOOO[stage]++
			}
			w.brokeStage[stage] = true
			if judging && !departed {
				depart(kindOutOfOrder, int32(tp))
			}
		default: // forward, over the positions between
			w.seen[pos] = gen
			if judging {
				skips += p.required[pos] - p.required[furthest+1]
				if skips > w.tol.AllowSkips && !departed {
					depart(kindSkip, int32(tp))
				}
			}
			furthest = pos
			if judging && int(pos) >= p.firstOfEnd {
				judging = false
				followed = !departed
			}
		}
	}
	if !departed && !followed {
		depart(kindEnded, -1)
	}
	if followed {
		w.followed++
	}
	w.finish(who, furthest)
}

// finish counts the current customer's per-stage and per-position figures from what walk marked.
func (w *conformWalker) finish(who int32, furthest int32) {
	p, gen := w.p, w.gen
	if furthest < 0 {
		w.offPath++
		return
	}
	last := p.stageOf[furthest]
	if last == len(p.stages)-1 {
		w.reachedEnd++
	}
	for s := range w.entered {
		w.entered[s] = false
	}
	for pos := range p.tps {
		if w.seen[pos] == gen {
			w.entered[p.stageOf[pos]] = true
		}
	}
	for pos, t := range p.tps {
		s := p.stageOf[pos]
		if s > last {
			break
		}
		w.posReached[pos]++
		used := w.seen[pos] == gen
		if used {
			w.posCustomers[pos]++
		}
		if t.ExpectedShare > 0 {
			if used {
				w.usedWho[pos] = append(w.usedWho[pos], who)
			} else {
				w.notUsedWho[pos] = append(w.notUsedWho[pos], who)
			}
		}
		if !used && int32(pos) < furthest {
			w.posSkipped[pos]++
			if w.entered[s] && !t.Optional() {
				w.skippedIn[pos] = append(w.skippedIn[pos], who)
			}
			if !t.Optional() {
				w.brokeStage[s] = true
			}
		}
	}
	for s := 0; s <= last; s++ {
		w.stReached[s]++
		switch {
		case w.entered[s]:
			w.stEntered[s]++
			if !w.brokeStage[s] {
				w.stFollowed[s]++
			}
		case s < last:
			w.stSkipped[s]++
			w.stSkippedWho[s] = append(w.stSkippedWho[s], who)
		}
	}
	if last < len(p.stages)-1 {
		w.stLeft[last]++
		w.stLeftWho[last] = append(w.stLeftWho[last], who)
	}
}
