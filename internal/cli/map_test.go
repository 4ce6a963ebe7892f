package cli_test

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestMapOnTheDemo(t *testing.T) {
	ws := demoWorkspace(t, 400, 3)

	type cell struct {
		Touchpoint string   `json:"touchpoint"`
		Stage      string   `json:"stage"`
		Score      *float64 `json:"score"`
		Enough     bool     `json:"enough"`
		Customers  int      `json:"customers"`
	}
	var out struct {
		Customers int      `json:"customers"`
		Converted int      `json:"converted"`
		Goal      []string `json:"goal"`
		Stages    []struct {
			Name        string   `json:"name"`
			Customers   int      `json:"customers"`
			Reached     *float64 `json:"reached"`
			Skipped     int      `json:"skipped"`
			Sources     int      `json:"sources"`
			Friction    cell     `json:"friction"`
			Touchpoints []struct {
				Touchpoint string   `json:"touchpoint"`
				Channels   []string `json:"channels"`
				Customers  int      `json:"customers"`
				Share      *float64 `json:"share"`
				Friction   cell     `json:"friction"`
			} `json:"touchpoints"`
			Actions []struct {
				Label     string `json:"label"`
				Customers int    `json:"customers"`
			} `json:"actions"`
			Emotion struct {
				Score   *float64 `json:"score"`
				Low     *float64 `json:"low"`
				High    *float64 `json:"high"`
				Ratings int      `json:"ratings"`
			} `json:"emotion"`
			Pains         []cell `json:"pains"`
			Opportunities []struct {
				Touchpoint string `json:"touchpoint"`
				Text       string `json:"text"`
			} `json:"opportunities"`
		} `json:"stages"`
	}
	raw := mustRun(t, "map", "-w", ws, "--json")
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		t.Fatalf("map --json: %v\n%s", err, raw)
	}
	var names []string
	for _, s := range out.Stages {
		names = append(names, s.Name)
	}
	if want := []string{"Awareness", "Consideration", "Decision", "Purchase", "Retention", "Advocacy"}; !slices.Equal(names, want) {
		t.Fatalf("stages %v, want %v", names, want)
	}
	if out.Customers != 400 || out.Converted == 0 || out.Converted > 400 || len(out.Goal) == 0 {
		t.Errorf("got %d customers, %d converted, goal %v; want 400 customers, some converted, a goal", out.Customers, out.Converted, out.Goal)
	}
	listed := 0
	for _, s := range out.Stages {
		if s.Friction.Stage != s.Name || len(s.Actions) == 0 {
			t.Errorf("%s: friction cell of %q, %d actions; want its own cell and actions", s.Name, s.Friction.Stage, len(s.Actions))
		}
		// Ratings NaN → null: a stage without ratings has a null score, never 0.
		if (s.Emotion.Ratings == 0) != (s.Emotion.Score == nil) || (s.Emotion.Score == nil) != (s.Emotion.Low == nil) {
			t.Errorf("%s: emotion with %d ratings has score %v, low %v", s.Name, s.Emotion.Ratings, s.Emotion.Score, s.Emotion.Low)
		}
		for _, tp := range s.Touchpoints {
			listed++
			if tp.Customers <= 0 || tp.Customers > s.Customers || tp.Share == nil || len(tp.Channels) == 0 || tp.Friction.Touchpoint != tp.Touchpoint {
				t.Errorf("%s / %s: %+v", s.Name, tp.Touchpoint, tp)
			}
		}
	}
	if listed == 0 {
		t.Fatal("no touchpoints on the map")
	}

	text := mustRun(t, "map", "-w", ws)
	for _, want := range []string{"Observed journey map of 400 customers", "1. Awareness", "6. Advocacy", "Touchpoints", "Actions",
		"Left without buying", "Emotion: no ratings", "Emotion: "} {
		if !strings.Contains(text, want) {
			t.Errorf("text output lacks %q:\n%s", want, text)
		}
	}

	// A filter applies: only e-mail events keep the customers who had one.
	var filtered struct {
		Customers int `json:"customers"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "map", "-w", ws, "--json", "--channel", "email")), &filtered); err != nil {
		t.Fatal(err)
	}
	if filtered.Customers == 0 || filtered.Customers >= out.Customers {
		t.Errorf("--channel email keeps %d of %d customers, want some but not all", filtered.Customers, out.Customers)
	}
}

func TestMapErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no workspace", []string{"map"}, 2, "-w FILE"},
		{"missing workspace", []string{"map", "-w", filepath.Join(t.TempDir(), "none.wayline")}, 1, "does not exist"},
		{"bad date", []string{"map", "-w", "x.wayline", "--from", "yesterday"}, 2, "is not a date"},
		{"stray argument", []string{"map", "-w", "x.wayline", "extra"}, 2, "unexpected argument"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := run(t, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Errorf("got exit %d and %q, want exit %d mentioning %q", code, errOut, tt.code, tt.want)
			}
		})
	}
}
