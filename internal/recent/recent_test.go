package recent_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"wayline/internal/recent"
)

func TestTouchOrdersNewestFirstWithoutDuplicates(t *testing.T) {
	dir := t.TempDir()
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	l := recent.Open(dir, func() time.Time { clock = clock.Add(time.Minute); return clock })
	a, b := filepath.Join(dir, "a.wayline"), filepath.Join(dir, "b.wayline")
	for _, p := range []string{a, b, a} {
		if err := l.Touch(p); err != nil {
			t.Fatal(err)
		}
	}
	got := l.Entries()
	if len(got) != 2 || got[0].Path != a || got[1].Path != b {
		t.Fatalf("got %+v, want [a b]", got)
	}
	// A second List over the same folder sees the same entries: the list persists.
	if again := recent.Open(dir, nil).Entries(); len(again) != 2 || again[0].Path != a {
		t.Fatalf("after reopen got %+v, want a first", again)
	}
}

func TestLatestSkipsMissingFilesAndLimitHolds(t *testing.T) {
	dir := t.TempDir()
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	l := recent.Open(dir, func() time.Time { clock = clock.Add(time.Minute); return clock })
	exists := filepath.Join(dir, "real.wayline")
	if err := os.WriteFile(exists, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	l.Touch(exists)
	for i := 0; i < recent.Limit+3; i++ {
		l.Touch(filepath.Join(dir, "gone", string(rune('a'+i))+".wayline"))
	}
	if n := len(l.Entries()); n != recent.Limit {
		t.Fatalf("got %d entries, want %d", n, recent.Limit)
	}
	if got := l.Latest(); got != "" {
		t.Fatalf("Latest = %q, want empty: the only existing file fell off the list", got)
	}
	l.Touch(exists)
	if got := l.Latest(); got != exists {
		t.Fatalf("Latest = %q, want %q", got, exists)
	}
}

func TestCorruptFileIsEmptyList(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "recent.json"), []byte("{not json"), 0o600)
	if got := recent.Open(dir, nil).Entries(); len(got) != 0 {
		t.Fatalf("got %v, want empty", got)
	}
}
