package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// SettingsTx reads and writes settings inside one write transaction (UpdateSettings). A Get sees the Puts
// made before it in the same transaction. It must not be used after UpdateSettings returns.
type SettingsTx struct{ b *bolt.Bucket }

// Get returns a copy of the named setting, or nil when it is not set.
func (s SettingsTx) Get(name string) json.RawMessage {
	return bytes.Clone(s.b.Get([]byte(name)))
}

// Put stores a setting. Errors: ErrInvalidName, ErrInvalidJSON.
func (s SettingsTx) Put(name string, v json.RawMessage) error {
	if err := checkNamedJSON("setting", name, v); err != nil {
		return err
	}
	return s.b.Put([]byte(name), v)
}

// Delete removes a setting; removing one that is not set is harmless.
func (s SettingsTx) Delete(name string) error {
	return s.b.Delete([]byte(name))
}

// UpdateSettings runs fn in one write transaction over the settings: a read-check-write (a version check,
// a counter) cannot interleave with another writer, and either all of fn's writes are stored or, when fn
// returns an error, none. fn's error is returned as is. Errors: ErrReadOnly, ErrImportRunning.
func (w *Workspace) UpdateSettings(fn func(s SettingsTx) error) error {
	return w.update(func(tx *bolt.Tx) error { return fn(SettingsTx{b: tx.Bucket(bucketSettings)}) })
}

// SettingsWithPrefix calls fn for every setting whose name starts with prefix, in byte order of the names
// (a range scan: the cost is the matching settings, not all of them). fn's value is a copy; an error from fn
// stops the scan and is returned.
func (w *Workspace) SettingsWithPrefix(prefix string, fn func(name string, v json.RawMessage) error) error {
	p := []byte(prefix)
	return w.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketSettings).Cursor()
		for k, v := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, v = c.Next() {
			if err := fn(string(k), bytes.Clone(v)); err != nil {
				return fmt.Errorf("setting %q: %w", k, err)
			}
		}
		return nil
	})
}

// Now is the workspace's clock (Options.Now): packages that stamp what they store use it, so tests that
// inject a clock get reproducible times.
func (w *Workspace) Now() time.Time { return w.now() }
