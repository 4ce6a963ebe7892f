package identity_test

import (
	"fmt"
	"testing"

	"wayline/internal/identity"
)

// storeWorld is 200 customers (a CRM row and two web rows each, three to five values), 150 of whom were
// seen at the till of one store whose id was mapped as an identifier.
func storeWorld() batch {
	b := batch{ID: 1, Name: "store.csv"}
	for i := range 200 {
		b.Rows = append(b.Rows,
			fmt.Sprintf("customer_id=C%d email=c%d@x.com", i, i),
			fmt.Sprintf("customer_id=C%d anonymous_id=a%d", i, i),
			fmt.Sprintf("customer_id=C%d anonymous_id=b%d", i, i%3*1000+i))
		if i < 150 {
			b.Rows = append(b.Rows, fmt.Sprintf("email=c%d@x.com store_id=S-BERLIN", i))
		}
	}
	return b
}

func TestOverStitchingIsReportedWithItsBridge(t *testing.T) {
	r := identity.DefaultRules()
	r.NonMerging = nil // the user did not tell us a store id is not a person
	res := identity.Resolve(build(storeWorld()), r)
	if len(res.OverStitched) != 1 {
		t.Fatalf("got %d over-stitched profiles, want 1: %+v", len(res.OverStitched), res.OverStitched)
	}
	s := res.OverStitched[0]
	if want := 150*4 + 1; s.Size != want || s.Rows != 150*4 || s.Size != res.Profiles[s.Profile].Size {
		t.Errorf("got size %d, rows %d; want %d values on 600 rows", s.Size, s.Rows, want)
	}
	if len(s.Bridges) == 0 {
		t.Fatal("got no bridges, want the store id")
	}
	top := s.Bridges[0]
	if top.Type != "store_id" || top.Value != "S-BERLIN" || top.Rows != 150 || top.SplitsInto < 100 {
		t.Errorf("got top bridge %+v, want store_id S-BERLIN on 150 rows splitting into at least 100", top)
	}
	if top.SplitsInto != 150 {
		t.Errorf("got SplitsInto %d, want 150 (one profile per customer)", top.SplitsInto)
	}
	if s.Score <= identity.StitchK {
		t.Errorf("got score %.2f, want above %v", s.Score, identity.StitchK)
	}
	for _, b := range s.Bridges[1:] {
		if b.SplitsInto > top.SplitsInto {
			t.Errorf("bridge %+v splits more than the top one", b)
		}
	}
	if got := res.Stats().OverStitched; got != 1 {
		t.Errorf("got Stats().OverStitched %d, want 1", got)
	}

	// Blocking the bridge, as the Identity screen's button does, rebuilds 200 profiles and no warning.
	r.Blocked = append(r.Blocked, identity.Blocked{Type: top.Type, Value: top.Value})
	res = identity.Resolve(build(storeWorld()), r)
	if len(res.Profiles) != 200 || len(res.OverStitched) != 0 {
		t.Errorf("after blocking: got %d profiles and %d warnings, want 200 and 0", len(res.Profiles), len(res.OverStitched))
	}
	// The default rules already treat store ids as non-merging.
	res = identity.Resolve(build(storeWorld()), identity.DefaultRules())
	if len(res.Profiles) != 200 || len(res.OverStitched) != 0 {
		t.Errorf("default rules: got %d profiles and %d warnings, want 200 and 0", len(res.Profiles), len(res.OverStitched))
	}
}

func TestLargeButOrdinaryProfilesAreNotReported(t *testing.T) {
	b := batch{ID: 1}
	for i := range 500 {
		b.Rows = append(b.Rows, fmt.Sprintf("customer_id=C%d email=c%d@x.com", i, i))
		for d := range i % 4 {
			b.Rows = append(b.Rows, fmt.Sprintf("customer_id=C%d anonymous_id=a%d-%d", i, i, d))
		}
	}
	// A heavy user with 24 cookies: big, but people do that.
	for d := range 24 {
		b.Rows = append(b.Rows, fmt.Sprintf("customer_id=C0 anonymous_id=heavy-%d", d))
	}
	res := resolve(b)
	if len(res.OverStitched) != 0 {
		t.Errorf("got over-stitched %+v, want none", res.OverStitched)
	}
	// A dense tangle with no single bridge is still reported, with no bridges.
	tangle := batch{ID: 2}
	for i := range 80 {
		for j := range 3 {
			tangle.Rows = append(tangle.Rows, fmt.Sprintf("seller_id=T%d seller_id=T%d", i, (i+j+1)%80))
		}
	}
	res = resolve(b, tangle)
	if len(res.OverStitched) != 1 || len(res.OverStitched[0].Bridges) != 0 || res.OverStitched[0].Size != 80 {
		t.Errorf("got %+v, want one 80-value tangle without bridges", res.OverStitched)
	}
}

func TestOverStitchingWhenTheGiantIsTheMedian(t *testing.T) {
	// Every customer shares one seller id: no outlier by score, but one profile holds everything.
	b := batch{ID: 1}
	for i := range 30 {
		b.Rows = append(b.Rows, fmt.Sprintf("email=c%d@x.com seller_id=S1", i))
	}
	res := resolve(b)
	if len(res.OverStitched) != 1 || len(res.OverStitched[0].Bridges) == 0 || res.OverStitched[0].Bridges[0].Value != "S1" {
		t.Errorf("got %+v, want the single giant reported with S1 as its bridge", res.OverStitched)
	}
}

// TestBridgeWithFewRowsIsFound: a kiosk's store id mapped as a customer id, on one row per customer, joins
// 25 busy customers whose own ids are on far more rows. The bridge is the value linked to the most other
// values, not the one on the most rows: blocking a customer's own id would cut a real person apart.
func TestBridgeWithFewRowsIsFound(t *testing.T) {
	b := batch{ID: 1, Name: "kiosk.csv"}
	for i := range 200 {
		for range 40 {
			b.Rows = append(b.Rows, fmt.Sprintf("customer_id=C%d email=c%d@x.com", i, i))
		}
		if i < 25 {
			b.Rows = append(b.Rows, fmt.Sprintf("customer_id=C%d customer_id=NW-S07", i))
		}
	}
	res := identity.Resolve(build(b), identity.DefaultRules())
	if len(res.OverStitched) != 1 || len(res.OverStitched[0].Bridges) == 0 {
		t.Fatalf("got %+v, want one over-stitched profile with bridges", res.OverStitched)
	}
	top := res.OverStitched[0].Bridges[0]
	if top.Value != "NW-S07" || top.SplitsInto != 25 {
		t.Errorf("got top bridge %+v, want NW-S07 splitting into 25", top)
	}
}
