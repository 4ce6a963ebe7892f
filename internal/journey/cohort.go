package journey

import (
	"fmt"
	"slices"
)

// Cohort kinds: what was clicked.
const (
	CohortAll        = "all"        // every customer of the view
	CohortNode       = "node"       // Level, Node (a node id of Flow; StartNode/EndNode are everyone)
	CohortEdge       = "edge"       // Level, From, To (node ids of Flow)
	CohortVariant    = "variant"    // Path, CollapseRepeats
	CohortFunnelStep = "funnelStep" // Funnel, Step (0-based): customers who reached the step
	CohortFunnelDrop = "funnelDrop" // Funnel, Step: customers whose last step reached was this one
	CohortMovement   = "movement"   // Movement (a figure below), narrowed by From, To, Node, Channel
	CohortStage      = "stage"      // Node (a stage): customers with an event in that stage
	CohortPath       = "path"       // Path (anchor first), Direction, Depth: the customers of one path of Paths
	CohortProfiles   = "profiles"   // Profiles: a list another analysis found (a gap of an assumed map), kept to the view
)

// Movement figures a movement cohort can name.
const (
	MoveSkips            = "stageSkips"             // From, To (stages) narrow it
	MoveBacktracks       = "backtracks"             // From, To narrow it
	MoveRevisits         = "revisits"               // Node (a stage) narrows it
	MoveEntries          = "entries"                // Node (touchpoint), Channel narrow it
	MoveExits            = "exits"                  // Node (touchpoint) narrows it
	MoveChannelSwitches  = "channelSwitches"        // customers switching channel
	MoveDeviceSwitches   = "deviceSwitches"         // customers switching device
	MoveAfterConversion  = "touchesAfterConversion" // Node (touchpoint), Channel narrow it
	MovePaidAfterConvert = "paidAfterConversion"    // paid touches after conversion
	MoveConverted        = "converted"              // customers who converted
)

// Cohort names the customers behind one figure of an analysis. Only the fields its kind uses matter.
type Cohort struct {
	Kind            string
	Level           Level
	MinEdgeShare    float64 // as in the flow clicked (hidden edges have no customers to show)
	MaxNodes        int     // as in the flow clicked, so that Other means the same nodes
	Node            string
	From, To        string
	Channel         string
	Path            []string
	CollapseRepeats bool
	Funnel          FunnelSpec
	Step            int
	Movement        string
	Direction       string // of a path cohort: DirectionFrom (default) or DirectionTo
	Depth           int    // of a path cohort: the Paths depth it was shown with (0 means 4)
	Profiles        []int32
}

// Cohort returns the profiles (ascending) behind a figure: the number a view shows for it is the length of
// this list.
func (v *View) Cohort(c Cohort) ([]int32, error) {
	var out []int32
	var err error
	switch c.Kind {
	case CohortAll, "":
		out = v.Profiles()
	case CohortPath:
		out, err = v.pathCustomers(c.Path, c.Direction, c.Depth)
	case CohortNode, CohortEdge:
		var s *flowState
		s, err = v.flowState(FlowOptions{Level: c.Level, MaxNodes: c.MaxNodes, MinEdgeShare: c.MinEdgeShare})
		if err != nil {
			return nil, err
		}
		if c.Kind == CohortNode {
			out = s.nodeCustomers(c.Node)
		} else {
			out = s.edgeCustomers(c.From, c.To)
		}
	case CohortVariant:
		out = v.variantCustomers(c.Path, c.CollapseRepeats)
	case CohortFunnelStep, CohortFunnelDrop:
		out, err = v.funnelCustomers(c.Funnel, c.Step, c.Kind == CohortFunnelDrop)
	case CohortStage:
		out = v.stageCustomers(c.Node)
	case CohortMovement:
		out, err = v.movementCustomers(c)
	case CohortProfiles:
		out = v.keptOf(c.Profiles)
	default:
		err = fmt.Errorf("%w: kind %q", ErrCohort, c.Kind)
	}
	if out == nil && err == nil {
		out = []int32{}
	}
	return out, err
}

func (v *View) stageCustomers(stage string) []int32 {
	var out []int32
	for ci := range v.cust {
		for _, k := range v.pos[v.off[ci]:v.off[ci+1]] {
			if v.j.stages[v.j.stage[k]] == stage {
				out = append(out, v.cust[ci])
				break
			}
		}
	}
	return out
}

func (v *View) movementCustomers(c Cohort) ([]int32, error) {
	j := v.j
	name := func(names []string, id uint32) string { return names[id] }
	var match func(kind int, a, b uint32) bool
	is := func(want string, got string) bool { return want == "" || want == got }
	switch c.Movement {
	case MoveSkips, MoveBacktracks:
		want := mvSkip
		if c.Movement == MoveBacktracks {
			want = mvBacktrack
		}
		match = func(kind int, a, b uint32) bool {
			return kind == want && is(c.From, name(j.stages, a)) && is(c.To, name(j.stages, b))
		}
	case MoveRevisits:
		match = func(kind int, a, _ uint32) bool { return kind == mvRevisit && is(c.Node, name(j.stages, a)) }
	case MoveEntries:
		match = func(kind int, a, b uint32) bool {
			return kind == mvEntry && is(c.Node, name(j.touch.names, a)) && is(c.Channel, name(j.channel.names, b))
		}
	case MoveExits:
		match = func(kind int, a, _ uint32) bool { return kind == mvExit && is(c.Node, name(j.touch.names, a)) }
	case MoveChannelSwitches:
		match = func(kind int, _, _ uint32) bool { return kind == mvChannelSwitch }
	case MoveDeviceSwitches:
		match = func(kind int, _, _ uint32) bool { return kind == mvDeviceSwitch }
	case MoveAfterConversion:
		match = func(kind int, a, b uint32) bool {
			return kind == mvAfter && is(c.Node, name(j.touch.names, a)) && is(c.Channel, name(j.channel.names, b))
		}
	case MovePaidAfterConvert:
		match = func(kind int, a, b uint32) bool { return kind == mvAfter && j.paid(a, b) }
	case MoveConverted:
		var out []int32
		for ci, p := range v.cust {
			if v.conv[ci] {
				out = append(out, p)
			}
		}
		return out, nil
	default:
		return nil, fmt.Errorf("%w: movement %q", ErrCohort, c.Movement)
	}
	var out []int32
	for ci, p := range v.cust {
		hit := false
		v.walk(ci, func(kind int, a, b uint32) {
			if !hit && match(kind, a, b) {
				hit = true
			}
		})
		if hit {
			out = append(out, p)
		}
	}
	return out, nil
}

// keptOf returns the profiles of ps that the view keeps, ascending and without repeats.
func (v *View) keptOf(ps []int32) []int32 {
	want := slices.Clone(ps)
	slices.Sort(want)
	want = slices.Compact(want)
	out := []int32{}
	for _, p := range want {
		if _, ok := slices.BinarySearch(v.cust, p); ok {
			out = append(out, p)
		}
	}
	return out
}
