package persona_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"wayline/internal/explore"
	"wayline/internal/identity"
	"wayline/internal/journey"
	"wayline/internal/model"
	"wayline/internal/persona"
	"wayline/internal/record"
	"wayline/internal/store"
)

const hour = int64(3600 * 1e6)

// customer is a hand-made customer: a customer id, events and attributes.
type customer struct {
	id     string
	events []record.Event
	attrs  []record.Attribute
}

// snapshotOf builds a snapshot from hand-made customers, one row per event (the attributes on the first).
func snapshotOf(t *testing.T, cs []customer) *explore.Snapshot {
	t.Helper()
	m := model.New()
	b := m.AddBatch(1, []store.FileInfo{{Name: "events.csv"}})
	line := 1
	for _, c := range cs {
		for k, ev := range c.events {
			row := record.Row{Line: line, Identifiers: []record.Identifier{{Type: "customer_id", Value: c.id}}, Events: []record.Event{ev}}
			if k == 0 {
				row.Attributes = c.attrs
			}
			m.Add(b, row)
			line++
		}
	}
	s, err := (&explore.Snapshot{Model: m}).Rebuild(identity.DefaultRules(), journey.StageModel{Stages: journey.DefaultStages()})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// twoKinds is n e-mail clickers who buy and n store visitors who call support, with a numeric "ltv"
// attribute that differs between them.
func twoKinds(n int) []customer {
	var cs []customer
	for i := 0; i < n; i++ {
		t0 := int64(i) * hour
		cs = append(cs, customer{id: fmt.Sprintf("e%03d", i), attrs: []record.Attribute{{Name: "ltv", Value: fmt.Sprintf("%d", 100+i%7)}},
			events: []record.Event{
				{Time: t0, Touchpoint: "Email open", Channel: "email", Device: "mobile"},
				{Time: t0 + hour/10, Touchpoint: "Email click", Channel: "email", Device: "mobile"},
				{Time: t0 + hour/5, Touchpoint: "Order completed", Channel: "web", Device: "mobile", Value: float64(40 + i%5), HasValue: true},
			}})
		cs = append(cs, customer{id: fmt.Sprintf("s%03d", i), attrs: []record.Attribute{{Name: "ltv", Value: fmt.Sprintf("$%d.50", 900+i%11)}},
			events: []record.Event{
				{Time: t0, Touchpoint: "Store visit", Channel: "store"},
				{Time: t0 + 24*hour, Touchpoint: "Ticket opened", Channel: "support chat"},
				{Time: t0 + 48*hour, Touchpoint: "Ticket solved", Channel: "support chat", Rating: 1, RatingScale: 5},
				{Time: t0 + 72*hour + int64(i%3)*hour, Touchpoint: "Ticket opened", Channel: "support chat"},
			}})
	}
	return cs
}

func TestSmallWorkspace(t *testing.T) {
	snap := snapshotOf(t, twoKinds(30))
	r, err := persona.Run(snap, persona.Options{Seed: 1, Now: fixedClock})
	if err != nil {
		t.Fatal(err)
	}
	if r.K != 2 || r.Customers != 60 {
		t.Fatalf("got k = %d over %d customers, want 2 personas of 60 customers", r.K, r.Customers)
	}
	for _, p := range r.Personas {
		if p.Size != 30 {
			t.Errorf("%q: got %d members, want 30", p.Name, p.Size)
		}
		t.Logf("%s %q: %s (d = %.2f), rules %v", p.ID, p.Name, p.Distinguishing[0].Feature, p.Distinguishing[0].EffectSize, p.Rules)
		if len(p.Rules) == 0 || p.Rules[0].Precision != 1 {
			t.Errorf("%q: got rules %+v, want a perfect one", p.Name, p.Rules)
		}
	}
	if !strings.Contains(r.Personas[1].Name, "Support") && !strings.Contains(r.Personas[0].Name, "Support") {
		t.Errorf("got names %q and %q, want the ticket-raising kind called support-heavy", r.Personas[0].Name, r.Personas[1].Name)
	}
	if len(r.Notes) == 0 {
		t.Error("got no notes, want the features that do not vary (sessions, other channels) named")
	}

	// The numeric attribute is offered, not used by default, and usable.
	var ltv *persona.FeatureUse
	for i := range r.Features {
		if r.Features[i].Name == "attr.ltv" {
			ltv = &r.Features[i]
		}
	}
	if ltv == nil || ltv.Included || ltv.Default {
		t.Fatalf("got attr.ltv %+v, want it offered outside the default set", ltv)
	}
	only, err := persona.Run(snap, persona.Options{K: 2, Features: []string{"attr.ltv"}, Seed: 1, Now: fixedClock})
	if err != nil {
		t.Fatal(err)
	}
	if len(only.Used) != 1 || only.Used[0] != "attr.ltv" || only.Personas[0].Size != 30 {
		t.Errorf("clustering on ltv alone: got features %v and sizes %d/%d, want the two kinds apart", only.Used,
			only.Personas[0].Size, only.Personas[1].Size)
	}
	tab := persona.Extract(snap, []string{"attr.ltv"})
	col := tab.Column("attr.ltv")
	for i, id := range tab.IDs {
		// E-mail clickers assert 100 to 106, store visitors "$900.50" to "$910.50".
		if v := tab.Row(i)[col]; !(v >= 100 && v <= 106) && !(v >= 900.5 && v <= 910.5) {
			t.Errorf("customer %s: got ltv %v, want one of the asserted values", id, v)
		}
	}
}

func TestRunErrors(t *testing.T) {
	snap := snapshotOf(t, twoKinds(10))
	same := snapshotOf(t, []customer{
		{id: "a", events: []record.Event{{Time: 1, Touchpoint: "Home page", Channel: "web"}}},
		{id: "b", events: []record.Event{{Time: 1, Touchpoint: "Home page", Channel: "web"}}},
		{id: "c", events: []record.Event{{Time: 1, Touchpoint: "Home page", Channel: "web"}}},
	})
	one := snapshotOf(t, []customer{{id: "a", events: []record.Event{{Time: 1, Touchpoint: "Home page"}}}})
	empty := snapshotOf(t, nil)
	tests := []struct {
		name string
		snap *explore.Snapshot
		o    persona.Options
		want error
	}{
		{"unknown method", snap, persona.Options{Method: "dbscan"}, persona.ErrBadOptions},
		{"k of one", snap, persona.Options{K: 1}, persona.ErrBadOptions},
		{"k too large", snap, persona.Options{K: persona.MaxK + 1}, persona.ErrBadOptions},
		{"unknown feature", snap, persona.Options{Features: []string{"shoe size"}}, persona.ErrUnknownFeature},
		{"more personas than customers", one, persona.Options{K: 2}, persona.ErrTooFewCustomers},
		{"no customers", empty, persona.Options{}, persona.ErrTooFewCustomers},
		{"identical customers", same, persona.Options{}, persona.ErrNoFeatures},
		{"sequences on one customer", one, persona.Options{Method: persona.MethodSequences}, persona.ErrTooFewCustomers},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := persona.Run(tt.snap, tt.o)
			if !errors.Is(err, tt.want) {
				t.Errorf("got error %v, want %v", err, tt.want)
			}
		})
	}
	if _, err := persona.Assign(&persona.Result{}, snap); !errors.Is(err, persona.ErrNoResult) {
		t.Errorf("Assign without a result: got %v, want ErrNoResult", err)
	}
	if _, err := persona.PersonaMap(nil, snap, 0); !errors.Is(err, persona.ErrNoResult) {
		t.Errorf("PersonaMap without a result: got %v, want ErrNoResult", err)
	}
	if _, err := (&persona.Saved{}).Restore(); !errors.Is(err, persona.ErrNoResult) {
		t.Errorf("Restore of nothing: got %v, want ErrNoResult", err)
	}
}

