package ingest_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"wayline/internal/ingest"
	"wayline/internal/record"
)

func mustRecipe(t testing.TB, js string) ingest.Recipe {
	t.Helper()
	r, err := ingest.ParseRecipe([]byte(js))
	if err != nil {
		t.Fatalf("ParseRecipe: %v", err)
	}
	return r
}

func micros(s string) int64 {
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return tm.UnixMicro()
}

const crmRecipe = `{
	"identifiers": [{"column": "email", "type": "email"}, {"column": "phone", "type": "phone"}, {"column": "id", "type": "customer_id"}],
	"events": [
		{"time": "created_at", "touchpoint": {"const": "Deal created"}, "channel": {"const": "sales"}, "value": "amount"},
		{"time": "closed_at", "touchpoint": {"template": "Deal {stage}"}, "rating": {"column": "score", "min": 1, "scale": 5}, "text": "note"}
	],
	"attributes": [{"column": "plan"}, {"column": "first_name"}],
	"skip": [{"column": "stage", "equals": ["TEST"]}]
}`

var crmColumns = []string{"id", "email", "phone", "created_at", "closed_at", "stage", "amount", "score", "note", "plan", "first_name"}

func TestApplyCRM(t *testing.T) {
	rows := [][]string{
		{" C1 ", " Ana@Example.COM", "+1 (555) 010-2030", "31/01/2024 10:00", "02/02/2024", "won", "$1,234.50", "5", " great ", "pro", "Ana"},
		{"C2", "", "", "01/02/2024", "", "open", "", "", "", "", ""},
		{"C3", "c@example.com", "", "01/02/2024", "", "test", "", "", "", "", ""},
	}
	rd := newMemReader(crmColumns, rows...)
	recs := rd.records()
	plan, err := ingest.Compile(mustRecipe(t, crmRecipe), rd, recs)
	if err != nil {
		t.Fatalf("Compile: %v", err)
	}
	reps := plan.TimeReports()
	if len(reps) != 2 || reps[0].Layout.Kind != ingest.TimeDMY || reps[0].Ambiguous {
		t.Fatalf("time reports: got %+v, want day-first, not ambiguous", reps)
	}
	if !strings.Contains(reps[0].Summary, "31/01/2024") {
		t.Errorf("summary %q does not cite the deciding value", reps[0].Summary)
	}

	got, err := plan.Apply(recs[0], 7)
	if err != nil {
		t.Fatalf("Apply row 1: %v", err)
	}
	want := record.Row{
		File: 7, Line: 2,
		Identifiers: []record.Identifier{{Type: "email", Value: "ana@example.com"}, {Type: "phone", Value: "+15550102030"}, {Type: "customer_id", Value: "C1"}},
		Events: []record.Event{
			{Time: micros("2024-01-31T10:00:00Z"), Touchpoint: "Deal created", Channel: "sales", Value: 1234.5, HasValue: true},
			{Time: micros("2024-02-02T00:00:00Z"), Touchpoint: "Deal won", Rating: 4, RatingScale: 4, Text: "great"},
		},
		Attributes: []record.Attribute{{Name: "plan", Value: "pro"}, {Name: "first_name", Value: "Ana"}},
	}
	assertRow(t, got, want)

	got, err = plan.Apply(recs[1], 0)
	if err != nil {
		t.Fatalf("Apply row 2: %v", err)
	}
	assertRow(t, got, record.Row{Line: 3,
		Identifiers: []record.Identifier{{Type: "customer_id", Value: "C2"}},
		Events:      []record.Event{{Time: micros("2024-02-01T00:00:00Z"), Touchpoint: "Deal created", Channel: "sales"}},
	})

	if _, err := plan.Apply(recs[2], 0); !errors.Is(err, ingest.ErrSkipRow) {
		t.Errorf("row with stage test: got %v, want ErrSkipRow", err)
	}
}

