package ingest

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// TimeKind is the family of text a time column holds.
type TimeKind int

const (
	// TimeAuto decides per value: ISO 8601, then a number as Unix time by magnitude, then month/day/year.
	// It is the zero value; prefer a detected layout, which decides once for the whole column.
	TimeAuto TimeKind = iota
	// TimeISO is ISO 8601 and its everyday relatives: 2024-01-15, 2024-01-15T13:45:00Z,
	// 2024-01-15 13:45:00.123+02:00, 2019-10-01 00:00:00 UTC, 2024/01/15 13:45. No offset means UTC.
	// RFC 1123 dates (Mon, 15 Jan 2024 13:45:00 GMT) are accepted too.
	TimeISO
	// TimeDMY is day/month/year with an optional time: 15/01/2024, 15.01.2024 13:45, 15-01-24.
	TimeDMY
	// TimeMDY is month/day/year with an optional time: 01/15/2024 1:45 PM.
	TimeMDY
	// TimeUnixSeconds, TimeUnixMillis, TimeUnixMicros and TimeUnixNanos are numbers counted from
	// 1970-01-01 UTC; seconds may carry a fraction.
	TimeUnixSeconds
	TimeUnixMillis
	TimeUnixMicros
	TimeUnixNanos
	// TimeExcelSerial is Excel's serial day number (45306.5 = 2024-01-15 12:00), in the 1900 date system.
	// Detection never picks it, because such numbers look like any other; choose it explicitly.
	TimeExcelSerial
)

// TimeLayout says how to read the values of one time column.
type TimeLayout struct {
	Kind TimeKind
}

var timeKindNames = []string{"auto", "iso8601", "dd/mm/yyyy", "mm/dd/yyyy", "unix-s", "unix-ms", "unix-us", "unix-ns", "excel"}

// String names the layout as ParseTimeLayout reads it back: auto, iso8601, dd/mm/yyyy, mm/dd/yyyy,
// unix-s, unix-ms, unix-us, unix-ns or excel.
func (l TimeLayout) String() string {
	if int(l.Kind) < len(timeKindNames) && l.Kind >= 0 {
		return timeKindNames[l.Kind]
	}
	return "TimeKind(" + strconv.Itoa(int(l.Kind)) + ")"
}

// ParseTimeLayout reads a layout name written by TimeLayout.String.
func ParseTimeLayout(name string) (TimeLayout, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	for k, s := range timeKindNames {
		if n == s {
			return TimeLayout{Kind: TimeKind(k)}, nil
		}
	}
	return TimeLayout{}, fmt.Errorf("time layout %q: use one of %s", name, strings.Join(timeKindNames, ", "))
}

// TimeReport says what DetectTimeLayout decided and how sure it is.
type TimeReport struct {
	Layout    TimeLayout
	Samples   int      // non-empty samples looked at
	Parsed    int      // how many of them Layout reads
	Failed    []string // up to three samples Layout cannot read
	Ambiguous bool     // the data could not settle day/month order (or the column mixes both)
	Summary   string   // one or two sentences for the user
}

// ParseTime reads s in layout l and returns Unix microseconds, UTC. Text without an offset is taken as
// UTC. It fails with an error wrapping ErrBadTime.
func ParseTime(s string, l TimeLayout) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, fmt.Errorf("empty value: %w", ErrBadTime)
	}
	var us int64
	var ok bool
	switch l.Kind {
	case TimeISO:
		us, ok = parseISO(s)
		if !ok {
			us, ok = parseRFC1123(s)
		}
	case TimeDMY:
		us, ok = parseSlashed(s, true)
	case TimeMDY:
		us, ok = parseSlashed(s, false)
	case TimeUnixSeconds, TimeUnixMillis, TimeUnixMicros, TimeUnixNanos:
		us, ok = parseUnix(s, l.Kind)
	case TimeExcelSerial:
		var f float64
		if f, ok = parseFloatStrict(s); ok {
			us, ok = ExcelSerialToMicros(f, false)
		}
	default:
		if us, ok = parseISO(s); !ok {
			if v, isNum := parseFloatStrict(s); isNum {
				us, ok = parseUnix(s, unixKindFor(math.Abs(v)))
			} else if us, ok = parseSlashed(s, false); !ok {
				us, ok = parseRFC1123(s)
			}
		}
	}
	if !ok {
		return 0, fmt.Errorf("%q as %s: %w", s, l, ErrBadTime)
	}
	return us, nil
}

