package store

import "encoding/binary"

// Bucket names. Every per-batch bucket is keyed by batch id first (8 bytes, big-endian), so one batch's
// entries are one contiguous key range: imports append at the end, and RemoveBatch deletes a prefix.
var (
	bucketMeta         = []byte("meta")         // schema version
	bucketBatches      = []byte("batches")      // batch id → Batch as JSON
	bucketRows         = []byte("rows")         // batch id + seq → a block of encoded record.Rows (block.go)
	bucketFingerprints = []byte("fingerprints") // batch id + chunk → packed 16-byte fingerprints
	bucketRejections   = []byte("rejections")   // batch id + seq → encoded Rejection (first rejectionCap)
	bucketRecipes      = []byte("recipes")      // name → recipe JSON
	bucketSecrets      = []byte("secrets")      // name → 32 random bytes
	bucketSettings     = []byte("settings")     // name → JSON
	bucketPending      = []byte("pending")      // batch id → start time: an import whose rows are being written
)

var keySchema = []byte("schema")

// batchKey is the 8-byte key of a batch, and the prefix of all its entries in the per-batch buckets.
func batchKey(id uint64) []byte {
	return binary.BigEndian.AppendUint64(make([]byte, 0, 8), id)
}

// putEntryKey writes batch id and a sequence number into a 16-byte key.
func putEntryKey(k *[16]byte, id, seq uint64) {
	binary.BigEndian.PutUint64(k[:8], id)
	binary.BigEndian.PutUint64(k[8:], seq)
}

// entryBatch returns the batch id an entry key belongs to; ok is false for a malformed key.
func entryBatch(k []byte) (id uint64, ok bool) {
	if len(k) != 16 {
		return 0, false
	}
	return binary.BigEndian.Uint64(k[:8]), true
}
