package friction

import (
	"fmt"
	"math"
)

// Validate reports the first setting that cannot be used, wrapped in ErrBadSettings.
func (s Settings) Validate() error {
	w := s.Weights
	named := []struct {
		name string
		v    float64
	}{{"exit", w.Exit}, {"loop", w.Loop}, {"stall", w.Stall}, {"support", w.Support}, {"sentiment", w.Sentiment}, {"effort", w.Effort}}
	sum := 0.0
	for _, n := range named {
		if math.IsNaN(n.v) || math.IsInf(n.v, 0) {
			return fmt.Errorf("%w: the %s weight is not a number", ErrBadSettings, n.name)
		}
		if n.v < 0 {
			return fmt.Errorf("%w: the %s weight is %g; weights must be 0 or more", ErrBadSettings, n.name, n.v)
		}
		sum += n.v
	}
	if sum == 0 {
		return fmt.Errorf("%w: all weights are 0; give at least one component a positive weight", ErrBadSettings)
	}
	if s.MinCustomers < 1 {
		return fmt.Errorf("%w: the minimum is %d customers; it must be at least 1", ErrBadSettings, s.MinCustomers)
	}
	if s.SupportWindow <= 0 {
		return fmt.Errorf("%w: the support window is %v; it must be longer than 0", ErrBadSettings, s.SupportWindow)
	}
	if math.IsNaN(s.LowRating) || s.LowRating < 0 || s.LowRating > 1 {
		return fmt.Errorf("%w: the low-rating threshold is %g; it must be between 0 and 1 (0.4 is 2 of 5)", ErrBadSettings, s.LowRating)
	}
	return nil
}
