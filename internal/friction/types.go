package friction

import "time"

// Weights weigh the friction components in the score. Only their ratios matter: the score divides by the
// sum of the weights of the components that have evidence in a cell.
type Weights struct{ Exit, Loop, Stall, Support, Sentiment, Effort float64 }

// Settings are the user's choices for friction; DefaultSettings documents the defaults.
type Settings struct {
	Weights       Weights
	MinCustomers  int           // below it a cell is "not enough data" (Enough=false, Score NaN)
	SupportWindow time.Duration // a support contact this soon after a touch counts against it
	LowRating     float64       // normalised rating at or below which a rating is low (0.4 = 2 of 5)
}

// Components are the raw friction measures of one cell, each NaN when the cell has no evidence for it.
// See doc.go for the definitions.
type Components struct {
	ExitRate, LoopRate, BacktrackRate, StallRatio, SupportRate, MeanRating, LowRatingShare, Effort float64
}

// Evidence counts what the components of a cell rest on.
type Evidence struct {
	Customers  int // customers with at least one event in the cell
	Events     int // events in the cell
	Exits      int // customers whose journey ended in the cell without converting
	Loops      int // customers who repeated or revisited the cell's touchpoint (stage cells: a touchpoint of it)
	Backtracks int // customers who went from the cell back to an earlier stage
	Steps      int // customers with a timed step from the cell to a next event
	Support    int // customers who contacted support within the window after the cell
	Ratings    int // ratings attached to or following the cell's events
	Sources    int // distinct sources that contributed events to the cell
}

// Cell is the friction of one touchpoint or stage, for all customers or one persona.
type Cell struct {
	Touchpoint string // "" for a stage cell
	Stage      string
	Persona    int32 // -1 = all customers
	Components Components
	Evidence   Evidence
	Score      float64 // 0..1; NaN when !Enough
	Low, High  float64 // Wilson 95 % interval of Score with n = Customers; NaN when !Enough
	Enough     bool    // Customers ≥ Settings.MinCustomers
}

// Result is the friction of a view.
type Result struct {
	Touchpoints        []Cell   // all customers, worst first by Score; not-enough cells after, by customers desc
	Stages             []Cell   // all customers, in stage order
	Personas           []string // column names of the persona grids (label order)
	PersonaStages      [][]Cell // [persona][stage]
	PersonaTouchpoints [][]Cell // [persona][touchpoint in Touchpoints order]
	Settings           Settings
}

// Waste is the paid marketing spent on customers who had already converted.
type Waste struct {
	Touches, Customers int
	Touchpoints        []WastedTouchpoint // by touches desc, then touchpoint and channel
}

// WastedTouchpoint is the waste on one touchpoint and channel.
type WastedTouchpoint struct {
	Touchpoint, Channel string
	Touches, Customers  int
}