// DetectTimeLayout looks at sample values of one column and decides how to read it. Day/month order
// is settled by the data: a first number above 12 means day first, a second number above 12 means month
// first; when no sample settles it the layout is month/day/year and the report says Ambiguous. Numbers are
// Unix time with the unit chosen by magnitude (10 digits seconds, 13 milliseconds, 16 microseconds).
func DetectTimeLayout(samples []string) (TimeLayout, TimeReport) {
	var rep TimeReport
	var iso, slashed, numeric, dayFirst, monthFirst int
	var dayEx, monthEx, undecidedEx string
	maxNum := 0.0
	for _, raw := range samples {
		s := strings.TrimSpace(raw)
		if s == "" {
			continue
		}
		rep.Samples++
		if _, ok := parseISO(s); ok {
			iso++
			continue
		}
		if _, ok := parseRFC1123(s); ok {
			iso++
			continue
		}
		if v, ok := parseFloatStrict(s); ok {
			numeric++
			maxNum = math.Max(maxNum, math.Abs(v))
			continue
		}
		a, b, ok := slashedFields(s)
		if !ok {
			continue
		}
		_, okD := parseSlashed(s, true)
		_, okM := parseSlashed(s, false)
		if !okD && !okM {
			continue
		}
		slashed++
		switch {
		case a > 12 && b <= 12:
			dayFirst++
			if dayEx == "" {
				dayEx = s
			}
		case b > 12 && a <= 12:
			monthFirst++
			if monthEx == "" {
				monthEx = s
			}
		default:
			if undecidedEx == "" {
				undecidedEx = s
			}
		}
	}

	var l TimeLayout
	switch {
	case rep.Samples == 0:
		rep.Summary = "No values to look at; each value will be tried as ISO 8601, Unix time and month/day/year."
	case iso >= slashed && iso >= numeric && iso > 0:
		l.Kind = TimeISO
		rep.Summary = "ISO 8601 dates and times; values without a time zone are taken as UTC."
	case slashed >= numeric && slashed > 0:
		switch {
		case dayFirst > 0 && monthFirst == 0:
			l.Kind = TimeDMY
			rep.Summary = fmt.Sprintf("Day/month/year, because %q has a first number above 12.", dayEx)
		case monthFirst > 0 && dayFirst == 0:
			l.Kind = TimeMDY
			rep.Summary = fmt.Sprintf("Month/day/year, because %q has a second number above 12.", monthEx)
		case dayFirst > 0 && monthFirst > 0:
			rep.Ambiguous = true
			l.Kind = TimeMDY
			if dayFirst > monthFirst {
				l.Kind = TimeDMY
			}
			rep.Summary = fmt.Sprintf("Mixed orders: %d values only work day first (like %q) and %d only month first (like %q); reading %s. Check the column.",
				dayFirst, dayEx, monthFirst, monthEx, l)
		default:
			rep.Ambiguous = true
			l.Kind = TimeMDY
			rep.Summary = fmt.Sprintf("Day/month order cannot be told from the data: in every value both numbers are 12 or less (like %q). Reading month/day/year; set dayFirst in the recipe if these are day/month dates.", undecidedEx)
		}
	case numeric > 0:
		if maxNum < 1e8 {
			rep.Summary = "The numbers are too small for Unix time (they would all fall in 1970–1973). If they are Excel serial dates, choose the excel layout."
		} else {
			l.Kind = unixKindFor(maxNum)
			rep.Summary = fmt.Sprintf("Unix time in %s since 1970-01-01 UTC, judged by the size of the numbers.", unixUnitWords[l.Kind])
		}
	default:
		rep.Summary = "No values look like dates or times."
	}
	rep.Layout = l
	if l.Kind != TimeAuto || rep.Samples == 0 {
		for _, raw := range samples {
			s := strings.TrimSpace(raw)
			if s == "" {
				continue
			}
			if _, err := ParseTime(s, l); err == nil {
				rep.Parsed++
			} else if len(rep.Failed) < 3 {
				rep.Failed = append(rep.Failed, s)
			}
		}
	} else {
		for _, raw := range samples {
			if s := strings.TrimSpace(raw); s != "" && len(rep.Failed) < 3 {
				rep.Failed = append(rep.Failed, s)
			}
		}
	}
	if rep.Samples > 0 && rep.Parsed < rep.Samples && l.Kind != TimeAuto {
		rep.Summary += fmt.Sprintf(" %d of %d values do not fit (like %q).", rep.Samples-rep.Parsed, rep.Samples, rep.Failed[0])
	}
	return l, rep
}

