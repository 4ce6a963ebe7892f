package journey_test

import (
	"errors"
	"reflect"
	"testing"

	"wayline/internal/journey"
)

// flowFixture: a: A B B C, b: A C (5 minutes apart), c: A B; C is the goal.
func flowFixture() (fixture, *journey.StageModel) {
	f := newFixture(join(
		path("a", 0, "A", "B", "B", "C"),
		[]ev{{who: "b", t: 0, tp: "A"}, {who: "b", t: 300, tp: "C"}},
		[]ev{{who: "c", t: 0, tp: "A"}, {who: "c", t: 120, tp: "B"}},
	))
	sm := &journey.StageModel{Stages: journey.DefaultStages(), Goal: []string{"C"}, Mapping: []journey.StageAssignment{
		{Touchpoint: "A", Stage: journey.Awareness}, {Touchpoint: "B", Stage: journey.Awareness},
		{Touchpoint: "C", Stage: journey.Decision}}}
	return f, sm
}

func edgeMap(fl *journey.Flow) map[[2]string]journey.FlowEdge {
	out := map[[2]string]journey.FlowEdge{}
	for _, e := range fl.Edges {
		out[[2]string{e.From, e.To}] = e
	}
	return out
}

func nodeMap(fl *journey.Flow) map[string]journey.FlowNode {
	out := map[string]journey.FlowNode{}
	for _, n := range fl.Nodes {
		out[n.ID] = n
	}
	return out
}

func TestFlowTouchpoint(t *testing.T) {
	f, sm := flowFixture()
	v := f.view(t, sm, journey.Filter{})
	fl, err := v.Flow(journey.FlowOptions{Level: journey.LevelTouchpoint})
	if err != nil {
		t.Fatal(err)
	}
	if fl.Transitions != 11 || fl.TotalCustomers != 3 || fl.Hidden != (journey.Hidden{}) {
		t.Errorf("transitions %d, customers %d, hidden %+v; want 11, 3, nothing hidden", fl.Transitions, fl.TotalCustomers, fl.Hidden)
	}
	if fl.Nodes[0].ID != journey.StartNode || fl.Nodes[len(fl.Nodes)-1].ID != journey.EndNode {
		t.Errorf("nodes %v: want start first and end last", fl.Nodes)
	}
	edges := edgeMap(fl)
	want := map[[2]string]journey.FlowEdge{
		{journey.StartNode, "A"}: {From: journey.StartNode, To: "A", Count: 3, Customers: 3, Converted: 2, ConversionRate: 2.0 / 3},
		{"A", "B"}:               {From: "A", To: "B", Count: 2, Customers: 2, Converted: 1, ConversionRate: 0.5, MedianSeconds: 90, P90Seconds: 120},
		{"B", "B"}:               {From: "B", To: "B", Count: 1, Customers: 1, Converted: 1, ConversionRate: 1, MedianSeconds: 60, P90Seconds: 60},
		{"B", "C"}:               {From: "B", To: "C", Count: 1, Customers: 1, Converted: 1, ConversionRate: 1, MedianSeconds: 60, P90Seconds: 60},
		{"A", "C"}:               {From: "A", To: "C", Count: 1, Customers: 1, Converted: 1, ConversionRate: 1, MedianSeconds: 300, P90Seconds: 300},
		{"C", journey.EndNode}:   {From: "C", To: journey.EndNode, Count: 2, Customers: 2, Converted: 2, ConversionRate: 1},
		{"B", journey.EndNode}:   {From: "B", To: journey.EndNode, Count: 1, Customers: 1, Converted: 0, ConversionRate: 0},
	}
	if !reflect.DeepEqual(edges, want) {
		t.Errorf("edges:\ngot  %+v\nwant %+v", edges, want)
	}
	nodes := nodeMap(fl)
	if b := nodes["B"]; b.Events != 3 || b.Customers != 2 || b.Starts != 0 || b.Ends != 1 || b.Stage != journey.Awareness {
		t.Errorf("node B: got %+v, want 3 events, 2 customers, 0 starts, 1 end, Awareness", b)
	}
	if s := nodes[journey.StartNode]; s.Customers != 3 || s.Events != 0 {
		t.Errorf("start node: %+v", s)
	}
	// Edges are sorted by count.
	for i := 1; i < len(fl.Edges); i++ {
		if fl.Edges[i].Count > fl.Edges[i-1].Count {
			t.Errorf("edge %d (%d) after edge %d (%d)", i, fl.Edges[i].Count, i-1, fl.Edges[i-1].Count)
		}
	}
	// Every number clicks through to as many customers.
	for _, e := range fl.Edges {
		ps, err := v.Cohort(journey.Cohort{Kind: journey.CohortEdge, Level: journey.LevelTouchpoint, From: e.From, To: e.To})
		if err != nil || len(ps) != e.Customers {
			t.Errorf("edge %s→%s: cohort of %d (%v), want %d", e.From, e.To, len(ps), err, e.Customers)
		}
	}
	for _, n := range fl.Nodes {
		ps, _ := v.Cohort(journey.Cohort{Kind: journey.CohortNode, Level: journey.LevelTouchpoint, Node: n.ID})
		if len(ps) != n.Customers {
			t.Errorf("node %s: cohort of %d, want %d", n.ID, len(ps), n.Customers)
		}
	}
}