func assertRow(t *testing.T, got, want record.Row) {
	t.Helper()
	if got.File != want.File || got.Line != want.Line {
		t.Errorf("file/line: got %d/%d, want %d/%d", got.File, got.Line, want.File, want.Line)
	}
	if !equalSlices(got.Identifiers, want.Identifiers) {
		t.Errorf("identifiers: got %+v, want %+v", got.Identifiers, want.Identifiers)
	}
	if !equalSlices(got.Events, want.Events) {
		t.Errorf("events: got %+v, want %+v", got.Events, want.Events)
	}
	if !equalSlices(got.Attributes, want.Attributes) {
		t.Errorf("attributes: got %+v, want %+v", got.Attributes, want.Attributes)
	}
}

func equalSlices[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestApplyRowErrors(t *testing.T) {
	base := []string{"C1", "a@example.com", "", "31/01/2024", "", "won", "", "", "", "", ""}
	with := func(col string, v string) []string {
		row := append([]string(nil), base...)
		for i, c := range crmColumns {
			if c == col {
				row[i] = v
			}
		}
		return row
	}
	tests := []struct {
		name, column, value, wantMsg string
	}{
		{"bad date", "created_at", "31/31/2024", `line 2, column "created_at": "31/31/2024" is not a date (expected DD/MM/YYYY)`},
		{"bad email", "email", "nobody", `line 2, column "email": "nobody" is not an email address`},
		{"bad phone", "phone", "call me", `line 2, column "phone": "call me" is not a phone number`},
		{"bad amount", "amount", "lots", `line 2, column "amount": "lots" is not a number`},
		{"rating above scale", "closed_at", "01/02/2024", ""},
		{"long value", "created_at", strings.Repeat("x", 200), `"` + strings.Repeat("x", 80) + `…" is not a date`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			row := with(tt.column, tt.value)
			if tt.name == "rating above scale" {
				row = with("score", "6")
				row[4] = "01/02/2024"
				tt.column, tt.value, tt.wantMsg = "score", "6", `line 2, column "score": "6" is outside the rating scale 1–5`
			}
			rd := newMemReader(crmColumns, base)
			plan, err := ingest.Compile(mustRecipe(t, crmRecipe), rd, []ingest.Record{{Line: 2, Values: base}})
			if err != nil {
				t.Fatal(err)
			}
			_, err = plan.Apply(ingest.Record{Line: 2, Values: row}, 0)
			var re *ingest.RowError
			if !errors.As(err, &re) || !errors.Is(err, ingest.ErrBadValue) {
				t.Fatalf("got %v, want a *RowError wrapping ErrBadValue", err)
			}
			if re.Column != tt.column || crmColumns[re.ColumnIndex] != tt.column {
				t.Errorf("column: got %q (index %d), want %q", re.Column, re.ColumnIndex, tt.column)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("message: got %q, want it to contain %q", err.Error(), tt.wantMsg)
			}
		})
	}
}

