package store

import (
	"errors"
	"fmt"
	"testing"
)

func TestBlockRoundTripAndCorruption(t *testing.T) {
	var block []byte
	var want []string
	for i := 0; i < 300; i++ {
		row := fmt.Sprintf("row-%d-%s", i, make([]byte, i%7))
		want = append(want, row)
		block = appendToBlock(block, []byte(row))
	}
	var got []string
	if err := forEachInBlock(block, func(r []byte) error { got = append(got, string(r)); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) || got[0] != want[0] || got[299] != want[299] {
		t.Fatalf("got %d rows (first %q), want %d (first %q)", len(got), got[0], len(want), want[0])
	}
	// A block cut short, or with a length running past its end, is corrupt, never a panic.
	for _, bad := range [][]byte{block[:len(block)-3], {0x05, 'a'}, {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}} {
		err := forEachInBlock(bad, func([]byte) error { return nil })
		if !errors.Is(err, ErrCorrupt) {
			t.Errorf("block % x...: got %v, want ErrCorrupt", bad[:2], err)
		}
	}
}
