package ingest

import (
	"crypto/sha256"
	"encoding/binary"
	"strconv"
	"strings"

	"wayline/internal/record"
)

// Apply turns one record into the row it asserts. It returns ErrSkipRow for a row a skip rule drops, and a
// *RowError (wrapping ErrBadValue) for a row with a value the recipe cannot use: a time that is not a time,
// an empty touchpoint, a value or rating that is not a number, a rating outside its scale, an email or
// phone that is not one, or no identifier at all. Empty values are not errors: an empty identifier or
// attribute is dropped, and an event whose time is empty is not emitted.
//
// Apply allocates only the row it returns; it uses no reflection and no maps.
func (p *Plan) Apply(rec Record, file int) (record.Row, error) {
	if p.unresolved > 0 {
		p.resolve()
	}
	vals := rec.Values
	for i := range p.skips {
		s := &p.skips[i]
		v := strings.TrimSpace(p.value(vals, s.col))
		if s.empty && v == "" {
			return record.Row{}, ErrSkipRow
		}
		for _, e := range s.equals {
			if strings.EqualFold(v, e) {
				return record.Row{}, ErrSkipRow
			}
		}
	}

	row := record.Row{File: file, Line: rec.Line}
	for i := range p.ids {
		id := &p.ids[i]
		raw := p.value(vals, id.col)
		v, err := NormalizeIdentifier(id.typ, raw)
		if err != nil {
			return record.Row{}, p.rowError(rec.Line, id.col, raw, err.Error())
		}
		if v == "" {
			continue
		}
		if p.pseudo != nil && id.personal != "" {
			v = p.pseudo.Pseudonym(id.personal, personalForm(id.personal, v))
		}
		if row.Identifiers == nil {
			row.Identifiers = make([]record.Identifier, 0, len(p.ids)-i)
		}
		row.Identifiers = append(row.Identifiers, record.Identifier{Type: id.typ, Value: v})
	}
	if len(row.Identifiers) == 0 {
		return record.Row{}, &RowError{Line: rec.Line, ColumnIndex: -1, Reason: "no identifier: " + p.identifierColumns() + " empty"}
	}

	for i := range p.events {
		ev := &p.events[i]
		raw := strings.TrimSpace(p.value(vals, ev.time))
		if raw == "" {
			continue
		}
		t, err := ParseTime(raw, ev.layout)
		if err != nil {
			return record.Row{}, p.rowError(rec.Line, ev.time, raw, "is not a date"+expectedLayout(ev.layout))
		}
		e := record.Event{Time: t}
		if e.Touchpoint = p.fieldValue(vals, &ev.touchpoint); e.Touchpoint == "" {
			if ev.optional {
				continue
			}
			return record.Row{}, p.fieldError(rec.Line, &ev.touchpoint, "touchpoint is empty")
		}
		e.Channel = categoryLabel(p.fieldValue(vals, &ev.channel))
		e.Device = categoryLabel(p.fieldValue(vals, &ev.device))
		if ev.value >= 0 {
			if raw := strings.TrimSpace(p.value(vals, ev.value)); raw != "" {
				f, ok := ParseNumber(raw)
				if !ok {
					return record.Row{}, p.rowError(rec.Line, ev.value, raw, "is not a number")
				}
				e.Value, e.HasValue = f, true
			}
		}
		if ev.rating >= 0 {
			if raw := strings.TrimSpace(p.value(vals, ev.rating)); raw != "" {
				f, ok := ParseNumber(raw)
				if !ok {
					return record.Row{}, p.rowError(rec.Line, ev.rating, raw, "is not a rating (want a number)")
				}
				if f < ev.ratingMin || f > ev.ratingScale {
					return record.Row{}, p.rowError(rec.Line, ev.rating, raw,
						"is outside the rating scale "+formatFloat(ev.ratingMin)+"–"+formatFloat(ev.ratingScale))
				}
				e.Rating, e.RatingScale = f-ev.ratingMin, ev.ratingScale-ev.ratingMin
			}
		}
		if ev.text >= 0 {
			e.Text = strings.TrimSpace(p.value(vals, ev.text))
		}
		if row.Events == nil {
			row.Events = make([]record.Event, 0, len(p.events)-i)
		}
		row.Events = append(row.Events, e)
	}

	for i := range p.attrs {
		a := &p.attrs[i]
		v := strings.TrimSpace(p.value(vals, a.col))
		if v == "" {
			continue
		}
		if p.pseudo != nil && a.personal != "" {
			v = p.pseudo.Pseudonym(a.personal, personalForm(a.personal, v))
		}
		if row.Attributes == nil {
			row.Attributes = make([]record.Attribute, 0, len(p.attrs)-i)
		}
		row.Attributes = append(row.Attributes, record.Attribute{Name: a.name, Value: v})
	}
	return row, nil
}

