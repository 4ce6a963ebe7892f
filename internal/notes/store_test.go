package notes_test

import (
	"errors"
	"strings"
	"sync"
	"testing"

	"wayline/internal/notes"
)

func sticky(text string) notes.Note {
	return notes.Note{Target: notes.Target{Kind: notes.OnTouchpoint, Touchpoint: "Checkout: payment"}, Text: text,
		Kind: notes.KindPain, Author: "Ana", X: 0.25, Y: 0.5}
}

func TestNoteLifecycle(t *testing.T) {
	ws := openTemp(t)
	n, err := notes.Add(ws, sticky("  Card declined twice  "))
	if err != nil {
		t.Fatal(err)
	}
	if n.ID != "note-1" || n.Version != 1 || n.Text != "Card declined twice" || n.Color != notes.DefaultColor(notes.KindPain) ||
		!n.Created.Equal(n.Updated) || n.Created.IsZero() {
		t.Fatalf("added: got %+v, want note-1, version 1, trimmed text, the pain colour and equal times", n)
	}
	second, err := notes.Add(ws, sticky("Why so many exits?"))
	if err != nil || second.ID != "note-2" {
		t.Fatalf("second: got %q, %v, want note-2", second.ID, err)
	}

	edit := n
	edit.Text, edit.Author, edit.Color = "Card declined three times", "Ben", "#ABCDEF"
	n, err = notes.Update(ws, edit)
	if err != nil {
		t.Fatal(err)
	}
	if n.Version != 2 || n.Author != "Ana" || n.Color != "#abcdef" || !n.Updated.After(n.Created) {
		t.Errorf("edited: got version %d author %q colour %q, want 2, the first author Ana, #abcdef, a later update", n.Version, n.Author, n.Color)
	}
	if n, err = notes.Move(ws, n.ID, 0.75, 0.1, "Cleo"); err != nil || n.Version != 3 || n.X != 0.75 || n.Y != 0.1 {
		t.Fatalf("moved: got %+v, %v", n, err)
	}
	if same, err := notes.Move(ws, n.ID, 0.75, 0.1, "Cleo"); err != nil || same.Version != 3 {
		t.Errorf("a move to the same place: got version %d, %v, want 3 (nothing recorded)", same.Version, err)
	}
	if err := notes.Delete(ws, n.ID, "Dee"); err != nil {
		t.Fatal(err)
	}
	if _, err := notes.Get(ws, n.ID); !errors.Is(err, notes.ErrNotFound) {
		t.Errorf("Get after delete: got %v, want ErrNotFound", err)
	}
	if _, err := notes.Move(ws, n.ID, 0, 0, "Dee"); !errors.Is(err, notes.ErrNotFound) {
		t.Errorf("Move after delete: got %v, want ErrNotFound", err)
	}
	if err := notes.Delete(ws, n.ID, "Dee"); !errors.Is(err, notes.ErrNotFound) {
		t.Errorf("Delete twice: got %v, want ErrNotFound", err)
	}

	list, err := notes.List(ws)
	if err != nil || len(list) != 1 || list[0].ID != "note-2" {
		t.Fatalf("List: got %+v, %v, want only note-2", list, err)
	}
	h, err := notes.History(ws, "note-1")
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		action, author string
		version        int
	}{{notes.Created, "Ana", 1}, {notes.Edited, "Ben", 2}, {notes.Moved, "Cleo", 3}, {notes.Deleted, "Dee", 4}}
	if len(h) != len(want) {
		t.Fatalf("history: got %d changes, want %d", len(h), len(want))
	}
	for i, w := range want {
		if h[i].Action != w.action || h[i].Author != w.author || h[i].Version != w.version || h[i].Note != "note-1" {
			t.Errorf("change %d: got %s by %s v%d, want %s by %s v%d", i, h[i].Action, h[i].Author, h[i].Version, w.action, w.author, w.version)
		}
	}
	if h[0].Before != nil || h[0].After == nil || h[3].After != nil || h[3].Before == nil || h[3].Before.Text != "Card declined three times" {
		t.Errorf("before/after: created %v→%v, deleted %v→%v; want nil→note and the last note→nil", h[0].Before, h[0].After, h[3].Before, h[3].After)
	}
	if h[1].Before.Text != "Card declined twice" || h[1].After.Text != "Card declined three times" {
		t.Errorf("edit: got %q → %q", h[1].Before.Text, h[1].After.Text)
	}
	all, err := notes.History(ws, "")
	if err != nil || len(all) != 5 {
		t.Fatalf("all history: got %d, %v, want 5 changes", len(all), err)
	}
	for i := 1; i < len(all); i++ {
		if all[i].At.Before(all[i-1].At) {
			t.Errorf("all history out of time order at %d", i)
		}
	}
	if h, err := notes.History(ws, "note-10"); err != nil || len(h) != 0 {
		t.Errorf("history of a note that never existed: got %d, %v, want none", len(h), err)
	}
	// note-1 is a prefix of note-10's keys only without the separator: add up to note-10 and check.
	for i := 3; i <= 10; i++ {
		if _, err := notes.Add(ws, sticky("more")); err != nil {
			t.Fatal(err)
		}
	}
	if h, _ := notes.History(ws, "note-1"); len(h) != 4 {
		t.Errorf("note-1's history once note-10 exists: got %d changes, want 4", len(h))
	}
	list, _ = notes.List(ws)
	if len(list) != 9 || list[0].ID != "note-2" || list[8].ID != "note-10" {
		t.Errorf("List order: got %d notes from %s to %s, want 9 from note-2 to note-10", len(list), list[0].ID, list[len(list)-1].ID)
	}
}

