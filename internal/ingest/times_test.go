package ingest_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"wayline/internal/ingest"
)

func us(y int, mo time.Month, d, h, mi, s, nsec int) int64 {
	return time.Date(y, mo, d, h, mi, s, nsec, time.UTC).UnixMicro()
}

func TestParseTime(t *testing.T) {
	iso := ingest.TimeLayout{Kind: ingest.TimeISO}
	dmy := ingest.TimeLayout{Kind: ingest.TimeDMY}
	mdy := ingest.TimeLayout{Kind: ingest.TimeMDY}
	tests := []struct {
		in     string
		layout ingest.TimeLayout
		want   int64
	}{
		{"2024-01-15", iso, us(2024, 1, 15, 0, 0, 0, 0)},
		{"2024-01-15T13:45:00Z", iso, us(2024, 1, 15, 13, 45, 0, 0)},
		{"2024-01-15T13:45Z", iso, us(2024, 1, 15, 13, 45, 0, 0)},
		{"2024-01-15 13:45:00", iso, us(2024, 1, 15, 13, 45, 0, 0)},
		{"2019-10-01 00:00:00 UTC", iso, us(2019, 10, 1, 0, 0, 0, 0)},
		{"2024-01-15T13:45:00.123456Z", iso, us(2024, 1, 15, 13, 45, 0, 123456000)},
		{"2024-01-15T13:45:00.1234567891Z", iso, us(2024, 1, 15, 13, 45, 0, 123456000)},
		{"2024-01-15T13:45:00,5+01:00", iso, us(2024, 1, 15, 12, 45, 0, 500000000)},
		{"2011-10-11 13:45:40.276000+02:00", iso, us(2011, 10, 11, 11, 45, 40, 276000000)},
		{"2024-01-15T13:45:00-0530", iso, us(2024, 1, 15, 19, 15, 0, 0)},
		{"2024-01-15T13:45:00+05", iso, us(2024, 1, 15, 8, 45, 0, 0)},
		{"2024/01/15 08:00", iso, us(2024, 1, 15, 8, 0, 0, 0)},
		{"  2024-02-29  ", iso, us(2024, 2, 29, 0, 0, 0, 0)},
		{"Mon, 15 Jan 2024 13:45:00 +0000", iso, us(2024, 1, 15, 13, 45, 0, 0)},
		{"1969-12-31T23:59:59Z", iso, -1_000_000},
		{"15/01/2024", dmy, us(2024, 1, 15, 0, 0, 0, 0)},
		{"15.01.2024 13:45", dmy, us(2024, 1, 15, 13, 45, 0, 0)},
		{"03/04/24", dmy, us(2024, 4, 3, 0, 0, 0, 0)},
		{"01/15/2024 1:45 PM", mdy, us(2024, 1, 15, 13, 45, 0, 0)},
		{"01/15/2024 12:05 AM", mdy, us(2024, 1, 15, 0, 5, 0, 0)},
		{"1/2/2024, 09:30:15", mdy, us(2024, 1, 2, 9, 30, 15, 0)},
		{"1700000000", ingest.TimeLayout{Kind: ingest.TimeUnixSeconds}, 1_700_000_000_000_000},
		{"1700000000.5", ingest.TimeLayout{Kind: ingest.TimeUnixSeconds}, 1_700_000_000_500_000},
		{"1700000000123", ingest.TimeLayout{Kind: ingest.TimeUnixMillis}, 1_700_000_000_123_000},
		{"1700000000123456", ingest.TimeLayout{Kind: ingest.TimeUnixMicros}, 1_700_000_000_123_456},
		{"1700000000123456789", ingest.TimeLayout{Kind: ingest.TimeUnixNanos}, 1_700_000_000_123_456},
		{"45306.5", ingest.TimeLayout{Kind: ingest.TimeExcelSerial}, us(2024, 1, 15, 12, 0, 0, 0)},
		{"1", ingest.TimeLayout{Kind: ingest.TimeExcelSerial}, us(1900, 1, 1, 0, 0, 0, 0)},
		{"61", ingest.TimeLayout{Kind: ingest.TimeExcelSerial}, us(1900, 3, 1, 0, 0, 0, 0)},
		{"2024-01-15T10:00:00Z", ingest.TimeLayout{}, us(2024, 1, 15, 10, 0, 0, 0)},
		{"1700000000123", ingest.TimeLayout{}, 1_700_000_000_123_000},
		{"01/15/2024", ingest.TimeLayout{}, us(2024, 1, 15, 0, 0, 0, 0)},
	}
	for _, tt := range tests {
		got, err := ingest.ParseTime(tt.in, tt.layout)
		if err != nil || got != tt.want {
			t.Errorf("ParseTime(%q, %s) = %s, %v; want %s", tt.in, tt.layout,
				time.UnixMicro(got).UTC(), err, time.UnixMicro(tt.want).UTC())
		}
	}
}

