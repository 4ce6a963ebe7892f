package friction

import "time"

// DefaultSettings are the documented defaults (see doc.go).
func DefaultSettings() Settings {
	return Settings{
		Weights:       Weights{Exit: 3, Loop: 1, Stall: 1, Support: 2, Sentiment: 1, Effort: 1},
		MinCustomers:  30,
		SupportWindow: 72 * time.Hour,
		LowRating:     0.4,
	}
}
