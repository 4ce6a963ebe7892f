package ingest

// Recipe says what each column of a file means. It is JSON (documented in docs/recipes.md), proposed by
// Inspect, corrected by the user, saved in the workspace and reused on re-import.
//
// A row may (a) link identifiers, (b) emit zero or more events (one per EventSpec whose time is present),
// (c) contribute profile attributes. A row with identifiers and no events only links identifiers.
type Recipe struct {
	Name   string `json:"name,omitempty"`   // e.g. "shopify-orders"; the key recipes are saved under
	Source string `json:"source,omitempty"` // the data source shown to users ("Shopify orders"); default: file name
	Preset string `json:"preset,omitempty"` // the preset Inspect recognised, if any (informational)

	// Reading options; empty means detect.
	Format    string `json:"format,omitempty"`    // csv, tsv, json, jsonl, xlsx, xes
	Delimiter string `json:"delimiter,omitempty"` // CSV/TSV only: one character
	NoHeader  bool   `json:"noHeader,omitempty"`  // CSV/TSV without a header row: columns are named col1, col2, ...
	Encoding  string `json:"encoding,omitempty"`  // utf-8, utf-16le, utf-16be, latin-1
	Sheet     string `json:"sheet,omitempty"`     // XLSX sheet name; default: the first sheet
	Records   string `json:"records,omitempty"`   // JSON: dotted path of the array inside a top-level object

	// DayFirst settles dates like 03/04/2024: true = 3 April, false = 4 March. Nil means decide from data.
	DayFirst *bool `json:"dayFirst,omitempty"`

	Identifiers []IdentifierSpec `json:"identifiers,omitempty"`
	Events      []EventSpec      `json:"events,omitempty"`
	Attributes  []AttributeSpec  `json:"attributes,omitempty"`
	Skip        []SkipRule       `json:"skip,omitempty"`
}

// IdentifierSpec maps a column to an identifier type: email, phone, customer_id, anonymous_id, order_id or
// any type the user names. Emails and phones are normalised.
type IdentifierSpec struct {
	Column string `json:"column"`
	Type   string `json:"type"`
}

// EventSpec makes one event per row from a time column. Touchpoint is required; the other fields are
// optional.
type EventSpec struct {
	Time       string      `json:"time"` // column holding the instant
	Touchpoint Field       `json:"touchpoint"`
	Channel    *Field      `json:"channel,omitempty"`
	Device     *Field      `json:"device,omitempty"`
	Value      string      `json:"value,omitempty"` // column with a money amount or other number
	Rating     *RatingSpec `json:"rating,omitempty"`
	Text       string      `json:"text,omitempty"` // column with free text (ticket subject, review)
	// Optional: a row whose touchpoint comes out empty emits no event instead of being rejected. For
	// sources that mix events with rows that only link identifiers (Segment/RudderStack identify calls).
	Optional bool `json:"optional,omitempty"`
}

// RatingSpec is a rating column and the top of its scale (5 for 1–5 stars, 10 for NPS 0–10); Min defaults
// to 0 — a 1–5 scale may say Min 1.
type RatingSpec struct {
	Column string  `json:"column"`
	Min    float64 `json:"min,omitempty"`
	Scale  float64 `json:"scale"`
}

// Field is a value taken from a column, a constant, or a template of columns such as
// "{event_type} {category}". In JSON a bare string is shorthand for {"column": "..."}.
type Field struct {
	Column   string `json:"column,omitempty"`
	Const    string `json:"const,omitempty"`
	Template string `json:"template,omitempty"`
}

// AttributeSpec makes a profile attribute from a column; Name defaults to the column name.
type AttributeSpec struct {
	Column string `json:"column"`
	Name   string `json:"name,omitempty"`
}

// SkipRule drops rows whose column value equals one of Equals (case-insensitive), or, with Empty, rows
// where the column is empty. Skipped rows are counted, not rejected.
type SkipRule struct {
	Column string   `json:"column"`
	Equals []string `json:"equals,omitempty"`
	Empty  bool     `json:"empty,omitempty"`
}
