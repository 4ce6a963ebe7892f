package journey_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"wayline/internal/journey"
)

func TestGuessStage(t *testing.T) {
	tests := []struct {
		touchpoint string
		channels   []string
		want       string
	}{
		{"Home page", nil, journey.Awareness},
		{"Retargeting ad", nil, journey.Awareness},
		{"Email sent", nil, journey.Awareness},
		{"Product viewed", nil, journey.Consideration},
		{"Product compared", nil, journey.Consideration},
		{"Email open", nil, journey.Consideration},
		{"Email click", nil, journey.Consideration},
		{"Added to cart", nil, journey.Decision},
		{"Checkout: payment", nil, journey.Decision},
		{"Payment declined at checkout", nil, journey.Decision},
		{"Store visit", nil, journey.Decision},
		{"Store call", nil, journey.Decision},
		{"Account created", nil, journey.Decision},
		{"Order completed", nil, journey.Purchase},
		{"Order: web", nil, journey.Purchase},
		{"Store purchase", nil, journey.Purchase},
		{"checkout_complete", nil, journey.Purchase},
		{"Payment success", nil, journey.Purchase},
		{"Subscribed", nil, journey.Purchase},
		{"Account: orders", nil, journey.Retention},
		{"Unsubscribe", nil, journey.Retention},
		{"Ticket opened", nil, journey.Retention},
		{"Refund request", nil, journey.Retention},
		{"Signed in", nil, journey.Retention},
		{"Review submitted", nil, journey.Advocacy},
		{"Referral shared", nil, journey.Advocacy},
		{"NPS survey", nil, journey.Advocacy},
		// The name says nothing: the channel decides, else Consideration.
		{"Touch 17", []string{"paid_social"}, journey.Awareness},
		{"Touch 17", []string{"Helpdesk"}, journey.Retention},
		{"Touch 17", nil, journey.Consideration},
		// "ad" is a word, not a prefix: "Added" is not an ad.
		{"Address added", nil, journey.Consideration},
	}
	for _, tt := range tests {
		if got := journey.GuessStage(tt.touchpoint, tt.channels); got != tt.want {
			t.Errorf("GuessStage(%q, %v) = %s, want %s", tt.touchpoint, tt.channels, got, tt.want)
		}
	}
}

func TestIsPaid(t *testing.T) {
	tests := []struct {
		tp, ch string
		want   bool
	}{
		{"Retargeting ad", "", true},
		{"Banner", "Paid Social", true},
		{"Banner", "display", true},
		{"Visit", "google-cpc", false},
		{"Visit", "cpc", true},
		{"Added to cart", "web", false},
		{"Order", "paid search", true},
		{"Remarketing email", "email", true},
	}
	for _, tt := range tests {
		if got := journey.IsPaid(tt.tp, tt.ch); got != tt.want {
			t.Errorf("IsPaid(%q, %q) = %v, want %v", tt.tp, tt.ch, got, tt.want)
		}
	}
}

func TestDefaultStageModelAndJSON(t *testing.T) {
	sm := journey.DefaultStageModel([]string{"Home page", "Order completed", "Touch 1"}, [][]string{nil, nil, {"display"}})
	if !reflect.DeepEqual(sm.Goal, []string{"Order completed"}) || !sm.GoalGuessed {
		t.Errorf("goal %v guessed %v, want [Order completed] guessed", sm.Goal, sm.GoalGuessed)
	}
	if sm.Mapping[2].Stage != journey.Awareness || !sm.Mapping[2].Guessed {
		t.Errorf("Touch 1 on display: got %+v, want a guessed Awareness", sm.Mapping[2])
	}
	b, err := json.Marshal(sm)
	if err != nil {
		t.Fatal(err)
	}
	var keys map[string]any
	json.Unmarshal(b, &keys)
	for _, k := range []string{"stages", "mapping", "goal", "goalGuessed"} {
		if _, ok := keys[k]; !ok {
			t.Errorf("JSON %s lacks key %q", b, k)
		}
	}
	var back journey.StageModel
	if err := json.Unmarshal(b, &back); err != nil || !reflect.DeepEqual(back, sm) {
		t.Errorf("round trip: got %+v (%v), want %+v", back, err, sm)
	}
}

