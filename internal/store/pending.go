package store

import (
	"encoding/binary"

	bolt "go.etcd.io/bbolt"
)

// An import writes its rows in several transactions (see Import) under a pending marker; its batch record,
// fingerprints and rejections appear only in the last one, which also removes the marker. Readers walk
// committed batch records and so never see a pending batch's rows. If the process dies mid-import, the
// marker and the rows it covers remain until the next writable Open removes them.

// markPending records that rows of batch id may be committed before the batch itself.
func markPending(tx *bolt.Tx, id uint64, startUnixMicro int64) error {
	return tx.Bucket(bucketPending).Put(batchKey(id), binary.BigEndian.AppendUint64(nil, uint64(startUnixMicro)))
}

// removeEntries deletes everything stored under batch id except its batch record: rows, fingerprints,
// rejections and any pending marker.
func removeEntries(tx *bolt.Tx, id uint64) error {
	for _, name := range [][]byte{bucketRows, bucketFingerprints, bucketRejections} {
		if err := deletePrefix(tx.Bucket(name), batchKey(id)); err != nil {
			return err
		}
	}
	return tx.Bucket(bucketPending).Delete(batchKey(id))
}

// removeInterrupted removes what killed imports left behind, in one transaction. It runs on every
// writable Open; no import of this process can be running yet.
func (w *Workspace) removeInterrupted() error {
	var ids []uint64
	err := w.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketPending).ForEach(func(k, _ []byte) error {
			ids = append(ids, binary.BigEndian.Uint64(k))
			return nil
		})
	})
	if err != nil || len(ids) == 0 {
		return err
	}
	return w.db.Update(func(tx *bolt.Tx) error {
		for _, id := range ids {
			if err := removeEntries(tx, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// forEachCommittedRow calls fn for the rows of committed batches only (k is the key of the row's block), batch by batch in id order, so that
// a pending batch's rows are skipped without a lookup per row.
func forEachCommittedRow(tx *bolt.Tx, fn func(id uint64, k, v []byte) error) error {
	rows := tx.Bucket(bucketRows).Cursor()
	batches := tx.Bucket(bucketBatches).Cursor()
	for bk, _ := batches.First(); bk != nil; bk, _ = batches.Next() {
		id := binary.BigEndian.Uint64(bk)
		for k, v := rows.Seek(bk); k != nil && len(k) == 16 && binary.BigEndian.Uint64(k[:8]) == id; k, v = rows.Next() {
			err := forEachInBlock(v, func(row []byte) error { return fn(id, k, row) })
			if err != nil {
				return err
			}
		}
	}
	return nil
}
