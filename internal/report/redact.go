package report

import (
	"reflect"
	"regexp"
	"strings"
	"unicode"

	"wayline/internal/identity"
	"wayline/internal/ingest"
	"wayline/internal/model"
)

// Hidden marks what redaction removed, so a reader sees that something was there.
const (
	hiddenEmail      = "[email hidden]"
	hiddenPhone      = "[phone hidden]"
	hiddenIdentifier = "[hidden]"
)

// emailPattern finds email addresses; phonePattern finds phone numbers: at least seven digits in a run
// that may hold spaces, dots, dashes and brackets, with an optional leading +. Dates are never written
// with digits only in the report ("24 Jan 2026"), and counts never reach seven digits without a comma, so
// neither looks like a phone number.
var (
	emailPattern = regexp.MustCompile(`(?i)[a-z0-9._%+\-]+@[a-z0-9.\-]+\.[a-z]{2,}`)
	phonePattern = regexp.MustCompile(`\+?\(?\b\d(?:[\s().\-]{0,2}\d){6,}`)
)

// maxPhrase is the longest identifier or personal value, in words, matched as a phrase ("Carmen Tanaka",
// "+1 201 555 1234 ext. 45").
const maxPhrase = 6

// redactor scrubs strings from the data. The zero value (off) passes everything through.
type redactor struct {
	on bool
	// words are identifier and personal values without inner spaces; phrases those with, words joined by
	// one space. Both lower case.
	words, phrases map[string]bool
}

// newRedactor collects the values to hide from the model: every identifier value, and the value of every
// attribute whose name says it holds a name, email or phone (ingest.PersonalKind).
func newRedactor(m *model.Model, on bool) *redactor {
	r := &redactor{on: on}
	if !on || m == nil {
		return r
	}
	r.words, r.phrases = map[string]bool{}, map[string]bool{}
	seen := make(map[uint32]bool)
	add := func(id uint32) {
		if id == model.None || seen[id] {
			return
		}
		seen[id] = true
		r.add(m.Str(id))
	}
	for _, id := range m.IDValue {
		add(id)
	}
	personal := make(map[uint32]bool)
	for i, name := range m.AttrName {
		p, ok := personal[name]
		if !ok {
			p = ingest.PersonalKind(m.Str(name)) != ""
			personal[name] = p
		}
		if p {
			add(m.AttrValue[i])
		}
	}
	return r
}

// add registers one value to hide. Values that cannot single anyone out are not words to hide, because
// hiding them would hide the report's own figures and labels: values shorter than four characters ("n/a"),
// numbers of fewer than seven digits (an order number 650 against "650 customers"; phone numbers are caught
// by their pattern), and the values identity never links on (identity.DefaultBlocked: "unknown", "test" …).
func (r *redactor) add(v string) {
	v = strings.TrimSpace(v)
	if len([]rune(v)) < 4 || shortNumber(v) || blockedValues[strings.ToLower(v)] {
		return
	}
	ws := fields(strings.ToLower(v))
	switch {
	case len(ws) == 0:
	case len(ws) == 1:
		r.words[ws[0]] = true
	case len(ws) <= maxPhrase:
		r.phrases[strings.Join(ws, " ")] = true
	}
}

// blockedValues are identity's built-in blocked values, lower case.
var blockedValues = func() map[string]bool {
	m := map[string]bool{}
	for _, v := range identity.DefaultBlocked() {
		m[strings.ToLower(v)] = true
	}
	return m
}()

// shortNumber reports a value made of digits and separators with fewer than seven digits.
func shortNumber(v string) bool {
	digits := 0
	for _, c := range v {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case strings.ContainsRune(" +-.,()/#", c):
		default:
			return false
		}
	}
	return digits < 7
}

// fields splits s into words at white space, trimming the punctuation that surrounds words in prose.
func fields(s string) []string {
	raw := strings.Fields(s)
	out := raw[:0]
	for _, w := range raw {
		w = strings.TrimFunc(w, isWordEdge)
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

func isWordEdge(r rune) bool {
	return strings.ContainsRune(`,;:!?"'()[]{}<>«»“”‘’`, r) || unicode.IsSpace(r)
}

// text returns s with emails, phone numbers and known values hidden (s itself when redaction is off).
func (r *redactor) text(s string) string {
	if !r.on || s == "" {
		return s
	}
	s = r.known(s)
	s = emailPattern.ReplaceAllString(s, hiddenEmail)
	return phonePattern.ReplaceAllString(s, hiddenPhone)
}

// known hides the words and phrases equal to a known value.
func (r *redactor) known(s string) string {
	if len(r.words) == 0 && len(r.phrases) == 0 {
		return s
	}
	raw := strings.Fields(s)
	if len(raw) == 0 {
		return s
	}
	lower := make([]string, len(raw))
	for i, w := range raw {
		lower[i] = strings.TrimFunc(strings.ToLower(w), isWordEdge)
	}
	changed := false
	out := make([]string, 0, len(raw))
	for i := 0; i < len(raw); {
		n := r.match(lower[i:])
		if n == 0 {
			out = append(out, raw[i])
			i++
			continue
		}
		out = append(out, hiddenIdentifier)
		changed = true
		i += n
	}
	if !changed {
		return s
	}
	return strings.Join(out, " ")
}

// match returns how many leading words of ws form a hidden value (the longest phrase first), 0 for none.
func (r *redactor) match(ws []string) int {
	for n := min(maxPhrase, len(ws)); n >= 2; n-- {
		if r.phrases[strings.Join(ws[:n], " ")] {
			return n
		}
	}
	if ws[0] != "" && r.words[ws[0]] {
		return 1
	}
	return 0
}

// stringType is exactly string: named string types (template.HTML, geometry) are not prose and pass.
var stringType = reflect.TypeOf("")

// scrub replaces every plain string field reachable from v (a pointer) by its redacted form.
func (r *redactor) scrub(v any) {
	if !r.on {
		return
	}
	r.walk(reflect.ValueOf(v))
}

func (r *redactor) walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			r.walk(v.Elem())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				r.walk(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			r.walk(v.Index(i))
		}
	case reflect.String:
		if v.Type() == stringType && v.CanSet() {
			v.SetString(r.text(v.String()))
		}
	}
}
