package maps

import (
	"fmt"
	"strings"

	"wayline/internal/journey"
)

// Conformance: how observed journeys line up with an assumed map.
//
// The assumed map is flattened into one expected order of positions: its touchpoints, stage by stage, in
// slice order. Every touchpoint of the data is matched to a position by name (exactly, else ignoring case
// and surrounding spaces); a touchpoint the map does not list is unplanned. Each journey (a kept customer
// of the view, events in journey order) is then walked once, keeping the furthest position reached so
// far, and every event is classified:
//
//   - unplanned: its touchpoint has no position. It is attributed to the assumed stage of the furthest
//     position at that moment ("" before the first planned step).
//   - loop: its position was already seen in this journey (a repeat of the same step, or a return to a
//     step done earlier). Repeating is not leaving the path: loops never break "following".
//   - out of order: its position is below the furthest one and was not seen before: the plan put this
//     step earlier than where the customer already was.
//   - forward: its position is beyond the furthest one. The positions jumped over are, at this moment,
//     skipped; the required ones among them count against the tolerance. A touchpoint is required unless
//     the map states an expected share below OptionalShare (a step most customers are not expected to take).
//
// At the end of the journey, a position below the furthest one that was never seen is skipped; positions
// beyond the furthest are not reached: a customer who left at Consideration did not skip Purchase, they
// left. A stage is reached when the furthest position is in it or later, entered when one of its
// touchpoints was used, and skipped when it was reached (a later stage was) but not entered.
//
// A journey follows the map end to end when it reaches the last assumed stage with, until the first
// event in that stage, no more than Tolerance.ExtraTouches unplanned events, no out-of-order step and no
// more than Tolerance.AllowSkips required steps skipped. What happens after that event (a second purchase,
// support, ads) is outside what the map describes and is not judged, though it still counts in the
// per-stage and per-touchpoint figures, which cover whole journeys. A journey's departure is the event at
// which it stops following: the unplanned event beyond the tolerance, the first out-of-order step, the
// forward move whose skips go beyond the tolerance; or, for a journey that ends before the last stage with
// none of these, the end ("ended" after its furthest step). Every customer who does not follow has exactly
// one departure; departures are grouped by kind, the planned step the customer was at (the furthest, ""
// before the first) and the touchpoint they went to.
//
// Compare does not filter by the map's Persona: the caller applies it to the view's filter.

// Tolerance says how far a journey may stray and still follow the assumed map end to end.
type Tolerance struct {
	ExtraTouches int `json:"extraTouches"` // unplanned events allowed before reaching the last stage
	AllowSkips   int `json:"allowSkips"`   // required steps that may be skipped
}

// Departure kinds.
const (
	DepartUnplanned  = "unplanned"    // went to a touchpoint the map does not plan for
	DepartOutOfOrder = "out of order" // went back to a step the plan puts earlier
	DepartSkip       = "skip"         // jumped over required steps
	DepartEnded      = "ended"        // the journey ends before the last stage
)

// Comparison is an assumed map set against a view's journeys; see the comment above Tolerance for the
// rules. Every share is 0 when its denominator is 0, so a comparison is always JSON-encodable.
type Comparison struct {
	MapID         string    `json:"mapId"`
	MapName       string    `json:"mapName"`
	Tolerance     Tolerance `json:"tolerance"`
	Customers     int       `json:"customers"`     // the view's customers
	Followed      int       `json:"followed"`      // who follow the map end to end
	FollowedShare float64   `json:"followedShare"` // Followed / Customers
	ReachedEnd    int       `json:"reachedEnd"`    // who reach the last assumed stage at all
	OffPath       int       `json:"offPath"`       // who use none of the map's touchpoints

	Stages      []StageConformance      `json:"stages"`      // in the map's order
	Touchpoints []TouchpointConformance `json:"touchpoints"` // in the map's order
	Unplanned   []UnplannedTouchpoint   `json:"unplanned"`   // by customers desc, then name
	Departures  []Departure             `json:"departures"`  // by customers desc
	Gaps        []Gap                   `json:"gaps"`        // biggest first
}

// StageConformance is one assumed stage against the journeys.
type StageConformance struct {
	Stage      string `json:"stage"`
	Reached    int    `json:"reached"`    // furthest position in this stage or later
	Entered    int    `json:"entered"`    // used one of its touchpoints
	Followed   int    `json:"followed"`   // entered, no required step of it skipped, none out of order
	Skipped    int    `json:"skipped"`    // reached a later stage without entering this one
	OutOfOrder int    `json:"outOfOrder"` // had an out-of-order step at one of its touchpoints
	Loops      int    `json:"loops"`      // came back to one of its touchpoints
	Unplanned  int    `json:"unplanned"`  // used an unplanned touchpoint while at this stage of the path
	Left       int    `json:"left"`       // got no further than this stage (never counted for the last stage)
}

// TouchpointConformance is one assumed touchpoint against the journeys.
type TouchpointConformance struct {
	Touchpoint    string  `json:"touchpoint"`
	Stage         string  `json:"stage"`
	Observed      bool    `json:"observed"` // the data has a touchpoint of this name
	Optional      bool    `json:"optional"` // see OptionalShare
	Customers     int     `json:"customers"`
	Events        int     `json:"events"`
	Reached       int     `json:"reached"`       // customers reaching its stage
	Share         float64 `json:"share"`         // Customers / Reached
	ExpectedShare float64 `json:"expectedShare"` // as assumed; 0 = not stated
	Skipped       int     `json:"skipped"`       // went past it without using it
	OutOfOrder    int     `json:"outOfOrder"`    // used it only after a later step
	Loops         int     `json:"loops"`         // used it again
}

