package demo

import (
	"fmt"
	"time"
)

// MaxCustomers is the largest demo Export builds.
const MaxCustomers = 1_000_000

// Options sizes the demo. Zero values take the defaults, so Options{} is the standard demo.
type Options struct {
	Customers int       // people to simulate; default 5000, at most MaxCustomers
	Seed      int64     // default 1; the same (Customers, Seed, Start, Months) always gives the same bytes
	Start     time.Time // first day of the observed window; default 2026-01-05 UTC (never the clock)
	Months    int       // length of the window; default 6
}

// DefaultStart is the first day of the demo window when Options.Start is zero.
var DefaultStart = time.Date(2026, time.January, 5, 0, 0, 0, 0, time.UTC)

// withDefaults fills zero fields and checks the rest.
func (o Options) withDefaults() (Options, error) {
	if o.Customers < 0 || o.Months < 0 {
		return o, fmt.Errorf("%w: customers %d and months %d must not be negative", ErrBadOptions, o.Customers, o.Months)
	}
	if o.Customers > MaxCustomers {
		return o, fmt.Errorf("%w: %d requested, at most %d", ErrTooManyCustomers, o.Customers, MaxCustomers)
	}
	if o.Customers == 0 {
		o.Customers = 5000
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Start.IsZero() {
		o.Start = DefaultStart
	}
	o.Start = o.Start.UTC()
	if o.Months == 0 {
		o.Months = 6
	}
	return o, nil
}