var unixUnitWords = map[TimeKind]string{TimeUnixSeconds: "seconds", TimeUnixMillis: "milliseconds",
	TimeUnixMicros: "microseconds", TimeUnixNanos: "nanoseconds"}

// unixKindFor picks the unit whose reading of v lands between 1973 and 5138.
func unixKindFor(v float64) TimeKind {
	switch {
	case v < 1e11:
		return TimeUnixSeconds
	case v < 1e14:
		return TimeUnixMillis
	case v < 1e17:
		return TimeUnixMicros
	}
	return TimeUnixNanos
}

// ---- hand-written parsers: time.Parse is several times slower and this runs once per row ----

// scanner walks s byte by byte.
type scanner struct {
	s string
	i int
}

func (p *scanner) done() bool { return p.i >= len(p.s) }

func (p *scanner) peek() byte {
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

// digits reads between lo and hi decimal digits.
func (p *scanner) digits(lo, hi int) (int, bool) {
	v, n := 0, 0
	for n < hi && p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		v = v*10 + int(p.s[p.i]-'0')
		p.i++
		n++
	}
	return v, n >= lo
}

func (p *scanner) skipSpaces() {
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
	}
}

// clock reads H:MM[:SS[.fraction]] and returns the seconds of the day and the microseconds.
func (p *scanner) clock() (secs int64, us int64, ok bool) {
	h, ok := p.digits(1, 2)
	if !ok || p.peek() != ':' {
		return 0, 0, false
	}
	p.i++
	m, ok := p.digits(2, 2)
	if !ok {
		return 0, 0, false
	}
	sec := 0
	if p.peek() == ':' {
		p.i++
		if sec, ok = p.digits(2, 2); !ok {
			return 0, 0, false
		}
		if c := p.peek(); c == '.' || c == ',' {
			p.i++
			start := p.i
			for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
				if p.i-start < 6 {
					us = us*10 + int64(p.s[p.i]-'0')
				}
				p.i++
			}
			n := p.i - start
			if n == 0 {
				return 0, 0, false
			}
			for ; n < 6; n++ {
				us *= 10
			}
		}
	}
	if h > 24 || m > 59 || sec > 60 || (h == 24 && (m != 0 || sec != 0 || us != 0)) {
		return 0, 0, false
	}
	return int64(h)*3600 + int64(m)*60 + int64(sec), us, true
}

// zone reads an optional zone at the end: Z, UTC, GMT, +HH, +HHMM, +HH:MM (optionally after a space).
// It returns the offset east of UTC in seconds and whether the rest of s was consumed.
func (p *scanner) zone() (int64, bool) {
	p.skipSpaces()
	if p.done() {
		return 0, true
	}
	rest := p.s[p.i:]
	switch rest {
	case "Z", "z", "UTC", "GMT", "utc", "gmt":
		p.i = len(p.s)
		return 0, true
	}
	if strings.HasPrefix(rest, "UTC") || strings.HasPrefix(rest, "GMT") {
		p.i += 3
	}
	sign := int64(1)
	switch p.peek() {
	case '+':
	case '-':
		sign = -1
	default:
		return 0, false
	}
	p.i++
	h, ok := p.digits(2, 2)
	if !ok {
		return 0, false
	}
	m := 0
	if p.peek() == ':' {
		p.i++
		if m, ok = p.digits(2, 2); !ok {
			return 0, false
		}
	} else if !p.done() {
		if m, ok = p.digits(2, 2); !ok {
			return 0, false
		}
	}
	if !p.done() || h > 23 || m > 59 {
		return 0, false
	}
	return sign * int64(h*3600+m*60), true
}

