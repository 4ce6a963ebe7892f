package store

import (
	"errors"
	"math"
	"reflect"
	"testing"

	"wayline/internal/record"
)

var codecRows = []struct {
	name string
	row  record.Row
}{
	{"empty", record.Row{}},
	{"negative file and line", record.Row{File: -3, Line: -1}},
	{"identifiers only", record.Row{File: 2, Line: 10, Identifiers: []record.Identifier{{Type: "email", Value: "a@b.c"}, {Type: "phone", Value: ""}}}},
	{"every event field", record.Row{Line: 1, Events: []record.Event{{
		Time: math.MinInt64, Touchpoint: "t", Channel: "c", Device: "d", Value: 12.5, HasValue: true,
		Rating: 4.5, RatingScale: 5, Text: "great\x00service",
	}}}},
	{"odd floats", record.Row{Events: []record.Event{
		{Time: math.MaxInt64, Value: math.Copysign(0, -1)},
		{Value: math.Inf(1), Rating: math.Inf(-1), RatingScale: math.SmallestNonzeroFloat64},
	}}},
	{"value zero but present", record.Row{Events: []record.Event{{Touchpoint: "refund", HasValue: true}}}},
	{"attributes", record.Row{Attributes: []record.Attribute{{Name: "plan", Value: "pro"}, {Name: "", Value: "ü"}}}},
}

func TestRowRoundTrip(t *testing.T) {
	for _, tt := range codecRows {
		t.Run(tt.name, func(t *testing.T) {
			b := appendRow(nil, tt.row)
			for _, in := range []*interner{nil, newInterner()} {
				got, err := decodeRow(b, in)
				if err != nil {
					t.Fatalf("decode: %v", err)
				}
				if !sameRow(got, tt.row) {
					t.Errorf("got %+v, want %+v", got, tt.row)
				}
			}
		})
	}
}

func TestDecodeRowRejectsDamage(t *testing.T) {
	valid := appendRow(nil, codecRows[3].row)
	tests := []struct {
		name string
		b    []byte
	}{
		{"nothing", nil},
		{"unknown format", append([]byte{9}, valid[1:]...)},
		{"cut short", valid[:len(valid)-1]},
		{"trailing byte", append(append([]byte(nil), valid...), 0)},
		{"huge identifier count", []byte{rowFormat, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x0f}},
		// One event (time 0, three empty strings) whose flags byte sets an unknown bit.
		{"unknown event flag", []byte{rowFormat, 0, 0, 0, 1, 0, 0, 0, 0, 0x80, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := decodeRow(tt.b, nil); !errors.Is(err, ErrCorrupt) {
				t.Errorf("got %v, want ErrCorrupt", err)
			}
		})
	}
}

func TestRejectionRoundTrip(t *testing.T) {
	r := Rejection{File: "a.csv", Line: 12, Column: "date", Reason: "not a date: \"31/02\""}
	got, err := decodeRejection(appendRejection(nil, r))
	if err != nil || got != r {
		t.Errorf("got (%+v, %v), want (%+v, nil)", got, err, r)
	}
	if _, err := decodeRejection([]byte{rowFormat, 5, 'a'}); !errors.Is(err, ErrCorrupt) {
		t.Errorf("cut rejection: got %v, want ErrCorrupt", err)
	}
}

// FuzzDecodeRow checks that no input panics the decoder, and that whatever it accepts re-encodes to a row
// that decodes the same: the decoder accepts nothing the encoder could not have written.
func FuzzDecodeRow(f *testing.F) {
	for _, tt := range codecRows {
		f.Add(appendRow(nil, tt.row))
	}
	f.Add([]byte{rowFormat, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, b []byte) {
		row, err := decodeRow(b, newInterner())
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("error does not wrap ErrCorrupt: %v", err)
			}
			return
		}
		again, err := decodeRow(appendRow(nil, row), nil)
		if err != nil {
			t.Fatalf("re-encoded row does not decode: %v", err)
		}
		if !sameRow(again, row) {
			t.Fatalf("round trip changed the row:\n got %+v\nwant %+v", again, row)
		}
		// scanIdentifiers must agree with the full decoder.
		var ids []record.Identifier
		if err := scanIdentifiers(b, func(typ, value []byte) {
			ids = append(ids, record.Identifier{Type: string(typ), Value: string(value)})
		}); err != nil {
			t.Fatalf("scanIdentifiers failed on a valid row: %v", err)
		}
		if len(ids) != len(row.Identifiers) || (len(ids) > 0 && !reflect.DeepEqual(ids, row.Identifiers)) {
			t.Fatalf("scanIdentifiers: got %v, want %v", ids, row.Identifiers)
		}
	})
}

// sameRow compares rows with floats bit for bit, so NaN equals NaN and -0 differs from 0.
func sameRow(a, b record.Row) bool {
	if a.File != b.File || a.Line != b.Line || len(a.Events) != len(b.Events) ||
		!reflect.DeepEqual(nilIfEmpty(a.Identifiers), nilIfEmpty(b.Identifiers)) ||
		!reflect.DeepEqual(nilIfEmpty(a.Attributes), nilIfEmpty(b.Attributes)) {
		return false
	}
	for i := range a.Events {
		x, y := a.Events[i], b.Events[i]
		for _, p := range [][2]float64{{x.Value, y.Value}, {x.Rating, y.Rating}, {x.RatingScale, y.RatingScale}} {
			if math.Float64bits(p[0]) != math.Float64bits(p[1]) {
				return false
			}
		}
		x.Value, x.Rating, x.RatingScale = 0, 0, 0
		y.Value, y.Rating, y.RatingScale = 0, 0, 0
		if x != y {
			return false
		}
	}
	return true
}

func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}
