package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
)

// UnmarshalJSON accepts either a bare string (shorthand for {"column": "..."}) or an object with column,
// const or template. Whether exactly one of them is set is checked by ParseRecipe, which knows the path.
func (f *Field) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	if len(data) > 0 && data[0] == '"' {
		var s string
		if err := json.Unmarshal(data, &s); err != nil {
			return err
		}
		*f = Field{Column: s}
		return nil
	}
	type plain Field // no methods: stops the recursion
	var p plain
	if err := json.Unmarshal(data, &p); err != nil {
		return err
	}
	*f = Field(p)
	return nil
}

// MarshalJSON writes a column-only Field as the bare-string shorthand, so saved recipes read the way people
// write them, and anything else as an object.
func (f Field) MarshalJSON() ([]byte, error) {
	if f.Const == "" && f.Template == "" && f.Column != "" {
		return json.Marshal(f.Column)
	}
	type plain Field
	return json.Marshal(plain(f))
}

// templatePart is a literal (column == "") or a reference to a column.
type templatePart struct {
	literal string
	column  string
}

var (
	errTemplateUnclosed = errors.New(`"{" is not closed by "}" (write "{{" for a literal brace)`)
	errTemplateStray    = errors.New(`"}" without "{" (write "}}" for a literal brace)`)
	errTemplateEmpty    = errors.New(`"{}" names no column`)
)

// parseTemplate splits "{event_type} on {page}" into literal and column parts. "{{" and "}}" stand for
// literal braces; a column name is everything between one "{" and the next "}", trimmed.
func parseTemplate(t string) ([]templatePart, error) {
	var parts []templatePart
	var lit strings.Builder
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c == '{' && i+1 < len(t) && t[i+1] == '{':
			lit.WriteByte('{')
			i++
		case c == '}' && i+1 < len(t) && t[i+1] == '}':
			lit.WriteByte('}')
			i++
		case c == '}':
			return nil, errTemplateStray
		case c == '{':
			end := strings.IndexByte(t[i+1:], '}')
			if end < 0 {
				return nil, errTemplateUnclosed
			}
			name := strings.TrimSpace(t[i+1 : i+1+end])
			if name == "" {
				return nil, errTemplateEmpty
			}
			if strings.ContainsRune(name, '{') {
				return nil, errTemplateUnclosed
			}
			if lit.Len() > 0 {
				parts = append(parts, templatePart{literal: lit.String()})
				lit.Reset()
			}
			parts = append(parts, templatePart{column: name})
			i += end + 1
		default:
			lit.WriteByte(c)
		}
	}
	if lit.Len() > 0 {
		parts = append(parts, templatePart{literal: lit.String()})
	}
	return parts, nil
}

// columns lists the columns a Field reads, in order, once each.
func (f Field) columns() []string {
	if f.Column != "" {
		return []string{f.Column}
	}
	if f.Template == "" {
		return nil
	}
	parts, err := parseTemplate(f.Template)
	if err != nil {
		return nil
	}
	var cols []string
	for _, p := range parts {
		if p.column != "" {
			cols = append(cols, p.column)
		}
	}
	return cols
}
