package journey_test

import (
	"errors"
	"testing"

	"wayline/internal/journey"
)

func TestParseBound(t *testing.T) {
	for _, c := range []struct {
		in   string
		end  bool
		want int64
	}{
		{"", false, 0},
		{" 2024-03-31 ", false, 1711843200_000000},
		{"2024-03-31", true, 1711843200_000000 + 86400_000000 - 1},
		{"2024-03-31T12:00:00+02:00", true, 1711879200_000000},
	} {
		if got, err := journey.ParseBound(c.in, c.end); err != nil || got != c.want {
			t.Errorf("ParseBound(%q, %v) = %d, %v; want %d", c.in, c.end, got, err, c.want)
		}
	}
	if _, err := journey.ParseBound("31/03/2024", false); !errors.Is(err, journey.ErrBadDate) {
		t.Errorf("got %v, want ErrBadDate", err)
	}
}
