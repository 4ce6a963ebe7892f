package identity_test

import (
	"regexp"
	"slices"
	"testing"

	"wayline/internal/identity"
)

func TestChainsMergeTransitively(t *testing.T) {
	res := resolve(batch{ID: 1, Rows: []string{
		"anonymous_id=a1 customer_id=C1",
		"customer_id=C1 email=ana@x.com",
		"email=ana@x.com phone=+15550100",
		"phone=+15550100 anonymous_id=a2",
		"email=bo@x.com",
		"",
	}})
	if got := len(res.Profiles); got != 2 {
		t.Fatalf("got %d profiles, want 2: %v", got, groups(res))
	}
	ana := profileOf(t, res, "anonymous_id", "a1")
	if got := profileOf(t, res, "anonymous_id", "a2"); got != ana {
		t.Errorf("a2 in profile %d, want %d (a1's): a chain of four rows must merge", got, ana)
	}
	if got, want := res.Profiles[ana].Size, 5; got != want {
		t.Errorf("got size %d, want %d", got, want)
	}
	if got, want := res.Profiles[ana].Rows, 4; got != want {
		t.Errorf("got %d rows, want %d", got, want)
	}
	wantRows := []int32{int32(ana), int32(ana), int32(ana), int32(ana), int32(1 - ana), -1}
	if !slices.Equal(res.RowProfile, wantRows) {
		t.Errorf("got RowProfile %v, want %v", res.RowProfile, wantRows)
	}
}

func TestLabelsPreferHumanIdentifiers(t *testing.T) {
	tests := []struct {
		name, row, wantType, wantLabel string
	}{
		{"email beats everything", "anonymous_id=a customer_id=C phone=+155501 email=e@x.com", "email", "e@x.com"},
		{"phone beats customer id", "anonymous_id=a customer_id=C phone=+155501", "phone", "+155501"},
		{"customer id beats other ids", "anonymous_id=a zendesk_user_id=Z customer_id=C", "customer_id", "C"},
		{"other ids beat anonymous ids", "anonymous_id=a zendesk_user_id=Z", "zendesk_user_id", "Z"},
		{"anonymous id when nothing else", "anonymous_id=a", "anonymous_id", "a"},
		{"smallest value on a tie", "email=z@x.com email=b@x.com", "email", "b@x.com"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := resolve(batch{ID: 1, Rows: []string{tt.row}})
			p := res.Profiles[0]
			if p.LabelType != tt.wantType || p.Label != tt.wantLabel {
				t.Errorf("got label %s=%s, want %s=%s", p.LabelType, p.Label, tt.wantType, tt.wantLabel)
			}
		})
	}
	// More rows beat a smaller value.
	res := resolve(batch{ID: 1, Rows: []string{"email=a@x.com email=z@x.com", "email=z@x.com"}})
	if got := res.Profiles[0].Label; got != "z@x.com" {
		t.Errorf("got label %s, want z@x.com (on more rows)", got)
	}
}

