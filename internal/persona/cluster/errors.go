package cluster

import "errors"

// ErrEmpty is returned when there are no points (n = 0) or no columns (d = 0).
var ErrEmpty = errors.New("cluster: no data")

// ErrShape is returned when the data slice does not hold exactly n*d values, or n or d is negative.
var ErrShape = errors.New("cluster: data length does not match n*d")

// ErrNonFinite is returned when the data holds NaN, ±Inf or a value beyond ±MaxAbs (whose square would
// overflow):
// no centroid or likelihood is meaningful then, so the caller must impute or drop those values first.
var ErrNonFinite = errors.New("cluster: data holds NaN or Inf")

// ErrBadK is returned for a number of clusters below 1, or a ChooseK range with kMax < kMin or kMax < 1.
var ErrBadK = errors.New("cluster: invalid number of clusters")

// ErrTooFewPoints is returned when more clusters are asked for than there are points (k > n). When k ≤ n
// but there are fewer distinct points than k, the functions clip k instead (see the package doc).
var ErrTooFewPoints = errors.New("cluster: more clusters than points")

// ErrTooManyPoints is returned by KMedoids for more than MaxMedoidPoints points: it keeps the full distance
// matrix, so the caller clusters a sample and assigns the rest to the nearest medoid.
var ErrTooManyPoints = errors.New("cluster: too many points for k-medoids")

// ErrDistance is returned by KMedoids when the distance callback is nil or returns a negative, NaN or
// infinite distance.
var ErrDistance = errors.New("cluster: invalid distance")

// ErrStopped is returned when Options.Stop answered true before the work was done; no partial result
// comes with it.
var ErrStopped = errors.New("cluster: stopped")
