package ingest_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wayline/internal/ingest"
	"wayline/internal/record"
)

// imported is what applying a recipe to a whole file gave.
type imported struct {
	rows     []record.Row
	skipped  int
	rejected []error
}

func (im imported) events() []record.Event {
	var out []record.Event
	for _, r := range im.rows {
		out = append(out, r.Events...)
	}
	return out
}

func (im imported) idTypes() map[string]bool {
	m := map[string]bool{}
	for _, r := range im.rows {
		for _, id := range r.Identifiers {
			m[id.Type] = true
		}
	}
	return m
}

// importFile opens path with the recipe's reading options, compiles it on a sample and applies it to
// every record, as an import does.
func importFile(t *testing.T, path string, r ingest.Recipe) imported {
	t.Helper()
	rd, _, err := ingest.OpenRecipe(path, r)
	if err != nil {
		t.Fatalf("OpenRecipe(%s): %v", path, err)
	}
	defer rd.Close()
	var recs []ingest.Record
	for {
		rec, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: Next: %v", path, err)
		}
		recs = append(recs, ingest.Record{Line: rec.Line, Values: append([]string(nil), rec.Values...)})
	}
	plan, err := ingest.Compile(r, rd, recs)
	if err != nil {
		t.Fatalf("Compile(%s): %v", path, err)
	}
	var im imported
	for _, rec := range recs {
		row, err := plan.Apply(rec, 0)
		switch {
		case errors.Is(err, ingest.ErrSkipRow):
			im.skipped++
		case err != nil:
			im.rejected = append(im.rejected, err)
		default:
			im.rows = append(im.rows, row)
		}
	}
	return im
}

func touchpoints(evs []record.Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.Touchpoint)
	}
	return out
}