func TestBlockedValuesNeverMerge(t *testing.T) {
	tests := []struct {
		name      string
		blocked   []identity.Blocked
		typ, v    string
		wantMerge bool
	}{
		{"unknown", nil, "customer_id", "unknown", false},
		{"unknown in capitals with spaces", nil, "customer_id", " UNKNOWN ", false},
		{"n/a", nil, "customer_id", "N/A", false},
		{"null", nil, "user_id", "null", false},
		{"dash", nil, "customer_id", "-", false},
		{"test e-mail", nil, "email", "test@test.com", false},
		{"example e-mail", nil, "email", "Test@Example.com", false},
		{"no-reply e-mail", nil, "email", "noreply@shop.example", false},
		{"do-not-reply e-mail", nil, "email", "Do-Not-Reply@mail.example", false},
		{"zero", nil, "customer_id", "0", false},
		{"zeros", nil, "customer_id", "000000", false},
		{"zero uuid", nil, "anonymous_id", "00000000-0000-0000-0000-000000000000", false},
		{"zero phone", nil, "phone", "+000000", false},
		{"a real id merges", nil, "customer_id", "C100", true},
		{"a real id with zeros merges", nil, "customer_id", "100000", true},
		{"a store id merges unless blocked", nil, "seller_id", "S1", true},
		{"user value, any type", []identity.Blocked{{Value: "s1"}}, "seller_id", "S1", false},
		{"user value, its type", []identity.Blocked{{Type: "Seller_ID", Value: " S1 "}}, "seller_id", "S1", false},
		{"user value, other type", []identity.Blocked{{Type: "store_id", Value: "S1"}}, "seller_id", "S1", true},
		{"user phone in any format", []identity.Blocked{{Type: "phone", Value: "+1 (555) 010-2030"}}, "phone", "+15550102030", false},
		{"user e-mail in any case", []identity.Blocked{{Value: "Front.Desk@Shop.com"}}, "email", "front.desk@shop.com", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := identity.DefaultRules()
			r.Blocked = tt.blocked
			if err := r.Validate(); err != nil {
				t.Fatal(err)
			}
			m := build(batch{ID: 1, Rows: []string{
				"email=ana@x.com " + tt.typ + "=" + tt.v,
				"email=bo@x.com " + tt.typ + "=" + tt.v,
			}})
			res := identity.Resolve(m, r)
			merged := len(res.Profiles) == 1
			if merged != tt.wantMerge {
				t.Errorf("got merged=%v, want %v: %v", merged, tt.wantMerge, groups(res))
			}
			blocked := res.BlockedValues()
			if tt.wantMerge == (len(blocked) > 0) {
				t.Errorf("got blocked values %v, want them listed only when the value is blocked", blocked)
			}
			if !tt.wantMerge {
				if _, ok := res.Find(tt.v); ok {
					t.Errorf("Find(%q) found a profile, want none: a blocked value belongs to no one", tt.v)
				}
				if got := blocked[0].Rows; got != 2 {
					t.Errorf("got %d rows for the blocked value, want 2", got)
				}
			}
		})
	}
}

func TestRowsWithOnlyBlockedValuesBelongToNoOne(t *testing.T) {
	res := resolve(batch{ID: 1, Rows: []string{"customer_id=unknown", "email=test@test.com customer_id=n/a", "email=a@x.com"}})
	if want := []int32{-1, -1, 0}; !slices.Equal(res.RowProfile, want) {
		t.Errorf("got RowProfile %v, want %v", res.RowProfile, want)
	}
	s := res.Stats()
	if s.Unassigned != 2 || s.Blocked != 3 || s.BlockedRows != 2 || s.Profiles != 1 {
		t.Errorf("got stats %+v, want 2 unassigned rows, 3 blocked values on 2 rows, 1 profile", s)
	}
}

