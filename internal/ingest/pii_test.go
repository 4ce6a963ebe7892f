package ingest_test

import (
	"bytes"
	"strings"
	"testing"

	"wayline/internal/ingest"
)

func testKey(b byte) []byte { return bytes.Repeat([]byte{b}, ingest.PseudonymKeySize) }

func TestPseudonymizer(t *testing.T) {
	if _, err := ingest.NewPseudonymizer([]byte("short")); err == nil {
		t.Fatal("NewPseudonymizer with a 5-byte key: got nil error, want one")
	}
	p, err := ingest.NewPseudonymizer(testKey(1))
	if err != nil {
		t.Fatal(err)
	}
	a := p.Pseudonym("email", "ana@example.com")
	if a != p.Clone().Pseudonym("email", "ana@example.com") {
		t.Error("same key and value: got different pseudonyms")
	}
	if !ingest.IsPseudonym(a) {
		t.Errorf("IsPseudonym(%q): got false, want true", a)
	}
	if strings.Contains(a, "ana") {
		t.Errorf("pseudonym %q leaks the value", a)
	}
	// 160 bits in base32 is 32 characters after the prefix: more than the 128 bits required.
	if got, want := len(a), 3+32; got != want {
		t.Errorf("length: got %d, want %d", got, want)
	}
	if a == p.Pseudonym("phone", "ana@example.com") {
		t.Error("different kinds: got equal pseudonyms")
	}
	q, _ := ingest.NewPseudonymizer(testKey(2))
	if a == q.Pseudonym("email", "ana@example.com") {
		t.Error("different keys: got equal pseudonyms")
	}
	if ingest.IsPseudonym("ana@example.com") {
		t.Error("IsPseudonym(plain email): got true")
	}
}

func TestPersonalKind(t *testing.T) {
	tests := []struct{ field, want string }{
		{"first_name", "name"}, {"Last Name", "name"}, {"fullName", "name"}, {"Billing Name", "name"},
		{"name", "name"}, {"traits.email", "email"}, {"Phone Number", "phone"},
		{"campaign_name", ""}, {"Deal Name", ""}, {"plan", ""},
	}
	for _, tt := range tests {
		if got := ingest.PersonalKind(tt.field); got != tt.want {
			t.Errorf("PersonalKind(%q): got %q, want %q", tt.field, got, tt.want)
		}
	}
}
