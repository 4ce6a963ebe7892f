package notes

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"wayline/internal/store"
)

// Setting names: one setting per note and one per change, so a write costs the note it touches, never all
// notes, and a change is appended without rewriting the history before it. Versions are zero-padded so
// that a note's changes sort by version in a range scan.
const (
	keyNext         = "notes.next"    // the last number handed out as an id
	prefixNote      = "notes.note/"   // + id → Note
	prefixChange    = "notes.change/" // + id + "/" + version (10 digits) → Change
	versionDigits   = 10
	idPrefix        = "note-"
	maxChangesMerge = 10000 // a stale edit looks back at most this many versions for intervening moves
)

func noteKey(id string) string { return prefixNote + id }

func changeKey(id string, version int) string {
	return fmt.Sprintf("%s%s/%0*d", prefixChange, id, versionDigits, version)
}

// Add stores a new note written by n.Author and returns it with its id, times and version 1. An empty
// colour becomes the kind's DefaultColor. Errors: ErrInvalid, and the store's (store.ErrReadOnly, ...).
func Add(w *store.Workspace, n Note) (Note, error) {
	if err := normalize(&n); err != nil {
		return Note{}, err
	}
	err := w.UpdateSettings(func(s store.SettingsTx) error {
		last := 0
		if raw := s.Get(keyNext); raw != nil {
			if err := json.Unmarshal(raw, &last); err != nil {
				return fmt.Errorf("%w: note counter: %v", ErrDamaged, err)
			}
		}
		now := w.Now().UTC()
		n.ID = idPrefix + strconv.Itoa(last+1)
		n.Created, n.Updated, n.Version = now, now, 1
		if err := put(s, keyNext, last+1); err != nil {
			return err
		}
		if err := put(s, noteKey(n.ID), n); err != nil {
			return err
		}
		after := n
		return put(s, changeKey(n.ID, 1), Change{Note: n.ID, Version: 1, At: now, Author: n.Author, Action: Created, After: &after})
	})
	if err != nil {
		return Note{}, err
	}
	return n, nil
}

// Update replaces a note's target, text, kind, colour, position and hypothesis with n's, as an edit by
// n.Author (the note keeps its first author). n.Version must be the version the edit started from: when
// someone edited the note since, Update returns ErrConflict; when the note was only moved since, the edit's
// text, kind, colour and hypothesis apply and the note stays where it was moved to. An edit that changes
// only the target or position is recorded as a move; one that changes nothing records nothing and returns
// the stored note. Errors: ErrInvalid, ErrNotFound, ErrConflict, ErrDamaged, and the store's.
func Update(w *store.Workspace, n Note) (Note, error) {
	if err := normalize(&n); err != nil {
		return Note{}, err
	}
	var out Note
	err := w.UpdateSettings(func(s store.SettingsTx) error {
		cur, err := get(s, n.ID)
		if err != nil {
			return err
		}
		next := cur
		if n.Version != cur.Version {
			if err := onlyMovedSince(s, cur, n.Version); err != nil {
				return err
			}
		} else {
			next.Target, next.X, next.Y = n.Target, n.X, n.Y
		}
		next.Text, next.Kind, next.Color, next.Hypothesis = n.Text, n.Kind, n.Color, n.Hypothesis
		action := Edited
		if sameContent(cur, next) {
			if next.Target == cur.Target && next.X == cur.X && next.Y == cur.Y {
				out = cur
				return nil
			}
			action = Moved
		}
		out, err = record(w, s, cur, next, n.Author, action)
		return err
	})
	if err != nil {
		return Note{}, err
	}
	return out, nil
}

// Move places a note at x, y (0..1) on its target, by author. Moves never conflict: the last one wins.
// Errors: ErrInvalid, ErrNotFound, ErrDamaged, and the store's.
func Move(w *store.Workspace, id string, x, y float64, author string) (Note, error) {
	author = strings.TrimSpace(author)
	if err := checkPosition(x, y); err != nil {
		return Note{}, err
	}
	if err := checkAuthor(author); err != nil {
		return Note{}, err
	}
	var out Note
	err := w.UpdateSettings(func(s store.SettingsTx) error {
		cur, err := get(s, id)
		if err != nil {
			return err
		}
		if cur.X == x && cur.Y == y {
			out = cur
			return nil
		}
		next := cur
		next.X, next.Y = x, y
		out, err = record(w, s, cur, next, author, Moved)
		return err
	})
	if err != nil {
		return Note{}, err
	}
	return out, nil
}

// Delete removes a note, by author. Its history stays, ending with the deletion (whose Before is the note
// as it was). Errors: ErrInvalid (no author), ErrNotFound, ErrDamaged, and the store's.
func Delete(w *store.Workspace, id, author string) error {
	author = strings.TrimSpace(author)
	if err := checkAuthor(author); err != nil {
		return err
	}
	return w.UpdateSettings(func(s store.SettingsTx) error {
		cur, err := get(s, id)
		if err != nil {
			return err
		}
		if err := s.Delete(noteKey(id)); err != nil {
			return err
		}
		before := cur
		v := cur.Version + 1
		return put(s, changeKey(id, v), Change{Note: id, Version: v, At: w.Now().UTC(), Author: author, Action: Deleted, Before: &before})
	})
}