func TestUpdateConflicts(t *testing.T) {
	ws := openTemp(t)
	n, err := notes.Add(ws, sticky("first"))
	if err != nil {
		t.Fatal(err)
	}
	ana, ben := n, n // both facilitators opened version 1
	ana.Text = "Ana's text"
	if _, err := notes.Update(ws, ana); err != nil {
		t.Fatal(err)
	}
	ben.Text, ben.Author = "Ben's text", "Ben"
	_, err = notes.Update(ws, ben)
	if !errors.Is(err, notes.ErrConflict) || !strings.Contains(err.Error(), "Ana edited") {
		t.Errorf("stale edit: got %v, want ErrConflict naming Ana's edit", err)
	}
	if got, _ := notes.Get(ws, n.ID); got.Text != "Ana's text" || got.Version != 2 {
		t.Errorf("after the conflict: got %q v%d, want Ana's text v2", got.Text, got.Version)
	}

	// A move in between does not conflict: the edit applies and the note stays where it was moved.
	cur, _ := notes.Get(ws, n.ID)
	if _, err := notes.Move(ws, n.ID, 0.9, 0.9, "Cleo"); err != nil {
		t.Fatal(err)
	}
	cur.Text, cur.Author, cur.X = "edited while moved", "Ben", 0.1
	got, err := notes.Update(ws, cur)
	if err != nil {
		t.Fatalf("edit after a move: %v", err)
	}
	if got.Text != "edited while moved" || got.X != 0.9 || got.Version != 4 {
		t.Errorf("edit after a move: got %q at x %v v%d, want the new text at x 0.9, v4", got.Text, got.X, got.Version)
	}
	// Changing only the position through Update is a move; changing nothing records nothing.
	got.X = 0.5
	if got, err = notes.Update(ws, got); err != nil || got.Version != 5 {
		t.Fatalf("position-only update: v%d, %v", got.Version, err)
	}
	if same, err := notes.Update(ws, got); err != nil || same.Version != 5 {
		t.Errorf("no-op update: got v%d, %v, want v5", same.Version, err)
	}
	h, _ := notes.History(ws, n.ID)
	if last := h[len(h)-1]; last.Action != notes.Moved || len(h) != 5 {
		t.Errorf("history: got %d changes ending %s, want 5 ending moved", len(h), last.Action)
	}
	future := got
	future.Version, future.Text = 99, "from the future"
	if _, err := notes.Update(ws, future); !errors.Is(err, notes.ErrConflict) {
		t.Errorf("unknown version: got %v, want ErrConflict", err)
	}
	missing := sticky("x")
	missing.ID, missing.Version = "note-404", 1
	if _, err := notes.Update(ws, missing); !errors.Is(err, notes.ErrNotFound) {
		t.Errorf("missing note: got %v, want ErrNotFound", err)
	}
}

// TestConcurrentEdits: eight editors start from the same version at once; exactly one wins.
func TestConcurrentEdits(t *testing.T) {
	ws := openTemp(t)
	n, err := notes.Add(ws, sticky("shared"))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	wins, conflicts := 0, 0
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			e := n
			e.Text = strings.Repeat("x", i+1)
			_, err := notes.Update(ws, e)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				wins++
			case errors.Is(err, notes.ErrConflict):
				conflicts++
			default:
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if wins != 1 || conflicts != 7 {
		t.Errorf("got %d wins and %d conflicts, want 1 and 7", wins, conflicts)
	}
}

