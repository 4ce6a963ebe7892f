package ingest

import (
	"errors"
	"fmt"
	"strconv"
)

// ErrInvalidRecipe is wrapped by every *RecipeError: the recipe JSON is malformed, names an unknown key,
// or breaks a rule (a template that does not close, a rating scale below its minimum, ...).
var ErrInvalidRecipe = errors.New("invalid recipe")

// ErrMissingColumn is returned by Compile when the recipe names a column the file does not have. The
// wrapping error names the column and lists close matches or the available columns.
var ErrMissingColumn = errors.New("missing column")

// ErrSkipRow is returned by (*Plan).Apply for a row that a skip rule drops. Skipped rows are counted, not
// rejected.
var ErrSkipRow = errors.New("row skipped by a skip rule")

// ErrBadValue is wrapped by every *RowError: a value in the row cannot be read as what the recipe says it
// is (a date that is not a date, a rating out of its scale, an empty touchpoint).
var ErrBadValue = errors.New("bad value")

// RecipeError is a problem at one place of a recipe. Path is a JSON path such as events[0].rating.scale,
// empty when the problem is with the document as a whole.
type RecipeError struct {
	Path string
	Msg  string
}

func (e *RecipeError) Error() string {
	if e.Path == "" {
		return "recipe: " + e.Msg
	}
	return "recipe: " + e.Path + ": " + e.Msg
}

// Unwrap lets errors.Is(err, ErrInvalidRecipe) hold for every recipe problem.
func (e *RecipeError) Unwrap() error { return ErrInvalidRecipe }

// RowError is a value of one row that the recipe cannot use. Line is the record's line in its file,
// Column the column's name and ColumnIndex its position (-1 when the problem is not tied to one column);
// Value is the offending value cut to 80 characters.
type RowError struct {
	Line        int
	Column      string
	ColumnIndex int
	Value       string
	Reason      string
}

// Error reads like: line 14, column "created_at": "31/31/2024" is not a date (expected DD/MM/YYYY).
func (e *RowError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
	}
	if e.Value == "" {
		return fmt.Sprintf("line %d, column %q: %s", e.Line, e.Column, e.Reason)
	}
	return fmt.Sprintf("line %d, column %q: %s %s", e.Line, e.Column, strconv.Quote(e.Value), e.Reason)
}

// Unwrap lets errors.Is(err, ErrBadValue) hold for every row problem.
func (e *RowError) Unwrap() error { return ErrBadValue }

// maxErrorValue is how much of an offending value a RowError keeps: enough to recognise it, never a whole
// free-text cell in a log.
const maxErrorValue = 80

func truncateValue(s string) string {
	if len(s) <= maxErrorValue {
		return s
	}
	cut := maxErrorValue
	for cut > 0 && !utf8RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }
