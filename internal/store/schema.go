package store

import (
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// migration brings a workspace from version to-1 up to version to.
type migration struct {
	to   uint64
	what string
	up   func(tx *bolt.Tx) error
}

// migrations are run in order on open, all in one transaction, so an upgrade is whole or not at all. The
// schema version is the last entry's to. Never edit a released entry: append a new one.
//
// Version 0 is a bbolt file without Wayline buckets: what a process killed between bbolt creating the
// file and the first transaction leaves behind.
var migrations = []migration{
	{to: 1, what: "create the workspace buckets", up: func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketBatches, bucketRows, bucketFingerprints, bucketRejections,
			bucketRecipes, bucketSecrets, bucketSettings, bucketPending} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		return nil
	}},
}

// SchemaVersion is the schema this build writes and the newest it reads.
func SchemaVersion() uint64 { return migrations[len(migrations)-1].to }

// upgrade reads the schema version and runs the migrations the file lacks.
func (w *Workspace) upgrade() error {
	var version uint64
	err := w.db.View(func(tx *bolt.Tx) error {
		var err error
		version, err = schemaOf(tx, w.path)
		return err
	})
	if err != nil {
		return err
	}
	latest := SchemaVersion()
	switch {
	case version > latest:
		return fmt.Errorf("%w: %s has schema %d, this Wayline reads up to %d; update Wayline to open it",
			ErrNewerSchema, w.path, version, latest)
	case version == latest:
		if w.readOnly {
			return nil
		}
		return w.removeInterrupted()
	case w.readOnly:
		return fmt.Errorf("%w: %s needs upgrading from schema %d to %d; open it once for writing",
			ErrReadOnly, w.path, version, latest)
	}
	if err := w.db.Update(func(tx *bolt.Tx) error { return migrate(tx, version, migrations) }); err != nil {
		return err
	}
	return w.removeInterrupted()
}

// schemaOf returns the file's schema version: 0 for a bbolt file without any bucket, ErrNotWorkspace for
// one whose buckets some other program made.
func schemaOf(tx *bolt.Tx, path string) (uint64, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		empty := true
		tx.ForEach(func([]byte, *bolt.Bucket) error { empty = false; return nil })
		if !empty {
			return 0, fmt.Errorf("%w: %s is a bbolt database written by another program; choose a %s file",
				ErrNotWorkspace, path, Extension)
		}
		return 0, nil
	}
	v := meta.Get(keySchema)
	if v == nil {
		return 0, nil
	}
	if len(v) != 8 {
		return 0, fmt.Errorf("%w: %s has a malformed schema version", ErrCorrupt, path)
	}
	return binary.BigEndian.Uint64(v), nil
}

// migrate runs every migration above version, in order, recording the version after each.
func migrate(tx *bolt.Tx, version uint64, table []migration) error {
	meta, err := tx.CreateBucketIfNotExists(bucketMeta)
	if err != nil {
		return err
	}
	for _, m := range table {
		if m.to <= version {
			continue
		}
		if m.to != version+1 {
			return fmt.Errorf("store: migrations skip from version %d to %d", version, m.to)
		}
		if err := m.up(tx); err != nil {
			return fmt.Errorf("upgrading workspace to schema %d (%s): %w", m.to, m.what, err)
		}
		version = m.to
		if err := meta.Put(keySchema, binary.BigEndian.AppendUint64(nil, version)); err != nil {
			return err
		}
	}
	return nil
}
