package journey

import (
	"fmt"
	"sort"
)

// Virtual node ids of a flow.
// Indices of the virtual start and end among a flow's nodes.
const startIndex, endIndex int32 = 0, 1

const (
	StartNode = "__start__"
	EndNode   = "__end__"
	OtherNode = "__other__"
	// OtherLabel is the label of the node that rare nodes are merged into.
	OtherLabel = "Other"
)

// FlowOptions choose the level and the noise control of a flow.
type FlowOptions struct {
	Level        Level
	MinEdgeShare float64 // hide edges carrying fewer than this share of all transitions (0..1)
	MaxNodes     int     // keep this many nodes (most events first) and merge the rest into Other; 0 keeps all
}

// Flow is a directly-follows graph with virtual start and end nodes.
type Flow struct {
	Level          Level
	Nodes          []FlowNode // start first, end last
	Edges          []FlowEdge // most transitions first
	Start, End     string
	Hidden         Hidden
	TotalCustomers int
	Transitions    int // all transitions, shown or hidden, including those from start and to end
}

// FlowNode is one node. For the virtual start and end nodes Events is 0 and Customers is every customer.
type FlowNode struct {
	ID, Label string
	Events    int // events at the node (at coarse levels, all events of the merged visits)
	Customers int
	Starts    int    // customers whose journey starts here
	Ends      int    // customers whose journey ends here
	Stage     string // the touchpoint's stage at touchpoint level, the stage itself at stage level
	Merged    int    // for Other: how many nodes it stands for
}

// FlowEdge is one directly-follows relation.
type FlowEdge struct {
	From, To       string
	Count          int // transitions
	Customers      int // customers who took the edge at least once
	Converted      int // of those, customers who converted
	ConversionRate float64
	MedianSeconds  float64 // exact; 0 for edges from start or to end
	P90Seconds     float64 // nearest rank
}

// Hidden is what the noise control left out of the picture. Nodes merged into Other are still counted (in
// Other); edges below the share are not shown at all.
type Hidden struct {
	Nodes       int // nodes merged into Other
	Edges       int // edges not shown
	Transitions int // transitions on those edges
	Customers   int // customers with an event merged into Other or a transition on a hidden edge
	Events      int // events merged into Other
}

// flowState is a flow before formatting; cohorts query it.
type flowState struct {
	v      *View
	labels []string // node labels: 0 start, 1 end, then kept keys, then Other if any
	ids    []string
	stage  []string
	merged int
	nodeOf []int32 // key → node
	events []int   // per node
	custs  []int
	starts []int
	ends   []int
	// transitions, customer by customer: customer i's are tEdge[tOff[i]:tOff[i+1]]
	tEdge      []int32
	tOff       []uint32
	edgeFrom   []int32
	edgeTo     []int32
	edgeCount  []int
	edgeCust   []int
	edgeConv   []int
	edgeHidden []bool
	hidden     Hidden
	durOff     []uint32
	durs       []int64
}

// Flow computes the directly-follows graph of the view. At touchpoint level every pair of consecutive events
// is a transition, so a repeated touchpoint is a self-loop. At stage, channel and device level consecutive
// events with the same value are one visit (no self-loop): a run of Consideration events is one stay in
// Consideration.
func (v *View) Flow(o FlowOptions) (*Flow, error) {
	s, err := v.flowState(o)
	if err != nil {
		return nil, err
	}
	lvl := o.Level
	if lvl == "" {
		lvl = LevelTouchpoint
	}
	f := &Flow{Level: lvl, Start: StartNode, End: EndNode, Hidden: s.hidden, TotalCustomers: len(v.cust),
		Transitions: len(s.tEdge), Nodes: []FlowNode{}, Edges: []FlowEdge{}}
	order := make([]int, 0, len(s.labels))
	for n := 2; n < len(s.labels); n++ {
		order = append(order, n)
	}
	other := len(s.labels) - 1
	sort.SliceStable(order, func(a, b int) bool {
		na, nb := order[a], order[b]
		if (s.merged > 0) && (na == other) != (nb == other) {
			return nb == other
		}
		if s.events[na] != s.events[nb] {
			return s.events[na] > s.events[nb]
		}
		return s.labels[na] < s.labels[nb]
	})
	order = append(append([]int{0}, order...), 1)
	rank := make([]int, len(s.labels))
	for i, n := range order {
		rank[n] = i
		fn := FlowNode{ID: s.ids[n], Label: s.labels[n], Events: s.events[n], Customers: s.custs[n], Starts: s.starts[n],
			Ends: s.ends[n], Stage: s.stage[n]}
		if s.merged > 0 && n == other {
			fn.Merged = s.merged
		}
		f.Nodes = append(f.Nodes, fn)
	}
	shown := make([]int, 0, len(s.edgeFrom))
	for e := range s.edgeFrom {
		if !s.edgeHidden[e] {
			shown = append(shown, e)
		}
	}
	sort.Slice(shown, func(a, b int) bool {
		ea, eb := shown[a], shown[b]
		if s.edgeCount[ea] != s.edgeCount[eb] {
			return s.edgeCount[ea] > s.edgeCount[eb]
		}
		if fa, fb := rank[s.edgeFrom[ea]], rank[s.edgeFrom[eb]]; fa != fb {
			return fa < fb
		}
		return rank[s.edgeTo[ea]] < rank[s.edgeTo[eb]]
	})
	for _, e := range shown {
		durs := s.durs[s.durOff[e]:s.durOff[e+1]]
		f.Edges = append(f.Edges, FlowEdge{From: s.ids[s.edgeFrom[e]], To: s.ids[s.edgeTo[e]], Count: s.edgeCount[e],
			Customers: s.edgeCust[e], Converted: s.edgeConv[e], ConversionRate: ratio(s.edgeConv[e], s.edgeCust[e]),
			MedianSeconds: median(durs), P90Seconds: percentile(durs, 0.9)})
	}
	return f, nil
}