func TestNonMergingTypes(t *testing.T) {
	res := resolve(batch{ID: 1, Name: "orders.csv", Rows: []string{
		"email=ana@x.com order_id=1001", // ana's order 1001 from the web shop
		"email=bo@x.com order_id=1001",  // bo's order 1001 from the till: same number, other system
		"email=ana@x.com order_id=2002",
		"order_id=2002",               // a shipment of ana's order: joins ana
		"order_id=1001",               // a shipment of 1001: ana's or bo's? neither
		"order_id=3003 order_id=3004", // an unknown person's orders
		"order_id=3004",               // ... and a shipment of one of them
		"order_id=2002 order_id=3005", // one of ana's orders shipped with another: joins ana
		"store_id=S1 email=cy@x.com",  // stores never merge people either
		"store_id=S1 email=dee@x.com",
	}})
	ana := profileOf(t, res, "email", "ana@x.com")
	bo := profileOf(t, res, "email", "bo@x.com")
	if ana == bo {
		t.Fatalf("ana and bo merged through a non-merging order id: %v", groups(res))
	}
	if cy, dee := profileOf(t, res, "email", "cy@x.com"), profileOf(t, res, "email", "dee@x.com"); cy == dee {
		t.Errorf("cy and dee merged through a store id: %v", groups(res))
	}
	unknown := profileOf(t, res, "order_id", "3003")
	want := []int32{int32(ana), int32(bo), int32(ana), int32(ana), -1, int32(unknown), int32(unknown), int32(ana)}
	if got := res.RowProfile[:8]; !slices.Equal(got, want) {
		t.Errorf("got RowProfile %v, want %v", got, want)
	}
	// 1001 is attached to both ana and bo, each with its own rows.
	for _, p := range []int{ana, bo} {
		found := false
		for _, id := range res.Identifiers(p) {
			if id.Type == "order_id" && id.Value == "1001" {
				found = true
				if id.Rows != 1 {
					t.Errorf("profile %s: got 1001 on %d rows, want 1", res.Profiles[p].Label, id.Rows)
				}
			}
		}
		if !found {
			t.Errorf("profile %s lacks order 1001: %v", res.Profiles[p].Label, res.Identifiers(p))
		}
	}
	if got, want := res.Profiles[ana].Size, 4; got != want { // ana@x.com, 1001, 2002, 3005
		t.Errorf("got ana's size %d, want %d: %v", got, want, res.Identifiers(ana))
	}
	if got := res.Stats().Ambiguous; got != 1 {
		t.Errorf("got %d ambiguous rows, want 1", got)
	}
	if got := res.Profiles[unknown].LabelType; got != "order_id" {
		t.Errorf("got label type %s for an orders-only profile, want order_id", got)
	}
	// The anchor of a profile with person identifiers is never a shared order id: ana's id must not
	// depend on order 1001.
	only := resolve(batch{ID: 1, Rows: []string{"email=ana@x.com order_id=2002", "email=ana@x.com order_id=3005"}})
	if got, want := res.Profiles[ana].ID, only.Profiles[0].ID; got != want {
		t.Errorf("got ana's id %s, want %s (the id of ana@x.com alone)", got, want)
	}
	// Without the rule, the order id merges.
	r := identity.DefaultRules()
	r.NonMerging = nil
	if got := identity.Resolve(build(batch{ID: 1, Rows: []string{"email=a@x.com order_id=1", "email=b@x.com order_id=1"}}), r); len(got.Profiles) != 1 {
		t.Errorf("got %d profiles without non-merging types, want 1", len(got.Profiles))
	}
}

func TestLimitsFlagWithoutSplitting(t *testing.T) {
	res := resolve(batch{ID: 1, Rows: []string{
		"customer_id=C1 email=a@x.com email=b@x.com",
		"customer_id=C1 email=c@x.com email=d@x.com",
		"customer_id=C2 email=e@x.com email=f@x.com email=g@x.com",
	}})
	if len(res.Profiles) != 2 {
		t.Fatalf("got %d profiles, want 2", len(res.Profiles))
	}
	c1 := profileOf(t, res, "customer_id", "C1")
	c2 := profileOf(t, res, "customer_id", "C2")
	want := []identity.Flag{{Type: "email", Count: 4, Limit: 3}}
	if got := res.Profiles[c1].Flags; !slices.Equal(got, want) {
		t.Errorf("got flags %v, want %v", got, want)
	}
	if got := res.Profiles[c2].Flags; got != nil {
		t.Errorf("got flags %v for 3 e-mails, want none (the limit is 3)", got)
	}
	if got, want := res.Profiles[c1].Flags[0].String(), "4 emails: more than the limit of 3"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := res.Flagged(); !slices.Equal(got, []int{c1}) {
		t.Errorf("got flagged %v, want [%d]", got, c1)
	}
	r := identity.DefaultRules()
	r.Limits = append(r.Limits, identity.Limit{Type: "customer_id", Max: 1})
	res = identity.Resolve(build(batch{ID: 1, Rows: []string{"customer_id=C1 customer_id=C2"}}), r)
	if got := res.Profiles[0].Flags; len(got) != 1 || got[0].String() != "2 customer_id values: more than the limit of 1" {
		t.Errorf("got flags %v, want one for 2 customer ids", got)
	}
}

