package friction

import "errors"

// ErrBadSettings is returned by Settings.Validate (and so by Compute, LoadSettings and SaveSettings) for
// weights that are negative, not finite or all zero, a minimum below one customer, a support window that is
// not positive, or a low-rating threshold outside 0..1. The wrapped message says which field and why.
var ErrBadSettings = errors.New("invalid friction settings")

// ErrBadPersonas is returned by Compute when personaOf does not have one label per profile of the view's
// journeys, or a label is outside -1 … len(personaNames)-1.
var ErrBadPersonas = errors.New("persona labels do not match the workspace")

// ErrDamagedSettings is returned by LoadSettings when the saved friction settings cannot be read.
var ErrDamagedSettings = errors.New("the saved friction settings are damaged")
