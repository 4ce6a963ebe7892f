package friction_test

import (
	"testing"

	"wayline/internal/friction"
)

// TestLoopsCompareText checks that a loop is the same step again — same touchpoint and same text — within
// one visit to the stage, so browsing different products is not friction and events without text compare
// equal.
func TestLoopsCompareText(t *testing.T) {
	views := func(who string, start int64, texts ...string) []ev {
		var out []ev
		for i, x := range texts {
			out = append(out, ev{who: who, t: start + int64(i)*60, tp: "Product", text: x})
		}
		return out
	}
	evs := join(
		views("a", 0, "tent", "boots", "jacket"),        // three products: browsing, no loop
		views("b", 0, "tent", "tent"),                   // the same product twice in a row: a loop
		views("c", 0, "tent", "boots", "tent"),          // back to the first product after another: a loop
		views("d", 0, "", ""),                           // no text on either: alike, a loop
		views("e", 0, "tent", ""),                       // one with text, one without: two different steps
		views("f", 0, "tent"), views("f", 3600, "tent"), // the same product in two visits (an hour apart)
		[]ev{{who: "g", t: 0, tp: "Product", text: "tent"}, {who: "g", t: 60, tp: "Cart", text: "tent"},
			{who: "g", t: 120, tp: "Product", text: "tent"}}, // the stage changed in between: a new visit
	)
	s := friction.DefaultSettings()
	s.MinCustomers = 1
	r, err := friction.Compute(newFixture(evs).view(t), nil, nil, s)
	if err != nil {
		t.Fatal(err)
	}
	var product friction.Cell
	for _, c := range r.Touchpoints {
		if c.Touchpoint == "Product" {
			product = c
		}
	}
	// Loops: b, c, d. Not a (browsing), e (different steps), f (two visits) nor g (a new stage visit).
	if got, want := product.Evidence.Loops, 3; got != want {
		t.Errorf("Product loops: got %d, want %d", got, want)
	}
	if got, want := product.Evidence.Customers, 7; got != want {
		t.Errorf("Product customers: got %d, want %d", got, want)
	}
	if got, want := product.Components.LoopRate, 3.0/7; got != want {
		t.Errorf("Product loop rate: got %v, want %v", got, want)
	}
}

// TestEffortNeverNegative: when the mean number of touches to the next stage is below the median (one
// customer quicker than typical), effort is 0, not negative.
func TestEffortNeverNegative(t *testing.T) {
	evs := join(path("a", 0, "Product", "Cart"), path("b", 0, "Product", "Product", "Product", "Cart"),
		path("c", 0, "Product", "Product", "Product", "Cart"))
	s := friction.DefaultSettings()
	s.MinCustomers = 1
	r, err := friction.Compute(newFixture(evs).view(t), nil, nil, s)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range r.Touchpoints {
		if c.Touchpoint == "Product" && c.Components.Effort != 0 {
			t.Errorf("Product effort: got %v, want 0 (touches 1, 3, 3: median 3 above the mean)", c.Components.Effort)
		}
	}
}
