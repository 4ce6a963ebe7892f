package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Fingerprint identifies what a row asserts (the caller hashes the row's content and recipe). Two rows with
// the same fingerprint are the same fact, so the second is a duplicate wherever it comes from.
type Fingerprint [16]byte

// fingerprintChunk is how many fingerprints one stored value packs: 64 KiB values keep page writes
// sequential without making a value so large that reading one costs much.
const fingerprintChunk = 4096

// loadFingerprints reads every committed fingerprint into a set sized for extra more.
func loadFingerprints(tx *bolt.Tx, extra int) (map[Fingerprint]struct{}, error) {
	b := tx.Bucket(bucketFingerprints)
	n := 0
	err := b.ForEach(func(k, v []byte) error {
		n += len(v) / len(Fingerprint{})
		return nil
	})
	if err != nil {
		return nil, err
	}
	set := make(map[Fingerprint]struct{}, n+extra)
	err = b.ForEach(func(k, v []byte) error {
		if len(v)%len(Fingerprint{}) != 0 {
			return fmt.Errorf("%w: fingerprint chunk %x has %d bytes", ErrCorrupt, k, len(v))
		}
		for i := 0; i < len(v); i += len(Fingerprint{}) {
			set[Fingerprint(v[i:i+len(Fingerprint{})])] = struct{}{}
		}
		return nil
	})
	return set, err
}

// putFingerprints stores a batch's fingerprints packed, in chunks keyed batch id + chunk number. They are
// only ever loaded whole into a set, so they are kept in arrival order: sorting a million would cost more
// than writing them.
func putFingerprints(tx *bolt.Tx, id uint64, fps []Fingerprint) error {
	b := tx.Bucket(bucketFingerprints)
	b.FillPercent = 1.0
	var key [16]byte
	for chunk := uint64(0); len(fps) > 0; chunk++ {
		n := min(len(fps), fingerprintChunk)
		// bbolt keeps a reference to the value until commit, so every chunk needs its own buffer.
		v := make([]byte, 0, n*len(Fingerprint{}))
		for _, fp := range fps[:n] {
			v = append(v, fp[:]...)
		}
		putEntryKey(&key, id, chunk)
		if err := b.Put(key[:], v); err != nil {
			return err
		}
		fps = fps[n:]
	}
	return nil
}
