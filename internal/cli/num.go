package cli

import (
	"fmt"
	"math"
)

// num is a figure that may be undefined (a rate with nothing to divide by, a score of degenerate data): JSON
// gets null for NaN and infinities, never a made-up 0. (An over-stitch score's +Inf is a different case: it
// means "far beyond the rest" and is written as 1e308, see profiles.go.)
type num float64

func (n num) MarshalJSON() ([]byte, error) {
	if math.IsNaN(float64(n)) || math.IsInf(float64(n), 0) {
		return []byte("null"), nil
	}
	return fmt.Appendf(nil, "%g", float64(n)), nil
}
