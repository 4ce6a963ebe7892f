package store

import (
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestMigrateRunsInOrder drives migrate with a table of three steps from every starting version, checking
// that exactly the missing steps run, in order, and that the version is recorded.
func TestMigrateRunsInOrder(t *testing.T) {
	var ran []uint64
	step := func(to uint64) migration {
		return migration{to: to, what: "test", up: func(tx *bolt.Tx) error { ran = append(ran, to); return nil }}
	}
	table := []migration{step(1), step(2), step(3)}
	tests := []struct {
		from uint64
		want []uint64
	}{
		{0, []uint64{1, 2, 3}},
		{1, []uint64{2, 3}},
		{2, []uint64{3}},
		{3, nil},
	}
	for _, tt := range tests {
		ran = nil
		db := openBolt(t)
		err := db.Update(func(tx *bolt.Tx) error {
			if err := migrate(tx, tt.from, table); err != nil {
				return err
			}
			if tt.from < 3 {
				if got, err := schemaOf(tx, "x"); err != nil || got != 3 {
					t.Errorf("from %d: recorded version got (%d, %v), want 3", tt.from, got, err)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatalf("from %d: %v", tt.from, err)
		}
		if !reflect.DeepEqual(ran, tt.want) {
			t.Errorf("from %d: ran %v, want %v", tt.from, ran, tt.want)
		}
	}
}

// TestFailedMigrationChangesNothing checks that an upgrade is all or nothing.
func TestFailedMigrationChangesNothing(t *testing.T) {
	boom := errors.New("boom")
	table := []migration{
		{to: 1, what: "ok", up: func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("x")); return err }},
		{to: 2, what: "fails", up: func(tx *bolt.Tx) error { return boom }},
	}
	db := openBolt(t)
	err := db.Update(func(tx *bolt.Tx) error { return migrate(tx, 0, table) })
	if !errors.Is(err, boom) {
		t.Fatalf("got %v, want the migration's error", err)
	}
	db.View(func(tx *bolt.Tx) error {
		if tx.Bucket([]byte("x")) != nil || tx.Bucket(bucketMeta) != nil {
			t.Error("a failed upgrade left buckets behind")
		}
		return nil
	})
	gap := []migration{{to: 2, what: "gap", up: func(*bolt.Tx) error { return nil }}}
	if err := db.Update(func(tx *bolt.Tx) error { return migrate(tx, 0, gap) }); err == nil {
		t.Error("a table that skips a version: got no error")
	}
}

func openBolt(t *testing.T) *bolt.DB {
	t.Helper()
	db, err := bolt.Open(filepath.Join(t.TempDir(), "m.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
