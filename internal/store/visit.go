package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// RawEvent is an event as stored: its strings are still bytes in the store's memory.
type RawEvent struct {
	Time                              int64
	Touchpoint, Channel, Device, Text []byte
	Value                             float64
	HasValue                          bool
	Rating, RatingScale               float64
}

// RowVisitor receives stored rows field by field, in the order ForEachRow would return them. Byte slices
// point into the store's memory and are valid only during the call: copy what you keep. Loading a large
// workspace this way allocates nothing per row, where ForEachRow builds a record.Row for each.
type RowVisitor interface {
	Row(batch uint64, file, line int)
	Identifier(typ, value []byte)
	Event(e *RawEvent)
	Attribute(name, value []byte)
}

// VisitRows walks every committed row like ForEachRow, handing v the fields of each. A row that cannot be
// decoded stops the walk with an error wrapping ErrCorrupt; v may have seen part of it.
func (w *Workspace) VisitRows(v RowVisitor) error {
	return w.db.View(func(tx *bolt.Tx) error {
		var e RawEvent
		return forEachCommittedRow(tx, func(id uint64, k, b []byte) error {
			if err := visitRow(b, id, v, &e); err != nil {
				return fmt.Errorf("row in block %x: %w", k, err)
			}
			return nil
		})
	})
}

// visitRow decodes what appendRow wrote, handing the fields to v.
func visitRow(b []byte, batch uint64, v RowVisitor, e *RawEvent) error {
	d := decoder{b: b}
	if f := d.byte(); f != rowFormat && d.err == nil {
		return fmt.Errorf("%w: unknown row format %d", ErrCorrupt, f)
	}
	file, line := d.int(), d.int()
	if d.err != nil {
		return d.err
	}
	v.Row(batch, file, line)
	for n := d.count(minIdentifierSize); n > 0 && d.err == nil; n-- {
		typ, value := d.bytes(), d.bytes()
		if d.err == nil {
			v.Identifier(typ, value)
		}
	}
	for n := d.count(minEventSize); n > 0 && d.err == nil; n-- {
		*e = RawEvent{Time: d.varint()}
		e.Touchpoint, e.Channel, e.Device = d.bytes(), d.bytes(), d.bytes()
		flags := d.byte()
		if flags&^flagsKnown != 0 && d.err == nil {
			d.err = fmt.Errorf("%w: unknown event flags %#x", ErrCorrupt, flags)
		}
		e.HasValue = flags&flagHasValue != 0
		if flags&flagValue != 0 {
			e.Value = d.float()
		}
		if flags&flagRating != 0 {
			e.Rating = d.float()
		}
		if flags&flagRatingScale != 0 {
			e.RatingScale = d.float()
		}
		if flags&flagText != 0 {
			e.Text = d.bytes()
		}
		if d.err == nil {
			v.Event(e)
		}
	}
	for n := d.count(minAttributeSize); n > 0 && d.err == nil; n-- {
		name, value := d.bytes(), d.bytes()
		if d.err == nil {
			v.Attribute(name, value)
		}
	}
	if d.err == nil && len(d.b) != 0 {
		d.err = fmt.Errorf("%w: %d unexpected bytes after a row", ErrCorrupt, len(d.b))
	}
	return d.err
}
