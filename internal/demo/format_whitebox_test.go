package demo

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

// FuzzAppendCSV checks that any field the writer quotes reads back unchanged through encoding/csv.
func FuzzAppendCSV(f *testing.F) {
	for _, s := range []string{"", "plain", " lead", "trail ", `say "hi"`, "a,b", "line\nbreak", "\r"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.ContainsRune(s, '\r') || strings.ContainsRune(s, 0) || !isUTF8(s) {
			t.Skip() // encoding/csv turns \r\n into \n and rejects invalid UTF-8 quoting cases
		}
		line := string(appendCSV(nil, s)) + ",x\n"
		rec, err := csv.NewReader(strings.NewReader(line)).Read()
		if err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		if len(rec) != 2 || rec[0] != s {
			t.Fatalf("got %q, want [%q x]", rec, s)
		}
	})
}

// FuzzAppendJSONString checks that any ASCII or UTF-8 string survives a JSON round trip.
func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"", "Checkout: payment", `quote " and \ backslash`, "tab\tnew\nline\x01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !isUTF8(s) {
			t.Skip()
		}
		var got string
		if err := json.Unmarshal(appendJSONString(nil, s), &got); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		if got != s {
			t.Fatalf("got %q, want %q", got, s)
		}
	})
}

func isUTF8(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

func TestAppendMoney(t *testing.T) {
	tests := []struct {
		cents int
		want  string
	}{{-1, ""}, {0, "0.00"}, {5, "0.05"}, {1999, "19.99"}, {120000, "1200.00"}}
	for _, tt := range tests {
		if got := string(appendMoney(nil, tt.cents)); got != tt.want {
			t.Errorf("appendMoney(%d): got %q, want %q", tt.cents, got, tt.want)
		}
	}
}

func TestPhoneVariantsNormaliseToCanonical(t *testing.T) {
	g := newGen(Options{Customers: 1, Seed: 1, Start: DefaultStart, Months: 6})
	for i := range 200 {
		c := g.customer(i*4999, pMobileResearcher)
		v := phoneVariant(g.r, c.phone)
		digits := ""
		body := v
		if k := strings.Index(body, "ext"); k >= 0 {
			body = body[:k]
		}
		for _, r := range body {
			if r >= '0' && r <= '9' {
				digits += string(r)
			}
		}
		if strings.HasPrefix(digits, "00") {
			digits = digits[2:]
		}
		if "+"+digits != c.phone {
			t.Fatalf("variant %q of %q normalises to +%s", v, c.phone, digits)
		}
	}
}
