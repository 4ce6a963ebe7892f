package identity

import (
	"fmt"
	"slices"
	"strings"
)

// MaxRuleLength bounds the type and value of a rule, in bytes.
const MaxRuleLength = 512

// Rules say which identifier values may link rows into one profile. They are persisted as a workspace
// setting (JSON, camelCase); the zero value means "no user rules" but still applies the default blocked
// list (see DefaultBlocked), which cannot be switched off.
type Rules struct {
	// Blocked values never link anything, on top of the default list. Type "" blocks the value under
	// every type.
	Blocked []Blocked `json:"blocked"`
	// Limits flag (never split) profiles holding more distinct values of a type than Max.
	Limits []Limit `json:"limits"`
	// NonMerging types never join two profiles: a value of such a type shared by two rows does not
	// union them. See the package documentation for where such values end up.
	NonMerging []string `json:"nonMerging"`
}

// Blocked is one value that must never link rows.
type Blocked struct {
	Type  string `json:"type"` // "" = any type
	Value string `json:"value"`
}

// Limit flags profiles with more than Max distinct values of Type.
type Limit struct {
	Type string `json:"type"`
	Max  int    `json:"max"`
}

// DefaultRules are the rules of a new workspace: no user-blocked values, at most 3 e-mails and 10
// phones per profile, and the identifier types that name a transaction, a ticket, a store or a company
// rather than a person as non-merging.
func DefaultRules() Rules {
	return Rules{
		Blocked:    []Blocked{},
		Limits:     []Limit{{Type: "email", Max: 3}, {Type: "phone", Max: 10}},
		NonMerging: slices.Clone(defaultNonMerging),
	}
}

// defaultNonMerging are types that name something many people share (a store, a company) or something
// whose numbering restarts per system (order and ticket numbers such as "#1001"): letting them union rows
// is the classic cause of one giant "customer".
var defaultNonMerging = []string{
	"order_id", "ticket_id", "invoice_id", "transaction_id", "store_id", "company_id",
	"hubspot_company_id", "hubspot_deal_id", "salesforce_account_id", "salesforce_opportunity_id",
}

// Validate reports the first malformed entry, wrapping one of the sentinel errors.
func (r Rules) Validate() error {
	for i, b := range r.Blocked {
		if strings.TrimSpace(b.Value) == "" {
			return fmt.Errorf("blocked entry %d (type %q): %w", i+1, b.Type, ErrEmptyBlockedValue)
		}
		if len(b.Value) > MaxRuleLength || len(b.Type) > MaxRuleLength {
			return fmt.Errorf("blocked entry %d: %w (at most %d bytes)", i+1, ErrValueTooLong, MaxRuleLength)
		}
	}
	seen := map[string]bool{}
	for i, l := range r.Limits {
		t := normType(l.Type)
		switch {
		case t == "":
			return fmt.Errorf("limit %d: %w", i+1, ErrEmptyType)
		case len(t) > MaxRuleLength:
			return fmt.Errorf("limit %d: %w (at most %d bytes)", i+1, ErrValueTooLong, MaxRuleLength)
		case l.Max < 1:
			return fmt.Errorf("limit %d (%s, max %d): %w", i+1, t, l.Max, ErrBadLimit)
		case seen[t]:
			return fmt.Errorf("limit %d (%s): %w", i+1, t, ErrDuplicateLimit)
		}
		seen[t] = true
	}
	for i, t := range r.NonMerging {
		t = normType(t)
		if t == "" {
			return fmt.Errorf("non-merging type %d: %w", i+1, ErrEmptyType)
		}
		if len(t) > MaxRuleLength {
			return fmt.Errorf("non-merging type %d: %w (at most %d bytes)", i+1, ErrValueTooLong, MaxRuleLength)
		}
	}
	return nil
}

// normType is how rule types are compared with the model's types: trimmed and lower-cased, since
// recipes write types in lower_snake_case and users type them by hand.
func normType(t string) string { return strings.ToLower(strings.TrimSpace(t)) }
