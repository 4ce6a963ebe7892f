package app

import (
	"errors"
	"fmt"
	"slices"

	"wayline/internal/notes"
	"wayline/internal/store"
)

// EventNotesChanged tells every client that a note was added, edited, moved or deleted, so a workshop with
// several screens (a projector and laptops on `wayline serve`) sees the same board.
const EventNotesChanged = "notes:changed"

// Notes is the bound struct for sticky notes on maps, stages, touchpoints and personas, their history, and
// hypotheses evaluated on the data.
type Notes struct{ app *App }

// VerdictDTO is notes.Verdict with every figure that can be undefined as a Num (null in JSON).
type VerdictDTO struct {
	Status       string  `json:"status"`
	Reason       string  `json:"reason"`
	A            SideDTO `json:"a"`
	B            SideDTO `json:"b"`
	Difference   Num     `json:"difference"`
	Low          Num     `json:"low"`
	High         Num     `json:"high"`
	P            Num     `json:"p"`
	Test         string  `json:"test"`
	Statistic    Num     `json:"statistic"`
	DF           Num     `json:"df"`
	Tested       bool    `json:"tested"`
	MinCustomers int     `json:"minCustomers"`
	Overlap      int     `json:"overlap"`
}

// SideDTO is one group of a hypothesis.
type SideDTO struct {
	Customers int `json:"customers"`
	Converted int `json:"converted"`
	Rate      Num `json:"rate"`
	Mean      Num `json:"mean"`
	SD        Num `json:"sd"`
}

// List returns every note.
func (n *Notes) List() ([]notes.Note, error) {
	var out []notes.Note
	err := n.app.session.with(func(ws *store.Workspace) (err error) {
		out, err = notes.List(ws)
		return err
	})
	if out == nil {
		out = []notes.Note{}
	}
	return out, err
}

// Add stores a new note; its id, times and version are set here.
func (n *Notes) Add(note notes.Note) (notes.Note, error) {
	return n.change(func(ws *store.Workspace) (notes.Note, error) { return notes.Add(ws, note) })
}

// Update stores an edited note. Its version must be the stored one: a note someone else changed in the
// meantime is refused with an error starting "conflict:", and the frontend reloads it.
func (n *Notes) Update(note notes.Note) (notes.Note, error) {
	out, err := n.change(func(ws *store.Workspace) (notes.Note, error) { return notes.Update(ws, note) })
	if errors.Is(err, notes.ErrConflict) {
		return out, fmt.Errorf("conflict: %w; it was reloaded, make your change again", err)
	}
	return out, err
}

// Move places a note at x, y (0..1) on its target.
func (n *Notes) Move(id string, x, y float64, author string) (notes.Note, error) {
	return n.change(func(ws *store.Workspace) (notes.Note, error) { return notes.Move(ws, id, x, y, author) })
}

// Delete removes a note; its history keeps it.
func (n *Notes) Delete(id, author string) error {
	_, err := n.change(func(ws *store.Workspace) (notes.Note, error) {
		return notes.Note{ID: id}, notes.Delete(ws, id, author)
	})
	return err
}

// History lists a note's changes ("" = every note's), newest first.
func (n *Notes) History(id string) ([]notes.Change, error) {
	var out []notes.Change
	err := n.app.session.with(func(ws *store.Workspace) (err error) {
		out, err = notes.History(ws, id)
		return err
	})
	if out == nil {
		out = []notes.Change{}
	}
	slices.Reverse(out) // notes.History is in time order; a history panel reads the latest first
	return out, err
}

// Evaluate tests a hypothesis on the whole workspace; groups smaller than the friction settings' minimum
// are "not enough data".
func (n *Notes) Evaluate(h notes.Hypothesis) (VerdictDTO, error) {
	snap, err := n.app.session.snapshot()
	if err != nil {
		return VerdictDTO{}, err
	}
	s, err := n.app.Friction.settings()
	if err != nil {
		return VerdictDTO{}, err
	}
	r, labels, err := n.app.Personas.labels(snap)
	if err != nil {
		return VerdictDTO{}, err
	}
	var ids []string
	if r != nil {
		for _, p := range r.Personas {
			ids = append(ids, p.ID)
		}
	}
	v, err := notes.Evaluate(snap.Journeys, labels, ids, h, s.MinCustomers)
	if err != nil {
		return VerdictDTO{}, err
	}
	side := func(s notes.Side) SideDTO {
		return SideDTO{Customers: s.Customers, Converted: s.Converted, Rate: Num(s.Rate), Mean: Num(s.Mean), SD: Num(s.SD)}
	}
	return VerdictDTO{Status: v.Status, Reason: v.Reason, A: side(v.A), B: side(v.B), Difference: Num(v.Difference),
		Low: Num(v.Low), High: Num(v.High), P: Num(v.P), Test: v.Test, Statistic: Num(v.Statistic), DF: Num(v.DF),
		Tested: v.Tested, MinCustomers: v.MinCustomers, Overlap: v.Overlap}, nil
}

// change runs one write and tells every client about it.
func (n *Notes) change(fn func(ws *store.Workspace) (notes.Note, error)) (notes.Note, error) {
	var out notes.Note
	err := n.app.session.with(func(ws *store.Workspace) (err error) {
		out, err = fn(ws)
		return err
	})
	if err == nil {
		n.app.session.emit(EventNotesChanged, map[string]string{"id": out.ID})
	}
	return out, err
}
