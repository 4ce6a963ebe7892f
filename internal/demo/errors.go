package demo

import "errors"

// ErrTooManyCustomers is returned by Export when Options.Customers exceeds MaxCustomers: customer ids,
// phone numbers and e-mail addresses are built from the customer's index and stay unique only up to there.
var ErrTooManyCustomers = errors.New("too many demo customers")

// ErrBadOptions is returned by Export for a negative customer count or month count.
var ErrBadOptions = errors.New("invalid demo options")
