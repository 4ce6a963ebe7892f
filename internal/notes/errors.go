package notes

import "errors"

// These sentinel errors are wrapped with the note id or the field at fault and a sentence that says what to
// do; test for them with errors.Is.
var (
	// ErrInvalid is returned by Add, Update and Move for a note that breaks a rule: unknown kind or target,
	// empty or too long text, a colour that is not #rrggbb, a position outside 0..1, a missing author, or a
	// hypothesis that is missing, not wanted or itself invalid (then ErrBadHypothesis is wrapped too).
	ErrInvalid = errors.New("invalid note")

	// ErrNotFound is returned by Get, Update, Move and Delete when no note has that id, including a note
	// that was deleted (its history remains).
	ErrNotFound = errors.New("no such note")

	// ErrConflict is returned by Update when the note was edited by someone else since the version the edit
	// started from: two facilitators changed the same note at once. The caller reloads the note and applies
	// the edit again. Moves in between do not conflict (see doc.go).
	ErrConflict = errors.New("the note was changed by someone else")

	// ErrDamaged is returned when a stored note or change cannot be decoded: the workspace was damaged or
	// written by an incompatible version.
	ErrDamaged = errors.New("the saved notes are damaged")

	// ErrBadHypothesis is returned by Evaluate (and, wrapped in ErrInvalid, by Add and Update) for a metric
	// or direction outside the fixed sets, a date that is not YYYY-MM-DD or RFC 3339, a range that ends
	// before it starts, or a persona or touchpoint the data does not have.
	ErrBadHypothesis = errors.New("invalid hypothesis")
)
