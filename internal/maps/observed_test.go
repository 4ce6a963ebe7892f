package maps_test

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"wayline/internal/friction"
	"wayline/internal/journey"
	"wayline/internal/maps"
	"wayline/internal/model"
	"wayline/internal/record"
	"wayline/internal/store"
)

// stageModel places the hand-built touchpoints.
var stageModel = journey.StageModel{
	Stages: journey.DefaultStages(),
	Mapping: []journey.StageAssignment{
		{Touchpoint: "A", Stage: "Awareness"}, {Touchpoint: "B", Stage: "Consideration"},
		{Touchpoint: "B2", Stage: "Consideration"}, {Touchpoint: "S", Stage: "Decision"},
		{Touchpoint: "Buy", Stage: "Purchase"}, {Touchpoint: "T", Stage: "Retention"},
	},
	Goal: []string{"Buy"},
}

// view builds a view of hand-written journeys: one string per customer, events space-separated, one hour
// apart, each "touchpoint|channel|source|rating of 5" with the trailing parts optional (channel and
// source default to web; no rating).
func view(t testing.TB, journeys ...string) *journey.View {
	t.Helper()
	sources := []string{"web", "email", "store", "shop", "zendesk"}
	files := make([]store.FileInfo, len(sources))
	for i, s := range sources {
		files[i] = store.FileInfo{Name: s + ".csv", Source: s}
	}
	m := model.New()
	b := m.AddBatch(1, files)
	var rowProfile []int32
	for c, j := range journeys {
		for k, spec := range strings.Fields(j) {
			parts := append(strings.Split(spec, "|"), "", "", "")
			ev := record.Event{Time: int64(1_700_000_000+c*100_000+k*3600) * 1e6, Touchpoint: parts[0], Channel: cmpOr(parts[1], "web")}
			if parts[3] != "" {
				r, err := strconv.Atoi(parts[3])
				if err != nil {
					t.Fatal(err)
				}
				ev.Rating, ev.RatingScale = float64(r), 5
			}
			m.Add(b, record.Row{File: slices.Index(sources, cmpOr(parts[2], "web")), Line: len(rowProfile) + 2,
				Identifiers: []record.Identifier{{Type: "customer_id", Value: "c" + strconv.Itoa(c)}}, Events: []record.Event{ev}})
			rowProfile = append(rowProfile, int32(c))
		}
	}
	jn, err := journey.Build(m, rowProfile, len(journeys), stageModel)
	if err != nil {
		t.Fatal(err)
	}
	v, err := jn.Apply(journey.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

var handJourneys = []string{
	"A B B2|email|email S|store|store Buy|web|shop T|support|zendesk|1", // converts
	"A B B2|email|email B B2|email|email",                               // leaves in Consideration
	"S|store|store Buy|web|shop T|support|zendesk|5 T|chat|zendesk|3",   // skips the first two stages
	"A",                           // leaves in Awareness
	"B|email|email S|store|store", // skips Awareness, leaves in Decision
}

func TestObservedKnownAnswers(t *testing.T) {
	m := maps.Observed(view(t, handJourneys...), nil, nil)
	if m.Customers != 5 || m.Converted != 2 || !slices.Equal(m.Goal, []string{"Buy"}) {
		t.Fatalf("got %d customers, %d converted, goal %v; want 5, 2, [Buy]", m.Customers, m.Converted, m.Goal)
	}
	var names []string
	for _, s := range m.Stages {
		names = append(names, s.Name)
	}
	if !slices.Equal(names, journey.DefaultStages()) {
		t.Fatalf("got stages %v, want %v", names, journey.DefaultStages())
	}
	tests := []struct {
		stage                       string
		customers, skipped, sources int
		reached                     float64
		touchpoints                 string // name:customers:events, by customers
		actions                     string // label:customers
	}{
		{"Awareness", 3, 2, 1, 0.6, "A:3:3", "Moved on to Consideration:2 Left without buying:1"},
		{"Consideration", 3, 1, 2, 0.6, "B:3:4 B2:2:3", "B → B2:2 B2 → B:1 Moved on to Decision:2 Left without buying:1"},
		{"Decision", 3, 0, 1, 0.6, "S:3:3", "Moved on to Purchase:2 Left without buying:1"},
		{"Purchase", 2, 0, 1, 0.4, "Buy:2:2", "Moved on to Retention:2 Left without buying:0"},
		{"Retention", 2, 0, 1, 0.4, "T:2:3", "Moved on to Advocacy:0 Left without buying:0"},
		{"Advocacy", 0, 0, 0, 0, "", "Left without buying:0"},
	}
	for i, tt := range tests {
		s := m.Stages[i]
		if s.Name != tt.stage || s.Customers != tt.customers || s.Skipped != tt.skipped || s.Sources != tt.sources || math.Abs(s.Reached-tt.reached) > 1e-12 {
			t.Errorf("%s: got customers %d skipped %d sources %d reached %v, want %d %d %d %v", tt.stage,
				s.Customers, s.Skipped, s.Sources, s.Reached, tt.customers, tt.skipped, tt.sources, tt.reached)
		}
		var tps, acts []string
		for _, tp := range s.Touchpoints {
			tps = append(tps, tp.Touchpoint+":"+strconv.Itoa(tp.Customers)+":"+strconv.Itoa(tp.Events))
			if want := float64(tp.Customers) / float64(s.Customers); tp.Share != want {
				t.Errorf("%s share: got %v, want %v", tp.Touchpoint, tp.Share, want)
			}
			if !math.IsNaN(tp.Friction.Score) || tp.Friction.Enough || tp.Friction.Touchpoint != tp.Touchpoint {
				t.Errorf("%s without a friction result: got cell %+v, want a no-data cell", tp.Touchpoint, tp.Friction)
			}
		}
		for _, a := range s.Actions {
			acts = append(acts, a.Label+":"+strconv.Itoa(a.Customers))
		}
		if got := strings.Join(tps, " "); got != tt.touchpoints {
			t.Errorf("%s touchpoints: got %q, want %q", tt.stage, got, tt.touchpoints)
		}
		if got := strings.Join(acts, " "); got != tt.actions {
			t.Errorf("%s actions: got %q, want %q", tt.stage, got, tt.actions)
		}
		if len(s.Pains) != 0 || len(s.Opportunities) != 0 || !math.IsNaN(s.Friction.Score) || s.Friction.Stage != tt.stage {
			t.Errorf("%s without friction or moments: got pains %v, opportunities %v, cell %+v", tt.stage, s.Pains, s.Opportunities, s.Friction)
		}
	}
	// B: web three times (customers 0 and 1), email once (customer 4); T on support twice, chat once.
	cons := m.Stages[1]
	if got := cons.Touchpoints[0].Channels; !slices.Equal(got, []string{"web", "email"}) {
		t.Errorf("B channels: got %v, want [web email]", got)
	}
	if got := m.Stages[4].Touchpoints[0]; !slices.Equal(got.Channels, []string{"support", "chat"}) || got.Sources != 1 {
		t.Errorf("T: got channels %v and %d sources, want [support chat] (by events) and 1", got.Channels, got.Sources)
	}
	if got := cons.Actions[0].Share; math.Abs(got-2.0/3) > 1e-12 {
		t.Errorf("B → B2 share: got %v, want 2/3", got)
	}
}

func TestObservedEmotion(t *testing.T) {
	m := maps.Observed(view(t, handJourneys...), nil, nil)
	// Retention has ratings 1, 5 and 3 of 5: 0.2, 1.0, 0.6; mean 0.6 → score 0.4; one of three at or below
	// the default low rating 0.4; two customers rated.
	e := m.Stages[4].Emotion
	if math.Abs(e.Mean-0.6) > 1e-6 || math.Abs(e.Score-0.4) > 1e-6 || math.Abs(e.LowShare-1.0/3) > 1e-9 || e.Ratings != 3 || e.Customers != 2 {
		t.Errorf("Retention emotion: got %+v, want mean 0.6, score 0.4, low share 1/3, 3 ratings by 2 customers", e)
	}
	// Wilson 95 % for 0.6 over 3: centre (0.6 + 1.9208/3) / (1 + 3.8415/3) = 0.5439, half-width
	// 1.96/(2.2805)·sqrt(0.08 + 0.1067) = 0.3714 → [0.1725, 0.9153] → ×4 − 2.
	if math.Abs(e.Low-(4*0.17247-2)) > 1e-3 || math.Abs(e.High-(4*0.91533-2)) > 1e-3 {
		t.Errorf("Retention interval: got [%.4f, %.4f], want about [%.4f, %.4f]", e.Low, e.High, 4*0.17247-2, 4*0.91533-2)
	}
	for _, s := range m.Stages[:4] {
		if e := s.Emotion; !math.IsNaN(e.Score) || !math.IsNaN(e.Mean) || !math.IsNaN(e.Low) || e.Ratings != 0 {
			t.Errorf("%s has no ratings: got %+v, want NaN emotion", s.Name, e)
		}
	}
}

func TestObservedPainsAndOpportunities(t *testing.T) {
	cell := func(tp, stage string, score float64, enough bool) friction.Cell {
		return friction.Cell{Touchpoint: tp, Stage: stage, Persona: -1, Score: score, Enough: enough,
			Evidence: friction.Evidence{Customers: 40}}
	}
	fr := &friction.Result{
		Touchpoints: []friction.Cell{cell("X", "Consideration", math.NaN(), false), cell("B2", "Consideration", 0.7, true),
			cell("S", "Decision", 0.6, true), cell("B", "Consideration", 0.5, true), cell("Y", "Consideration", 0.4, true),
			cell("Z", "Consideration", 0.3, true)},
		Settings: friction.DefaultSettings(),
	}
	for _, s := range journey.DefaultStages() {
		fr.Stages = append(fr.Stages, cell("", s, 0.1, true))
	}
	moments := []friction.Moment{
		{Touchpoint: "B2", Stage: "Consideration", With: 2, Lift: -0.1, RemovalEffect: 0.9},
		{Touchpoint: "B", Stage: "Consideration", With: 3, Lift: 0.2, RemovalEffect: 0.5},
		{Touchpoint: "A", Stage: "Awareness", With: 3, Lift: math.NaN(), RemovalEffect: 1},
	}
	m := maps.Observed(view(t, handJourneys...), fr, moments)
	cons := m.Stages[1]
	var pains []string
	for _, p := range cons.Pains {
		pains = append(pains, p.Touchpoint)
	}
	if !slices.Equal(pains, []string{"B2", "B", "Y"}) {
		t.Errorf("Consideration pains: got %v, want [B2 B Y] (enough data, worst first, at most three)", pains)
	}
	if cons.Friction.Stage != "Consideration" || cons.Friction.Score != 0.1 {
		t.Errorf("Consideration cell: got %+v, want the stage's cell", cons.Friction)
	}
	if tp := cons.Touchpoints[0]; tp.Touchpoint != "B" || tp.Friction.Score != 0.5 {
		t.Errorf("B on the map: got %+v, want its friction cell (score 0.5)", tp)
	}
	want := maps.Opportunity{Touchpoint: "B", Lift: 0.2, RemovalEffect: 0.5, Customers: 3,
		Text: "Customers who use B convert 20 pts more than others who reached Consideration"}
	if len(cons.Opportunities) != 1 || cons.Opportunities[0] != want {
		t.Errorf("Consideration opportunities: got %+v, want [%+v]", cons.Opportunities, want)
	}
	if len(m.Stages[0].Opportunities) != 0 {
		t.Errorf("Awareness opportunities: got %+v, want none (A's lift is undefined)", m.Stages[0].Opportunities)
	}
}

func TestObservedEmptyView(t *testing.T) {
	v := view(t, "A")
	empty, err := v.Journeys().Apply(journey.Filter{Sources: []string{"nowhere"}})
	if err != nil {
		t.Fatal(err)
	}
	m := maps.Observed(empty, nil, nil)
	if m.Customers != 0 || len(m.Stages) != 6 || m.Stages[0].Customers != 0 || m.Stages[0].Reached != 0 {
		t.Fatalf("empty view: got %+v, want six empty stages", m)
	}
}
