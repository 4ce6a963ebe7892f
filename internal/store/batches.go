package store

import (
	"bytes"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Batches returns every committed batch in id (import) order.
func (w *Workspace) Batches() ([]Batch, error) {
	var out []Batch
	err := w.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketBatches).ForEach(func(k, v []byte) error {
			b, err := decodeBatch(k, v)
			out = append(out, b)
			return err
		})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Batch returns one committed batch. Errors: ErrNoBatch.
func (w *Workspace) Batch(id uint64) (Batch, error) {
	var b Batch
	err := w.db.View(func(tx *bolt.Tx) error {
		var err error
		b, err = getBatch(tx, id)
		return err
	})
	return b, err
}

// Rejections returns the rejections a batch kept (the first 1,000; Counts.Rejected has them all), in the
// order they were reported. Errors: ErrNoBatch.
func (w *Workspace) Rejections(id uint64) ([]Rejection, error) {
	var out []Rejection
	err := w.db.View(func(tx *bolt.Tx) error {
		if _, err := getBatch(tx, id); err != nil {
			return err
		}
		prefix := batchKey(id)
		c := tx.Bucket(bucketRejections).Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			r, err := decodeRejection(v)
			if err != nil {
				return err
			}
			out = append(out, r)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// RemoveBatch deletes a batch and everything that came from it: rows, fingerprints, rejections. Its rows
// are no longer duplicates, so importing the same files again stores them again. The file does not shrink;
// bbolt reuses the freed pages. Errors: ErrNoBatch, ErrReadOnly, ErrImportRunning.
func (w *Workspace) RemoveBatch(id uint64) error {
	return w.update(func(tx *bolt.Tx) error {
		if _, err := getBatch(tx, id); err != nil {
			return err
		}
		if err := removeEntries(tx, id); err != nil {
			return err
		}
		if err := rowsChanged(tx); err != nil {
			return err
		}
		return tx.Bucket(bucketBatches).Delete(batchKey(id))
	})
}

// deletePrefix deletes every key with the prefix, collecting keys in rounds rather than deleting under a
// moving cursor (bbolt's cursor may skip the key after a deleted one).
func deletePrefix(b *bolt.Bucket, prefix []byte) error {
	const round = 4096
	keys := make([][]byte, 0, round)
	for {
		keys = keys[:0]
		c := b.Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && len(keys) < round; k, _ = c.Next() {
			keys = append(keys, bytes.Clone(k))
		}
		if len(keys) == 0 {
			return nil
		}
		for _, k := range keys {
			if err := b.Delete(k); err != nil {
				return err
			}
		}
	}
}

func getBatch(tx *bolt.Tx, id uint64) (Batch, error) {
	k := batchKey(id)
	v := tx.Bucket(bucketBatches).Get(k)
	if v == nil {
		return Batch{}, fmt.Errorf("%w: %d; list the batches to see which ids exist", ErrNoBatch, id)
	}
	return decodeBatch(k, v)
}

func decodeBatch(k, v []byte) (Batch, error) {
	var b Batch
	if err := json.Unmarshal(v, &b); err != nil {
		return Batch{}, fmt.Errorf("%w: batch %x: %v", ErrCorrupt, k, err)
	}
	return b, nil
}
