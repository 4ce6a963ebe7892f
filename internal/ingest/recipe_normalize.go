package ingest

import (
	"errors"
	"strings"
)

// Identifier types with their own normalisation. Any other type is only trimmed.
const (
	TypeEmail = "email"
	TypePhone = "phone"
)

var (
	errNotEmail = errors.New("is not an email address")
	errNotPhone = errors.New("is not a phone number")
)

// NormalizeIdentifier turns a raw value into the form identities are matched on:
//   - email: trimmed, a "mailto:" prefix dropped, lower-cased (the local part too: real mail systems treat
//     it case-insensitively, and exports disagree on case); it must have one "@" with text on both sides,
//     a dot in the domain and no spaces;
//   - phone: digits only, a leading "+" kept and a leading "00" read as "+" ("+1 (555) 010-2030" becomes
//     "+15550102030"); spaces, dots, dashes, slashes and brackets are dropped, an extension after "x" or
//     "ext" is dropped; anything else, or fewer than 5 or more than 15 digits, is not a phone;
//   - any other type: trimmed.
//
// An empty result (with a nil error) means "no value": the identifier is dropped.
func NormalizeIdentifier(typ, v string) (string, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", nil
	}
	switch typ {
	case TypeEmail:
		return normalizeEmail(v)
	case TypePhone:
		return normalizePhone(v)
	}
	return v, nil
}

func normalizeEmail(v string) (string, error) {
	if len(v) > 7 && strings.EqualFold(v[:7], "mailto:") {
		v = v[7:]
	}
	at := strings.IndexByte(v, '@')
	if at <= 0 || at == len(v)-1 || strings.IndexByte(v[at+1:], '@') >= 0 {
		return "", errNotEmail
	}
	domain := v[at+1:]
	dot := strings.IndexByte(domain, '.')
	if dot <= 0 || dot == len(domain)-1 {
		return "", errNotEmail
	}
	upper := false
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c <= ' ', c == ',', c == ';', c == '<', c == '>', c == '"':
			return "", errNotEmail
		case 'A' <= c && c <= 'Z', c >= 0x80:
			upper = true
		}
	}
	if upper {
		return lowerASCII(v), nil
	}
	return v, nil
}

// lowerASCII is strings.ToLower for the common case; it falls back to it when the value has non-ASCII.
func lowerASCII(v string) string {
	for i := 0; i < len(v); i++ {
		if v[i] >= 0x80 {
			return strings.ToLower(v)
		}
	}
	b := []byte(v)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func normalizePhone(v string) (string, error) {
	buf := make([]byte, 0, len(v))
	plus := false
	i := 0
	if v[0] == '+' {
		plus = true
		i = 1
	}
	for ; i < len(v); i++ {
		c := v[i]
		switch {
		case '0' <= c && c <= '9':
			buf = append(buf, c)
		case c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c == '\t':
		case c == 'x' || c == 'X' || c == 'e' || c == 'E' || c == '#':
			// An extension ("x12", "ext. 12", "#12") identifies a desk, not a person: stop here, but only
			// if what follows really is an extension.
			if !isExtension(v[i:]) {
				return "", errNotPhone
			}
			i = len(v)
		default:
			return "", errNotPhone
		}
	}
	if !plus && len(buf) > 2 && buf[0] == '0' && buf[1] == '0' {
		buf = buf[2:]
		plus = true
	}
	if len(buf) < 5 || len(buf) > 15 {
		return "", errNotPhone
	}
	if plus {
		return "+" + string(buf), nil
	}
	return string(buf), nil
}

func isExtension(s string) bool {
	s = strings.ToLower(s)
	for _, p := range []string{"extension", "ext.", "ext", "x", "#"} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			rest = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), ":"))
			if rest == "" {
				return false
			}
			for i := 0; i < len(rest); i++ {
				if rest[i] < '0' || rest[i] > '9' {
					return false
				}
			}
			return true
		}
	}
	return false
}
