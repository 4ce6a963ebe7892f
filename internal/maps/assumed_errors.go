package maps

import "errors"

// ErrInvalidAssumed is wrapped by every error about an assumed map's content or JSON (see AssumedError for
// where the problem is).
var ErrInvalidAssumed = errors.New("invalid assumed map")

// ErrAssumedNotFound is returned by LoadAssumed and DeleteAssumed for an id no saved assumed map has.
var ErrAssumedNotFound = errors.New("no assumed map with this id")

// ErrAssumedDamaged is returned when the workspace's saved assumed maps cannot be read back.
var ErrAssumedDamaged = errors.New("the saved assumed maps are damaged")

// ErrInvalidTolerance is returned by Compare for a negative tolerance.
var ErrInvalidTolerance = errors.New("invalid tolerance")

// ErrNoJourneys is returned by Compare without a view to compare.
var ErrNoJourneys = errors.New("no journeys to compare")
