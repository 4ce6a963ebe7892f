package identity

import (
	"strings"

	"wayline/internal/ingest"
)

// defaultBlocked are values exports use for "no value": placeholders from tag bugs and forms, guest
// checkouts, test addresses typed at a till. They are compared after trimming and lower-casing, under
// every type. Empty values, all-zero ids and no-reply e-mails are blocked by pattern (see blocker).
var defaultBlocked = []string{
	"-", "--", "---", ".", "?", "#", "*",
	"unknown", "(unknown)", "null", "(null)", "nil", "none", "(none)", "n/a", "#n/a", "na", "n.a.", "nan",
	"undefined", "(not set)", "not set", "not provided", "not available", "anonymous", "guest", "test", "xxx",
	"test@test.com", "test@example.com", "example@example.com", "email@example.com", "user@example.com",
	"noemail@noemail.com", "none@none.com", "no@email.com",
}

// noReplyLocals are local parts of e-mail addresses that no person reads: a marketplace or a system
// relaying orders writes them into the customer's e-mail field, and they would merge everyone it relayed.
var noReplyLocals = map[string]bool{
	"noreply": true, "no-reply": true, "no_reply": true, "donotreply": true, "do-not-reply": true,
	"do_not_reply": true,
}

// DefaultBlocked lists the built-in blocked values as users see them: the literal values, then the three
// patterns (empty values, all-zero ids, no-reply e-mails). The list cannot be switched off; it is what
// Rules.Blocked adds to.
func DefaultBlocked() []string {
	out := make([]string, 0, len(defaultBlocked)+3)
	out = append(out, defaultBlocked...)
	return append(out,
		"empty values",
		"all-zero ids (0, 000000, 00000000-0000-0000-0000-000000000000)",
		"no-reply e-mails (noreply@…, no-reply@…, donotreply@…)")
}

// blocker decides whether a (type, value) may link rows. Built once per Resolve from the rules.
type blocker struct {
	any    map[string]bool            // defaults and user values blocked under every type
	byType map[string]map[string]bool // user values blocked under one (normalised) type
	maxLen int                        // longest value in any set: longer values skip the map lookups
	// shapes has bit (len mod 64) of row (lower-cased first byte) set for every value in any set: nearly
	// every real id (C0001234, +15550100, a UUID) fails this test, so it skips the lower-casing and the
	// map lookups that would otherwise cost more than the whole union-find.
	shapes [256]uint64
}

func newBlocker(r Rules) *blocker {
	b := &blocker{any: make(map[string]bool, len(defaultBlocked)+len(r.Blocked)), byType: map[string]map[string]bool{}}
	add := func(set map[string]bool, v string) {
		set[v] = true
		b.maxLen = max(b.maxLen, len(v))
		if v != "" {
			b.shapes[v[0]] |= 1 << (len(v) % 64)
		}
	}
	for _, v := range defaultBlocked {
		add(b.any, v)
	}
	for _, rule := range r.Blocked {
		t := normType(rule.Type)
		set := b.any
		if t != "" {
			if set = b.byType[t]; set == nil {
				set = map[string]bool{}
				b.byType[t] = set
			}
		}
		for _, v := range ruleForms(t, rule.Value) {
			add(set, v)
		}
	}
	return b
}

// ruleForms are the stored forms a user-typed value can take: what ingest makes of it as an e-mail or a
// phone (so "+1 (555) 010-2030" matches the stored "+15550102030"), and the plain trimmed, lower-cased text.
func ruleForms(typ, v string) []string {
	forms := []string{normValue(v)}
	for _, as := range []string{ingest.TypeEmail, ingest.TypePhone} {
		if typ != "" && typ != as {
			continue
		}
		if n, err := ingest.NormalizeIdentifier(as, v); err == nil && n != "" {
			forms = append(forms, normValue(n))
		}
	}
	return forms
}

// typeSet returns the user's set for a (normalised) type, nil when there is none.
func (b *blocker) typeSet(typ string) map[string]bool { return b.byType[typ] }

// blocked reports whether value may not link rows under the type whose user set is typed (may be nil).
// It runs once per distinct value, half a million times on a large workspace, so the common case (a
// real id) is decided from its first byte and length without lower-casing or hashing it.
func (b *blocker) blocked(value string, typed map[string]bool) bool {
	v := value
	if v == "" || v[0] <= ' ' || v[len(v)-1] <= ' ' || v[0] >= 0x80 || v[len(v)-1] >= 0x80 {
		v = strings.TrimSpace(v)
		if v == "" {
			return true
		}
	}
	switch v[0] {
	case '0', '-', '.', '+', '(', ')', '_', ':', '/':
		if allZero(v) {
			return true
		}
	case 'n', 'N', 'd', 'D':
		if noReply(v) {
			return true
		}
	}
	if !ascii(v) {
		// Lower-casing may change the length ("K", the Kelvin sign, is three bytes; "k" one), so the
		// shortcuts below, which assume it does not, apply to ASCII only.
		v = strings.ToLower(v)
		return b.any[v] || typed[v]
	}
	if len(v) > b.maxLen {
		return false
	}
	c := v[0]
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	if b.shapes[c]&(1<<(len(v)%64)) == 0 {
		return false // ASCII lower-casing keeps the length and the first byte's shape
	}
	v = strings.ToLower(v)
	return b.any[v] || typed[v]
}

func ascii(v string) bool {
	i := 0
	for ; i+8 <= len(v); i += 8 {
		w := uint64(v[i]) | uint64(v[i+1])<<8 | uint64(v[i+2])<<16 | uint64(v[i+3])<<24 |
			uint64(v[i+4])<<32 | uint64(v[i+5])<<40 | uint64(v[i+6])<<48 | uint64(v[i+7])<<56
		if w&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(v); i++ {
		if v[i] >= 0x80 {
			return false
		}
	}
	return true
}

// normValue is the form blocked values are compared in.
func normValue(v string) string { return strings.ToLower(strings.TrimSpace(v)) }

// allZero reports ids made only of zeros and separators ("0", "000000", "0000-0000", "+000 000"): the
// default of a numeric or UUID column nobody filled.
func allZero(v string) bool {
	zero := false
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '0':
			zero = true
		case '-', '.', '+', ' ', '(', ')', '_', ':', '/':
		default:
			return false
		}
	}
	return zero
}

// noReply reports no-reply e-mail addresses, whatever their domain.
func noReply(v string) bool {
	at := strings.IndexByte(v, '@')
	if at < 7 || at > 12 { // shortest and longest local part in noReplyLocals
		return false
	}
	return noReplyLocals[strings.ToLower(v[:at])]
}
