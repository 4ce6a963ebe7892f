package app_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"wayline/app"
	"wayline/internal/maps"
)

func TestWorkshopDraftSaveCompareAndGapCustomers(t *testing.T) {
	a, _ := openDemo(t)
	draft, err := a.Workshop.DraftFromObserved(app.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(draft.Stages) != 6 || len(draft.Stages[0].Touchpoints) == 0 {
		t.Fatalf("draft %+v, want the six observed stages with touchpoints", draft)
	}
	if list, _ := a.Workshop.AssumedMaps(); len(list) != 0 {
		t.Fatalf("a draft was saved: %+v", list)
	}
	list, err := a.Workshop.SaveAssumed(draft)
	if err != nil || len(list) != 1 || list[0].ID != "current-state" || list[0].Updated.IsZero() {
		t.Fatalf("save: %+v, %v", list, err)
	}
	cmp, err := a.Workshop.Compare(app.Filter{}, "current-state", maps.Tolerance{ExtraTouches: 2})
	if err != nil {
		t.Fatal(err)
	}
	if cmp.Customers != 400 || cmp.Followed > cmp.Customers || len(cmp.Gaps) == 0 {
		t.Fatalf("comparison: %d customers, %d followed, %d gaps", cmp.Customers, cmp.Followed, len(cmp.Gaps))
	}
	for _, g := range cmp.Gaps {
		if g.Kind == maps.GapShareBelow || g.Kind == maps.GapShareAbove {
			continue // a share gap counts a shortfall, not its profiles
		}
		list, err := a.Workshop.GapCustomers(app.Filter{}, "current-state", maps.Tolerance{ExtraTouches: 2}, g.Index, app.CustomerQuery{Limit: 5})
		if err != nil || list.Total != g.Customers {
			t.Errorf("gap %d (%s): %d customers listed (%v), the gap says %d", g.Index, g.Text, list.Total, err, g.Customers)
		}
	}
	if _, err := a.Workshop.GapCustomers(app.Filter{}, "current-state", maps.Tolerance{}, 10_000, app.CustomerQuery{}); err == nil {
		t.Error("a gap that does not exist listed customers")
	}

	// Export and import round-trip; a broken file names where it breaks.
	js, err := a.Workshop.ExportAssumed("current-state")
	if err != nil {
		t.Fatal(err)
	}
	renamed := strings.Replace(js, `"current-state"`, `"future-state"`, 1)
	if got, err := a.Workshop.ImportAssumed(renamed); err != nil || got.ID != "future-state" || len(got.Stages) != 6 {
		t.Fatalf("import: %+v, %v", got, err)
	}
	if _, err := a.Workshop.ImportAssumed("{\n  \"id\": \"x\",\n  \"stages\": [,]\n}"); err == nil || !strings.Contains(err.Error(), "3:") {
		t.Errorf("broken JSON: got %v, want an error at line 3", err)
	}
	if list, _ := a.Workshop.DeleteAssumed("current-state"); len(list) != 1 || list[0].ID != "future-state" {
		t.Errorf("after delete: %+v", list)
	}
	if _, err := a.Workshop.PersonaMatches("future-state"); err == nil || !strings.Contains(err.Error(), "discover personas") {
		t.Errorf("persona matches before personas: %v", err)
	}
}

// Facilitators saving different maps at the same moment each keep theirs.
func TestWorkshopConcurrentSavesKeepEveryMap(t *testing.T) {
	a, _ := openDemo(t)
	draft, err := a.Workshop.DraftFromObserved(app.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 8 {
		m := draft
		m.ID, m.Name = fmt.Sprintf("map-%d", i), fmt.Sprintf("Map %d", i)
		wg.Go(func() {
			if _, err := a.Workshop.SaveAssumed(m); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if list, _ := a.Workshop.AssumedMaps(); len(list) != 8 {
		t.Errorf("got %d saved maps, want all 8", len(list))
	}
}

// A draft lists each stage's touchpoints in the order customers meet them: the demo's checkout steps come
// cart, shipping, payment, whatever their customer counts.
func TestWorkshopDraftFollowsTheJourneysOrder(t *testing.T) {
	a, _ := openDemo(t)
	draft, err := a.Workshop.DraftFromObserved(app.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	at := map[string]int{}
	for _, s := range draft.Stages {
		for i, tp := range s.Touchpoints {
			at[tp.Touchpoint] = i
		}
	}
	cart, shipping, payment := at["Checkout: cart"], at["Checkout: shipping"], at["Checkout: payment"]
	if !(cart < shipping && shipping < payment) {
		t.Errorf("checkout steps at %d, %d, %d; want cart, shipping, payment in that order", cart, shipping, payment)
	}
	if _, err := a.Workshop.SaveAssumed(draft); err != nil {
		t.Fatal(err)
	}
	c, err := a.Workshop.Compare(app.Filter{}, draft.ID, maps.Tolerance{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range c.Stages {
		if s.Stage == "Decision" && s.OutOfOrder*10 > s.Reached {
			t.Errorf("Decision: %d of %d customers out of order against the data's own draft, want under 10 %%", s.OutOfOrder, s.Reached)
		}
	}
}
