package friction

// ComputeWorkers is Compute with up to workers goroutines, whatever the view's size, so tests can compare
// parallel walks with one walk.
var ComputeWorkers = compute

// MomentsWorkers is MomentsOfTruth with up to workers goroutines, whatever the view's size.
var MomentsWorkers = momentsOfTruth
