package ingest

import (
	"fmt"
	"strings"
)

// Plan is a Recipe bound to one file's columns, ready to turn records into rows quickly: every column is
// resolved to an index once, templates are split once, time layouts are decided once from a sample.
// A Plan is not safe for concurrent use.
type Plan struct {
	recipe  Recipe
	recipeH [32]byte
	rd      Reader

	cols       []planColumn
	lazy       bool // the reader's columns may grow: resolve missing names again as they appear
	unresolved int
	width      int // len(rd.Columns()) when names were last resolved

	ids     []planIdent
	events  []planEvent
	attrs   []planAttr
	skips   []planSkip
	reports []TimeReport

	pseudo *Pseudonymizer
	fpBuf  []byte // Fingerprint's reused buffer
}

// planColumn is one distinct column the recipe reads; idx is -1 while a growing reader has not shown it.
type planColumn struct {
	name string
	idx  int
}

type planIdent struct {
	col      int
	typ      string
	personal string // pseudonymisation kind, "" when the type is not personal
}

type planField struct {
	set      bool
	col      int // column reference, or -1
	constant string
	parts    []planPart // template
}

type planPart struct {
	literal string
	col     int // -1 for a literal
}

type planEvent struct {
	time        int
	layout      TimeLayout
	touchpoint  planField
	channel     planField
	device      planField
	value       int // -1 when absent
	rating      int // -1 when absent
	ratingMin   float64
	ratingScale float64
	text        int // -1 when absent
	optional    bool
}

type planAttr struct {
	col      int
	name     string
	personal string
}

type planSkip struct {
	col    int
	equals []string
	empty  bool
}

// columnGrower may be implemented by a Reader whose Columns can grow while reading: a column the recipe
// names may simply not have appeared yet, so it is resolved lazily and read as empty until it does. The
// package's own JSON, JSON Lines and XES readers grow (a key or trace attribute not seen before adds a
// column) and are recognised by type; see columnsGrow.
type columnGrower interface {
	ColumnsGrow() bool
}

func columnsGrow(rd Reader) bool {
	switch rd.(type) {
	case *jsonReader, *jsonlReader, *xesReader:
		return true
	}
	g, ok := rd.(columnGrower)
	return ok && g.ColumnsGrow()
}

// Compile binds a valid recipe to a reader. sample is the first records of the file (Inspect and the
// import read up to a few thousand); it decides each event time column's layout (Recipe.DayFirst, when
// set, overrides the day/month order) and is not consumed. A column the recipe names and the file lacks
// is a *MissingColumnError wrapping ErrMissingColumn, except for readers whose columns grow (JSON), where
// it is read as empty until it appears.
func Compile(r Recipe, rd Reader, sample []Record) (*Plan, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	p := &Plan{recipe: r, recipeH: r.fingerprintSum(), rd: rd}
	p.lazy = columnsGrow(rd)
	byName := map[string]int{}
	col := func(name string) int {
		if i, ok := byName[name]; ok {
			return i
		}
		i := len(p.cols)
		byName[name] = i
		p.cols = append(p.cols, planColumn{name: name, idx: rd.Index(name)})
		return i
	}
	field := func(f *Field) planField {
		switch {
		case f == nil:
			return planField{col: -1}
		case f.Column != "":
			return planField{set: true, col: col(f.Column)}
		case f.Const != "":
			return planField{set: true, col: -1, constant: f.Const}
		}
		parts, _ := parseTemplate(f.Template) // Validate has checked it
		pf := planField{set: true, col: -1, parts: make([]planPart, len(parts))}
		for i, part := range parts {
			if part.column == "" {
				pf.parts[i] = planPart{literal: part.literal, col: -1}
			} else {
				pf.parts[i] = planPart{col: col(part.column)}
			}
		}
		return pf
	}
	optional := func(name string) int {
		if name == "" {
			return -1
		}
		return col(name)
	}

	for _, s := range r.Skip {
		eq := make([]string, 0, len(s.Equals))
		for _, v := range s.Equals {
			eq = append(eq, strings.TrimSpace(v))
		}
		p.skips = append(p.skips, planSkip{col: col(s.Column), equals: eq, empty: s.Empty})
	}
	for _, id := range r.Identifiers {
		kind := ""
		switch id.Type {
		case TypeEmail, TypePhone:
			kind = id.Type
		default:
			kind = PersonalKind(id.Type)
		}
		p.ids = append(p.ids, planIdent{col: col(id.Column), typ: id.Type, personal: kind})
	}
	for _, ev := range r.Events {
		pe := planEvent{
			time:       col(ev.Time),
			touchpoint: field(&ev.Touchpoint),
			channel:    field(ev.Channel),
			device:     field(ev.Device),
			value:      optional(ev.Value),
			rating:     -1,
			text:       optional(ev.Text),
			optional:   ev.Optional,
		}
		if ev.Rating != nil {
			pe.rating = col(ev.Rating.Column)
			pe.ratingMin, pe.ratingScale = ev.Rating.Min, ev.Rating.Scale
		}
		p.events = append(p.events, pe)
	}
	for _, a := range r.Attributes {
		name := a.Name
		if name == "" {
			name = a.Column
		}
		p.attrs = append(p.attrs, planAttr{col: col(a.Column), name: name, personal: PersonalKind(name)})
	}

	if err := p.checkColumns(); err != nil {
		return nil, err
	}
	p.width = len(rd.Columns())
	p.decideTimeLayouts(sample)
	return p, nil
}