// daysFromCivil counts days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar
// (Howard Hinnant's algorithm).
func daysFromCivil(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe) - 719468
}

func daysIn(y, m int) int {
	switch m {
	case 4, 6, 9, 11:
		return 30
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	}
	return 31
}

// parseISO reads YYYY-MM-DD with an optional time after T or a space, and an optional zone.
func parseISO(s string) (int64, bool) {
	p := scanner{s: s}
	y, ok := p.digits(4, 4)
	if !ok {
		return 0, false
	}
	sep := p.peek()
	if sep != '-' && sep != '/' && sep != '.' {
		return 0, false
	}
	p.i++
	mo, ok := p.digits(1, 2)
	if !ok || p.peek() != sep {
		return 0, false
	}
	p.i++
	d, ok := p.digits(1, 2)
	if !ok || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) {
		return 0, false
	}
	return finishDateTime(&p, y, mo, d)
}

// finishDateTime reads the optional time and zone after a date and returns Unix microseconds.
func finishDateTime(p *scanner, y, mo, d int) (int64, bool) {
	var secs, us int64
	if c := p.peek(); c == 'T' || c == 't' || c == ' ' {
		save := p.i
		p.i++
		p.skipSpaces()
		if c := p.peek(); c >= '0' && c <= '9' {
			var ok bool
			if secs, us, ok = p.clock(); !ok {
				return 0, false
			}
			if !p.ampm(&secs) {
				return 0, false
			}
		} else {
			p.i = save // a zone such as " UTC" after a bare date
		}
	}
	off, ok := p.zone()
	if !ok {
		return 0, false
	}
	days := daysFromCivil(y, mo, d)
	return (days*86400+secs-off)*1_000_000 + us, true
}

// ampm applies an optional " AM"/" PM" to secs; it reports false for an hour that cannot take it.
func (p *scanner) ampm(secs *int64) bool {
	save := p.i
	p.skipSpaces()
	rest := p.s[p.i:]
	if len(rest) < 2 {
		p.i = save
		return true
	}
	word := strings.ToUpper(rest[:2])
	if word != "AM" && word != "PM" {
		p.i = save
		return true
	}
	p.i += 2
	if c := p.peek(); c >= 'A' && c <= 'z' {
		p.i = save // part of a word such as a zone name
		return true
	}
	h := *secs / 3600
	if h < 1 || h > 12 {
		return false
	}
	if h == 12 {
		*secs -= 12 * 3600
	}
	if word == "PM" {
		*secs += 12 * 3600
	}
	return true
}

// slashedFields returns the first two numbers of a date like 03/04/2024, 3.4.24 or 03-04-2024.
func slashedFields(s string) (a, b int, ok bool) {
	p := scanner{s: s}
	if a, ok = p.digits(1, 2); !ok {
		return 0, 0, false
	}
	sep := p.peek()
	if sep != '/' && sep != '.' && sep != '-' {
		return 0, 0, false
	}
	p.i++
	if b, ok = p.digits(1, 2); !ok || p.peek() != sep {
		return 0, 0, false
	}
	return a, b, true
}