func (s *flowState) nodeIndex(id string) int {
	for i, x := range s.ids {
		if x == id {
			return i
		}
	}
	return -1
}

func (v *View) flowState(o FlowOptions) (*flowState, error) {
	j := v.j
	keys, labels, err := j.keys(o.Level)
	if err != nil {
		return nil, err
	}
	if o.MinEdgeShare < 0 || o.MinEdgeShare > 1 || o.MaxNodes < 0 {
		return nil, fmt.Errorf("%w: minEdgeShare %v, maxNodes %d", ErrFlowOptions, o.MinEdgeShare, o.MaxNodes)
	}
	collapse := o.Level != LevelTouchpoint && o.Level != ""
	nK := len(labels)

	// Events per key decide which keys are merged into Other.
	keyEvents := make([]int, nK)
	for _, k := range v.pos {
		keyEvents[keys[k]]++
	}
	present := make([]int, 0, nK)
	for k, n := range keyEvents {
		if n > 0 {
			present = append(present, k)
		}
	}
	s := &flowState{v: v, nodeOf: make([]int32, nK)}
	// Node 0 is the start and node 1 the end (startIndex, endIndex).
	s.labels = []string{StartNode, EndNode}
	s.ids = []string{StartNode, EndNode}
	s.stage = []string{"", ""}
	keep := present
	if o.MaxNodes > 0 && len(present) > o.MaxNodes {
		keep = append([]int(nil), present...)
		sort.SliceStable(keep, func(a, b int) bool { return keyEvents[keep[a]] > keyEvents[keep[b]] })
		keep = keep[:o.MaxNodes]
		sort.Ints(keep)
		s.merged = len(present) - o.MaxNodes
	}
	for k := range s.nodeOf {
		s.nodeOf[k] = -1
	}
	for _, k := range keep {
		s.nodeOf[k] = int32(len(s.labels))
		s.labels = append(s.labels, labels[k])
		s.ids = append(s.ids, labels[k])
		switch o.Level {
		case LevelTouchpoint, "":
			s.stage = append(s.stage, j.stages[j.tpStage[k]])
		case LevelStage:
			s.stage = append(s.stage, labels[k])
		default:
			s.stage = append(s.stage, "")
		}
	}
	if s.merged > 0 {
		other := int32(len(s.labels))
		s.labels = append(s.labels, OtherLabel)
		s.ids = append(s.ids, OtherNode)
		s.stage = append(s.stage, "")
		for _, k := range present {
			if s.nodeOf[k] < 0 {
				s.nodeOf[k] = other
				s.hidden.Events += keyEvents[k]
			}
		}
		s.hidden.Nodes = s.merged
	}
	nN := len(s.labels)
	s.events, s.custs, s.starts, s.ends = make([]int, nN), make([]int, nN), make([]int, nN), make([]int, nN)
	lastCust := make([]int32, nN)
	for i := range lastCust {
		lastCust[i] = -1
	}

	// Edge ids: a dense matrix for the usual few hundred nodes, a map beyond.
	var mat []int32
	var edgeMap map[uint64]int32
	if nN <= 2048 {
		mat = make([]int32, nN*nN)
		for i := range mat {
			mat[i] = -1
		}
	} else {
		edgeMap = map[uint64]int32{}
	}
	edgeOf := func(a, b int32) int32 {
		if mat != nil {
			if e := mat[int(a)*nN+int(b)]; e >= 0 {
				return e
			}
			e := int32(len(s.edgeFrom))
			mat[int(a)*nN+int(b)] = e
			s.addEdge(a, b)
			return e
		}
		key := uint64(a)<<32 | uint64(b)
		e, ok := edgeMap[key]
		if !ok {
			e = int32(len(s.edgeFrom))
			edgeMap[key] = e
			s.addEdge(a, b)
		}
		return e
	}
	tDur := make([]int64, 0, len(v.pos)+len(v.cust))
	s.tEdge = make([]int32, 0, len(v.pos)+len(v.cust))
	s.tOff = make([]uint32, 1, len(v.cust)+1)
	edgeLast := make([]int32, 0, 64)
	mergedCust := make([]bool, len(v.cust))
	for ci := range v.cust {
		prev := int32(0) // start
		var prevTime int64
		for _, k := range v.pos[v.off[ci]:v.off[ci+1]] {
			n := s.nodeOf[keys[k]]
			if s.merged > 0 && n == int32(nN-1) {
				mergedCust[ci] = true
			}
			s.events[n]++
			if lastCust[n] != int32(ci) {
				lastCust[n] = int32(ci)
				s.custs[n]++
			}
			if collapse && n == prev {
				prevTime = j.time[k]
				continue
			}
			if prev == 0 {
				s.starts[n]++
			}
			e := edgeOf(prev, n)
			s.tEdge = append(s.tEdge, e)
			if prev == 0 {
				tDur = append(tDur, -1)
			} else {
				tDur = append(tDur, j.time[k]-prevTime)
			}
			prev, prevTime = n, j.time[k]
		}
		s.ends[prev]++
		s.tEdge = append(s.tEdge, edgeOf(prev, 1))
		tDur = append(tDur, -1)
		// Customers and conversions per edge, each customer once.
		for len(edgeLast) < len(s.edgeFrom) {
			edgeLast = append(edgeLast, -1)
		}
		for _, e := range s.tEdge[s.tOff[ci]:] {
			s.edgeCount[e]++
			if edgeLast[e] != int32(ci) {
				edgeLast[e] = int32(ci)
				s.edgeCust[e]++
				if v.conv[ci] {
					s.edgeConv[e]++
				}
			}
		}
		s.tOff = append(s.tOff, uint32(len(s.tEdge)))
	}
	s.custs[0], s.custs[1] = len(v.cust), len(v.cust)

	// Noise control on edges, and who is affected by any of it. Edges from the start and to the end are
	// never hidden: they anchor the map (where journeys begin and end), and hiding one would leave its node
	// floating with no way in or out.
	threshold := o.MinEdgeShare * float64(len(s.tEdge))
	s.edgeHidden = make([]bool, len(s.edgeFrom))
	for e, c := range s.edgeCount {
		if float64(c) < threshold && s.edgeFrom[e] != startIndex && s.edgeTo[e] != endIndex {
			s.edgeHidden[e] = true
			s.hidden.Edges++
			s.hidden.Transitions += c
		}
	}
	for ci := range v.cust {
		if s.merged == 0 && s.hidden.Edges == 0 {
			break
		}
		affected := mergedCust[ci]
		for _, e := range s.tEdge[s.tOff[ci]:s.tOff[ci+1]] {
			if affected {
				break
			}
			affected = s.edgeHidden[e]
		}
		if affected {
			s.hidden.Customers++
		}
	}

	// Durations grouped by edge (counting sort), for the exact medians of the shown edges.
	s.durOff = make([]uint32, len(s.edgeFrom)+1)
	for t, e := range s.tEdge {
		if tDur[t] >= 0 && !s.edgeHidden[e] {
			s.durOff[e+1]++
		}
	}
	for e := 1; e < len(s.durOff); e++ {
		s.durOff[e] += s.durOff[e-1]
	}
	s.durs = make([]int64, s.durOff[len(s.edgeFrom)])
	cursor := append([]uint32(nil), s.durOff...)
	for t, e := range s.tEdge {
		if tDur[t] >= 0 && !s.edgeHidden[e] {
			s.durs[cursor[e]] = tDur[t]
			cursor[e]++
		}
	}
	return s, nil
}

