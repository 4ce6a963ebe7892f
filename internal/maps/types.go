package maps

import "wayline/internal/friction"

// Map is the observed journey map of a view.
type Map struct {
	Stages    []Stage  // in the stage model's order
	Customers int      // customers in the view
	Converted int      // of whom converted
	Goal      []string // the goal touchpoints, by name
}

// Stage is one column of the map.
type Stage struct {
	Name          string
	Customers     int     // customers with at least one event in the stage
	Reached       float64 // Customers as a share of the map's customers (0 for an empty view)
	Skipped       int     // customers without an event here who had one in a later stage
	Sources       int     // sources that contributed events to the stage
	Touchpoints   []MapTouchpoint
	Actions       []Action
	Emotion       Emotion
	Pains         []friction.Cell // at most three enough-data touchpoint cells, worst first
	Opportunities []Opportunity   // at most three positive-lift moments of truth, largest lift first
	Friction      friction.Cell   // the stage's cell
}

// MapTouchpoint is a touchpoint customers used in a stage.
type MapTouchpoint struct {
	Touchpoint string
	Channels   []string // by events desc, then name
	Customers  int
	Events     int
	Share      float64 // of the stage's customers
	Sources    int
	Friction   friction.Cell
}

// Action is something customers did in a stage.
type Action struct {
	Label     string
	Customers int
	Share     float64 // of the stage's customers
}

// Emotion is a stage's mood from ratings; see doc.go for the scale.
type Emotion struct {
	Score, Mean, LowShare float64 // NaN without ratings
	Ratings, Customers    int     // ratings, and the customers who gave them
	Low, High             float64 // 95 % interval of Score; NaN without ratings
}

// Opportunity is a moment of truth in a stage that raises conversion.
type Opportunity struct {
	Touchpoint, Text string
	Lift             float64
	RemovalEffect    float64
	Customers        int // customers who had the touchpoint (the moment's With)
}
