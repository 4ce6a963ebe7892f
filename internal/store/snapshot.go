package store

import (
	"encoding/binary"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Snapshots are derived values kept beside the rows so that opening a workspace need not decode every row:
// the store keeps them opaque (the model package owns the format of its snapshot) and guarantees only
// freshness. Every transaction that changes which rows are committed (Commit of a batch, RemoveBatch) also
// increments the workspace's generation and deletes every snapshot, in that same transaction, so a
// snapshot can never describe rows other than the committed ones: a crash right after a commit leaves no
// snapshot rather than a stale one. WriteSnapshot stores a value only for the generation it was computed
// from, and refuses when the rows changed meanwhile.

var (
	bucketSnapshots = []byte("snapshots")  // name → 8-byte generation (big-endian) + the derived value
	keyGeneration   = []byte("generation") // in bucketMeta: 8-byte big-endian count of row changes
)

// Generation returns the workspace's data generation: a number that grows with every committed batch and
// every removal, and is 0 in a workspace whose rows never changed. Read it before reading the rows a
// snapshot is computed from, and hand it to WriteSnapshot.
func (w *Workspace) Generation() (uint64, error) {
	var gen uint64
	err := w.db.View(func(tx *bolt.Tx) error {
		var err error
		gen, err = generationOf(tx)
		return err
	})
	return gen, err
}

// ReadSnapshot calls fn with the snapshot stored under name, if there is one for the current generation,
// and reports whether there was. data points into the file's memory and is valid only during fn: copy what
// is kept. fn's error is returned as is. A read-only workspace reads snapshots like any other.
func (w *Workspace) ReadSnapshot(name string, fn func(data []byte) error) (found bool, err error) {
	err = w.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSnapshots)
		if b == nil {
			return nil
		}
		v := b.Get([]byte(name))
		if len(v) < 8 {
			return nil
		}
		gen, err := generationOf(tx)
		if err != nil || binary.BigEndian.Uint64(v[:8]) != gen {
			return err
		}
		found = true
		return fn(v[8:])
	})
	return found, err
}

// WriteSnapshot stores data under name as derived from the rows of generation gen. When the workspace has
// moved past gen (a batch was committed or removed after gen was read) it stores nothing and returns
// ErrStaleSnapshot. Other errors: ErrReadOnly, ErrImportRunning, ErrInvalidName.
func (w *Workspace) WriteSnapshot(name string, gen uint64, data []byte) error {
	if name == "" {
		return fmt.Errorf("%w: a snapshot name", ErrInvalidName)
	}
	return w.update(func(tx *bolt.Tx) error {
		now, err := generationOf(tx)
		if err != nil {
			return err
		}
		if now != gen {
			return fmt.Errorf("%w: computed from generation %d, the workspace is at %d", ErrStaleSnapshot, gen, now)
		}
		b, err := tx.CreateBucketIfNotExists(bucketSnapshots)
		if err != nil {
			return err
		}
		v := make([]byte, 8, 8+len(data))
		binary.BigEndian.PutUint64(v, gen)
		return b.Put([]byte(name), append(v, data...))
	})
}

// ReadOnly reports whether the workspace was opened with Options.ReadOnly: writes, snapshots included,
// return ErrReadOnly.
func (w *Workspace) ReadOnly() bool { return w.readOnly }

// generationOf reads the generation in tx; a file that never recorded one is at 0.
func generationOf(tx *bolt.Tx) (uint64, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return 0, nil
	}
	v := meta.Get(keyGeneration)
	switch len(v) {
	case 0:
		return 0, nil
	case 8:
		return binary.BigEndian.Uint64(v), nil
	}
	return 0, fmt.Errorf("%w: malformed data generation", ErrCorrupt)
}

// rowsChanged is called by every transaction that changes the committed rows: it increments the
// generation and drops every snapshot, so no snapshot outlives the rows it was derived from.
func rowsChanged(tx *bolt.Tx) error {
	gen, err := generationOf(tx)
	if err != nil {
		return err
	}
	meta, err := tx.CreateBucketIfNotExists(bucketMeta)
	if err != nil {
		return err
	}
	if err := meta.Put(keyGeneration, binary.BigEndian.AppendUint64(nil, gen+1)); err != nil {
		return err
	}
	if err := tx.DeleteBucket(bucketSnapshots); err != nil && !errors.Is(err, bolt.ErrBucketNotFound) {
		return err
	}
	return nil
}
