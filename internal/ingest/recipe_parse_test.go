package ingest_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"wayline/internal/ingest"
)

func TestParseRecipe(t *testing.T) {
	r, err := ingest.ParseRecipe([]byte(`{
		"name": "crm",
		"identifiers": [{"column": "Email", "type": "email"}],
		"events": [
			{"time": "Create Date", "touchpoint": "Stage", "channel": {"const": "crm"}},
			{"time": "Close Date", "touchpoint": {"template": "deal {Stage}"},
			 "rating": {"column": "Score", "min": 1, "scale": 5}, "value": "Amount"}
		],
		"attributes": [{"column": "Plan"}],
		"skip": [{"column": "Email", "equals": ["test@example.com"]}]
	}`))
	if err != nil {
		t.Fatalf("ParseRecipe: %v", err)
	}
	if got, want := r.Events[0].Touchpoint, (ingest.Field{Column: "Stage"}); got != want {
		t.Errorf("bare-string touchpoint: got %+v, want %+v", got, want)
	}
	if got, want := *r.Events[0].Channel, (ingest.Field{Const: "crm"}); got != want {
		t.Errorf("channel: got %+v, want %+v", got, want)
	}
	if got, want := r.Events[1].Touchpoint.Template, "deal {Stage}"; got != want {
		t.Errorf("template: got %q, want %q", got, want)
	}
	if got, want := r.Events[1].Rating.Scale, 5.0; got != want {
		t.Errorf("rating scale: got %v, want %v", got, want)
	}
}

func TestParseRecipeErrors(t *testing.T) {
	const id = `"identifiers":[{"column":"e","type":"email"}]`
	tests := []struct {
		name, json, wantPath, wantText string
	}{
		{"not json", `{`, "", "not valid JSON"},
		{"trailing", `{` + id + `} {}`, "", "more than one value"},
		{"unknown top key", `{` + id + `,"evnts":[]}`, "evnts", `did you mean "events"`},
		{"unknown nested key", `{` + id + `,"events":[{"time":"t","touchpoint":"x","ratng":{}}]}`, "events[0].ratng", "unknown key"},
		{"unknown key in field", `{` + id + `,"events":[{"time":"t","touchpoint":{"colum":"x"}}]}`, "events[0].touchpoint.colum", "unknown key"},
		{"unknown key lists known", `{` + id + `,"zzzzzzzzz":1}`, "zzzzzzzzz", "known keys: "},
		{"wrong kind", `{` + id + `,"noHeader":"yes"}`, "noHeader", "want true or false"},
		{"field wrong kind", `{` + id + `,"events":[{"time":"t","touchpoint":3}]}`, "events[0].touchpoint", "want a column name or an object"},
		{"no identifiers", `{"events":[]}`, "identifiers", "at least one identifier"},
		{"type case", `{"identifiers":[{"column":"e","type":"Email"}]}`, "identifiers[0].type", "lower_snake_case"},
		{"type dash", `{"identifiers":[{"column":"e","type":"customer-id"}]}`, "identifiers[0].type", "lower_snake_case"},
		{"empty column", `{"identifiers":[{"column":" ","type":"email"}]}`, "identifiers[0].column", "name a column"},
		{"two of field", `{` + id + `,"events":[{"time":"t","touchpoint":{"column":"a","const":"b"}}]}`, "events[0].touchpoint", "exactly one"},
		{"none of field", `{` + id + `,"events":[{"time":"t","touchpoint":{}}]}`, "events[0].touchpoint", "exactly one"},
		{"missing touchpoint", `{` + id + `,"events":[{"time":"t"}]}`, "events[0].touchpoint", "exactly one"},
		{"empty channel", `{` + id + `,"events":[{"time":"t","touchpoint":"x","channel":{}}]}`, "events[0].channel", "leave the key out"},
		{"unclosed template", `{` + id + `,"events":[{"time":"t","touchpoint":{"template":"a {b"}}]}`, "events[0].touchpoint.template", "not closed"},
		{"stray brace", `{` + id + `,"events":[{"time":"t","touchpoint":{"template":"a } b {c}"}}]}`, "events[0].touchpoint.template", `"}" without "{"`},
		{"empty braces", `{` + id + `,"events":[{"time":"t","touchpoint":{"template":"{}"}}]}`, "events[0].touchpoint.template", "names no column"},
		{"template without column", `{` + id + `,"events":[{"time":"t","touchpoint":{"template":"{{x}}"}}]}`, "events[0].touchpoint.template", "use const"},
		{"no time", `{` + id + `,"events":[{"touchpoint":"x"}]}`, "events[0].time", "name a column"},
		{"rating scale", `{` + id + `,"events":[{"time":"t","touchpoint":"x","rating":{"column":"r","min":5,"scale":5}}]}`, "events[0].rating.scale", "must be above min"},
		{"rating no scale", `{` + id + `,"events":[{"time":"t","touchpoint":"x","rating":{"column":"r"}}]}`, "events[0].rating.scale", "must be above min"},
		{"skip without condition", `{` + id + `,"skip":[{"column":"e"}]}`, "skip[0]", "equals"},
		{"format", `{` + id + `,"format":"parquet"}`, "format", "unknown format"},
		{"encoding", `{` + id + `,"encoding":"ebcdic"}`, "encoding", "unknown encoding"},
		{"delimiter", `{` + id + `,"delimiter":";;"}`, "delimiter", "one character"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ingest.ParseRecipe([]byte(tt.json))
			if !errors.Is(err, ingest.ErrInvalidRecipe) {
				t.Fatalf("got error %v, want one wrapping ErrInvalidRecipe", err)
			}
			var re *ingest.RecipeError
			if !errors.As(err, &re) {
				t.Fatalf("got %T, want *RecipeError", err)
			}
			if re.Path != tt.wantPath {
				t.Errorf("path: got %q, want %q (error: %v)", re.Path, tt.wantPath, err)
			}
			if !strings.Contains(err.Error(), tt.wantText) {
				t.Errorf("message: got %q, want it to contain %q", err.Error(), tt.wantText)
			}
		})
	}
}