func TestApplyNoIdentifierAndEmptyTouchpoint(t *testing.T) {
	r := mustRecipe(t, `{"identifiers":[{"column":"user","type":"user_id"}],
		"events":[{"time":"t","touchpoint":{"template":"{a} {b}"}}]}`)
	cols := []string{"user", "t", "a", "b"}
	rd := newMemReader(cols)
	plan, err := ingest.Compile(r, rd, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = plan.Apply(ingest.Record{Line: 5, Values: []string{"", "2024-01-01", "x", ""}}, 0)
	if want := `line 5: no identifier: column "user" is empty`; err == nil || err.Error() != want {
		t.Errorf("no identifier: got %v, want %s", err, want)
	}
	_, err = plan.Apply(ingest.Record{Line: 6, Values: []string{"u1", "2024-01-01", " ", ""}}, 0)
	if want := `line 6: touchpoint is empty (columns "a", "b" are empty)`; err == nil || err.Error() != want {
		t.Errorf("empty touchpoint: got %v, want %s", err, want)
	}
	row, err := plan.Apply(ingest.Record{Line: 7, Values: []string{"u1", "2024-01-01", "view", ""}}, 0)
	if err != nil || len(row.Events) != 1 || row.Events[0].Touchpoint != "view" {
		t.Errorf("template with empty part: got %+v, %v, want touchpoint %q", row.Events, err, "view")
	}
	// A short row reads its missing trailing columns as empty: no event, only the link.
	row, err = plan.Apply(ingest.Record{Line: 8, Values: []string{"u1"}}, 0)
	if err != nil || len(row.Events) != 0 || len(row.Identifiers) != 1 {
		t.Errorf("short row: got %+v, %v, want one identifier and no event", row, err)
	}
}

func TestCompileMissingColumn(t *testing.T) {
	rd := newMemReader([]string{"Email", "Created At", "stage"})
	_, err := ingest.Compile(mustRecipe(t, `{"identifiers":[{"column":"email","type":"email"}],
		"events":[{"time":"created_at","touchpoint":"stage"}]}`), rd, nil)
	if !errors.Is(err, ingest.ErrMissingColumn) {
		t.Fatalf("got %v, want ErrMissingColumn", err)
	}
	var mc *ingest.MissingColumnError
	if !errors.As(err, &mc) || mc.Column != "email" || len(mc.Near) == 0 || mc.Near[0] != "Email" {
		t.Fatalf("got %+v, want column email with near match Email", mc)
	}
	if want := `did you mean "Email"?`; !strings.Contains(err.Error(), want) {
		t.Errorf("message %q lacks %q", err.Error(), want)
	}
	if want := `nor "created_at"`; !strings.Contains(err.Error(), want) {
		t.Errorf("message %q lacks %q", err.Error(), want)
	}
	_, err = ingest.Compile(mustRecipe(t, `{"identifiers":[{"column":"zzz","type":"x"}]}`), rd, nil)
	if want := `the file's columns are "Email", "Created At", "stage"`; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("no near match: got %v, want the available columns listed", err)
	}
}

func TestApplyGrowingColumns(t *testing.T) {
	rd := newMemReader([]string{"userId", "timestamp", "event"},
		[]string{"u1", "2024-01-01T00:00:00Z", "Signed Up"},
		[]string{"u2", "2024-01-02T00:00:00Z", "Order", "Mobile"})
	rd.grow = true
	rd.later = map[int][]string{1: {"context.device.type"}}
	plan, err := ingest.Compile(mustRecipe(t, `{"identifiers":[{"column":"userId","type":"user_id"}],
		"events":[{"time":"timestamp","touchpoint":"event","device":"context.device.type"}]}`), rd, nil)
	if err != nil {
		t.Fatalf("Compile with a column not seen yet: %v", err)
	}
	var devices []string
	for _, rec := range rd.records() {
		row, err := plan.Apply(rec, 0)
		if err != nil {
			t.Fatal(err)
		}
		devices = append(devices, row.Events[0].Device)
	}
	if want := []string{"", "mobile"}; !equalSlices(devices, want) {
		t.Errorf("devices: got %q, want %q", devices, want)
	}
}