func TestStageModelValidate(t *testing.T) {
	tests := []struct {
		name string
		sm   journey.StageModel
	}{
		{"no stages", journey.StageModel{}},
		{"empty name", journey.StageModel{Stages: []string{"A", " "}}},
		{"repeated", journey.StageModel{Stages: []string{"A", "A"}}},
		{"unknown stage", journey.StageModel{Stages: []string{"A"}, Mapping: []journey.StageAssignment{{Touchpoint: "x", Stage: "B"}}}},
	}
	for _, tt := range tests {
		if err := tt.sm.Validate(); !errors.Is(err, journey.ErrStageModel) {
			t.Errorf("%s: got %v, want ErrStageModel", tt.name, err)
		}
	}
	ok := journey.StageModel{Stages: []string{"A"}, Mapping: []journey.StageAssignment{{Touchpoint: "x", Stage: "Gone", Guessed: true}}}
	if err := ok.Validate(); err != nil {
		t.Errorf("a guessed mapping to a removed stage: got %v, want nil", err)
	}
}

func TestResolveOverridesAndGoal(t *testing.T) {
	f := newFixture(join(
		path("a", 0, "Home page", "Product viewed", "Order completed", "Mystery"),
		[]ev{{who: "b", t: 10, tp: "Banner", ch: "display"}},
	))
	// No user choices: everything guessed; goal = the Purchase stage.
	r, err := journey.StageModel{Stages: journey.DefaultStages()}.Resolve(f.m)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"Banner": journey.Awareness, "Home page": journey.Awareness,
		"Mystery": journey.Consideration, "Order completed": journey.Purchase, "Product viewed": journey.Consideration}
	for i, tp := range r.Touchpoints {
		if got := r.Stages[r.Stage[i]]; got != want[tp] || !r.Guessed[i] {
			t.Errorf("%s: got %s (guessed %v), want a guessed %s", tp, got, r.Guessed[i], want[tp])
		}
		if r.Goal[i] != (tp == "Order completed") {
			t.Errorf("%s: goal %v", tp, r.Goal[i])
		}
		if got := r.StageOf(r.IDs[i]); got != r.Stage[i] {
			t.Errorf("StageOf(%s) = %d, want %d", tp, got, r.Stage[i])
		}
	}
	// The user moves Mystery to Decision and sets the goal; renamed stages take guesses by position.
	sm := journey.StageModel{Stages: []string{"See", "Think", "Do"},
		Mapping: []journey.StageAssignment{{Touchpoint: "Mystery", Stage: "Do"}}, Goal: []string{"Mystery"}}
	r, err = sm.Resolve(f.m)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for i, tp := range r.Touchpoints {
		got[tp] = r.Stages[r.Stage[i]]
		if r.Goal[i] != (tp == "Mystery") || r.Guessed[i] != (tp != "Mystery") {
			t.Errorf("%s: goal %v guessed %v", tp, r.Goal[i], r.Guessed[i])
		}
	}
	// Purchase is default stage 3 of 6: position 3*3/6 = 1 of the user's 3 stages.
	wantRenamed := map[string]string{"Banner": "See", "Home page": "See", "Mystery": "Do", "Order completed": "Think",
		"Product viewed": "See"}
	if !reflect.DeepEqual(got, wantRenamed) {
		t.Errorf("got %v, want %v", got, wantRenamed)
	}
	back := r.StageModel()
	if back.GoalGuessed || !reflect.DeepEqual(back.Goal, []string{"Mystery"}) || len(back.Mapping) != 5 {
		t.Errorf("StageModel() = %+v", back)
	}
}

func TestTouchpointsInfo(t *testing.T) {
	f := newFixture(join(
		[]ev{{who: "a", t: 1, tp: "Banner", ch: "display"}, {who: "a", t: 2, tp: "Banner", ch: "display"},
			{who: "b", t: 1, tp: "Banner", ch: "social"}, {who: "b", t: 5, tp: "Order completed", ch: "web"}},
	))
	j := f.build(t, nil)
	info := j.Touchpoints()
	if len(info) != 2 || info[0].Touchpoint != "Banner" || info[0].Events != 3 || info[0].Customers != 2 ||
		!reflect.DeepEqual(info[0].Channels, []string{"display", "social"}) || !info[0].Paid || info[0].Stage != journey.Awareness {
		t.Errorf("Banner: got %+v, want 3 events, 2 customers, channels display then social, paid, Awareness", info[0])
	}
	if !info[1].Goal || info[1].Stage != journey.Purchase {
		t.Errorf("Order completed: got %+v, want a Purchase goal", info[1])
	}
}