func TestFieldJSONRoundTrip(t *testing.T) {
	tests := []struct {
		field ingest.Field
		want  string
	}{
		{ingest.Field{Column: "page"}, `"page"`},
		{ingest.Field{Const: "web"}, `{"const":"web"}`},
		{ingest.Field{Template: "{a} {b}"}, `{"template":"{a} {b}"}`},
	}
	for _, tt := range tests {
		data, err := json.Marshal(tt.field)
		if err != nil {
			t.Fatal(err)
		}
		if string(data) != tt.want {
			t.Errorf("Marshal(%+v): got %s, want %s", tt.field, data, tt.want)
		}
		var back ingest.Field
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatal(err)
		}
		if back != tt.field {
			t.Errorf("round trip: got %+v, want %+v", back, tt.field)
		}
	}
}

func TestRecipeFingerprint(t *testing.T) {
	base := `{"identifiers":[{"column":"e","type":"email"}],"events":[{"time":"t","touchpoint":"x"}],"attributes":[{"column":"plan"}]}`
	same := `{"name":"other name","source":"Shopify","events":[{"touchpoint":{"column":"x"},"time":"t"}],
		"identifiers":[{"type":"email","column":"e"}],"attributes":[{"column":"plan","name":"plan"}]}`
	different := `{"identifiers":[{"column":"e","type":"email"}],"events":[{"time":"t","touchpoint":"y"}],"attributes":[{"column":"plan"}]}`
	fp := func(s string) string {
		r, err := ingest.ParseRecipe([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return r.Fingerprint()
	}
	a, b, c := fp(base), fp(same), fp(different)
	if len(a) != 32 {
		t.Errorf("fingerprint length: got %d, want 32", len(a))
	}
	if a != b {
		t.Errorf("equivalent recipes: got %s and %s, want equal", a, b)
	}
	if a == c {
		t.Errorf("different touchpoints: got equal fingerprints %s", a)
	}
	r, _ := ingest.ParseRecipe([]byte(base))
	data, _ := json.Marshal(r)
	again, err := ingest.ParseRecipe(data)
	if err != nil {
		t.Fatalf("re-parse of marshalled recipe: %v", err)
	}
	if again.Fingerprint() != a {
		t.Errorf("saved and reloaded: got %s, want %s", again.Fingerprint(), a)
	}
}

func FuzzParseRecipe(f *testing.F) {
	seeds := []string{
		`{"identifiers":[{"column":"e","type":"email"}]}`,
		`{"identifiers":[{"column":"e","type":"email"}],"events":[{"time":"t","touchpoint":{"template":"{a} {{b}}"}}]}`,
		`{"identifiers":[{"column":"e","type":"email"}],"events":[{"time":"t","touchpoint":"x","rating":{"column":"r","min":1,"scale":5}}]}`,
		`{"dayFirst":true,"skip":[{"column":"x","empty":true}]}`,
		`{"events":[{"touchpoint":{"template":"{"}}]}`,
		`[]`, `null`, `{"identifiers":null}`, `{"a":1}`,
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ingest.ParseRecipe(data)
		if err != nil {
			if !errors.Is(err, ingest.ErrInvalidRecipe) {
				t.Fatalf("error %v does not wrap ErrInvalidRecipe", err)
			}
			return
		}
		// A valid recipe survives a save and reload with the same meaning.
		out, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		back, err := ingest.ParseRecipe(out)
		if err != nil {
			t.Fatalf("reload of %s: %v", out, err)
		}
		if back.Fingerprint() != r.Fingerprint() {
			t.Fatalf("fingerprint changed across reload of %s", out)
		}
	})
}