// TestDuplicates clusters customers that come in a few exact copies: more personas asked for than there
// are distinct customers must not panic.
func TestDuplicates(t *testing.T) {
	var cs []customer
	for i := 0; i < 12; i++ {
		tp, ch := "Email open", "email"
		if i%2 == 1 {
			tp, ch = "Store visit", "store"
		}
		cs = append(cs, customer{id: fmt.Sprintf("c%02d", i), events: []record.Event{{Time: 1, Touchpoint: tp, Channel: ch}}})
	}
	snap := snapshotOf(t, cs)
	for _, method := range []string{persona.MethodFeatures, persona.MethodSequences, persona.MethodAuto} {
		for _, k := range []int{0, 2, 5} {
			r, err := persona.Run(snap, persona.Options{Method: method, K: k, Now: fixedClock})
			if err != nil {
				t.Fatalf("%s k=%d: %v", method, k, err)
			}
			if r.K != 2 {
				t.Errorf("%s k=%d: got %d personas of two kinds of identical customers, want 2", method, k, r.K)
			}
		}
	}
}

func TestCatalog(t *testing.T) {
	snap := snapshotOf(t, twoKinds(5))
	names := map[string]bool{}
	for _, f := range persona.Catalog(snap) {
		if f.Name == "" || f.Label == "" || f.Group == "" {
			t.Errorf("feature %+v lacks a name, label or group", f)
		}
		if names[f.Name] {
			t.Errorf("feature %q listed twice", f.Name)
		}
		names[f.Name] = true
	}
	for _, want := range []string{"channel.email", "channel.store", "channel.support chat", "channel.other", "device.mobile",
		"support", "rating.mean", "orders", "value.total", "converted", "recency.days", "attr.ltv", "entry.email", "stage.skips"} {
		if !names[want] {
			t.Errorf("catalog lacks %q", want)
		}
	}
}
