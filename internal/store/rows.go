package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"wayline/internal/record"
)

// ForEachRow calls fn for every stored row of every batch, in key order: by batch id, then in the order
// Add stored them. It reads one consistent snapshot (an import running meanwhile is not seen). Each row
// is freshly decoded and may be kept; repeated labels (identifier types, touchpoints, channels, devices,
// attribute names) share one string. An error from fn stops the scan and is returned as is; a row that
// cannot be decoded returns an error wrapping ErrCorrupt. fn must not write to the workspace: the scan
// holds a bbolt read transaction, and a write that grows the file waits for it to end.
func (w *Workspace) ForEachRow(fn func(batch uint64, row record.Row) error) error {
	in := newInterner()
	return w.db.View(func(tx *bolt.Tx) error {
		return forEachCommittedRow(tx, func(id uint64, k, v []byte) error {
			row, err := decodeRow(v, in)
			if err != nil {
				return fmt.Errorf("row %x: %w", k, err)
			}
			return fn(id, row)
		})
	})
}
