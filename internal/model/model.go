// Package model holds a workspace's rows in memory as compact columns, for the analyses to run on:
// labels and identifier values are interned into one dictionary (uint32 ids), times are int64
// microseconds, and every event points back at the row (and so the batch, file and line) it came from.
//
// # Basics
//
// Load decodes the workspace's snapshot of the model (snapshot.go) when it has a valid one for its current
// rows, and otherwise reads every row (LoadRows) and, when the workspace is writable, stores a fresh
// snapshot for the next open. Both ways give exactly the same Model. The Model is immutable afterwards and
// safe to share between goroutines. Everything derived (profiles, journeys, personas, friction) is
// computed from it and can be rebuilt at any time.
//
// # Caveats
//
// A Model is a snapshot: an import committed after Load is not in it; load again.
package model

import (
	"math"

	"wayline/internal/record"
	"wayline/internal/store"
)

// None is the dictionary id of the empty string: an absent channel, device or attribute.
const None uint32 = 0

// Model is a workspace in memory.
type Model struct {
	dict  []string
	index map[string]uint32

	Batches []Batch
	Rows    []Row
	// Identifier and attribute columns; a Row's IDs and Attrs are ranges into them.
	IDType, IDValue     []uint32
	AttrName, AttrValue []uint32
	Events              Events
}

// Batch is an import batch as the model needs it.
type Batch struct {
	ID    uint64
	Files []File
}

// File is one imported file of a batch.
type File struct {
	Name   string
	Source uint32 // dictionary id of the source name
}

// Row is one stored row: where it came from and the ranges of its identifiers and attributes.
type Row struct {
	Batch      uint32 // index into Model.Batches
	File       uint16 // index into the batch's Files
	Line       uint32
	IDs        Span // into IDType/IDValue
	Attrs      Span // into AttrName/AttrValue
	FirstEvent uint32
	NumEvents  uint32
}

// Span is a half-open range [Start, End) of a column.
type Span struct{ Start, End uint32 }

// Len is the number of entries in the span.
func (s Span) Len() int { return int(s.End - s.Start) }

// Events are columns, one entry per event, in load order (row by row).
type Events struct {
	Row        []uint32  // index into Model.Rows
	Time       []int64   // Unix microseconds, UTC
	Touchpoint []uint32  // dictionary ids
	Channel    []uint32  // None when absent
	Device     []uint32  // None when absent
	Source     []uint32  // the source of the event's file
	Value      []float64 // NaN when absent
	Rating     []float32 // normalised to 0..1 on the rating's own scale; NaN when absent
	Text       []uint32
}

// Len is the number of events.
func (e *Events) Len() int { return len(e.Time) }

// append adds one event to the columns: an absent value becomes NaN, a rating its share of its scale.
func (e *Events) append(row uint32, time int64, touchpoint, channel, device, source, text uint32,
	value float64, hasValue bool, rating, scale float64) {
	e.Row = append(e.Row, row)
	e.Time = append(e.Time, time)
	e.Touchpoint = append(e.Touchpoint, touchpoint)
	e.Channel = append(e.Channel, channel)
	e.Device = append(e.Device, device)
	e.Source = append(e.Source, source)
	e.Text = append(e.Text, text)
	if !hasValue {
		value = math.NaN()
	}
	e.Value = append(e.Value, value)
	r := float32(math.NaN())
	if scale > 0 {
		r = float32(rating / scale)
	}
	e.Rating = append(e.Rating, r)
}

// Str returns the string a dictionary id stands for.
func (m *Model) Str(id uint32) string { return m.dict[id] }

// Lookup returns the dictionary id of s, and whether s occurs in the model at all.
func (m *Model) Lookup(s string) (uint32, bool) {
	id, ok := m.index[s]
	return id, ok
}

// DictSize is the number of distinct strings; ids run from 0 to DictSize()-1.
func (m *Model) DictSize() int { return len(m.dict) }

// New returns an empty model to be filled with Add; Load uses it, and tests build models with it.
func New() *Model {
	m := &Model{index: map[string]uint32{"": None}, dict: []string{""}}
	return m
}

// Intern returns the id of s, adding it to the dictionary when new.
func (m *Model) Intern(s string) uint32 {
	if id, ok := m.index[s]; ok {
		return id
	}
	id := uint32(len(m.dict))
	m.dict = append(m.dict, s)
	m.index[s] = id
	return id
}

// AddBatch appends a batch and returns its index.
func (m *Model) AddBatch(id uint64, files []store.FileInfo) uint32 {
	b := Batch{ID: id}
	for _, f := range files {
		src := f.Source
		if src == "" {
			src = f.Name
		}
		b.Files = append(b.Files, File{Name: f.Name, Source: m.Intern(src)})
	}
	m.Batches = append(m.Batches, b)
	return uint32(len(m.Batches) - 1)
}

