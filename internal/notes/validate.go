package notes

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"
)

// normalize trims the note's strings, gives it its kind's colour when it has none and checks every rule
// (ErrInvalid naming the field).
func normalize(n *Note) error {
	// What is stored is JSON, which turns invalid UTF-8 into U+FFFD: do it first, so that the note returned
	// is the note read back.
	for _, s := range []*string{&n.Text, &n.Kind, &n.Color, &n.Author, &n.Target.Kind, &n.Target.Map, &n.Target.Stage,
		&n.Target.Touchpoint, &n.Target.Persona} {
		*s = strings.ToValidUTF8(*s, "\uFFFD")
	}
	n.Text = strings.TrimSpace(n.Text)
	n.Kind = strings.TrimSpace(n.Kind)
	n.Color = strings.ToLower(strings.TrimSpace(n.Color))
	n.Author = strings.TrimSpace(n.Author)
	if n.Color == "" {
		n.Color = DefaultColor(n.Kind)
	}
	switch n.Kind {
	case KindPain, KindOpportunity, KindQuestion, KindIdea, KindHypothesis:
	default:
		return fmt.Errorf("%w: kind %q: choose pain, opportunity, question, idea or hypothesis", ErrInvalid, n.Kind)
	}
	if err := checkText("text", n.Text); err != nil {
		return err
	}
	if !isColor(n.Color) {
		return fmt.Errorf("%w: colour %q: write it as #rrggbb, for example #fff475", ErrInvalid, n.Color)
	}
	if err := checkPosition(n.X, n.Y); err != nil {
		return err
	}
	if err := checkAuthor(n.Author); err != nil {
		return err
	}
	if err := checkTarget(&n.Target); err != nil {
		return err
	}
	switch {
	case n.Kind == KindHypothesis && n.Hypothesis == nil:
		return fmt.Errorf("%w: a hypothesis note needs its claim: groups, metric and direction", ErrInvalid)
	case n.Kind != KindHypothesis && n.Hypothesis != nil:
		return fmt.Errorf("%w: only a note of kind hypothesis carries a hypothesis (this one is %s)", ErrInvalid, n.Kind)
	case n.Hypothesis != nil:
		if err := n.Hypothesis.Validate(); err != nil {
			return fmt.Errorf("%w: %w", ErrInvalid, err)
		}
	}
	return nil
}

func checkText(field, s string) error {
	if strings.TrimSpace(s) == "" {
		return fmt.Errorf("%w: %s is empty: write what the note says", ErrInvalid, field)
	}
	if n := utf8.RuneCountInString(s); n > MaxText {
		return fmt.Errorf("%w: %s has %d characters, more than %d: shorten it or split it into several notes",
			ErrInvalid, field, n, MaxText)
	}
	return nil
}

func checkAuthor(a string) error {
	if strings.TrimSpace(a) == "" {
		return fmt.Errorf("%w: author is empty: say who made the change", ErrInvalid)
	}
	if n := utf8.RuneCountInString(a); n > MaxAuthor {
		return fmt.Errorf("%w: author has %d characters, more than %d", ErrInvalid, n, MaxAuthor)
	}
	return nil
}

func checkPosition(x, y float64) error {
	for _, c := range []struct {
		name string
		v    float64
	}{{"x", x}, {"y", y}} {
		if math.IsNaN(c.v) || c.v < 0 || c.v > 1 {
			return fmt.Errorf("%w: position %s = %v is outside 0..1 (a share of the target's width or height)",
				ErrInvalid, c.name, c.v)
		}
	}
	return nil
}

func isColor(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for _, c := range s[1:] {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// checkTarget trims the target and checks that it names what its kind needs.
func checkTarget(t *Target) error {
	t.Kind = strings.TrimSpace(t.Kind)
	t.Map, t.Stage = strings.TrimSpace(t.Map), strings.TrimSpace(t.Stage)
	t.Touchpoint, t.Persona = strings.TrimSpace(t.Touchpoint), strings.TrimSpace(t.Persona)
	need := func(field, v string) error {
		if v == "" {
			return fmt.Errorf("%w: a note on a %s needs the target's %s", ErrInvalid, t.Kind, field)
		}
		return nil
	}
	switch t.Kind {
	case OnMap:
		return need("map", t.Map)
	case OnStage:
		return need("stage", t.Stage)
	case OnTouchpoint:
		return need("touchpoint", t.Touchpoint)
	case OnPersona:
		return need("persona", t.Persona)
	case OnCell:
		named := 0
		for _, v := range []string{t.Stage, t.Touchpoint, t.Persona} {
			if v != "" {
				named++
			}
		}
		if named < 2 {
			return fmt.Errorf("%w: a note on a cell needs two of the target's stage, touchpoint and persona (its row and column)", ErrInvalid)
		}
		return nil
	default:
		return fmt.Errorf("%w: target kind %q: choose map, stage, touchpoint, cell or persona", ErrInvalid, t.Kind)
	}
}
