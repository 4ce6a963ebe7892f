package store

import (
	"encoding/binary"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Check verifies the file: bbolt's own consistency check (page tree, freelist), then Wayline's invariants:
// every row, fingerprint and rejection belongs to a committed batch, each batch holds as many rows and
// fingerprints as its Counts.Rows and as many rejections as it kept, and every row decodes. It reads the
// whole file. An interrupted import's leftovers are an error in a writable workspace (Open removes them)
// and tolerated in a read-only one (it cannot). Problems come back joined, each wrapping ErrCorrupt;
// ErrImportRunning while an import is open.
func (w *Workspace) Check() error {
	if w.readOnly {
		// No writer can exist: this process has none and the shared lock keeps others out.
		return w.db.View(func(tx *bolt.Tx) error { return check(tx, true) })
	}
	// bbolt's check reads the freelist, which a concurrent writer changes, so run it as the writer.
	w.writeMu.Lock()
	defer w.writeMu.Unlock()
	if w.active != nil {
		return fmt.Errorf("%w: check after it finishes", ErrImportRunning)
	}
	tx, err := w.db.Begin(true)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return check(tx, false)
}

func check(tx *bolt.Tx, allowPending bool) error {
	var errs []error
	for err := range tx.Check() {
		errs = append(errs, fmt.Errorf("%w: bbolt: %v", ErrCorrupt, err))
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	type tally struct{ rows, fingerprints, rejections int }
	seen := map[uint64]*tally{}
	batches := map[uint64]Batch{}
	err := tx.Bucket(bucketBatches).ForEach(func(k, v []byte) error {
		b, err := decodeBatch(k, v)
		if err != nil {
			errs = append(errs, err)
			return nil
		}
		batches[b.ID] = b
		seen[b.ID] = &tally{}
		return nil
	})
	if err != nil {
		return err
	}
	pending := map[uint64]bool{}
	err = tx.Bucket(bucketPending).ForEach(func(k, _ []byte) error {
		if len(k) != 8 {
			errs = append(errs, fmt.Errorf("%w: pending key %x is malformed", ErrCorrupt, k))
			return nil
		}
		id := binary.BigEndian.Uint64(k)
		pending[id] = true
		if !allowPending {
			errs = append(errs, fmt.Errorf("%w: interrupted import %d was not cleaned up", ErrCorrupt, id))
		}
		if _, ok := seen[id]; ok {
			errs = append(errs, fmt.Errorf("%w: batch %d is both committed and pending", ErrCorrupt, id))
		}
		return nil
	})
	if err != nil {
		return err
	}
	owner := func(bucket string, k []byte) *tally {
		id, ok := entryBatch(k)
		if !ok {
			errs = append(errs, fmt.Errorf("%w: %s key %x is malformed", ErrCorrupt, bucket, k))
			return nil
		}
		t := seen[id]
		if t == nil && !pending[id] {
			errs = append(errs, fmt.Errorf("%w: %s key %x belongs to no committed batch", ErrCorrupt, bucket, k))
		}
		return t
	}
	err = tx.Bucket(bucketRows).ForEach(func(k, v []byte) error {
		t := owner("rows", k)
		err := forEachInBlock(v, func(row []byte) error {
			if t != nil {
				t.rows++
			}
			if _, err := decodeRow(row, nil); err != nil {
				errs = append(errs, fmt.Errorf("row in block %x: %w", k, err))
			}
			return nil
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("row block %x: %w", k, err))
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = tx.Bucket(bucketFingerprints).ForEach(func(k, v []byte) error {
		if t := owner("fingerprints", k); t != nil {
			t.fingerprints += len(v) / len(Fingerprint{})
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = tx.Bucket(bucketRejections).ForEach(func(k, v []byte) error {
		if t := owner("rejections", k); t != nil {
			t.rejections++
		}
		return nil
	})
	if err != nil {
		return err
	}
	for id, t := range seen {
		c := batches[id].Counts
		if t.rows != c.Rows || t.fingerprints != c.Rows || t.rejections != min(c.Rejected, rejectionCap) {
			errs = append(errs, fmt.Errorf("%w: batch %d holds %d rows, %d fingerprints, %d rejections; its counts say %d rows, %d rejected",
				ErrCorrupt, id, t.rows, t.fingerprints, t.rejections, c.Rows, c.Rejected))
		}
	}
	return errors.Join(errs...)
}