// Add appends one stored row of batch (an index from AddBatch).
func (m *Model) Add(batch uint32, r record.Row) {
	row := Row{Batch: batch, File: uint16(r.File), Line: uint32(r.Line), FirstEvent: uint32(m.Events.Len()),
		NumEvents: uint32(len(r.Events))}
	row.IDs.Start = uint32(len(m.IDType))
	for _, id := range r.Identifiers {
		m.IDType = append(m.IDType, m.Intern(id.Type))
		m.IDValue = append(m.IDValue, m.Intern(id.Value))
	}
	row.IDs.End = uint32(len(m.IDType))
	row.Attrs.Start = uint32(len(m.AttrName))
	for _, a := range r.Attributes {
		m.AttrName = append(m.AttrName, m.Intern(a.Name))
		m.AttrValue = append(m.AttrValue, m.Intern(a.Value))
	}
	row.Attrs.End = uint32(len(m.AttrName))
	var source uint32
	if files := m.Batches[batch].Files; r.File < len(files) {
		source = files[r.File].Source
	}
	rowIndex := uint32(len(m.Rows))
	e := &m.Events
	for _, ev := range r.Events {
		e.append(rowIndex, ev.Time, m.Intern(ev.Touchpoint), m.Intern(ev.Channel), m.Intern(ev.Device), source,
			m.Intern(ev.Text), ev.Value, ev.HasValue, ev.Rating, ev.RatingScale)
	}
	m.Rows = append(m.Rows, row)
}

// LoadRows reads every committed row of ws into a new Model, ignoring any snapshot: what Load falls back
// to. It walks the store's encoded rows directly (store.VisitRows), interning strings from the stored
// bytes, so loading allocates per distinct string, not per row.
func LoadRows(ws *store.Workspace) (*Model, error) {
	batches, err := ws.Batches()
	if err != nil {
		return nil, err
	}
	return loadRows(ws, batches)
}

func loadRows(ws *store.Workspace, batches []store.Batch) (*Model, error) {
	m := New()
	l := &loader{m: m, byID: make(map[uint64]uint32, len(batches))}
	rows, events := 0, 0
	for _, b := range batches {
		l.byID[b.ID] = m.AddBatch(b.ID, b.Files)
		rows += b.Counts.Rows
		events += b.Counts.Events
	}
	m.grow(rows, events)
	if err := ws.VisitRows(l); err != nil {
		return nil, err
	}
	l.finishRow()
	return m, nil
}

// grow reserves room for rows and events, so loading does not copy the columns as they fill.
func (m *Model) grow(rows, events int) {
	m.Rows = make([]Row, 0, rows)
	e := &m.Events
	e.Row, e.Time = make([]uint32, 0, events), make([]int64, 0, events)
	e.Touchpoint, e.Channel, e.Device, e.Source = make([]uint32, 0, events), make([]uint32, 0, events), make([]uint32, 0, events), make([]uint32, 0, events)
	e.Value, e.Rating, e.Text = make([]float64, 0, events), make([]float32, 0, events), make([]uint32, 0, events)
}

// internBytes is Intern for bytes the caller does not own: the lookup does not allocate, only a new
// string does.
func (m *Model) internBytes(b []byte) uint32 {
	if len(b) == 0 {
		return None
	}
	if id, ok := m.index[string(b)]; ok {
		return id
	}
	return m.Intern(string(b))
}

// loader receives stored rows field by field (store.RowVisitor) and appends them to the model.
type loader struct {
	m      *Model
	byID   map[uint64]uint32
	open   bool // a row is being filled
	row    Row
	source uint32
}

func (l *loader) Row(batch uint64, file, line int) {
	l.finishRow()
	m := l.m
	idx, ok := l.byID[batch]
	if !ok {
		// A batch committed between Batches and the scan: take it too, without file names.
		idx = m.AddBatch(batch, nil)
		l.byID[batch] = idx
	}
	l.source = None
	if files := m.Batches[idx].Files; file < len(files) {
		l.source = files[file].Source
	}
	l.open = true
	l.row = Row{Batch: idx, File: uint16(file), Line: uint32(line), FirstEvent: uint32(m.Events.Len()),
		IDs: Span{uint32(len(m.IDType)), uint32(len(m.IDType))}, Attrs: Span{uint32(len(m.AttrName)), uint32(len(m.AttrName))}}
}

func (l *loader) Identifier(typ, value []byte) {
	m := l.m
	m.IDType = append(m.IDType, m.internBytes(typ))
	m.IDValue = append(m.IDValue, m.internBytes(value))
	l.row.IDs.End++
}

func (l *loader) Event(ev *store.RawEvent) {
	m := l.m
	m.Events.append(uint32(len(m.Rows)), ev.Time, m.internBytes(ev.Touchpoint), m.internBytes(ev.Channel),
		m.internBytes(ev.Device), l.source, m.internBytes(ev.Text), ev.Value, ev.HasValue, ev.Rating, ev.RatingScale)
	l.row.NumEvents++
}

func (l *loader) Attribute(name, value []byte) {
	m := l.m
	m.AttrName = append(m.AttrName, m.internBytes(name))
	m.AttrValue = append(m.AttrValue, m.internBytes(value))
	l.row.Attrs.End++
}

func (l *loader) finishRow() {
	if l.open {
		l.m.Rows = append(l.m.Rows, l.row)
		l.open = false
	}
}

// Where says where a row came from: batch id, file name and line, for evidence shown to users.
func (m *Model) Where(row uint32) (batch uint64, file string, line int) {
	r := m.Rows[row]
	b := m.Batches[r.Batch]
	if int(r.File) < len(b.Files) {
		file = b.Files[r.File].Name
	}
	return b.ID, file, int(r.Line)
}