func (p *Plan) checkColumns() error {
	var missing []string
	for _, c := range p.cols {
		if c.idx < 0 {
			p.unresolved++
			missing = append(missing, c.name)
		}
	}
	if len(missing) == 0 || p.lazy {
		return nil
	}
	available := p.rd.Columns()
	return &MissingColumnError{
		Column:    missing[0],
		Others:    missing[1:],
		Near:      closeMatches(missing[0], available, 3),
		Available: append([]string(nil), available...),
	}
}

// MissingColumnError names a column the recipe reads and the file lacks, with the columns that look
// like it (Near) and, for the message, every column the file has.
type MissingColumnError struct {
	Column    string
	Others    []string // further missing columns
	Near      []string
	Available []string
}

func (e *MissingColumnError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "the recipe reads column %q, which the file does not have", e.Column)
	if len(e.Others) > 0 {
		fmt.Fprintf(&b, " (nor %s)", quoteList(e.Others, 5))
	}
	if len(e.Near) > 0 {
		fmt.Fprintf(&b, "; did you mean %s?", quoteList(e.Near, 3))
	} else {
		fmt.Fprintf(&b, "; the file's columns are %s", quoteList(e.Available, 30))
	}
	return b.String()
}

// Unwrap lets errors.Is(err, ErrMissingColumn) hold.
func (e *MissingColumnError) Unwrap() error { return ErrMissingColumn }

func quoteList(names []string, limit int) string {
	q := make([]string, 0, min(len(names), limit))
	for i, n := range names {
		if i == limit {
			q = append(q, fmt.Sprintf("and %d more", len(names)-limit))
			break
		}
		q = append(q, fmt.Sprintf("%q", n))
	}
	return strings.Join(q, ", ")
}

// resolve looks again for columns a growing reader had not shown, when it has shown new ones.
func (p *Plan) resolve() {
	cols := p.rd.Columns()
	if len(cols) == p.width {
		return
	}
	p.width = len(cols)
	for i := range p.cols {
		if p.cols[i].idx < 0 {
			if idx := p.rd.Index(p.cols[i].name); idx >= 0 {
				p.cols[i].idx = idx
				p.unresolved--
			}
		}
	}
}

// SetPseudonymizer makes Apply replace emails, phones and personal names (identifiers and attributes)
// with their pseudonyms; nil turns it off.
func (p *Plan) SetPseudonymizer(ps *Pseudonymizer) { p.pseudo = ps }

// Recipe returns the recipe the plan was compiled from.
func (p *Plan) Recipe() Recipe { return p.recipe }

// TimeReports describes, per event in recipe order, how its time column is read: the layout chosen and
// the evidence for it ("day-first: 31/01/2024 seen", or ambiguous).
func (p *Plan) TimeReports() []TimeReport {
	return append([]TimeReport(nil), p.reports...)
}
