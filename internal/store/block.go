package store

import (
	"encoding/binary"
	"fmt"
)

// Rows are stored in blocks: one bbolt value holds many encoded rows, each prefixed by its length as a
// uvarint. A million-row import then makes a few thousand Puts instead of a million, and bbolt's per-key
// cost (a cursor search, a node entry, page overhead) almost disappears from the import's time and file.
//
// blockBytes is the size at which a block is closed; big enough to amortise the Put, small enough that a
// scan's working set stays in cache.
const blockBytes = 32 << 10

// appendToBlock appends one encoded row to a block.
func appendToBlock(block, row []byte) []byte {
	block = binary.AppendUvarint(block, uint64(len(row)))
	return append(block, row...)
}

// forEachInBlock calls fn with each encoded row of a block, in the order they were appended. A block whose
// lengths do not add up is corrupt.
func forEachInBlock(block []byte, fn func(row []byte) error) error {
	for len(block) > 0 {
		n, w := binary.Uvarint(block)
		if w <= 0 || n > uint64(len(block)-w) {
			return fmt.Errorf("%w: a row block's lengths do not add up", ErrCorrupt)
		}
		if err := fn(block[w : w+int(n)]); err != nil {
			return err
		}
		block = block[w+int(n):]
	}
	return nil
}