func TestFlowCoarseLevelsMergeRuns(t *testing.T) {
	f, sm := flowFixture()
	v := f.view(t, sm, journey.Filter{})
	fl, err := v.Flow(journey.FlowOptions{Level: journey.LevelStage})
	if err != nil {
		t.Fatal(err)
	}
	edges := edgeMap(fl)
	if _, ok := edges[[2]string{journey.Awareness, journey.Awareness}]; ok {
		t.Errorf("stage level has a self-loop: %+v", fl.Edges)
	}
	// a: Awareness until 120 s, Decision at 180 s; b: Awareness at 0, Decision at 300 s.
	e := edges[[2]string{journey.Awareness, journey.Decision}]
	if e.Count != 2 || e.Customers != 2 || e.MedianSeconds != 180 {
		t.Errorf("Awareness→Decision: got %+v, want 2 transitions, 2 customers, median 180 s", e)
	}
	if n := nodeMap(fl)[journey.Awareness]; n.Events != 6 || n.Customers != 3 || n.Stage != journey.Awareness {
		t.Errorf("Awareness node: got %+v, want 6 events of 3 customers", n)
	}
	if fl.Transitions != 8 {
		t.Errorf("got %d transitions, want 8 (3 starts, 2 moves, 3 ends)", fl.Transitions)
	}
	if _, err := v.Flow(journey.FlowOptions{Level: "weekday"}); !errors.Is(err, journey.ErrLevel) {
		t.Errorf("unknown level: got %v, want ErrLevel", err)
	}
	if _, err := v.Flow(journey.FlowOptions{MinEdgeShare: 2}); !errors.Is(err, journey.ErrFlowOptions) {
		t.Errorf("share 2: got %v, want ErrFlowOptions", err)
	}
}

func TestFlowNoiseControlReportsWhatItHides(t *testing.T) {
	f, sm := flowFixture()
	v := f.view(t, sm, journey.Filter{})
	fl, err := v.Flow(journey.FlowOptions{MaxNodes: 2})
	if err != nil {
		t.Fatal(err)
	}
	if want := (journey.Hidden{Nodes: 1, Events: 2, Customers: 2}); fl.Hidden != want {
		t.Errorf("maxNodes 2: hidden %+v, want %+v", fl.Hidden, want)
	}
	other := nodeMap(fl)[journey.OtherNode]
	if other.Label != journey.OtherLabel || other.Events != 2 || other.Customers != 2 || other.Merged != 1 {
		t.Errorf("Other: got %+v, want C's 2 events and customers", other)
	}
	if fl.Nodes[len(fl.Nodes)-2].ID != journey.OtherNode {
		t.Errorf("Other is not just before the end node: %+v", fl.Nodes)
	}
	ps, _ := v.Cohort(journey.Cohort{Kind: journey.CohortNode, Node: journey.OtherNode, MaxNodes: 2})
	if got := f.who(ps); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("Other's cohort: got %v, want [a b]", got)
	}

	fl, err = v.Flow(journey.FlowOptions{MinEdgeShare: 0.15})
	if err != nil {
		t.Fatal(err)
	}
	// 11 transitions: the threshold is 1.65, so the edges taken once are hidden (B→B, B→C, A→C, touching a
	// and b), except B→end: edges from the start and to the end are never hidden.
	if want := (journey.Hidden{Edges: 3, Transitions: 3, Customers: 2}); fl.Hidden != want {
		t.Errorf("share 0.15: hidden %+v, want %+v", fl.Hidden, want)
	}
	shown := 0
	for _, e := range fl.Edges {
		shown += e.Count
	}
	if shown+fl.Hidden.Transitions != fl.Transitions {
		t.Errorf("shown %d + hidden %d transitions != %d", shown, fl.Hidden.Transitions, fl.Transitions)
	}
}