func TestDayFirstOverride(t *testing.T) {
	cols := []string{"id", "when"}
	sample := []ingest.Record{{Line: 2, Values: []string{"a", "03/04/2024"}}}
	for _, tt := range []struct {
		dayFirst string
		want     string
		ambig    bool
	}{
		{"", "2024-03-04T00:00:00Z", true},
		{`,"dayFirst":true`, "2024-04-03T00:00:00Z", false},
		{`,"dayFirst":false`, "2024-03-04T00:00:00Z", false},
	} {
		r := mustRecipe(t, `{"identifiers":[{"column":"id","type":"customer_id"}],"events":[{"time":"when","touchpoint":{"const":"x"}}]`+tt.dayFirst+`}`)
		plan, err := ingest.Compile(r, newMemReader(cols), sample)
		if err != nil {
			t.Fatal(err)
		}
		if got := plan.TimeReports()[0].Ambiguous; got != tt.ambig {
			t.Errorf("dayFirst %q: ambiguous got %v, want %v", tt.dayFirst, got, tt.ambig)
		}
		row, err := plan.Apply(sample[0], 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := row.Events[0].Time; got != micros(tt.want) {
			t.Errorf("dayFirst %q: got %v, want %s", tt.dayFirst, time.UnixMicro(got).UTC(), tt.want)
		}
	}
}

func TestApplyPseudonymized(t *testing.T) {
	rd := newMemReader(crmColumns)
	plan, err := ingest.Compile(mustRecipe(t, crmRecipe), rd, nil)
	if err != nil {
		t.Fatal(err)
	}
	ps, _ := ingest.NewPseudonymizer(testKey(9))
	plan.SetPseudonymizer(ps)
	row1 := []string{"C1", "Ana@Example.com", "+1 555 010 2030", "", "", "", "", "", "", "pro", "Ana "}
	row2 := []string{"C1", "ana@example.com ", "+1 (555) 010-2030", "", "", "", "", "", "", "pro", "ana"}
	a, err := plan.Apply(ingest.Record{Line: 2, Values: row1}, 0)
	if err != nil {
		t.Fatal(err)
	}
	b, err := plan.Apply(ingest.Record{Line: 3, Values: row2}, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range a.Identifiers {
		plain := id.Type == "customer_id"
		if ingest.IsPseudonym(id.Value) == plain {
			t.Errorf("identifier %s=%q: pseudonymised %v, want %v", id.Type, id.Value, !plain, !plain)
		}
		if id != b.Identifiers[i] {
			t.Errorf("identifier %s: spelling variants got %q and %q, want one pseudonym", id.Type, id.Value, b.Identifiers[i].Value)
		}
	}
	if got := a.Attributes[1]; got.Name != "first_name" || !ingest.IsPseudonym(got.Value) || got != b.Attributes[1] {
		t.Errorf("first_name attribute: got %+v and %+v, want one pseudonym", got, b.Attributes[1])
	}
	if got := a.Attributes[0].Value; got != "pro" {
		t.Errorf("plan attribute: got %q, want it in clear", got)
	}
}

func TestPlanFingerprint(t *testing.T) {
	r := mustRecipe(t, crmRecipe)
	p1, _ := ingest.Compile(r, newMemReader(crmColumns), nil)
	p2, _ := ingest.Compile(r, newMemReader(crmColumns), nil)
	rec := ingest.Record{Line: 2, Values: []string{"C1", "a@example.com", ""}}
	if p1.Fingerprint(rec) != p2.Fingerprint(ingest.Record{Line: 99, Values: []string{"C1", "a@example.com", "", ""}}) {
		t.Error("same values on another line, with trailing empties: got different fingerprints")
	}
	if p1.Fingerprint(rec) == p1.Fingerprint(ingest.Record{Values: []string{"C1a", "@example.com"}}) {
		t.Error("values split differently: got equal fingerprints")
	}
	other := mustRecipe(t, strings.Replace(crmRecipe, "Deal created", "Created", 1))
	p3, _ := ingest.Compile(other, newMemReader(crmColumns), nil)
	if p1.Fingerprint(rec) == p3.Fingerprint(rec) {
		t.Error("different recipes: got equal fingerprints")
	}
}

func TestApplyOptionalEvent(t *testing.T) {
	r := mustRecipe(t, `{"identifiers":[{"column":"userId","type":"user_id"},{"column":"anonymousId","type":"anonymous_id"}],
		"events":[{"time":"timestamp","touchpoint":"event","optional":true}]}`)
	cols := []string{"userId", "anonymousId", "timestamp", "event"}
	plan, err := ingest.Compile(r, newMemReader(cols), nil)
	if err != nil {
		t.Fatal(err)
	}
	row, err := plan.Apply(ingest.Record{Line: 1, Values: []string{"u1", "a1", "2024-01-01T00:00:00Z", ""}}, 0)
	if err != nil || len(row.Events) != 0 || row.Links() != 1 {
		t.Errorf("identify row: got %+v, %v, want one link and no event", row, err)
	}
}
