package notes

import (
	"fmt"
	"unicode/utf8"

	"wayline/internal/journey"
)

// Metrics a hypothesis compares.
const (
	MetricConversion = "conversion" // share of customers with a goal event in the date range
	MetricValue      = "value"      // per customer, the sum of the values of their events
	MetricEvents     = "events"     // per customer, the number of their events
)

// Directions a hypothesis claims: group A's metric is higher (lower) than group B's.
const (
	Higher = "higher"
	Lower  = "lower"
)

// Verdict statuses.
const (
	Supported     = "supported"
	Contradicted  = "contradicted"
	NotEnoughData = "not enough data"
)

// Alpha is the significance level of every verdict: 5 %, two-sided.
const Alpha = 0.05

// DefaultMinCustomers is the smallest group Evaluate judges when it is given minCustomers ≤ 0: the same
// floor as the friction heatmap's cells.
const DefaultMinCustomers = 30

// Group describes "customers who …" with the app's filters: a date range (YYYY-MM-DD, the To day included,
// or RFC 3339; empty = open), sources, channels, devices and persona ids (empty = all), and Touchpoints:
// customers with at least one event at one of these touchpoints within the group's other filters.
type Group struct {
	From        string   `json:"from,omitempty"`
	To          string   `json:"to,omitempty"`
	Sources     []string `json:"sources,omitempty"`
	Channels    []string `json:"channels,omitempty"`
	Devices     []string `json:"devices,omitempty"`
	Touchpoints []string `json:"touchpoints,omitempty"`
	Personas    []string `json:"personas,omitempty"`
}

// Hypothesis is a testable claim: group A's Metric is Direction than group B's. B nil means everyone else
// (see doc.go for who that is). Claim is the sentence shown; empty means the note's text.
type Hypothesis struct {
	Claim     string `json:"claim,omitempty"`
	A         Group  `json:"a"`
	B         *Group `json:"b,omitempty"`
	Metric    string `json:"metric"`
	Direction string `json:"direction"`
}

// Verdict is the outcome of a hypothesis on the data, with the numbers behind it. Difference is A − B (in
// rate for conversion, in the metric's unit otherwise), Low and High its 95 % interval, P the two-sided p
// value. Tested is false when the groups were too small for the test to run at all; then Difference, Low,
// High, Statistic and DF are 0 and P is 1.
type Verdict struct {
	Status       string  `json:"status"`
	Reason       string  `json:"reason"` // one sentence: why this status
	A            Side    `json:"a"`
	B            Side    `json:"b"`
	Difference   float64 `json:"difference"`
	Low          float64 `json:"low"`
	High         float64 `json:"high"`
	P            float64 `json:"p"`
	Test         string  `json:"test"`      // "two-proportion z-test" or "Welch t-test"
	Statistic    float64 `json:"statistic"` // z or t
	DF           float64 `json:"df"`        // Welch–Satterthwaite degrees of freedom; 0 for the z-test
	Tested       bool    `json:"tested"`
	MinCustomers int     `json:"minCustomers"`
	Overlap      int     `json:"overlap"` // customers in both groups (only with an explicit group B)
}

// Side is one group's figures: its customers, how many converted and the rate, and the metric's mean and
// standard deviation per customer (for conversion, Mean is the rate).
type Side struct {
	Customers int     `json:"customers"`
	Converted int     `json:"converted"`
	Rate      float64 `json:"rate"`
	Mean      float64 `json:"mean"`
	SD        float64 `json:"sd"`
}

// Validate checks what can be checked without the data: the metric, the direction, the claim's length and
// both groups' dates. Errors wrap ErrBadHypothesis.
func (h Hypothesis) Validate() error {
	switch h.Metric {
	case MetricConversion, MetricValue, MetricEvents:
	default:
		return fmt.Errorf("%w: metric %q: choose conversion, value or events", ErrBadHypothesis, h.Metric)
	}
	switch h.Direction {
	case Higher, Lower:
	default:
		return fmt.Errorf("%w: direction %q: choose higher or lower", ErrBadHypothesis, h.Direction)
	}
	if n := utf8.RuneCountInString(h.Claim); n > MaxText {
		return fmt.Errorf("%w: the claim has %d characters, more than %d", ErrBadHypothesis, n, MaxText)
	}
	if _, _, err := h.A.bounds("group A"); err != nil {
		return err
	}
	if h.B != nil {
		if _, _, err := h.B.bounds("group B"); err != nil {
			return err
		}
	}
	return nil
}

// bounds reads the group's date range as the app's filter bar does: µs, 0 = open, the To day included.
func (g Group) bounds(name string) (from, to int64, err error) {
	if from, err = journey.ParseBound(g.From, false); err != nil {
		return 0, 0, fmt.Errorf("%w: %s from: %v", ErrBadHypothesis, name, err)
	}
	if to, err = journey.ParseBound(g.To, true); err != nil {
		return 0, 0, fmt.Errorf("%w: %s to: %v", ErrBadHypothesis, name, err)
	}
	if from != 0 && to != 0 && to < from {
		return 0, 0, fmt.Errorf("%w: %s ends (%s) before it starts (%s)", ErrBadHypothesis, name, g.To, g.From)
	}
	return from, to, nil
}
