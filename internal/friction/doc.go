// Package friction measures where customer journeys hurt: per touchpoint, per stage and per persona cell,
// a set of friction components with their evidence, a combined score in 0..1 with a Wilson interval, and the
// paid touches wasted on customers who had already converted.
package friction
