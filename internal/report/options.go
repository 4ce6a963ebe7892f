package report

import "time"

// Options choose what the report shows.
type Options struct {
	// Redact hides every email, phone number, personal name and raw identifier value, and turns profile ids
	// into opaque labels (see the package doc). Exports from the app default it on.
	Redact bool
	// Title heads the report; empty means "Customer journey report — <workspace name>".
	Title string
	// Now dates the report; the zero value means time.Now. Tests fix it so the output is reproducible.
	Now time.Time
	// Assumed is the id of the saved assumed map to compare with; "" takes the first saved one.
	Assumed string
}
