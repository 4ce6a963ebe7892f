package maps_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"wayline/internal/maps"
)

const goodAssumed = `{
  "id": "current-state",
  "name": "Current state",
  "kind": "current",
  "stages": [
    {"name": "Awareness", "touchpoints": ["Home page"]},
    {"name": "Consideration", "touchpoints": [
      {"touchpoint": "Product viewed", "expectedShare": 0.9},
      {"touchpoint": "Product compared", "expectedShare": 0.3}
    ]},
    {"name": "Purchase", "touchpoints": [{"touchpoint": "Order completed"}]}
  ],
  "personas": [
    {"name": "Bargain hunter", "description": "opens every email", "expect": [
      {"feature": "channel.email", "level": "high"}, {"feature": "support", "level": "low"}]}
  ],
  "updated": "2026-07-01T14:00:00+02:00"
}`

func TestParseAssumedGood(t *testing.T) {
	got, err := maps.ParseAssumed([]byte(goodAssumed))
	if err != nil {
		t.Fatal(err)
	}
	want := maps.Assumed{ID: "current-state", Name: "Current state", Kind: "current",
		Stages: []maps.AssumedStage{
			{Name: "Awareness", Touchpoints: []maps.AssumedTouchpoint{{Touchpoint: "Home page"}}},
			{Name: "Consideration", Touchpoints: []maps.AssumedTouchpoint{
				{Touchpoint: "Product viewed", ExpectedShare: 0.9}, {Touchpoint: "Product compared", ExpectedShare: 0.3}}},
			{Name: "Purchase", Touchpoints: []maps.AssumedTouchpoint{{Touchpoint: "Order completed"}}},
		},
		Personas: []maps.AssumedPersona{{Name: "Bargain hunter", Description: "opens every email",
			Expect: []maps.Expectation{{Feature: "channel.email", Level: "high"}, {Feature: "support", Level: "low"}}}},
		Updated: time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v,\nwant %+v", got, want)
	}
	if !got.Stages[1].Touchpoints[1].Optional() || got.Stages[1].Touchpoints[0].Optional() || got.Stages[0].Touchpoints[0].Optional() {
		t.Errorf("optional: got %v %v %v, want true only for the 0.3 share", got.Stages[1].Touchpoints[1].Optional(),
			got.Stages[1].Touchpoints[0].Optional(), got.Stages[0].Touchpoints[0].Optional())
	}
	out, err := got.JSON()
	if err != nil {
		t.Fatal(err)
	}
	again, err := maps.ParseAssumed(out)
	if err != nil || !reflect.DeepEqual(again, got) {
		t.Errorf("re-parse of the export: got %+v (%v), want %+v\n%s", again, err, got, out)
	}
	if !strings.Contains(string(out), `"expectedShare": 0.9`) || strings.Contains(string(out), `"expectedShare": 0,`) {
		t.Errorf("export keys: got\n%s\nwant expectedShare only where stated", out)
	}
}

