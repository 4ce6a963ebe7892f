package maps

// ObservedWorkers is Observed with up to workers goroutines, whatever the view's size, so tests can compare
// parallel walks with one walk.
var ObservedWorkers = observed