func (s *flowState) addEdge(a, b int32) {
	s.edgeFrom = append(s.edgeFrom, a)
	s.edgeTo = append(s.edgeTo, b)
	s.edgeCount = append(s.edgeCount, 0)
	s.edgeCust = append(s.edgeCust, 0)
	s.edgeConv = append(s.edgeConv, 0)
}

// nodeCustomers lists the customers (indices into the view) with an event at node id, or every customer for
// start and end.
func (s *flowState) nodeCustomers(id string) []int32 {
	n := s.nodeIndex(id)
	var out []int32
	for ci := range s.v.cust {
		for _, e := range s.tEdge[s.tOff[ci]:s.tOff[ci+1]] {
			if n == 0 || int(s.edgeTo[e]) == n {
				out = append(out, s.v.cust[ci])
				break
			}
		}
	}
	return out
}

// edgeCustomers lists the profiles that took the edge from → to at least once.
func (s *flowState) edgeCustomers(from, to string) []int32 {
	a, b := s.nodeIndex(from), s.nodeIndex(to)
	var out []int32
	for ci := range s.v.cust {
		for _, e := range s.tEdge[s.tOff[ci]:s.tOff[ci+1]] {
			if int(s.edgeFrom[e]) == a && int(s.edgeTo[e]) == b {
				out = append(out, s.v.cust[ci])
				break
			}
		}
	}
	return out
}