// UnplannedTouchpoint is a touchpoint the map does not plan for, with its volume.
type UnplannedTouchpoint struct {
	Touchpoint string `json:"touchpoint"`
	Stage      string `json:"stage"`      // the assumed stage most of its events happened at; "" = before the path
	ModelStage string `json:"modelStage"` // its stage in the workspace's stage model
	Customers  int    `json:"customers"`
	Events     int    `json:"events"`
}

// Departure is where customers first leave the assumed path.
type Departure struct {
	Kind      string  `json:"kind"`  // DepartUnplanned, DepartOutOfOrder, DepartSkip or DepartEnded
	After     string  `json:"after"` // the furthest planned step reached before leaving; "" = before the first
	Stage     string  `json:"stage"` // After's stage
	To        string  `json:"to"`    // the touchpoint they went to; "" when the journey ended
	Customers int     `json:"customers"`
	Share     float64 `json:"share"` // of the comparison's customers
	Profiles  []int32 `json:"profiles,omitempty"`
}

// Gap kinds, one list in Comparison.Gaps.
const (
	GapStageSkipped = "stage skipped" // reached a later stage without entering this one
	GapSkipped      = "skipped"       // entered the stage but went past this required touchpoint
	GapOutOfOrder   = "out of order"
	GapLoop         = "loop"
	GapUnplanned    = "unplanned"
	GapLeft         = "left"        // journeys that end before the last stage, by where
	GapShareBelow   = "share below" // fewer customers than expected (by at least ShareGapMin)
	GapShareAbove   = "share above"
	GapNotInData    = "not in data" // an assumed touchpoint the data never names
)

// ShareGapMin is the distance between an observed and an expected share that is listed as a gap.
const ShareGapMin = 0.10

// Gap is one way reality departs from the map, with every customer behind it. Customers is the number of
// Profiles, except for share gaps, where it is the shortfall or excess (|observed − expected| × reached)
// and Profiles are all the customers who could make it up: those who reached the stage without using the
// touchpoint (below), or those who used it (above).
type Gap struct {
	Kind       string  `json:"kind"`
	Stage      string  `json:"stage"`
	Touchpoint string  `json:"touchpoint"`
	Customers  int     `json:"customers"`
	Text       string  `json:"text"`
	Profiles   []int32 `json:"profiles,omitempty"`
}

// Compare aligns every journey of v with the assumed map a (see the rules above). Errors: ErrNoJourneys
// for a nil view, ErrInvalidTolerance, and a's validation error.
func Compare(v *journey.View, a Assumed, t Tolerance) (*Comparison, error) {
	if v == nil {
		return nil, ErrNoJourneys
	}
	if t.ExtraTouches < 0 || t.AllowSkips < 0 {
		return nil, fmt.Errorf("%w: extra touches %d and skips %d must not be negative", ErrInvalidTolerance, t.ExtraTouches, t.AllowSkips)
	}
	if err := a.Validate(); err != nil {
		return nil, err
	}
	plan := newConformPlan(v.Journeys(), a)
	w := newConformWalker(plan, t)
	v.EachTrail(w.walk)
	return w.result(a, t), nil
}

// conformPlan is an assumed map flattened into positions and matched to the data's touchpoints.
type conformPlan struct {
	j          *journey.Journeys
	stages     []string
	tps        []AssumedTouchpoint // by position
	stageOf    []int               // position → stage
	dense      []int32             // position → data touchpoint, -1 when the data lacks it
	posOf      []int32             // data touchpoint → position, -1 unplanned
	required   []int               // required[i] = required positions before position i (len = positions + 1)
	firstOfEnd int                 // first position of the last stage
}

func newConformPlan(j *journey.Journeys, a Assumed) *conformPlan {
	names := j.TouchpointNames()
	exact := make(map[string]int32, len(names))
	folded := make(map[string]int32, len(names))
	for i, n := range names {
		exact[n] = int32(i)
		k := strings.ToLower(strings.TrimSpace(n))
		if _, ok := folded[k]; ok {
			folded[k] = -1 // ambiguous: only an exact match will do
		} else {
			folded[k] = int32(i)
		}
	}
	p := &conformPlan{j: j, posOf: make([]int32, len(names)), required: []int{0}}
	for i := range p.posOf {
		p.posOf[i] = -1
	}
	for s, st := range a.Stages {
		p.stages = append(p.stages, st.Name)
		if s == len(a.Stages)-1 {
			p.firstOfEnd = len(p.tps)
		}
		for _, t := range st.Touchpoints {
			pos := int32(len(p.tps))
			id, ok := exact[t.Touchpoint]
			if !ok {
				if id, ok = folded[strings.ToLower(strings.TrimSpace(t.Touchpoint))]; !ok || id < 0 {
					id = -1
				}
			}
			if id >= 0 && p.posOf[id] >= 0 {
				id = -1 // already taken by an earlier position (names differing in case only)
			}
			if id >= 0 {
				p.posOf[id] = pos
			}
			p.tps = append(p.tps, t)
			p.stageOf = append(p.stageOf, s)
			p.dense = append(p.dense, id)
			req := p.required[len(p.required)-1]
			if !t.Optional() {
				req++
			}
			p.required = append(p.required, req)
		}
	}
	return p
}

// positions is the number of planned steps.
func (p *conformPlan) positions() int { return len(p.tps) }

// ratio is a / b, 0 when b is 0.
func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
