package cli_test

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestFrictionOnTheDemo(t *testing.T) {
	ws := demoWorkspace(t, 400, 3)

	type cell struct {
		Touchpoint string   `json:"touchpoint"`
		Stage      string   `json:"stage"`
		Score      *float64 `json:"score"`
		Low        *float64 `json:"low"`
		High       *float64 `json:"high"`
		Enough     bool     `json:"enough"`
		Customers  int      `json:"customers"`
		Components map[string]*float64
	}
	var out struct {
		Customers   int    `json:"customers"`
		Touchpoints []cell `json:"touchpoints"`
		Stages      []cell `json:"stages"`
		Personas    []struct {
			Name        string `json:"name"`
			Stages      []cell `json:"stages"`
			Touchpoints []cell `json:"touchpoints"`
		} `json:"personas"`
		Moments []struct {
			Touchpoint string `json:"touchpoint"`
		} `json:"moments"`
		Wasted struct {
			Touches     int `json:"touches"`
			Touchpoints []struct {
				Touchpoint string `json:"touchpoint"`
				Touches    int    `json:"touches"`
			} `json:"touchpoints"`
		} `json:"wasted"`
	}
	raw := mustRun(t, "friction", "-w", ws, "--json")
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		t.Fatal(err)
	}
	if out.Customers == 0 || len(out.Touchpoints) == 0 || len(out.Stages) != 6 {
		t.Fatalf("friction: %d customers, %d touchpoints, %d stages; want some, some, 6", out.Customers, len(out.Touchpoints), len(out.Stages))
	}
	prev, seenNotEnough := 2.0, false
	for _, c := range out.Touchpoints {
		if c.Touchpoint == "" || c.Stage == "" {
			t.Errorf("cell %+v without touchpoint or stage", c)
		}
		if !c.Enough {
			seenNotEnough = true
			if c.Score != nil || c.Low != nil || c.High != nil {
				t.Errorf("%s: not enough data but score %v, want null", c.Touchpoint, c.Score)
			}
			continue
		}
		if seenNotEnough || c.Score == nil || *c.Score > prev || *c.Low > *c.Score || *c.High < *c.Score {
			t.Fatalf("%s: score %v [%v %v] after %v; want worst first with enough data first and the score in its interval",
				c.Touchpoint, c.Score, c.Low, c.High, prev)
		}
		prev = *c.Score
	}
	if len(out.Moments) == 0 || out.Wasted.Touches == 0 || out.Wasted.Touchpoints[0].Touchpoint != "Retargeting ad" {
		t.Errorf("moments %d, wasted %+v; want moments and the retargeting ads as waste", len(out.Moments), out.Wasted)
	}
	if !strings.Contains(raw, `"exitRate"`) || len(out.Personas) != 0 {
		t.Errorf("components missing or personas %d before any were discovered", len(out.Personas))
	}

	// With personas discovered, the persona grid has a column per persona in the touchpoint order.
	mustRun(t, "personas", "-w", ws, "--k", "3")
	out.Personas = nil
	if err := json.Unmarshal([]byte(mustRun(t, "friction", "-w", ws, "--json")), &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Personas) != 3 {
		t.Fatalf("%d personas, want 3", len(out.Personas))
	}
	for _, p := range out.Personas {
		if len(p.Stages) != 6 || len(p.Touchpoints) != len(out.Touchpoints) || p.Touchpoints[0].Touchpoint != out.Touchpoints[0].Touchpoint {
			t.Errorf("persona %q: %d stages, %d touchpoints; want 6 and the touchpoint rows in order", p.Name, len(p.Stages), len(p.Touchpoints))
		}
	}

	text := mustRun(t, "friction", "-w", ws, "--source", "no-such-source")
	if !strings.Contains(text, "Friction of 0 customers") {
		t.Errorf("filtered to nothing, text output:\n%s", text)
	}
	text = mustRun(t, "friction", "-w", ws)
	for _, want := range []string{"TOUCHPOINT", "SCORE (95% CI)", "Wasted:", "Retargeting ad"} {
		if !strings.Contains(text, want) {
			t.Errorf("text output lacks %q:\n%s", want, text)
		}
	}
	if _, errOut, code := run(t, "friction", "-w", ws, "--from", "yesterday"); code != 2 || !strings.Contains(errOut, "YYYY-MM-DD") {
		t.Errorf("bad date: exit %d, %q; want 2 and a hint", code, errOut)
	}
}
