package periods

import "errors"

var (
	// ErrDifferentJourneys is returned by Compare when the two views come from different journeys (another
	// import or stage model): their customers and persona labels cannot be set side by side. Rebuild both
	// views from the same journeys.
	ErrDifferentJourneys = errors.New("the two periods come from different journeys")

	// ErrBadPersonas is returned by Compare when personaOf does not have one label per profile of the
	// journeys, or a label is outside -1 … len(personaNames)-1.
	ErrBadPersonas = errors.New("persona labels do not match the workspace")
)
