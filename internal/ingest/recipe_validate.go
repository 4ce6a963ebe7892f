package ingest

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"unicode/utf8"
)

// identifierTypePattern is lower_snake_case: identifier types are keys in the identity graph and in
// exports, so "Email" and "email" must not become two types.
var identifierTypePattern = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)

var (
	knownFormats   = []string{"csv", "tsv", "json", "jsonl", "xlsx", "xes"}
	knownEncodings = []string{"utf-8", "utf-16le", "utf-16be", "latin-1"}
)

// Validate checks the rules JSON shape cannot express. ParseRecipe calls it; code that builds a Recipe
// (Inspect, presets, the import wizard) calls it too. The rules:
//   - at least one identifier: events and attributes must belong to someone;
//   - identifier types are lower_snake_case; every column named is non-empty;
//   - each Field (touchpoint, channel, device) sets exactly one of column, const, template, and a template
//     is well formed ({column}, with {{ and }} for literal braces);
//   - a rating's scale is above its minimum;
//   - a skip rule has equals values or empty: true;
//   - format, encoding and delimiter, when set, are ones the readers know.
func (r Recipe) Validate() error {
	if r.Format != "" && !contains(knownFormats, r.Format) {
		return &RecipeError{Path: "format", Msg: fmt.Sprintf("unknown format %q; want one of %s", r.Format, strings.Join(knownFormats, ", "))}
	}
	if r.Encoding != "" && !contains(knownEncodings, strings.ToLower(r.Encoding)) {
		return &RecipeError{Path: "encoding", Msg: fmt.Sprintf("unknown encoding %q; want one of %s", r.Encoding, strings.Join(knownEncodings, ", "))}
	}
	if r.Delimiter != "" {
		if utf8.RuneCountInString(r.Delimiter) != 1 || r.Delimiter == "\"" || r.Delimiter == "\n" || r.Delimiter == "\r" {
			return &RecipeError{Path: "delimiter", Msg: fmt.Sprintf("want one character other than a quote or line break, got %q", r.Delimiter)}
		}
	}
	if len(r.Identifiers) == 0 {
		return &RecipeError{Path: "identifiers", Msg: "name at least one identifier column: events and attributes must belong to someone"}
	}
	for i, id := range r.Identifiers {
		p := fmt.Sprintf("identifiers[%d]", i)
		if err := needColumn(p+".column", id.Column); err != nil {
			return err
		}
		if !identifierTypePattern.MatchString(id.Type) {
			return &RecipeError{Path: p + ".type", Msg: fmt.Sprintf("identifier type %q is not lower_snake_case (like email, customer_id)", id.Type)}
		}
	}
	for i, ev := range r.Events {
		if err := ev.validate(fmt.Sprintf("events[%d]", i)); err != nil {
			return err
		}
	}
	for i, a := range r.Attributes {
		if err := needColumn(fmt.Sprintf("attributes[%d].column", i), a.Column); err != nil {
			return err
		}
	}
	for i, s := range r.Skip {
		p := fmt.Sprintf("skip[%d]", i)
		if err := needColumn(p+".column", s.Column); err != nil {
			return err
		}
		if len(s.Equals) == 0 && !s.Empty {
			return &RecipeError{Path: p, Msg: `a skip rule needs "equals" values or "empty": true`}
		}
	}
	return nil
}

func (ev EventSpec) validate(p string) error {
	if err := needColumn(p+".time", ev.Time); err != nil {
		return err
	}
	if err := ev.Touchpoint.validate(p+".touchpoint", true); err != nil {
		return err
	}
	if ev.Channel != nil {
		if err := ev.Channel.validate(p+".channel", false); err != nil {
			return err
		}
	}
	if ev.Device != nil {
		if err := ev.Device.validate(p+".device", false); err != nil {
			return err
		}
	}
	if rt := ev.Rating; rt != nil {
		if err := needColumn(p+".rating.column", rt.Column); err != nil {
			return err
		}
		if math.IsNaN(rt.Scale) || math.IsInf(rt.Scale, 0) || math.IsInf(rt.Min, 0) || !(rt.Scale > rt.Min) {
			return &RecipeError{Path: p + ".rating.scale", Msg: fmt.Sprintf("scale %g must be above min %g (5 for 1–5 stars with min 1, 10 for NPS)", rt.Scale, rt.Min)}
		}
	}
	return nil
}

func (f Field) validate(p string, required bool) error {
	set := 0
	for _, s := range []string{f.Column, f.Const, f.Template} {
		if s != "" {
			set++
		}
	}
	if set == 0 && !required {
		return &RecipeError{Path: p, Msg: "set one of column, const, template, or leave the key out"}
	}
	if set != 1 {
		return &RecipeError{Path: p, Msg: "set exactly one of column, const, template"}
	}
	if f.Column != "" {
		return needColumn(p+".column", f.Column)
	}
	if f.Template != "" {
		parts, err := parseTemplate(f.Template)
		if err != nil {
			return &RecipeError{Path: p + ".template", Msg: fmt.Sprintf("%q: %v", f.Template, err)}
		}
		hasColumn := false
		for _, part := range parts {
			hasColumn = hasColumn || part.column != ""
		}
		if !hasColumn {
			return &RecipeError{Path: p + ".template", Msg: fmt.Sprintf("%q names no column; use const for fixed text", f.Template)}
		}
	}
	return nil
}

func needColumn(path, column string) error {
	if strings.TrimSpace(column) == "" {
		return &RecipeError{Path: path, Msg: "name a column"}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