// personalForm is the normalised text a pseudonym is computed from, so that spelling variants of one
// person's value give one pseudonym. An attribute that is an email or phone but does not parse as one is
// hashed in its folded form rather than stored in clear.
func personalForm(kind, v string) string {
	switch kind {
	case TypeEmail, TypePhone:
		if n, err := NormalizeIdentifier(kind, v); err == nil && n != "" {
			return n
		}
	}
	return normalizeName(v)
}

// value is the raw value of plan column c in this record; absent (short row, unseen JSON key) is "".
func (p *Plan) value(vals []string, c int) string {
	idx := p.cols[c].idx
	if idx < 0 || idx >= len(vals) {
		return ""
	}
	return vals[idx]
}

func (p *Plan) fieldValue(vals []string, f *planField) string {
	switch {
	case !f.set:
		return ""
	case f.col >= 0:
		return strings.TrimSpace(p.value(vals, f.col))
	case f.parts == nil:
		return f.constant
	}
	n := 0
	for _, part := range f.parts {
		if part.col < 0 {
			n += len(part.literal)
		} else {
			n += len(p.value(vals, part.col))
		}
	}
	var b strings.Builder
	b.Grow(n)
	for _, part := range f.parts {
		if part.col < 0 {
			b.WriteString(part.literal)
		} else {
			b.WriteString(strings.TrimSpace(p.value(vals, part.col)))
		}
	}
	// "{event} {category}" with an empty category must not leave a trailing space.
	return strings.TrimSpace(b.String())
}

func (p *Plan) fieldError(line int, f *planField, reason string) *RowError {
	if f.col >= 0 {
		return &RowError{Line: line, Column: p.cols[f.col].name, ColumnIndex: p.cols[f.col].idx, Reason: reason}
	}
	names := make([]string, 0, len(f.parts))
	for _, part := range f.parts {
		if part.col >= 0 {
			names = append(names, strconvQuote(p.cols[part.col].name))
		}
	}
	return &RowError{Line: line, ColumnIndex: -1, Reason: reason + " (columns " + strings.Join(names, ", ") + " are empty)"}
}

func (p *Plan) rowError(line, c int, raw, reason string) *RowError {
	return &RowError{Line: line, Column: p.cols[c].name, ColumnIndex: p.cols[c].idx, Value: truncateValue(raw), Reason: reason}
}

func (p *Plan) identifierColumns() string {
	names := make([]string, 0, len(p.ids))
	for _, id := range p.ids {
		names = append(names, strconvQuote(p.cols[id.col].name))
	}
	if len(names) == 1 {
		return "column " + names[0] + " is"
	}
	return "columns " + strings.Join(names, ", ") + " are"
}

func strconvQuote(s string) string { return strconv.Quote(s) }

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// Fingerprint hashes the recipe's fingerprint and the record's values (not the file name, not the line,
// and ignoring trailing empty values, which some writers pad and others leave out). Two identical files
// imported with the same recipe give identical record fingerprints, which the store uses to spot rows it
// already holds.
func (p *Plan) Fingerprint(rec Record) [16]byte {
	vals := rec.Values
	for len(vals) > 0 && vals[len(vals)-1] == "" {
		vals = vals[:len(vals)-1]
	}
	// One buffer, one Sum256: hashing a million rows must not allocate per row.
	b := append(p.fpBuf[:0], p.recipeH[:]...)
	for _, v := range vals {
		// Length-prefixed, so ("ab","c") and ("a","bc") differ.
		b = binary.AppendUvarint(b, uint64(len(v)))
		b = append(b, v...)
	}
	p.fpBuf = b
	sum := sha256.Sum256(b)
	var out [16]byte
	copy(out[:], sum[:16])
	return out
}

// categoryLabel lower-cases a channel or device: exports disagree on case ("Email" in a helpdesk, "email"
// in a campaign tool) and the same channel must count once across sources.
func categoryLabel(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s // already lower case: no allocation on the common path
}
