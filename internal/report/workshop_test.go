package report_test

import (
	"strings"
	"testing"

	"wayline/internal/maps"
	"wayline/internal/notes"
	"wayline/internal/report"
)

// workshopFixture is the hostile workspace with an assumed map, two notes and a hypothesis, so the
// comparison and notes sections have content, markup included.
func workshopFixture(t *testing.T) *fixture {
	t.Helper()
	f := csvFixture(t, hostile, hostileRecipe)
	stages := f.snap.Journeys.Stages()
	am := maps.Assumed{ID: "current-state", Name: "Workshop <i>belief</i>", Kind: maps.KindCurrent,
		Stages: []maps.AssumedStage{
			{Name: stages[0], Touchpoints: []maps.AssumedTouchpoint{{Touchpoint: "<script>alert(1)</script>"}}},
			{Name: "Buy", Touchpoints: []maps.AssumedTouchpoint{{Touchpoint: "Order placed"}}},
		},
		Personas: []maps.AssumedPersona{{Name: "Bargain hunters", Expect: []maps.Expectation{{Feature: "orders", Level: maps.LevelHigh}}}}}
	if err := maps.SaveAssumed(f.ws, am); err != nil {
		t.Fatal(err)
	}
	for _, n := range []notes.Note{
		{Kind: notes.KindPain, Text: "Customers give up here, says anna.smith@client.example.com", Author: "Anna Smith",
			Target: notes.Target{Kind: notes.OnTouchpoint, Touchpoint: "Product viewed"}},
		{Kind: notes.KindQuestion, Text: "<b>Why</b> do they come back?", Author: "Ben",
			Target: notes.Target{Kind: notes.OnStage, Stage: stages[0]}},
		{Kind: notes.KindHypothesis, Text: "Viewing a product converts", Author: "Anna Smith",
			Target: notes.Target{Kind: notes.OnTouchpoint, Touchpoint: "Product viewed"},
			Hypothesis: &notes.Hypothesis{Claim: "Customers who saw the script convert more",
				A: notes.Group{Touchpoints: []string{"<script>alert(1)</script>"}}, Metric: notes.MetricConversion, Direction: "higher"}},
	} {
		if _, err := notes.Add(f.ws, n); err != nil {
			t.Fatalf("adding a note: %v", err)
		}
	}
	return f
}

func TestWorkshopSections(t *testing.T) {
	f := workshopFixture(t)
	out := f.write(t, report.Options{})
	for _, want := range []string{
		"Workshop &lt;i&gt;belief&lt;/i&gt;",        // the map's name, escaped
		"follow it end to end",                      // the end-to-end share
		"Where customers first leave",               // departures
		"Bargain hunters",                           // assumed personas (no discovered ones: resembles none)
		"Customers who saw the script convert more", // the hypothesis with a verdict
		"&lt;b&gt;Why&lt;/b&gt; do they come back?",
		"Anna Smith", // authors appear without redaction
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if strings.Contains(out, "No assumed map saved") || strings.Contains(out, "No notes or hypotheses") {
		t.Errorf("the report says there is no assumed map or no notes, but both are saved")
	}
	for _, status := range []string{"supported", "contradicted", "not enough data"} {
		if strings.Contains(out, `">`+status+`</span>`) {
			return
		}
	}
	t.Errorf("the hypothesis has no verdict in the report")
}

func TestWorkshopSectionsRedacted(t *testing.T) {
	f := workshopFixture(t)
	out := f.write(t, report.Options{Redact: true})
	for _, leak := range []string{"anna.smith@client.example.com", "Anna Smith", "Ben<"} {
		if strings.Contains(out, leak) {
			t.Errorf("the redacted report contains %q", leak)
		}
	}
	if !strings.Contains(out, "[email hidden]") {
		t.Errorf("the email in the note is not marked as hidden")
	}
	if !strings.Contains(out, "Customers give up here") {
		t.Errorf("the note's text is gone: redaction hides the email, not the note")
	}
}

func TestChosenAssumedMap(t *testing.T) {
	f := workshopFixture(t)
	second := maps.Assumed{ID: "future-state", Name: "Future", Kind: maps.KindFuture,
		Stages: []maps.AssumedStage{{Name: "All", Touchpoints: []maps.AssumedTouchpoint{{Touchpoint: "Order placed"}}}}}
	if err := maps.SaveAssumed(f.ws, second); err != nil {
		t.Fatal(err)
	}
	out := f.write(t, report.Options{Assumed: "future-state"})
	if !strings.Contains(out, "“Future”") || !strings.Contains(out, "holds 2 assumed maps") {
		t.Errorf("the report does not compare with the chosen map \"Future\" or does not say there are two")
	}
}

// TestThinCellsAreHatched: a stage with fewer customers than the minimum is hatched in the heatmap and
// reads n/a, never painted with the colour of a zero score.
func TestThinCellsAreHatched(t *testing.T) {
	f := csvFixture(t, hostile, hostileRecipe)
	out := f.write(t, report.Options{})
	start, end := strings.Index(out, `id="friction"`), strings.Index(out, `id="personas"`)
	heat := out[start:end]
	hatched := strings.Count(heat, `fill="url(#heat-hatch)"`)
	if hatched < 2 { // the legend's swatch and at least one cell (Order placed: 20 customers < 30)
		t.Fatalf("got %d hatched shapes in the friction section, want the legend and at least one thin cell", hatched)
	}
	if !strings.Contains(heat, ">n/a</text>") {
		t.Errorf("a thin cell does not read n/a")
	}
	if !strings.Contains(heat, "not enough data (fewer than 30 customers)") {
		t.Errorf("the legend does not explain the hatching")
	}
}