func TestInspectPresets(t *testing.T) {
	tests := []struct {
		file       string
		preset     string
		rows       int
		skipped    int
		events     int
		idTypes    []string
		touchpoint string // one touchpoint that must appear
		check      func(t *testing.T, im imported)
	}{
		{file: "segment_events.json", preset: "segment", rows: 4, events: 3,
			idTypes: []string{"user_id", "anonymous_id", "email"}, touchpoint: "Order Completed",
			check: func(t *testing.T, im imported) {
				if got := im.rows[0].Links(); got != 2 {
					t.Errorf("identify call: got %d links, want 2 (user, anonymous id, email)", got)
				}
				if got := im.events()[0]; got.Touchpoint != "Pricing" || got.Channel != "cpc" || got.Device != "desktop" {
					t.Errorf("page call: got %+v, want Pricing via cpc on desktop", got)
				}
			}},
		{file: "ga4_events.json", preset: "ga4", rows: 4, events: 4,
			idTypes: []string{"ga_client_id", "user_id"}, touchpoint: "purchase",
			check: func(t *testing.T, im imported) {
				e := im.events()
				if got, want := e[1].Time, int64(1709283725123456); got != want {
					t.Errorf("event_timestamp: got %d, want %d (microseconds kept)", got, want)
				}
				if e[2].Value != 59.9 || e[2].Device != "mobile" || e[2].Channel != "organic" {
					t.Errorf("purchase: got %+v, want value 59.9, device mobile, channel organic", e[2])
				}
			}},
		{file: "mixpanel_export.jsonl", preset: "mixpanel", rows: 3, events: 3,
			idTypes: []string{"user_id", "device_id", "mixpanel_distinct_id"}, touchpoint: "Viewed Pricing",
			check: func(t *testing.T, im imported) {
				if got, want := im.events()[0].Time, int64(1709283600)*1e6; got != want {
					t.Errorf("properties.time: got %d, want %d (seconds → microseconds)", got, want)
				}
			}},
		{file: "hubspot_contacts.csv", preset: "hubspot-contacts", rows: 3, events: 4,
			idTypes: []string{"email", "phone", "hubspot_contact_id"}, touchpoint: "Became a customer",
			check: func(t *testing.T, im imported) {
				if got := im.rows[1].Identifiers[0].Value; got != "bob@example.org" {
					t.Errorf("email normalised: got %q, want bob@example.org", got)
				}
			}},
		{file: "hubspot_deals.csv", preset: "hubspot-deals", rows: 3, events: 5,
			idTypes: []string{"hubspot_deal_id", "hubspot_contact_id", "hubspot_company_id"}, touchpoint: "Deal Closed won",
			check: func(t *testing.T, im imported) {
				if got := im.rows[0].Events; len(got) != 2 || got[1].Value != 12500 || got[0].Touchpoint != "Deal created" {
					t.Errorf("first deal: got %+v, want created and closed-won events with value 12500", got)
				}
			}},
		{file: "salesforce_opportunities.csv", preset: "salesforce-opportunities", rows: 3, events: 6,
			idTypes: []string{"salesforce_opportunity_id", "email"}, touchpoint: "Opportunity Closed Won",
			check: func(t *testing.T, im imported) {
				e := im.rows[0].Events
				if len(e) != 2 || e[1].Value != 24000 || e[1].Channel != "web" {
					t.Errorf("first opportunity: got %+v, want a close event worth 24000 from web (channels are lower-cased)", e)
				}
			}},
		{file: "zendesk_tickets.csv", preset: "zendesk-tickets", rows: 3, events: 5,
			idTypes: []string{"email", "zendesk_user_id", "customer_id"}, touchpoint: "Support ticket solved",
			check: func(t *testing.T, im imported) {
				if e := im.rows[2].Events[0]; e.Channel != "chat" || e.Text != `Checkout fails with "card declined"` {
					t.Errorf("third ticket: got %+v, want channel chat and the subject as text", e)
				}
			}},
		{file: "shopify_orders.csv", preset: "shopify-orders", rows: 3, skipped: 1, events: 5,
			idTypes: []string{"email", "phone", "order_id"}, touchpoint: "Order cancelled",
			check: func(t *testing.T, im imported) {
				if e := im.rows[0].Events[0]; e.Value != 49.9 || e.Channel != "web" {
					t.Errorf("first order: got %+v, want value 49.9 via web", e)
				}
			}},
		{file: "mailchimp_activity.csv", preset: "mailchimp-activity", rows: 4, events: 4,
			idTypes: []string{"email"}, touchpoint: "Email click"},
		{file: "process_mining.csv", preset: "process-mining", rows: 5, events: 5,
			idTypes: []string{"case_id"}, touchpoint: "Reject request"},
		{file: "process_mining.xes", preset: "process-mining", rows: 3, skipped: 1, events: 3,
			idTypes: []string{"case_id"}, touchpoint: "Decide",
			check: func(t *testing.T, im imported) {
				if got := im.events()[2].Channel; got != "desk" {
					t.Errorf("case channel: got %q, want desk (from the trace attribute, lower-cased)", got)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", "presets", tt.file)
			ins, err := ingest.Inspect(path, ingest.Options{})
			if err != nil {
				t.Fatalf("Inspect: %v", err)
			}
			if ins.Preset != tt.preset {
				t.Fatalf("preset: got %q, want %q", ins.Preset, tt.preset)
			}
			if ins.RecipeProblem != "" {
				t.Fatalf("suggested recipe: %s", ins.RecipeProblem)
			}
			if ins.Recipe.Preset != tt.preset || ins.PresetConfidence < 0.6 {
				t.Errorf("recipe preset %q confidence %.2f: want %q, ≥ 0.6", ins.Recipe.Preset, ins.PresetConfidence, tt.preset)
			}
			im := importFile(t, path, ins.Recipe)
			if len(im.rejected) > 0 {
				t.Fatalf("rejected rows: %v", im.rejected)
			}
			if len(im.rows) != tt.rows || im.skipped != tt.skipped {
				t.Errorf("rows: got %d (skipped %d), want %d (skipped %d)", len(im.rows), im.skipped, tt.rows, tt.skipped)
			}
			if got := len(im.events()); got != tt.events {
				t.Errorf("events: got %d %q, want %d", got, touchpoints(im.events()), tt.events)
			}
			types := im.idTypes()
			for _, typ := range tt.idTypes {
				if !types[typ] {
					t.Errorf("identifier types: got %v, want %q among them", types, typ)
				}
			}
			if !contains(touchpoints(im.events()), tt.touchpoint) {
				t.Errorf("touchpoints: got %q, want %q among them", touchpoints(im.events()), tt.touchpoint)
			}
			if tt.check != nil && !t.Failed() {
				tt.check(t, im)
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// findSharedData finds the shared/data folder by walking up from the package directory.
func findSharedData(t *testing.T, rel string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		p := filepath.Join(dir, "shared", "data", rel)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skipf("shared/data/%s not found above the package directory", rel)
		}
		dir = parent
	}
}

func column(t *testing.T, ins ingest.Inspection, name string) ingest.ColumnInfo {
	t.Helper()
	for _, c := range ins.Columns {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no column %q in %v", name, ins.Columns)
	return ingest.ColumnInfo{}
}

func TestInspectClickstream(t *testing.T) {
	path := findSharedData(t, "clickstream/2019-Oct-sample.csv")
	ins, err := ingest.Inspect(path, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ins.Info.Format != "csv" || ins.Info.Delimiter != "," || ins.SampleRows != 1000 || len(ins.Preview) != 20 {
		t.Errorf("info: got %+v, %d sampled, %d preview rows; want csv, comma, 1000, 20", ins.Info, ins.SampleRows, len(ins.Preview))
	}
	if ins.Preset != "" {
		t.Errorf("preset: got %q, want none", ins.Preset)
	}
	tests := []struct {
		col, typ, role string
	}{
		{"user_id", "id", "identifier:user_id"},
		{"event_time", "timestamp", "event-time"},
		{"event_type", "categorical", "touchpoint"},
		{"price", "number", "value"},
		{"product_id", "integer", "ignore"},
	}
	for _, tt := range tests {
		c := column(t, ins, tt.col)
		if string(c.Type) != tt.typ || c.Role != tt.role || c.Confidence < 0.5 {
			t.Errorf("%s: got %s/%s (%.2f), want %s/%s with confidence ≥ 0.5", tt.col, c.Type, c.Role, c.Confidence, tt.typ, tt.role)
		}
	}
	if c := column(t, ins, "event_time"); c.TimeLayout != "iso8601" {
		t.Errorf("event_time layout: got %q, want iso8601", c.TimeLayout)
	}
	if c := column(t, ins, "event_type"); c.Distinct != 3 {
		t.Errorf("event_type distinct: got %d, want 3 (view, cart, purchase)", c.Distinct)
	}
	r := ins.Recipe
	if len(r.Identifiers) == 0 || r.Identifiers[0] != (ingest.IdentifierSpec{Column: "user_id", Type: "user_id"}) {
		t.Errorf("identifiers: got %+v, want user_id first", r.Identifiers)
	}
	if len(r.Events) != 1 || r.Events[0].Time != "event_time" || r.Events[0].Touchpoint.Column != "event_type" || r.Events[0].Value != "price" {
		t.Fatalf("events: got %+v, want event_time/event_type/price", r.Events)
	}
	im := importFile(t, path, r)
	if len(im.rejected) > 0 || len(im.rows) != 1000 || len(im.events()) != 1000 {
		t.Errorf("import: got %d rows, %d events, rejected %v; want 1000, 1000, none", len(im.rows), len(im.events()), im.rejected)
	}
}

func TestInspectProcessMiningLogs(t *testing.T) {
	for _, tt := range []struct {
		file    string
		rows    int
		channel bool
	}{
		{"process-mining/receipt.csv", 8577, true},
		{"process-mining/running-example.csv", 42, false},
	} {
		t.Run(tt.file, func(t *testing.T) {
			path := findSharedData(t, tt.file)
			ins, err := ingest.Inspect(path, ingest.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if ins.Preset != "process-mining" {
				t.Fatalf("preset: got %q, want process-mining", ins.Preset)
			}
			r := ins.Recipe
			if len(r.Identifiers) != 1 || r.Identifiers[0] != (ingest.IdentifierSpec{Column: "case:concept:name", Type: "case_id"}) {
				t.Errorf("identifiers: got %+v, want case:concept:name as case_id", r.Identifiers)
			}
			if len(r.Events) != 1 || r.Events[0].Time != "time:timestamp" || r.Events[0].Touchpoint.Column != "concept:name" {
				t.Fatalf("events: got %+v, want time:timestamp/concept:name", r.Events)
			}
			if got := r.Events[0].Channel != nil; got != tt.channel {
				t.Errorf("channel from case:channel: got %v, want %v", got, tt.channel)
			}
			if c := column(t, ins, "case:concept:name"); c.Role != "identifier:case_id" {
				t.Errorf("case column role: got %q, want identifier:case_id", c.Role)
			}
			im := importFile(t, path, r)
			if len(im.rejected) > 0 || len(im.rows) != tt.rows || len(im.events()) != tt.rows {
				t.Errorf("import: got %d rows, %d events, %d rejected (%v); want %d each, none rejected",
					len(im.rows), len(im.events()), len(im.rejected), firstErr(im.rejected), tt.rows)
			}
		})
	}
}

func firstErr(errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	return errs[0]
}

func TestInspectGenericCRM(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "deals.csv")
	data := "customer_email;plan;created_at;closed_at;amount;note\n" +
		"ana@example.com;pro;31/01/2024;15/02/2024;\"1.200,50 €\";Long conversation about pricing and terms\n" +
		"bob@example.org;basic;02/02/2024;;300;Follow up after the demo next week please\n" +
		"chen@example.net;pro;05/02/2024;20/02/2024;99;Signed after trial with two extra seats added\n"
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	ins, err := ingest.Inspect(path, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ins.Info.Delimiter != ";" {
		t.Errorf("delimiter: got %q, want ;", ins.Info.Delimiter)
	}
	if c := column(t, ins, "created_at"); c.TimeLayout != "dd/mm/yyyy" || !strings.Contains(c.TimeSummary, "31/01/2024") {
		t.Errorf("created_at: got layout %q (%s), want dd/mm/yyyy citing 31/01/2024", c.TimeLayout, c.TimeSummary)
	}
	if c := column(t, ins, "amount"); c.Type != ingest.ColMoney || c.Role != "value" {
		t.Errorf("amount: got %s/%s, want money/value", c.Type, c.Role)
	}
	r := ins.Recipe
	if ins.RecipeProblem != "" {
		t.Fatal(ins.RecipeProblem)
	}
	if len(r.Events) != 2 || r.Events[0].Touchpoint.Const != "Created" || r.Events[1].Touchpoint.Const != "Closed" {
		t.Fatalf("events: got %+v, want Created and Closed", r.Events)
	}
	im := importFile(t, path, r)
	if len(im.rejected) > 0 || len(im.events()) != 5 {
		t.Errorf("import: got %d events, rejected %v; want 5 events (two time columns per row, one empty)", len(im.events()), im.rejected)
	}
	if e := im.rows[0].Events[0]; e.Value != 1200.5 {
		t.Errorf("amount 1.200,50 €: got %v, want 1200.5", e.Value)
	}
	if a := im.rows[0].Attributes; len(a) != 1 || a[0].Name != "plan" {
		t.Errorf("attributes: got %+v, want plan", a)
	}
}

func TestInspectCustomersTable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "customers.csv")
	data := "Customer ID,Email,Phone,Country\nC-1,ana@example.com,+351 912 345 678,PT\nC-2,bob@example.org,(555) 010-2030,US\nC-3,chen@example.net,,PT\nC-4,dana@example.com,,US\n"
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	ins, err := ingest.Inspect(path, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []ingest.IdentifierSpec{{Column: "Email", Type: "email"}, {Column: "Phone", Type: "phone"}, {Column: "Customer ID", Type: "customer_id"}}
	if got := ins.Recipe.Identifiers; !equalSlices(got, want) {
		t.Errorf("identifiers: got %+v, want %+v", got, want)
	}
	if len(ins.Recipe.Events) != 0 || len(ins.Recipe.Attributes) != 1 || ins.Recipe.Attributes[0].Column != "Country" {
		t.Errorf("recipe: got events %+v, attributes %+v; want none and Country", ins.Recipe.Events, ins.Recipe.Attributes)
	}
}

func TestInspectXESLogs(t *testing.T) {
	for _, tt := range []struct {
		file string
		rows int
	}{
		{"process-mining/running-example.xes", 42},
		{"process-mining/08_receipt.xes.gz", 8577},
	} {
		t.Run(tt.file, func(t *testing.T) {
			path := findSharedData(t, tt.file)
			ins, err := ingest.Inspect(path, ingest.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if ins.Preset != "process-mining" || ins.RecipeProblem != "" {
				t.Fatalf("preset: got %q (%s), want process-mining", ins.Preset, ins.RecipeProblem)
			}
			if got := ins.Recipe.Identifiers; len(got) != 1 || got[0].Type != "case_id" {
				t.Errorf("identifiers: got %+v, want one case_id", got)
			}
			im := importFile(t, path, ins.Recipe)
			if len(im.rejected) > 0 || len(im.events()) != tt.rows {
				t.Errorf("import: got %d events, %d rejected (%v); want %d, none", len(im.events()), len(im.rejected), firstErr(im.rejected), tt.rows)
			}
		})
	}
}
