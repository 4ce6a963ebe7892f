package journey

import (
	"fmt"
	"strings"
	"time"
)

// ParseBound reads one end of a filter's date range as Unix microseconds: RFC 3339, or a day (YYYY-MM-DD)
// meaning its first microsecond, or with end its last, so a range "to 2024-03-31" includes that day. An
// empty string is an open end (0).
func ParseBound(s string, end bool) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UnixMicro(), nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return 0, fmt.Errorf("%q is not a date: %w", s, ErrBadDate)
	}
	if end {
		t = t.Add(24*time.Hour - time.Microsecond)
	}
	return t.UnixMicro(), nil
}
