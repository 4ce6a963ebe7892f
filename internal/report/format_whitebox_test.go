package report

import (
	"math"
	"testing"
)

func TestFormats(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{"count small", count(812), "812"},
		{"count thousands", count(9999), "9,999"},
		{"count k", count(12_400), "12.4k"},
		{"count k round", count(203_000), "203k"},
		{"count M", count(1_234_567), "1.23M"},
		{"count near M", count(999_700), "1M"},
		{"percent", percent(0.3125), "31\u00a0%"},
		{"percent small", percent(0.042), "4.2\u00a0%"},
		{"percent zero", percent(0), "0\u00a0%"},
		{"percent NaN", percent(math.NaN()), "–"},
		{"points up", points(0.1234), "+12\u00a0pts"},
		{"points down", points(-0.035), "−3.5\u00a0pts"},
		{"points zero", points(0.0001), "0\u00a0pts"},
		{"duration days", duration(2*86400 + 4*3600 + 59), "2\u00a0d 4\u00a0h"},
		{"duration minutes", duration(3*3600 + 20*60), "3\u00a0h 20\u00a0min"},
		{"duration seconds", duration(45), "45\u00a0s"},
		{"duration zero", duration(0), "0\u00a0s"},
		{"score", score(0.4249), "0.42"},
		{"score NaN", score(math.NaN()), "not enough data"},
		{"money", money(1234.4), "1,234"},
		{"money small", money(56.7), "56.70"},
		{"amount", amount(3.14159), "3.14"},
		{"signed", signed(-1.24), "−1.2"},
		{"signed zero", signed(-0.01), "0.0"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestFrictionColour(t *testing.T) {
	if c := frictionColour(math.NaN()); c != "" {
		t.Errorf("frictionColour(NaN) = %q, want no colour: missing data is never painted as zero", c)
	}
	if c := frictionColour(0); c != magma[len(magma)-1] {
		t.Errorf("frictionColour(0) = %s, want the light end %s", c, magma[len(magma)-1])
	}
	lum := func(hex string) float64 { c := rgb(hex); return c[0] + c[1] + c[2] }
	prev := math.Inf(1)
	for s := 0.0; s <= 1.0001; s += 0.1 {
		l := lum(frictionColour(s))
		if l > prev {
			t.Fatalf("frictionColour(%.1f) is lighter than the score below it: the scale must darken monotonically", s)
		}
		prev = l
	}
	if inkOn(frictionColour(1)) != "#ffffff" || inkOn(frictionColour(0)) != inkColour {
		t.Errorf("ink: got %s on full friction and %s on none, want white on dark and ink on light", inkOn(frictionColour(1)), inkOn(frictionColour(0)))
	}
}
