package identity_test

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"wayline/internal/identity"
)

func TestRulesValidate(t *testing.T) {
	tests := []struct {
		name  string
		rules identity.Rules
		want  error
	}{
		{"defaults", identity.DefaultRules(), nil},
		{"zero value", identity.Rules{}, nil},
		{"blocked any type", identity.Rules{Blocked: []identity.Blocked{{Value: "S1"}}}, nil},
		{"blocked empty", identity.Rules{Blocked: []identity.Blocked{{Type: "email", Value: "  "}}}, identity.ErrEmptyBlockedValue},
		{"blocked too long", identity.Rules{Blocked: []identity.Blocked{{Value: strings.Repeat("x", identity.MaxRuleLength+1)}}}, identity.ErrValueTooLong},
		{"limit without type", identity.Rules{Limits: []identity.Limit{{Type: " ", Max: 2}}}, identity.ErrEmptyType},
		{"limit zero", identity.Rules{Limits: []identity.Limit{{Type: "email", Max: 0}}}, identity.ErrBadLimit},
		{"limit twice", identity.Rules{Limits: []identity.Limit{{Type: "email", Max: 2}, {Type: "Email", Max: 4}}}, identity.ErrDuplicateLimit},
		{"non-merging empty", identity.Rules{NonMerging: []string{"order_id", ""}}, identity.ErrEmptyType},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.rules.Validate()
			if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
}

func TestRulesJSON(t *testing.T) {
	r := identity.DefaultRules()
	r.Blocked = append(r.Blocked, identity.Blocked{Type: "store_id", Value: "S1"})
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"blocked":[{"type":"store_id","value":"S1"}]`, `"limits":[{"type":"email","max":3},{"type":"phone","max":10}]`, `"nonMerging":["order_id"`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("got %s, want it to contain %s", b, key)
		}
	}
	var back identity.Rules
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(back.Blocked, r.Blocked) || !slices.Equal(back.Limits, r.Limits) || !slices.Equal(back.NonMerging, r.NonMerging) {
		t.Errorf("got %+v after a round trip, want %+v", back, r)
	}
	// DefaultRules hands out copies: changing one must not change the next.
	r.NonMerging[0] = "changed"
	if identity.DefaultRules().NonMerging[0] != "order_id" {
		t.Error("DefaultRules shares its slices")
	}
	if got := identity.DefaultRules().Blocked; got == nil || len(got) != 0 {
		t.Errorf("got default blocked %v, want an empty list (JSON [])", got)
	}
}

func TestDefaultBlockedListsThePlantedJunk(t *testing.T) {
	list := identity.DefaultBlocked()
	for _, v := range []string{"unknown", "null", "none", "n/a", "na", "-", "test@test.com", "test@example.com"} {
		if !slices.Contains(list, v) {
			t.Errorf("DefaultBlocked lacks %q", v)
		}
	}
}