var idPattern = regexp.MustCompile(`^p_[0-9a-f]{16}$`)

func TestStableIDs(t *testing.T) {
	rows := []string{
		"anonymous_id=a1 customer_id=C1",
		"customer_id=C1 email=ana@x.com",
		"email=bo@x.com phone=+15550100",
		"anonymous_id=a9",
	}
	base := resolve(batch{ID: 1, Rows: rows})
	for _, p := range base.Profiles {
		if !idPattern.MatchString(p.ID) {
			t.Errorf("got id %q, want p_ and 16 hex digits", p.ID)
		}
	}
	// The scheme is a contract (ids are stored in annotations): p_ and 16 hex digits of FNV-1a 64 over
	// "customer_id\x00C1" finished with the SplitMix64 mixer, computed independently in Python.
	ana := profileOf(t, base, "email", "ana@x.com")
	if got, want := base.Profiles[ana].ID, "p_c9c910a606695b4c"; got != want {
		t.Errorf("got id %s for the profile anchored on customer_id=C1, want %s", got, want)
	}

	reversed := slices.Clone(rows)
	slices.Reverse(reversed)
	extra := append(slices.Clone(reversed), "email=cy@x.com", "anonymous_id=a0")
	for name, res := range map[string]*identity.Result{
		"reversed rows":       resolve(batch{ID: 7, Rows: reversed}),
		"split over batches":  resolve(batch{ID: 3, Rows: rows[2:]}, batch{ID: 9, Rows: rows[:2]}),
		"with unrelated rows": resolve(batch{ID: 1, Rows: extra}),
	} {
		for _, want := range base.Profiles {
			p, ok := res.ByID(want.ID)
			if !ok {
				t.Errorf("%s: profile %s (%s) is gone", name, want.ID, want.Label)
				continue
			}
			if got := res.Profiles[p]; got.Label != want.Label || got.Size != want.Size {
				t.Errorf("%s: got %s = %s (size %d), want %s (size %d)", name, want.ID, got.Label, got.Size, want.Label, want.Size)
			}
		}
		if !slices.IsSortedFunc(res.Profiles, func(a, b identity.Profile) int { return compareStrings(a.ID, b.ID) }) {
			t.Errorf("%s: profiles not ordered by id", name)
		}
	}
	// Gaining a value that sorts after the anchor keeps the id; the anchor is customer_id=C1.
	grown := resolve(batch{ID: 1, Rows: append(slices.Clone(rows), "customer_id=C1 anonymous_id=a0 email=aaa@x.com")})
	if p, ok := grown.ByID(base.Profiles[ana].ID); !ok || grown.Profiles[p].Size != base.Profiles[ana].Size+2 {
		t.Errorf("got the grown profile under %s: %v, want it found with 2 more values", base.Profiles[ana].ID, ok)
	}
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestStatsAndEmptyModel(t *testing.T) {
	res := resolve()
	if len(res.Profiles) != 0 || len(res.OverStitched) != 0 || res.OverStitched == nil {
		t.Errorf("got %d profiles and over-stitched %v on an empty model, want 0 and []", len(res.Profiles), res.OverStitched)
	}
	if s := res.Stats(); s != (identity.Stats{}) {
		t.Errorf("got stats %+v, want zero", s)
	}
	res = resolve(batch{ID: 1, Rows: []string{
		"email=a@x.com customer_id=1 anonymous_id=x", "email=b@x.com", "email=c@x.com customer_id=2", "customer_id=unknown",
	}})
	s := res.Stats()
	want := identity.Stats{Profiles: 3, Rows: 4, Assigned: 3, Unassigned: 1, Identifiers: 6, Blocked: 1, BlockedRows: 1,
		MedianSize: 2, P99Size: 3, MaxSize: 3, Singletons: 1}
	if s != want {
		t.Errorf("got %+v\nwant %+v", s, want)
	}
}