// Get returns one note. Errors: ErrNotFound, ErrDamaged.
func Get(w *store.Workspace, id string) (Note, error) {
	raw, err := w.Setting(noteKey(id))
	if err != nil {
		return Note{}, err
	}
	return decodeNote(id, raw)
}

// List returns every note that is not deleted, oldest first (ties by id).
func List(w *store.Workspace) ([]Note, error) {
	out := []Note{}
	err := w.SettingsWithPrefix(prefixNote, func(name string, v json.RawMessage) error {
		n, err := decodeNote(strings.TrimPrefix(name, prefixNote), v)
		out = append(out, n)
		return err
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(out, func(a, b int) bool {
		if !out[a].Created.Equal(out[b].Created) {
			return out[a].Created.Before(out[b].Created)
		}
		return idLess(out[a].ID, out[b].ID)
	})
	return out, nil
}

// History returns the changes of one note in version order, or with id "" of every note (deleted ones
// included) in time order, ties by note and version. A note that never existed has an empty history.
func History(w *store.Workspace, id string) ([]Change, error) {
	prefix := prefixChange
	if id != "" {
		prefix += id + "/"
	}
	out := []Change{}
	err := w.SettingsWithPrefix(prefix, func(name string, v json.RawMessage) error {
		var c Change
		if err := json.Unmarshal(v, &c); err != nil {
			return fmt.Errorf("%w: %v", ErrDamaged, err)
		}
		out = append(out, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if id == "" {
		sort.SliceStable(out, func(a, b int) bool {
			ca, cb := out[a], out[b]
			if !ca.At.Equal(cb.At) {
				return ca.At.Before(cb.At)
			}
			if ca.Note != cb.Note {
				return idLess(ca.Note, cb.Note)
			}
			return ca.Version < cb.Version
		})
	}
	return out, nil
}

// record stores next as the note's new version and appends the change from cur.
func record(w *store.Workspace, s store.SettingsTx, cur, next Note, author, action string) (Note, error) {
	next.Version = cur.Version + 1
	next.Updated = w.Now().UTC()
	if err := put(s, noteKey(next.ID), next); err != nil {
		return Note{}, err
	}
	before, after := cur, next
	err := put(s, changeKey(next.ID, next.Version), Change{Note: next.ID, Version: next.Version, At: next.Updated,
		Author: author, Action: action, Before: &before, After: &after})
	return next, err
}

// onlyMovedSince returns ErrConflict unless every change of cur after version base was a move.
func onlyMovedSince(s store.SettingsTx, cur Note, base int) error {
	conflict := func(c *Change) error {
		if c == nil {
			return fmt.Errorf("%w: note %s is at version %d, the edit started from version %d; reload it and edit again",
				ErrConflict, cur.ID, cur.Version, base)
		}
		return fmt.Errorf("%w: %s %s note %s at %s (version %d) after the edit started from version %d; reload it and edit again",
			ErrConflict, c.Author, c.Action, cur.ID, c.At.Format("15:04:05"), c.Version, base)
	}
	if base < 1 || base > cur.Version || cur.Version-base > maxChangesMerge {
		return conflict(nil)
	}
	for v := base + 1; v <= cur.Version; v++ {
		raw := s.Get(changeKey(cur.ID, v))
		var c Change
		if raw == nil || json.Unmarshal(raw, &c) != nil {
			return fmt.Errorf("%w: change %d of note %s", ErrDamaged, v, cur.ID)
		}
		if c.Action != Moved {
			return conflict(&c)
		}
	}
	return nil
}

// sameContent reports whether two versions of a note say the same thing (text, kind, colour, hypothesis).
func sameContent(a, b Note) bool {
	return a.Text == b.Text && a.Kind == b.Kind && a.Color == b.Color && reflect.DeepEqual(a.Hypothesis, b.Hypothesis)
}

func get(s store.SettingsTx, id string) (Note, error) {
	return decodeNote(id, s.Get(noteKey(id)))
}

func decodeNote(id string, raw json.RawMessage) (Note, error) {
	if raw == nil {
		return Note{}, fmt.Errorf("%w: %q (it may have been deleted; reload the notes)", ErrNotFound, id)
	}
	var n Note
	if err := json.Unmarshal(raw, &n); err != nil {
		return Note{}, fmt.Errorf("%w: note %s: %v", ErrDamaged, id, err)
	}
	return n, nil
}

func put(s store.SettingsTx, name string, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return s.Put(name, raw)
}

// idLess orders note-2 before note-10.
func idLess(a, b string) bool {
	na, ea := strconv.Atoi(strings.TrimPrefix(a, idPrefix))
	nb, eb := strconv.Atoi(strings.TrimPrefix(b, idPrefix))
	if ea == nil && eb == nil {
		return na < nb
	}
	return a < b
}
