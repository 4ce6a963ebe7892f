package cli_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const cliAssumedMap = `{
  "id": "web-funnel",
  "name": "Web funnel",
  "stages": [
    {"name": "Awareness", "touchpoints": [{"touchpoint": "Home page", "expectedShare": 0.8}]},
    {"name": "Consideration", "touchpoints": ["Product viewed", {"touchpoint": "Product compared", "expectedShare": 0.2}]},
    {"name": "Decision", "touchpoints": ["Added to cart", "Checkout: cart", "Checkout: shipping", "Checkout: payment"]},
    {"name": "Purchase", "touchpoints": ["Order completed", "Brochure mailed"]}
  ]
}`

func TestMapAssumedOnTheDemo(t *testing.T) {
	dir := t.TempDir()
	ws := demoWorkspace(t, 400, 3)
	mapFile := filepath.Join(dir, "map.json")
	if err := os.WriteFile(mapFile, []byte(cliAssumedMap), 0o644); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(ws)
	if err != nil {
		t.Fatal(err)
	}

	raw := mustRun(t, "map", "-w", ws, "--assumed", mapFile, "--extra-touches", "3", "--allow-skips", "1", "--json")
	var out struct {
		Customers  int               `json:"customers"`
		Stages     []json.RawMessage `json:"stages"`
		Comparison struct {
			MapID         string  `json:"mapId"`
			Customers     int     `json:"customers"`
			Followed      int     `json:"followed"`
			FollowedShare float64 `json:"followedShare"`
			Tolerance     struct {
				ExtraTouches int `json:"extraTouches"`
				AllowSkips   int `json:"allowSkips"`
			} `json:"tolerance"`
			Stages []struct {
				Stage   string `json:"stage"`
				Reached int    `json:"reached"`
			} `json:"stages"`
			Touchpoints []struct {
				Touchpoint string `json:"touchpoint"`
				Observed   bool   `json:"observed"`
			} `json:"touchpoints"`
			Unplanned  []struct{ Touchpoint string } `json:"unplanned"`
			Departures []struct{ Customers int }     `json:"departures"`
			Gaps       []struct {
				Kind      string `json:"kind"`
				Customers int    `json:"customers"`
				Text      string `json:"text"`
			} `json:"gaps"`
		} `json:"comparison"`
	}
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		t.Fatal(err)
	}
	c := out.Comparison
	if len(out.Stages) == 0 || c.MapID != "web-funnel" || c.Customers != out.Customers || c.Customers == 0 {
		t.Fatalf("got %d map stages, comparison of %q over %d customers; want the map and web-funnel over its %d customers",
			len(out.Stages), c.MapID, c.Customers, out.Customers)
	}
	if c.FollowedShare <= 0 || c.FollowedShare >= 1 || c.Tolerance.ExtraTouches != 3 || c.Tolerance.AllowSkips != 1 {
		t.Errorf("got followed share %v with tolerance %+v, want a share strictly between 0 and 1 and the flags' tolerance", c.FollowedShare, c.Tolerance)
	}
	if len(c.Stages) != 4 || len(c.Touchpoints) != 9 || len(c.Unplanned) == 0 || len(c.Gaps) == 0 {
		t.Errorf("got %d stages, %d touchpoints, %d unplanned, %d gaps; want 4, 9, some, some", len(c.Stages), len(c.Touchpoints), len(c.Unplanned), len(c.Gaps))
	}
	if tp := c.Touchpoints[8]; tp.Touchpoint != "Brochure mailed" || tp.Observed {
		t.Errorf("got %+v, want the brochure marked as not in the data", tp)
	}
	left := 0
	for _, d := range c.Departures {
		left += d.Customers
	}
	if left != c.Customers-c.Followed {
		t.Errorf("got %d customers in departures, want the %d who do not follow", left, c.Customers-c.Followed)
	}
	if strings.Contains(raw, `"profiles"`) {
		t.Errorf("the JSON lists profile indices; want them left out")
	}

	text := mustRun(t, "map", "-w", ws, "--assumed", mapFile)
	for _, want := range []string{`Compared with the assumed map "Web funnel" (web-funnel)`, "follow it end to end",
		"Where customers first leave the assumed path", "Biggest gaps", "Brochure mailed (not in data)"} {
		if !strings.Contains(text, want) {
			t.Errorf("text output lacks %q:\n%s", want, text)
		}
	}
	after, err := os.ReadFile(ws)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Errorf("map --assumed changed the workspace file; want nothing saved")
	}
}

func TestMapAssumedBadFile(t *testing.T) {
	dir := t.TempDir()
	ws := demoWorkspace(t, 100, 3)
	mapFile := filepath.Join(dir, "map.json")
	bad := strings.Replace(cliAssumedMap, `"expectedShare": 0.8`, `"expectedShare": 80`, 1)
	if err := os.WriteFile(mapFile, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := run(t, "map", "-w", ws, "--assumed", mapFile, "--json")
	if code == 0 || stdout != "" {
		t.Fatalf("got exit %d and output %q, want a failure and nothing on stdout", code, stdout)
	}
	for _, want := range []string{"map.json", "stages[0].touchpoints[0].expectedShare at 5:88", "between 0 and 1"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr %q lacks %q", stderr, want)
		}
	}
	if _, stderr, code := run(t, "map", "-w", ws, "--assumed", filepath.Join(dir, "missing.json")); code == 0 || !strings.Contains(stderr, "cannot read the assumed map") {
		t.Errorf("missing file: got exit %d, stderr %q", code, stderr)
	}
	if _, _, code := run(t, "map", "-w", ws, "--assumed", mapFile, "--allow-skips", "-1"); code == 0 {
		t.Errorf("negative tolerance: got exit 0, want a failure")
	}
}
