package identity_test

import (
	"fmt"
	"slices"
	"testing"

	"wayline/internal/identity"
)

func TestMergesPointAtTheRows(t *testing.T) {
	web := batch{ID: 20, Name: "web.jsonl", Rows: []string{
		"anonymous_id=a1",                 // line 2
		"anonymous_id=a1 customer_id=C1",  // line 3: signs in
		"anonymous_id=a2",                 // line 4
		"anonymous_id=a2 customer_id=C1",  // line 5: second device
		"anonymous_id=a1 customer_id=C1",  // line 6
		"anonymous_id=zz",                 // line 7
		"anonymous_id=a1 customer_id=C1",  // line 8
		"anonymous_id=a1 customer_id=C1",  // line 9
		"anonymous_id=a1 customer_id=C1",  // line 10
		"anonymous_id=a1 customer_id=C1",  // line 11: the sixth row asserting a1-C1
		"order_id=77 customer_id=C1 ",     // line 12
		"customer_id=unknown email=x@y.z", // line 13: blocked value links nothing
	}}
	crm := batch{ID: 5, Name: "crm.csv", Rows: []string{
		"customer_id=C1 email=ana@x.com", // line 2
	}}
	// The CRM batch has the smaller id, so its row is the first evidence whatever the import order.
	for _, order := range [][]batch{{web, crm}, {crm, web}} {
		res := resolve(order...)
		p := profileOf(t, res, "customer_id", "C1")
		var got []string
		for _, mg := range res.Merges(p) {
			var ev []string
			for _, e := range mg.Evidence {
				ev = append(ev, fmt.Sprintf("%d:%s:%d", e.Batch, e.File, e.Line))
			}
			got = append(got, fmt.Sprintf("%s=%s + %s=%s attached=%v count=%d %v", mg.A.Type, mg.A.Value, mg.B.Type,
				mg.B.Value, mg.Attached, mg.Count, ev))
		}
		want := []string{
			"customer_id=C1 + email=ana@x.com attached=false count=1 [5:crm.csv:2]",
			"customer_id=C1 + anonymous_id=a1 attached=false count=6 [20:web.jsonl:3 20:web.jsonl:6 20:web.jsonl:8 20:web.jsonl:9 20:web.jsonl:10]",
			"customer_id=C1 + anonymous_id=a2 attached=false count=1 [20:web.jsonl:5]",
			"customer_id=C1 + order_id=77 attached=true count=1 [20:web.jsonl:12]",
		}
		if !slices.Equal(got, want) {
			t.Errorf("batches %d first: %s", order[0].ID, diffLines(got, want))
		}
		// Every identifier is explained: the links span the profile.
		if got, want := len(res.Merges(p)), res.Profiles[p].Size-1; got != want {
			t.Errorf("got %d links for %d identifiers, want %d", got, res.Profiles[p].Size, want)
		}
		chain, ok := res.Why(p, "anonymous_id", "a2")
		if !ok || len(chain) != 2 || chain[0].B.Value != "ana@x.com" || chain[1].B.Value != "a2" {
			t.Errorf("got Why(a2) = %+v, %v; want the e-mail link, then a2's", chain, ok)
		}
		if chain, ok := res.Why(p, "email", "ana@x.com"); !ok || len(chain) != 0 {
			t.Errorf("got Why(label) = %+v, %v; want an empty chain", chain, ok)
		}
		if _, ok := res.Why(p, "anonymous_id", "zz"); ok {
			t.Errorf("Why found zz in C1's profile")
		}
	}
}

func TestMergesOfSingleton(t *testing.T) {
	res := identity.Resolve(build(batch{ID: 1, Rows: []string{"email=a@x.com", "email=a@x.com"}}), identity.DefaultRules())
	if got := res.Merges(0); len(got) != 0 {
		t.Errorf("got merges %v for a one-value profile, want none", got)
	}
}
