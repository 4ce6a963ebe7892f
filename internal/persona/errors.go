package persona

import "errors"

// ErrUnknownFeature is returned by Run when Options.Features names a feature the workspace does not offer
// (see Catalog).
var ErrUnknownFeature = errors.New("unknown persona feature")

// ErrNoFeatures is returned by Run when none of the chosen features varies between customers, so there is
// nothing to cluster on.
var ErrNoFeatures = errors.New("no persona feature varies between customers")

// ErrTooFewCustomers is returned by Run when the workspace has fewer customers than personas asked for
// (or fewer than two customers with automatic k).
var ErrTooFewCustomers = errors.New("too few customers for personas")

// ErrBadOptions is returned by Run for an unknown method or a k outside 0 (automatic) or 2 to MaxK.
var ErrBadOptions = errors.New("invalid persona options")

// ErrGolearn is returned when a golearn routine (PCA, decision tree, KNN) fails or panics; the panic is
// recovered and reported, the app keeps running.
var ErrGolearn = errors.New("golearn failed")

// ErrNoResult is returned by Assign, Map and Compare for a result without personas, and by Rename,
// SetNotes and SetColor for an unknown persona id.
var ErrNoResult = errors.New("no such persona result")
