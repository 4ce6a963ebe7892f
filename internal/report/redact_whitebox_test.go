package report

import (
	"strings"
	"testing"
)

func testRedactor(values ...string) *redactor {
	r := &redactor{on: true, words: map[string]bool{}, phrases: map[string]bool{}}
	for _, v := range values {
		r.add(v)
	}
	return r
}

func TestRedactorText(t *testing.T) {
	r := testRedactor("NW0000001", "Carmen Tanaka", "1b19209a-87b1-426d-8d72-c79c55b2a673", "n/a", "650", "unknown")
	tests := []struct{ in, want string }{
		{"Checkout: payment", "Checkout: payment"},
		{"mail nora.kowalski1@inbox.example.net now", "mail [email hidden] now"},
		{"call +1 (201) 555-1234 ext. 45", "call [phone hidden] ext. 45"},
		{"call +1.201.555.1234", "call [phone hidden]"},
		{"customer NW0000001, again", "customer [hidden] again"},
		{"met carmen  TANAKA today", "met [hidden] today"},
		{"anon 1b19209a-87b1-426d-8d72-c79c55b2a673", "anon [hidden]"},
		// Values too short or too common to single anyone out are left alone, so figures survive.
		{"n/a 650 customers", "n/a 650 customers"},
		{"Unknown source", "Unknown source"},
		{"24 Jan 2026 – 4 Jul 2026", "24 Jan 2026 – 4 Jul 2026"},
		{"12,345 events and 1,234,567 rows", "12,345 events and 1,234,567 rows"},
	}
	for _, tt := range tests {
		if got := r.text(tt.in); got != tt.want {
			t.Errorf("text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	off := &redactor{}
	if got := off.text("a@b.example.com"); got != "a@b.example.com" {
		t.Errorf("redaction off changed the text to %q", got)
	}
}

func TestScrubWalksThePage(t *testing.T) {
	r := testRedactor("Carmen Tanaka")
	p := &page{Title: "For Carmen Tanaka", Notes: notesSection{Notes: []noteView{{Text: "ask x@y.example.org"}}},
		Map: mapSection{Emotion: emotionChart{Line: "10,20 30,40 50,60 70,80"}}}
	r.scrub(p)
	if p.Title != "For [hidden]" || p.Notes.Notes[0].Text != "ask [email hidden]" {
		t.Errorf("scrub left %q and %q", p.Title, p.Notes.Notes[0].Text)
	}
	if p.Map.Emotion.Line != "10,20 30,40 50,60 70,80" {
		t.Errorf("scrub changed chart geometry to %q", p.Map.Emotion.Line)
	}
}

func FuzzRedactorHidesEmails(f *testing.F) {
	for _, s := range []string{"a@b.example.com", "x <y@z.example.org>", "+1 201 555 1234", "plain words"} {
		f.Add(s)
	}
	r := testRedactor("NW0000001")
	f.Fuzz(func(t *testing.T, s string) {
		out := r.text(s)
		if m := emailPattern.FindString(out); m != "" && !strings.Contains(hiddenEmail, m) {
			t.Fatalf("text(%q) = %q still holds the email %q", s, out, m)
		}
		if phonePattern.MatchString(out) {
			t.Fatalf("text(%q) = %q still holds a phone number", s, out)
		}
	})
}
