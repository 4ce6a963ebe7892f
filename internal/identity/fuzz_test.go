package identity_test

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"wayline/internal/identity"
)

// FuzzFindAndSearch feeds arbitrary user keys to Find and Search: they must not panic, must return valid
// profiles, and whatever Search finds must really contain the text.
func FuzzFindAndSearch(f *testing.F) {
	for _, s := range []string{"ana", "ANA@EXAMPLE.COM", "+1 (555) 010-2030", "p_", "p_0123456789abcdef", "\x00", "İ", "K", "", " ", "1001", "unknown"} {
		f.Add(s)
	}
	res := resolve(lookupFixture())
	f.Fuzz(func(t *testing.T, key string) {
		if p, ok := res.Find(key); ok && (p < 0 || p >= len(res.Profiles)) {
			t.Fatalf("Find(%q) = %d out of range", key, p)
		}
		got := res.Search(key, 0)
		if !slices.IsSorted(got) {
			t.Fatalf("Search(%q) = %v, not in profile order", key, got)
		}
		q := strings.ToLower(strings.TrimSpace(key))
		for _, p := range got {
			found := false
			for _, id := range res.Identifiers(p) {
				found = found || strings.Contains(strings.ToLower(id.Value), q)
			}
			if !found && utf8.ValidString(key) {
				t.Fatalf("Search(%q) returned %s, which holds no such value", key, res.Profiles[p].Label)
			}
		}
	})
}

// FuzzBlockedValues resolves two people sharing an arbitrary value: they merge exactly when the value is
// not blocked, and a blocked value under the rules blocks it in any case.
func FuzzBlockedValues(f *testing.F) {
	for _, s := range []string{"unknown", " N/A ", "0000", "noreply@x.com", "C1", "İ", "\u212a", "-1", "1\u20000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if strings.ContainsFunc(v, unicode.IsSpace) || strings.Contains(v, "=") || v == "" {
			return // the test shorthand splits on any Unicode space (strings.Fields) and on '='
		}
		m := build(batch{ID: 1, Rows: []string{"email=a@x.com seller_id=" + v, "email=b@x.com seller_id=" + v}})
		res := identity.Resolve(m, identity.DefaultRules())
		blocked := len(res.BlockedValues()) > 0
		if merged := len(res.Profiles) == 1; merged == blocked {
			t.Fatalf("value %q: merged %v, blocked %v", v, merged, blocked)
		}
		r := identity.DefaultRules()
		r.Blocked = []identity.Blocked{{Value: strings.ToUpper(v)}}
		if res := identity.Resolve(m, r); len(res.Profiles) != 2 && strings.ToLower(strings.ToUpper(v)) == strings.ToLower(v) {
			t.Fatalf("value %q blocked as %q still merges", v, strings.ToUpper(v))
		}
	})
}
