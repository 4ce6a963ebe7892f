// Package record holds the domain values that every layer shares: what one imported row asserts about a
// customer (identifiers, events, attributes). It has no dependencies, so ingest, store and the analyses
// can all speak it without knowing about each other.
package record

// Identifier is a typed identifier value such as {email, ana@example.com}. Values are stored normalised
// (emails lower-cased, phones in E.164-like digits) or, when pseudonymised, as a keyed hash.
type Identifier struct {
	Type  string `json:"type"`
	Value string `json:"value"`
}

// Event is one interaction at one instant. Time is microseconds since the Unix epoch, UTC: fine enough for
// GA4's microsecond stamps and wide enough for any date a business export holds.
type Event struct {
	Time       int64   `json:"time"`
	Touchpoint string  `json:"touchpoint"`
	Channel    string  `json:"channel,omitempty"`
	Device     string  `json:"device,omitempty"`
	Value      float64 `json:"value,omitempty"`
	HasValue   bool    `json:"hasValue,omitempty"`
	// Rating is on the scale [0, RatingScale]; RatingScale 0 means the event carries no rating.
	Rating      float64 `json:"rating,omitempty"`
	RatingScale float64 `json:"ratingScale,omitempty"`
	Text        string  `json:"text,omitempty"`
}

// Attribute is a profile attribute a row contributes (plan, region, lifetime value).
type Attribute struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Row is everything one input row asserts. Identifiers found together on a row belong to the same person
// (that is the evidence identity resolution uses); Events happened to that person; Attributes describe them.
type Row struct {
	File        int          `json:"file"` // index into the batch's files
	Line        int          `json:"line"` // 1-based line (CSV/JSON Lines/XES) or row number (XLSX) in that file
	Identifiers []Identifier `json:"identifiers,omitempty"`
	Events      []Event      `json:"events,omitempty"`
	Attributes  []Attribute  `json:"attributes,omitempty"`
}

// Links is the number of identifier pairs the row asserts belong together (a spanning set: n identifiers
// assert n-1 links).
func (r Row) Links() int {
	if len(r.Identifiers) < 2 {
		return 0
	}
	return len(r.Identifiers) - 1
}