// parseSlashed reads day/month/year (dayFirst) or month/day/year with / . or - between the numbers,
// a two- or four-digit year (two digits: 00–69 → 2000s, 70–99 → 1900s) and an optional time and zone.
func parseSlashed(s string, dayFirst bool) (int64, bool) {
	p := scanner{s: s}
	a, ok := p.digits(1, 2)
	if !ok {
		return 0, false
	}
	sep := p.peek()
	if sep != '/' && sep != '.' && sep != '-' {
		return 0, false
	}
	p.i++
	b, ok := p.digits(1, 2)
	if !ok || p.peek() != sep {
		return 0, false
	}
	p.i++
	start := p.i
	y, ok := p.digits(2, 4)
	if !ok || p.i-start == 3 {
		return 0, false
	}
	if p.i-start == 2 {
		if y < 70 {
			y += 2000
		} else {
			y += 1900
		}
	}
	d, mo := b, a
	if dayFirst {
		d, mo = a, b
	}
	if mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) {
		return 0, false
	}
	if p.peek() == ',' {
		p.i++
	}
	return finishDateTime(&p, y, mo, d)
}

// parseRFC1123 accepts the e-mail/HTTP date forms; it is the slow path and only runs after ISO fails.
func parseRFC1123(s string) (int64, bool) {
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", time.RFC850, time.ANSIC} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UnixMicro(), true
		}
	}
	return 0, false
}

// parseFloatStrict reads a plain decimal number (no hex, no underscores, no Inf/NaN).
func parseFloatStrict(s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && c != '.' && !(i == 0 && (c == '-' || c == '+')) {
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

// parseUnix reads an integer (or, for seconds, a decimal) count of the unit since the epoch.
func parseUnix(s string, kind TimeKind) (int64, bool) {
	neg := false
	if s[0] == '-' || s[0] == '+' {
		neg = s[0] == '-'
		s = s[1:]
	}
	intPart, frac, hasDot := s, "", false
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac, hasDot = s[:i], s[i+1:], true
	}
	if intPart == "" || len(intPart) > 19 || (hasDot && frac == "") {
		return 0, false
	}
	n, err := strconv.ParseInt(intPart, 10, 64)
	if err != nil {
		return 0, false
	}
	for i := 0; i < len(frac); i++ {
		if frac[i] < '0' || frac[i] > '9' {
			return 0, false
		}
	}
	var scale int64 // microseconds per unit
	switch kind {
	case TimeUnixSeconds:
		scale = 1_000_000
	case TimeUnixMillis:
		scale = 1_000
	case TimeUnixMicros:
		scale = 1
	case TimeUnixNanos:
		if hasDot && strings.Trim(frac, "0") != "" {
			return 0, false
		}
		us := n / 1000
		if neg {
			us = -us
		}
		return us, true
	}
	if n > math.MaxInt64/scale {
		return 0, false
	}
	us := n * scale
	// The fraction is kept to microsecond precision.
	var f int64
	digits := 0
	for i := 0; i < len(frac) && scale > 1; i++ {
		if int64(math.Pow10(digits+1)) > scale {
			break
		}
		f = f*10 + int64(frac[i]-'0')
		digits++
	}
	if digits > 0 {
		us += f * scale / int64(math.Pow10(digits))
	}
	if neg {
		us = -us
	}
	return us, true
}

// ExcelSerialToMicros converts an Excel serial day number to Unix microseconds, rounded to the
// millisecond (Excel's own precision). In the 1900 system serial 1 is 1900-01-01 and Excel's phantom
// 1900-02-29 (serial 60) collapses onto 1900-02-28, so serials before it are shifted by a day; date1904 selects the Mac
// 1904 system. ok is false for serials outside 0–2958465 (year 9999).
func ExcelSerialToMicros(serial float64, date1904 bool) (int64, bool) {
	if math.IsNaN(serial) || serial < 0 || serial > 2958466 {
		return 0, false
	}
	var epochDays int64
	switch {
	case date1904:
		epochDays = daysFromCivil(1904, 1, 1)
	case serial < 60:
		epochDays = daysFromCivil(1899, 12, 31)
	default:
		epochDays = daysFromCivil(1899, 12, 30)
	}
	ms := int64(math.Round(serial * 86_400_000))
	return epochDays*86_400_000_000 + ms*1000, true
}
