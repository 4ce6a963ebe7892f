package ingest_test

import (
	"strings"
	"testing"

	"wayline/internal/ingest"
)

func TestNormalizeIdentifier(t *testing.T) {
	tests := []struct {
		typ, in, want string
		wantErr       bool
	}{
		{"email", "  Ana.Silva@Example.COM ", "ana.silva@example.com", false},
		{"email", "mailto:bob@example.org", "bob@example.org", false},
		{"email", "ÅSA@Example.se", "åsa@example.se", false},
		{"email", "", "", false},
		{"email", "   ", "", false},
		{"email", "not an email", "", true},
		{"email", "a@b", "", true},
		{"email", "@example.com", "", true},
		{"email", "a@@example.com", "", true},
		{"email", "a b@example.com", "", true},
		{"phone", "+1 (555) 010-2030", "+15550102030", false},
		{"phone", "555.010.2030", "5550102030", false},
		{"phone", "0044 20 7946 0018", "+442079460018", false},
		{"phone", "+44 20 7946 0018 ext. 12", "+442079460018", false},
		{"phone", "020/7946-0018 x12", "02079460018", false},
		{"phone", "call me", "", true},
		{"phone", "123", "", true},
		{"phone", "+1 555 010 2030 9999 9999", "", true},
		{"phone", "555-CALL-NOW", "", true},
		{"customer_id", "  C-0042 ", "C-0042", false},
		{"customer_id", "", "", false},
	}
	for _, tt := range tests {
		got, err := ingest.NormalizeIdentifier(tt.typ, tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("NormalizeIdentifier(%q, %q): got error %v, want error %v", tt.typ, tt.in, err, tt.wantErr)
			continue
		}
		if got != tt.want {
			t.Errorf("NormalizeIdentifier(%q, %q): got %q, want %q", tt.typ, tt.in, got, tt.want)
		}
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in     string
		want   float64
		wantOK bool
	}{
		{"1234.5", 1234.5, true},
		{"-3", -3, true},
		{"1e3", 1000, true},
		{"$1,234.50", 1234.5, true},
		{"1.234,50 €", 1234.5, true},
		{"€ 1.234", 1234, true},
		{"1,234", 1234, true},
		{"1,234,567.89", 1234567.89, true},
		{"12,5", 12.5, true},
		{"0,123", 0.123, true},
		{"(12.00)", -12, true},
		{"12.00-", -12, true},
		{"-$5", -5, true},
		{"EUR 12", 12, true},
		{"12 USD", 12, true},
		{"R$ 10,00", 10, true},
		{"1'234.50", 1234.5, true},
		{"1 234,50", 1234.5, true},
		{"", 0, false},
		{"abc", 0, false},
		{"12abc34", 0, false},
		{"NaN", 0, false},
		{"Inf", 0, false},
		{"1,2,3.4.5", 0, false},
		{"$", 0, false},
		{"case-10011", 0, false},
		{"Group 2", 0, false},
		{"Resource21", 0, false},
		{"kr 12,50", 12.5, true},
		{"$-5", -5, true},
		{"C-1", 0, false},
		{"A12", 0, false},
	}
	for _, tt := range tests {
		got, ok := ingest.ParseNumber(tt.in)
		if ok != tt.wantOK || (ok && got != tt.want) {
			t.Errorf("ParseNumber(%q): got %v, %v, want %v, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"$1,234.50", "1.234,50 €", "(12)", "12-", "1e9", "1'234", "-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := ingest.ParseNumber(s)
		if ok && (v != v || v > 1e308 || v < -1e308) {
			t.Fatalf("ParseNumber(%q) = %v: not a finite number", s, v)
		}
	})
}

func FuzzNormalizeIdentifier(f *testing.F) {
	for _, s := range []string{"+1 (555) 010-2030", "A@B.CO", "A@ .0", "0044 1", "x12", "ext"} {
		f.Add("phone", s)
		f.Add("email", s)
	}
	f.Fuzz(func(t *testing.T, typ, s string) {
		got, err := ingest.NormalizeIdentifier(typ, s)
		if err != nil {
			return
		}
		again, err := ingest.NormalizeIdentifier(typ, got)
		if err != nil || again != got {
			t.Fatalf("not idempotent: %q -> %q -> %q (%v)", s, got, again, err)
		}
		if got != strings.TrimSpace(got) {
			t.Fatalf("result %q has surrounding space", got)
		}
	})
}

func TestSafeCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{`=cmd|' /C calc'!A0`, `'=cmd|' /C calc'!A0`},
		{"+1+1", "'+1+1"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1:A2)", "'@SUM(A1:A2)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"-12.5", "-12.5"},
		{"+3", "+3"},
		{"hello", "hello"},
		{"a=b", "a=b"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := ingest.SafeCell(tt.in); got != tt.want {
			t.Errorf("SafeCell(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestChannelsAndDevicesAreLowerCased(t *testing.T) {
	rd := newMemReader([]string{"email", "time", "via", "device"},
		[]string{"a@example.com", "2024-01-02T10:00:00Z", "Email", "Mobile"},
		[]string{"b@example.com", "2024-01-02T11:00:00Z", "email", "mobile"},
		[]string{"c@example.com", "2024-01-02T12:00:00Z", " ÉCRAN ", "Desktop"},
	)
	r := ingest.Recipe{Identifiers: []ingest.IdentifierSpec{{Column: "email", Type: "email"}},
		Events: []ingest.EventSpec{{Time: "time", Touchpoint: ingest.Field{Const: "Ticket"}, Channel: &ingest.Field{Column: "via"}, Device: &ingest.Field{Column: "device"}}}}
	plan, err := ingest.Compile(r, rd, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]string{{"email", "mobile"}, {"email", "mobile"}, {"écran", "desktop"}}
	for i, w := range want {
		rec, err := rd.Next()
		if err != nil {
			t.Fatal(err)
		}
		row, err := plan.Apply(rec, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := [2]string{row.Events[0].Channel, row.Events[0].Device}; got != w {
			t.Errorf("row %d: got %q, want %q", i, got, w)
		}
	}
}