func TestValidation(t *testing.T) {
	ws := openTemp(t)
	hyp := &notes.Hypothesis{A: notes.Group{Touchpoints: []string{"Store visit"}}, Metric: notes.MetricConversion, Direction: notes.Higher}
	tests := []struct {
		name string
		edit func(n *notes.Note)
		ok   bool
	}{
		{"valid", func(n *notes.Note) {}, true},
		{"kind", func(n *notes.Note) { n.Kind = "rant" }, false},
		{"empty text", func(n *notes.Note) { n.Text = "   " }, false},
		{"2000 characters", func(n *notes.Note) { n.Text = strings.Repeat("é", 2000) }, true},
		{"2001 characters", func(n *notes.Note) { n.Text = strings.Repeat("é", 2001) }, false},
		{"colour", func(n *notes.Note) { n.Color = "#12345g" }, false},
		{"short colour", func(n *notes.Note) { n.Color = "#fff" }, false},
		{"named colour", func(n *notes.Note) { n.Color = "yellow" }, false},
		{"x", func(n *notes.Note) { n.X = 1.01 }, false},
		{"y", func(n *notes.Note) { n.Y = -0.1 }, false},
		{"edges", func(n *notes.Note) { n.X, n.Y = 0, 1 }, true},
		{"author", func(n *notes.Note) { n.Author = " " }, false},
		{"target kind", func(n *notes.Note) { n.Target.Kind = "wall" }, false},
		{"touchpoint target without touchpoint", func(n *notes.Note) { n.Target.Touchpoint = "" }, false},
		{"map target", func(n *notes.Note) { n.Target = notes.Target{Kind: notes.OnMap, Map: "observed"} }, true},
		{"map target without map", func(n *notes.Note) { n.Target = notes.Target{Kind: notes.OnMap} }, false},
		{"persona target", func(n *notes.Note) { n.Target = notes.Target{Kind: notes.OnPersona, Persona: "persona-2"} }, true},
		{"stage target", func(n *notes.Note) { n.Target = notes.Target{Kind: notes.OnStage} }, false},
		{"cell", func(n *notes.Note) {
			n.Target = notes.Target{Kind: notes.OnCell, Stage: "Decision", Touchpoint: "Cart"}
		}, true},
		{"cell with one side", func(n *notes.Note) { n.Target = notes.Target{Kind: notes.OnCell, Stage: "Decision"} }, false},
		{"hypothesis", func(n *notes.Note) { n.Kind, n.Hypothesis = notes.KindHypothesis, hyp }, true},
		{"hypothesis without claim", func(n *notes.Note) { n.Kind = notes.KindHypothesis }, false},
		{"claim on an idea", func(n *notes.Note) { n.Kind, n.Hypothesis = notes.KindIdea, hyp }, false},
		{"bad hypothesis", func(n *notes.Note) {
			n.Kind, n.Hypothesis = notes.KindHypothesis, &notes.Hypothesis{Metric: "luck", Direction: notes.Higher}
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := sticky("text")
			tt.edit(&n)
			got, err := notes.Add(ws, n)
			if tt.ok && err != nil {
				t.Errorf("got %v, want no error", err)
			}
			if !tt.ok && !errors.Is(err, notes.ErrInvalid) {
				t.Errorf("got %v, want ErrInvalid", err)
			}
			if tt.ok {
				back, err := notes.Get(ws, got.ID)
				if err != nil || back.Text != got.Text || (got.Hypothesis != nil) != (back.Hypothesis != nil) {
					t.Errorf("read back: got %+v, %v", back, err)
				}
			}
		})
	}
	if _, err := notes.Move(ws, "note-1", 2, 0, "Ana"); !errors.Is(err, notes.ErrInvalid) {
		t.Errorf("Move outside 0..1: got %v, want ErrInvalid", err)
	}
	if err := notes.Delete(ws, "note-1", ""); !errors.Is(err, notes.ErrInvalid) {
		t.Errorf("Delete without author: got %v, want ErrInvalid", err)
	}
	if _, err := notes.Add(ws, sticky("bad hypothesis")); err != nil {
		t.Fatal(err)
	}
	n := sticky("x")
	n.Kind, n.Hypothesis = notes.KindHypothesis, &notes.Hypothesis{A: notes.Group{From: "yesterday"}, Metric: notes.MetricValue, Direction: notes.Lower}
	if _, err := notes.Add(ws, n); !errors.Is(err, notes.ErrInvalid) || !errors.Is(err, notes.ErrBadHypothesis) {
		t.Errorf("bad hypothesis date: got %v, want ErrInvalid wrapping ErrBadHypothesis", err)
	}
}

func FuzzNoteText(f *testing.F) {
	for _, s := range []string{"", " ", "a", "#fff475", "\x00", strings.Repeat("ü", 2001)} {
		f.Add(s, "#FfF475", 0.5)
	}
	f.Fuzz(func(t *testing.T, text, color string, x float64) {
		ws := openTemp(t)
		n := sticky(text)
		n.Color, n.X = color, x
		got, err := notes.Add(ws, n)
		if err != nil {
			if !errors.Is(err, notes.ErrInvalid) {
				t.Fatalf("got %v, want ErrInvalid or success", err)
			}
			return
		}
		back, err := notes.Get(ws, got.ID)
		if err != nil || back.Text != got.Text || back.Color != got.Color || back.X != x {
			t.Fatalf("read back %+v, %v; stored %+v", back, err, got)
		}
		if _, err := notes.Update(ws, back); err != nil {
			t.Fatalf("a stored note must pass validation again: %v", err)
		}
	})
}
