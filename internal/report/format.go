package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Numbers are formatted for people, as the app does: 12.4k, 31 %, 2 d 4 h. The space before % and the
// units is a no-break space so a figure never wraps in the middle.
const nbsp = "\u00a0"

// count formats a count: exact below 10,000 (with a thousands separator), then 12.4k, 1.2M.
func count(n int) string {
	a := math.Abs(float64(n))
	switch {
	case a < 10_000:
		return thousands(n)
	case a < 999_500:
		return trimZero(strconv.FormatFloat(float64(n)/1e3, 'f', decimals(a/1e3), 64)) + "k"
	default:
		return trimZero(strconv.FormatFloat(float64(n)/1e6, 'f', decimals(a/1e6), 64)) + "M"
	}
}

// decimals keeps three significant figures for 1.23k … 123k.
func decimals(x float64) int {
	switch {
	case x < 10:
		return 2
	case x < 100:
		return 1
	default:
		return 0
	}
}

// trimZero drops trailing zeros after a decimal point: 12.40 → 12.4, 3.00 → 3.
func trimZero(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// thousands formats n as 1,234.
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "−" + b.String()
	}
	return b.String()
}

// percent formats a share 0..1 as "31 %"; below 10 % with one decimal ("4.2 %"); "–" when undefined.
func percent(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	p := x * 100
	if math.Abs(p) < 10 && p != 0 {
		return trimZero(strconv.FormatFloat(p, 'f', 1, 64)) + nbsp + "%"
	}
	return strconv.FormatFloat(math.Round(p), 'f', 0, 64) + nbsp + "%"
}

// points formats a difference of two rates in percentage points with its sign: "+12 pts", "−3.5 pts".
func points(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	p := x * 100
	var s string
	if math.Abs(p) < 10 {
		s = trimZero(strconv.FormatFloat(math.Abs(p), 'f', 1, 64))
	} else {
		s = strconv.FormatFloat(math.Round(math.Abs(p)), 'f', 0, 64)
	}
	switch {
	case s == "0":
		return "0" + nbsp + "pts"
	case p < 0:
		return "−" + s + nbsp + "pts"
	default:
		return "+" + s + nbsp + "pts"
	}
}

// score formats a friction score 0..1 as 0.42; "not enough data" when undefined.
func score(x float64) string {
	if math.IsNaN(x) {
		return "not enough data"
	}
	return strconv.FormatFloat(x, 'f', 2, 64)
}

// money formats an amount with a thousands separator and no currency (the data does not say which): 1,234
// or 56.70 below 100.
func money(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	if math.Abs(x) < 100 {
		return strconv.FormatFloat(x, 'f', 2, 64)
	}
	return thousands(int(math.Round(x)))
}

// duration formats seconds as the two largest units: "2 d 4 h", "3 h 20 min", "45 s".
func duration(seconds float64) string {
	if math.IsNaN(seconds) || seconds < 0 {
		return "–"
	}
	s := int64(math.Round(seconds))
	units := []struct {
		name string
		size int64
	}{{"d", 86400}, {"h", 3600}, {"min", 60}, {"s", 1}}
	for i, u := range units {
		if s < u.size && u.size > 1 {
			continue
		}
		first := s / u.size
		out := fmt.Sprintf("%d%s%s", first, nbsp, u.name)
		if i+1 < len(units) {
			next := units[i+1]
			if rest := (s % u.size) / next.size; rest > 0 {
				out += fmt.Sprintf(" %d%s%s", rest, nbsp, next.name)
			}
		}
		return out
	}
	return "0" + nbsp + "s"
}

// day formats a time as "24 Jan 2026" (UTC, as the data's times are).
func day(t time.Time) string { return t.UTC().Format("2 Jan 2006") }

// dayMicros formats Unix microseconds as a day.
func dayMicros(us int64) string { return day(time.UnixMicro(us)) }