func TestParseAssumedNullsAndEmpty(t *testing.T) {
	got, err := maps.ParseAssumed([]byte(`{"id":"a","name":"A","kind":null,"personas":[],"stages":[{"name":"S","touchpoints":["T"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if got.Kind != "" || got.Personas != nil || !got.Updated.IsZero() {
		t.Errorf("got kind %q, personas %#v, updated %v; want all empty", got.Kind, got.Personas, got.Updated)
	}
}

func TestParseAssumedErrors(t *testing.T) {
	stage := `"stages":[{"name":"S","touchpoints":["T"]}]`
	tests := []struct {
		name, in  string
		field     string
		line, col int
		msg       string // a part of the message
	}{
		{"empty", "  ", "", 1, 1, "empty"},
		{"syntax", "{\n  \"id\": \"a\",\n  \"name\" \"A\"\n}", "", 3, 10, "not valid JSON"},
		{"bad value", `{"id": x}`, "", 1, 8, "not valid JSON"},
		{"control character", "{\"id\":\"\x01\"}", "", 1, 8, "not valid JSON"},
		{"trailing comma", `{"id": "a",}`, "", 1, 12, "not valid JSON"},
		{"truncated", `{"id":"a"`, "", 1, 10, "ends too early"},
		{"not an object", `[1]`, "", 1, 1, "must be a JSON object"},
		{"trailing", `{"id":"a","name":"A",` + stage + `} {}`, "", 1, 67, "after the map"},
		{"unknown field", "{\n \"id\":\"a\",\n \"nmae\":\"A\"}", "nmae", 3, 2, `unknown field "nmae"`},
		{"repeated field", `{"id":"a","id":"b"}`, "id", 1, 11, "appears twice"},
		{"id type", `{"id":7}`, "id", 1, 7, "want a string"},
		{"no id", `{"name":"A",` + stage + `}`, "id", 1, 1, "no id"},
		{"bad id", `{"id":"a b","name":"A",` + stage + `}`, "id", 1, 7, "letters, digits"},
		{"no name", `{"id":"a",` + stage + `}`, "name", 1, 1, "no name"},
		{"no stages", `{"id":"a","name":"A","stages":[]}`, "stages", 1, 31, "no stages"},
		{"stage not object", `{"id":"a","name":"A","stages":["S"]}`, "stages[0]", 1, 32, "must be a JSON object"},
		{"stage without name", "{\"id\":\"a\",\"name\":\"A\",\"stages\":[\n  {\"touchpoints\":[\"T\"]}]}", "stages[0].name", 2, 3, "stage 1 has no name"},
		{"stage twice", `{"id":"a","name":"A","stages":[{"name":"S","touchpoints":["T"]},{"name":"s","touchpoints":["U"]}]}`,
			"stages[1].name", 1, 73, "listed twice"},
		{"stage without touchpoints", `{"id":"a","name":"A","stages":[{"name":"S","touchpoints":[]}]}`,
			"stages[0].touchpoints", 1, 58, "no touchpoints"},
		{"touchpoint twice", `{"id":"a","name":"A","stages":[{"name":"S","touchpoints":["T"]},{"name":"U","touchpoints":["V","t"]}]}`,
			"stages[1].touchpoints[1].touchpoint", 1, 96, "listed twice"},
		{"touchpoint field", `{"id":"a","name":"A","stages":[{"name":"S","touchpoints":[{"name":"T"}]}]}`,
			"stages[0].touchpoints[0].name", 1, 60, `unknown field "name"`},
		{"share out of range", "{\"id\":\"a\",\"name\":\"A\",\"stages\":[{\"name\":\"S\",\"touchpoints\":[\n{\"touchpoint\":\"T\",\"expectedShare\":45}]}]}",
			"stages[0].touchpoints[0].expectedShare", 2, 35, "between 0 and 1"},
		{"share as text", `{"id":"a","name":"A","stages":[{"name":"S","touchpoints":[{"touchpoint":"T","expectedShare":"45%"}]}]}`,
			"stages[0].touchpoints[0].expectedShare", 1, 93, "want a number"},
		{"share too big", `{"id":"a","name":"A","stages":[{"name":"S","touchpoints":[{"touchpoint":"T","expectedShare":1e999}]}]}`,
			"stages[0].touchpoints[0].expectedShare", 1, 93, "not a number"},
		{"bad level", `{"id":"a","name":"A",` + stage + `,"personas":[{"name":"P","expect":[{"feature":"support","level":"lots"}]}]}`,
			"personas[0].expect[0].level", 1, 129, `level "lots"`},
		{"persona twice", `{"id":"a","name":"A",` + stage + `,"personas":[{"name":"P"},{"name":"p"}]}`,
			"personas[1].name", 1, 99, "listed twice"},
		{"bad time", `{"id":"a","name":"A","updated":"yesterday",` + stage + `}`, "updated", 1, 32, "RFC 3339"},
		{"column in characters", "{\"id\":\"a\",\"name\":\"Ünïcödé\",\"stages\":[{\"name\":\"S\",\"touchpoints\":[7]}]}",
			"stages[0].touchpoints[0]", 1, 65, "must be a JSON object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := maps.ParseAssumed([]byte(tt.in))
			var ae *maps.AssumedError
			if !errors.As(err, &ae) {
				t.Fatalf("got %v, want an *AssumedError", err)
			}
			if !errors.Is(err, maps.ErrInvalidAssumed) {
				t.Errorf("got %v, want it to wrap ErrInvalidAssumed", err)
			}
			if ae.Field != tt.field || ae.Line != tt.line || ae.Column != tt.col {
				t.Errorf("got field %q at %d:%d, want %q at %d:%d (%v)", ae.Field, ae.Line, ae.Column, tt.field, tt.line, tt.col, err)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("got %q, want it to say %q", err, tt.msg)
			}
		})
	}
}

func TestValidateWithoutJSON(t *testing.T) {
	a := maps.Assumed{ID: "x", Name: "X", Stages: []maps.AssumedStage{{Name: "S",
		Touchpoints: []maps.AssumedTouchpoint{{Touchpoint: "T", ExpectedShare: -0.5}}}}}
	err := a.Validate()
	var ae *maps.AssumedError
	if !errors.As(err, &ae) || ae.Field != "stages[0].touchpoints[0].expectedShare" || ae.Line != 0 {
		t.Fatalf("got %v, want an error on the share with no position", err)
	}
	if strings.Contains(err.Error(), " at ") {
		t.Errorf("got %q, want no position without JSON", err)
	}
}

func FuzzParseAssumed(f *testing.F) {
	f.Add([]byte(goodAssumed))
	f.Add([]byte(`{"id":"a","name":"A","stages":[{"name":"S","touchpoints":["T",{"touchpoint":"U","expectedShare":-0}]}]}`))
	f.Add([]byte(`{"id":"a","name":"A","updated":"2026-01-02T03:04:05.123456789-07:00","stages":[{"name":"S","touchpoints":["\u00e9\ud800"]}]}`))
	f.Add([]byte(`[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[`))
	f.Add([]byte(`{"id":"a","name":"A","stages":[{"name":"S","touchpoints":["T"]}],"personas":[{"name":"P","expect":[{"feature":"f","level":"low"}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := maps.ParseAssumed(data)
		if err != nil {
			var ae *maps.AssumedError
			if !errors.As(err, &ae) || ae.Line < 1 || ae.Column < 1 {
				t.Fatalf("got error %v (%T), want an *AssumedError with a position", err, err)
			}
			return
		}
		if err := a.Validate(); err != nil {
			t.Fatalf("a parsed map does not validate: %v", err)
		}
		out, err := a.JSON()
		if err != nil {
			t.Fatalf("export: %v", err)
		}
		b, err := maps.ParseAssumed(out)
		if err != nil {
			t.Fatalf("re-parse of the export: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("round trip: got %+v, want %+v", b, a)
		}
	})
}
