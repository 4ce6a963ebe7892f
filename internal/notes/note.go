package notes

import "time"

// Note kinds: what a sticky note says about its target.
const (
	KindPain        = "pain"
	KindOpportunity = "opportunity"
	KindQuestion    = "question"
	KindIdea        = "idea"
	KindHypothesis  = "hypothesis"
)

// Target kinds: what a note is stuck to.
const (
	OnMap        = "map"        // a whole map: Map names it ("observed" or an assumed map's id)
	OnStage      = "stage"      // a stage column: Stage
	OnTouchpoint = "touchpoint" // a touchpoint: Touchpoint
	OnCell       = "cell"       // a cell of a grid: two of Stage, Touchpoint and Persona
	OnPersona    = "persona"    // a persona: Persona (its id)
)

// Change actions, in the history.
const (
	Created = "created"
	Edited  = "edited"
	Moved   = "moved"
	Deleted = "deleted"
)

// MaxText is the longest note text (and hypothesis claim), in characters: a sticky note, not a document.
const MaxText = 2000

// MaxAuthor is the longest author name, in characters.
const MaxAuthor = 100

// Target is what a note is stuck to. Map optionally says which map (empty = any view showing the target).
type Target struct {
	Kind       string `json:"kind"`
	Map        string `json:"map,omitempty"`
	Stage      string `json:"stage,omitempty"`
	Touchpoint string `json:"touchpoint,omitempty"`
	Persona    string `json:"persona,omitempty"`
}

// Note is one sticky note. ID, Created, Updated and Version are set by the store; Author is who wrote the
// note first (each later change records its own author in the history).
type Note struct {
	ID         string      `json:"id"`
	Target     Target      `json:"target"`
	Text       string      `json:"text"`
	Kind       string      `json:"kind"`
	Color      string      `json:"color"`
	Author     string      `json:"author"`
	X          float64     `json:"x"` // position on its target, 0..1 from the left
	Y          float64     `json:"y"` // 0..1 from the top
	Created    time.Time   `json:"created"`
	Updated    time.Time   `json:"updated"`
	Version    int         `json:"version"` // 1 when created, +1 with every change
	Hypothesis *Hypothesis `json:"hypothesis,omitempty"`
}

// Change is one entry of a note's history: the note before and after (Before nil when created, After nil
// when deleted). Version is the note's version after the change (for a deletion, one more than the last).
type Change struct {
	Note    string    `json:"note"`
	Version int       `json:"version"`
	At      time.Time `json:"at"`
	Author  string    `json:"author"`
	Action  string    `json:"action"`
	Before  *Note     `json:"before,omitempty"`
	After   *Note     `json:"after,omitempty"`
}

// DefaultColor is the colour a note of a kind gets when none is given: the classic sticky-note colours.
func DefaultColor(kind string) string {
	switch kind {
	case KindPain:
		return "#f28b82" // red
	case KindOpportunity:
		return "#ccff90" // green
	case KindQuestion:
		return "#aecbfa" // blue
	case KindHypothesis:
		return "#d7aefb" // purple
	default:
		return "#fff475" // yellow
	}
}