func TestParseTimeRejects(t *testing.T) {
	iso := ingest.TimeLayout{Kind: ingest.TimeISO}
	tests := []struct {
		in     string
		layout ingest.TimeLayout
	}{
		{"", iso}, {"2024-13-01", iso}, {"2023-02-29", iso}, {"2024-01-15T25:00", iso}, {"2024-01-15 13:60", iso},
		{"2024-01-15T13:45:00+25:00", iso}, {"2024-01-15 junk", iso}, {"20240115", iso}, {"hello", iso},
		{"15/01/2024", ingest.TimeLayout{Kind: ingest.TimeMDY}}, {"01/15/2024", ingest.TimeLayout{Kind: ingest.TimeDMY}},
		{"13/45/2024", ingest.TimeLayout{Kind: ingest.TimeDMY}}, {"01/02/2024 13:00 PM", ingest.TimeLayout{Kind: ingest.TimeMDY}},
		{"17e8", ingest.TimeLayout{Kind: ingest.TimeUnixSeconds}}, {"99999999999999999999", ingest.TimeLayout{Kind: ingest.TimeUnixSeconds}},
		{"-5", ingest.TimeLayout{Kind: ingest.TimeExcelSerial}}, {"NaN", ingest.TimeLayout{Kind: ingest.TimeExcelSerial}},
	}
	for _, tt := range tests {
		if got, err := ingest.ParseTime(tt.in, tt.layout); !errors.Is(err, ingest.ErrBadTime) {
			t.Errorf("ParseTime(%q, %s) = %d, %v; want ErrBadTime", tt.in, tt.layout, got, err)
		}
	}
}

func TestDetectTimeLayout(t *testing.T) {
	tests := []struct {
		name      string
		samples   []string
		want      ingest.TimeKind
		ambiguous bool
		parsed    int
		mention   string
	}{
		{"iso", []string{"2024-01-15T10:00:00Z", "", "2024-01-16 11:00:00+02:00"}, ingest.TimeISO, false, 2, "ISO 8601"},
		{"utc suffix", []string{"2019-10-01 00:00:00 UTC", "2019-10-01 00:00:04 UTC"}, ingest.TimeISO, false, 2, "UTC"},
		{"day first", []string{"03/04/2024", "25/12/2023 10:00"}, ingest.TimeDMY, false, 2, `"25/12/2023 10:00" has a first number above 12`},
		{"month first", []string{"03/04/2024", "12/25/2023"}, ingest.TimeMDY, false, 2, "second number above 12"},
		{"ambiguous", []string{"03/04/2024", "05/06/2024"}, ingest.TimeMDY, true, 2, "cannot be told"},
		{"mixed orders", []string{"25/12/2023", "26/12/2023", "12/27/2023"}, ingest.TimeDMY, true, 2, "Mixed orders"},
		{"unix seconds", []string{"1700000000", "1700000100"}, ingest.TimeUnixSeconds, false, 2, "seconds"},
		{"unix millis", []string{"1700000000000"}, ingest.TimeUnixMillis, false, 1, "milliseconds"},
		{"unix micros", []string{"1700000000000000"}, ingest.TimeUnixMicros, false, 1, "microseconds"},
		{"small numbers", []string{"45306", "45307"}, ingest.TimeAuto, false, 0, "Excel"},
		{"some failures", []string{"2024-01-15", "2024-01-16", "soon"}, ingest.TimeISO, false, 2, `1 of 3 values do not fit (like "soon")`},
		{"not times", []string{"apple", "pear"}, ingest.TimeAuto, false, 0, "No values look like"},
		{"nothing", nil, ingest.TimeAuto, false, 0, "No values"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, rep := ingest.DetectTimeLayout(tt.samples)
			if l.Kind != tt.want || rep.Ambiguous != tt.ambiguous || rep.Parsed != tt.parsed || rep.Layout != l {
				t.Errorf("got %s ambiguous=%v parsed=%d, want %s ambiguous=%v parsed=%d (%s)",
					l, rep.Ambiguous, rep.Parsed, ingest.TimeLayout{Kind: tt.want}, tt.ambiguous, tt.parsed, rep.Summary)
			}
			if !strings.Contains(rep.Summary, tt.mention) {
				t.Errorf("got summary %q, want it to mention %q", rep.Summary, tt.mention)
			}
		})
	}
}

func TestTimeLayoutNames(t *testing.T) {
	for k := ingest.TimeAuto; k <= ingest.TimeExcelSerial; k++ {
		l := ingest.TimeLayout{Kind: k}
		back, err := ingest.ParseTimeLayout(l.String())
		if err != nil || back != l {
			t.Errorf("ParseTimeLayout(%q) = %v, %v; want %v", l.String(), back, err, l)
		}
	}
	if _, err := ingest.ParseTimeLayout("strftime"); err == nil {
		t.Error("got no error for an unknown layout name")
	}
}

// TestParseTimeMatchesTimePackage cross-checks the hand-written ISO path against time.Parse.
func TestParseTimeMatchesTimePackage(t *testing.T) {
	base := time.Date(1999, 12, 31, 23, 59, 58, 123456000, time.UTC)
	for i := 0; i < 2000; i++ {
		tm := base.Add(time.Duration(i) * 97 * time.Hour).Add(time.Duration(i*7919) * time.Microsecond)
		zone := time.FixedZone("", (i%27-13)*1800)
		s := tm.In(zone).Format("2006-01-02T15:04:05.000000-07:00")
		got, err := ingest.ParseTime(s, ingest.TimeLayout{Kind: ingest.TimeISO})
		if err != nil || got != tm.UnixMicro() {
			t.Fatalf("ParseTime(%q) = %d, %v; want %d", s, got, err, tm.UnixMicro())
		}
	}
}

func BenchmarkParseTimeISO(b *testing.B) {
	l := ingest.TimeLayout{Kind: ingest.TimeISO}
	for b.Loop() {
		if _, err := ingest.ParseTime("2011-10-11 13:45:40.276000+02:00", l); err != nil {
			b.Fatal(err)
		}
	}
}
