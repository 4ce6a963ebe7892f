package store

import (
	"encoding/json"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"wayline/internal/record"
)

// NewBatch describes an import about to start.
type NewBatch struct {
	Files  []FileInfo      // at least one; Add's file argument indexes this list
	Recipe json.RawMessage // how the files were read; stored with the batch (empty or valid JSON)
}

// Import is an open import batch. It is stored whole or not at all, even if the process is killed at any
// moment: rows are written in transactions of a few megabytes under a pending marker that readers ignore
// and the next Open removes, and the batch record appears only in Commit's transaction. (One transaction
// for the whole import would hold every row as a bbolt node until commit: over 500 MB for a million rows.)
// Readers keep working meanwhile and see the workspace as it was before the import. An Import holds
// bbolt's write lock from BeginImport to Commit or Rollback, and is driven by one goroutine.
type Import struct {
	w       *Workspace
	tx      *bolt.Tx // the current chunk's transaction; nil after a failed flush
	rows    *bolt.Bucket
	flushed bool // some chunk was committed: rows are on disk under the pending marker
	id      uint64
	files   []FileInfo
	recipe  json.RawMessage
	seen    map[Fingerprint]struct{} // every fingerprint committed before, plus this batch's
	fresh   []Fingerprint            // this batch's fingerprints, stored at Commit
	counts  Counts
	stats   *statsBuilder
	rejects []Rejection
	seq     uint64
	arena   arena
	scratch []byte
	block   []byte // rows encoded since the last Put (see block.go)
	key     [16]byte
	err     error // first failure; Commit returns it
	closed  bool
}

// BeginImport starts a batch. It loads the fingerprints of all committed batches (16 bytes each plus map
// overhead) so that Add can tell duplicates in memory. Errors: ErrReadOnly, ErrImportRunning (one import at
// a time per workspace), ErrFileIndex (no files), ErrInvalidJSON (a malformed recipe).
func (w *Workspace) BeginImport(nb NewBatch) (*Import, error) {
	if w.readOnly {
		return nil, fmt.Errorf("%w: %s; reopen it for writing to import", ErrReadOnly, w.path)
	}
	if len(nb.Files) == 0 {
		return nil, fmt.Errorf("%w: a batch needs at least one file", ErrFileIndex)
	}
	if len(nb.Recipe) > 0 && !json.Valid(nb.Recipe) {
		return nil, fmt.Errorf("%w: the batch recipe", ErrInvalidJSON)
	}
	w.writeMu.Lock()
	defer w.writeMu.Unlock()
	if w.active != nil {
		return nil, fmt.Errorf("%w: finish it before starting another", ErrImportRunning)
	}
	tx, err := w.db.Begin(true)
	if err != nil {
		return nil, err
	}
	im := &Import{
		w:      w,
		files:  append([]FileInfo(nil), nb.Files...),
		recipe: append(json.RawMessage(nil), nb.Recipe...),
		stats:  newStatsBuilder(len(nb.Files)),
	}
	im.useTx(tx)
	// The marker goes into the first chunk's transaction: an import that never flushes a chunk (a small
	// one, or a re-import of known rows) commits or discards it together with everything else.
	err = func() error {
		if im.id, err = tx.Bucket(bucketBatches).NextSequence(); err != nil {
			return err
		}
		if err := markPending(tx, im.id, w.now().UnixMicro()); err != nil {
			return err
		}
		im.seen, err = loadFingerprints(tx, 1<<16)
		return err
	}()
	if err != nil {
		tx.Rollback()
		return nil, err
	}
	w.active = im
	return im, nil
}

// chunkBytes is how many bytes of encoded rows one transaction writes before Add commits it and opens the
// next. bbolt keeps every row of a transaction as a node in memory (about three times the row's size)
// until commit, and copies them all whenever the file grows; 8 MiB chunks keep that small while the
// per-commit cost (one fsync, rewriting the last leaf and its branch) stays negligible.
var chunkBytes = 8 << 20 // a variable only so that tests can force many chunks

func (im *Import) useTx(tx *bolt.Tx) {
	im.tx = tx
	im.rows = tx.Bucket(bucketRows)
	// Rows arrive in key order, so full pages are right: bbolt's default half-full split would double the
	// file and the pages written.
	im.rows.FillPercent = 1.0
}

// flush commits the current chunk and opens the next transaction.
func (im *Import) flush() error {
	err := im.tx.Commit()
	im.tx = nil
	if err != nil {
		return fmt.Errorf("writing rows of import batch %d: %w", im.id, err)
	}
	im.flushed = true
	// bbolt no longer references the committed values, so their memory can hold the next chunk.
	im.arena.reset()
	tx, err := im.w.db.Begin(true)
	if err != nil {
		return err
	}
	im.useTx(tx)
	return nil
}

// ID is the id the batch will have once committed.
func (im *Import) ID() uint64 { return im.id }

// Add stores row as coming from file (an index into the batch's files; row.File is set from it). It
// returns false without storing when fp was committed by an earlier batch or added earlier in this one,
// counting the row as a duplicate. Errors: ErrFileIndex, ErrImportClosed, or a bbolt failure; after an
// error Commit fails too.
func (im *Import) Add(file int, row record.Row, fp Fingerprint) (bool, error) {
	if im.closed {
		return false, ErrImportClosed
	}
	if im.err != nil {
		return false, im.err
	}
	if file < 0 || file >= len(im.files) {
		return false, fmt.Errorf("%w: %d (batch has %d files)", ErrFileIndex, file, len(im.files))
	}
	if _, dup := im.seen[fp]; dup {
		im.counts.Duplicates++
		return false, nil
	}
	row.File = file
	im.scratch = appendRow(im.scratch[:0], row)
	im.block = appendToBlock(im.block, im.scratch)
	if len(im.block) >= blockBytes {
		if err := im.putBlock(); err != nil {
			return false, err
		}
	}
	im.seen[fp] = struct{}{}
	im.fresh = append(im.fresh, fp)
	im.counts.Rows++
	im.counts.Events += len(row.Events)
	im.counts.Links += row.Links()
	im.counts.Attributes += len(row.Attributes)
	im.stats.add(file, &row)
	return true, nil
}

// putBlock stores the rows encoded since the last call as one value, and commits the chunk's transaction
// once it holds chunkBytes.
func (im *Import) putBlock() error {
	if len(im.block) == 0 {
		return nil
	}
	im.seq++
	putEntryKey(&im.key, im.id, im.seq)
	// bbolt copies the key but keeps a reference to the value until commit.
	if err := im.rows.Put(im.key[:], im.arena.copy(im.block)); err != nil {
		im.err = fmt.Errorf("storing row block %d of batch %d: %w", im.seq, im.id, err)
		return im.err
	}
	im.block = im.block[:0]
	if im.arena.used >= chunkBytes {
		if err := im.flush(); err != nil {
			im.err = err
			return err
		}
	}
	return nil
}

// Reject records a row that could not be imported. Every call is counted; the first 1,000 are kept.
func (im *Import) Reject(r Rejection) {
	if im.closed {
		return
	}
	im.counts.Rejected++
	if len(im.rejects) < rejectionCap {
		im.rejects = append(im.rejects, r)
	}
}

// Skip counts a row the caller left out on purpose.
func (im *Import) Skip() {
	if !im.closed {
		im.counts.Skipped++
	}
}

// Counts is what the import has done so far (and, after Commit, what it did).
func (im *Import) Counts() Counts { return im.counts }

// SetFiles replaces the batch's file descriptions, for what is known only after reading (rows read,
// format, encoding). The list must keep its length; otherwise Commit fails with ErrFileIndex.
func (im *Import) SetFiles(files []FileInfo) {
	if im.closed || im.err != nil {
		return
	}
	if len(files) != len(im.files) {
		im.err = fmt.Errorf("%w: SetFiles got %d files, the batch has %d", ErrFileIndex, len(files), len(im.files))
		return
	}
	im.files = append(im.files[:0], files...)
}

// Commit stores the batch. When no row was new but some were duplicates it writes nothing and returns
// duplicate=true with a Batch whose ID is 0 and whose Counts say what happened; an import with no rows and
// no duplicates (say, every row rejected) is committed so its rejections can be shown. Errors: an earlier
// Add failure, ErrImportClosed, or a bbolt failure (disk full); on any error nothing is stored.
func (im *Import) Commit() (Batch, bool, error) {
	if im.closed {
		return Batch{}, false, ErrImportClosed
	}
	if im.err == nil {
		im.putBlock()
	}
	if im.err != nil {
		return Batch{}, false, errors.Join(im.err, im.Rollback())
	}
	if im.counts.Rows == 0 && im.counts.Duplicates > 0 {
		b := Batch{Time: im.w.now().UTC(), Files: im.files, Recipe: im.recipe, Counts: im.counts}
		return b, true, im.Rollback()
	}
	b := Batch{
		ID:     im.id,
		Time:   im.w.now().UTC(),
		Files:  im.files,
		Recipe: im.recipe,
		Counts: im.counts,
		Stats:  im.stats.finish(im.files),
	}
	if err := im.write(b); err != nil {
		return Batch{}, false, errors.Join(err, im.Rollback())
	}
	err := im.tx.Commit()
	im.tx = nil
	if err != nil {
		err = fmt.Errorf("committing import batch %d: %w", im.id, err)
		return Batch{}, false, errors.Join(err, im.Rollback())
	}
	im.finish()
	return b, false, nil
}

// write puts the fingerprints, rejections and batch record into the transaction.
func (im *Import) write(b Batch) error {
	if err := putFingerprints(im.tx, im.id, im.fresh); err != nil {
		return err
	}
	rej := im.tx.Bucket(bucketRejections)
	rej.FillPercent = 1.0
	for i, r := range im.rejects {
		putEntryKey(&im.key, im.id, uint64(i+1))
		if err := rej.Put(im.key[:], appendRejection(nil, r)); err != nil {
			return err
		}
	}
	v, err := json.Marshal(b)
	if err != nil {
		return err
	}
	if err := im.tx.Bucket(bucketPending).Delete(batchKey(im.id)); err != nil {
		return err
	}
	if err := rowsChanged(im.tx); err != nil {
		return err
	}
	return im.tx.Bucket(bucketBatches).Put(batchKey(im.id), v)
}

// Rollback discards the batch, deleting the rows of chunks already written. It is safe to call after
// Commit (it does nothing then), so callers can defer it. If the deletion fails, the next writable Open
// finishes it.
func (im *Import) Rollback() error {
	if im.closed {
		return nil
	}
	var err error
	if im.tx != nil {
		err = im.tx.Rollback()
		im.tx = nil
	}
	if im.flushed {
		// Still the active import, so w.update would refuse: write directly.
		err = errors.Join(err, im.w.db.Update(func(tx *bolt.Tx) error { return removeEntries(tx, im.id) }))
	}
	im.finish()
	return err
}

// finish releases the write transaction slot and the memory the import held.
func (im *Import) finish() {
	im.closed = true
	im.seen, im.fresh, im.arena, im.scratch, im.block = nil, nil, arena{}, nil, nil
	im.w.writeMu.Lock()
	if im.w.active == im {
		im.w.active = nil
	}
	im.w.writeMu.Unlock()
}

// arena hands out copies of encoded rows from a few large blocks, reused chunk after chunk: bbolt holds
// every value until commit, and a small allocation per row would cost the garbage collector far more.
type arena struct {
	blocks [][]byte
	cur    int // index of the block being filled
	used   int // bytes handed out since the last reset
}

const arenaBlock = 1 << 20

func (a *arena) copy(b []byte) []byte {
	a.used += len(b)
	if len(b) > arenaBlock/8 {
		return append([]byte(nil), b...)
	}
	if len(a.blocks) == 0 || cap(a.blocks[a.cur])-len(a.blocks[a.cur]) < len(b) {
		if len(a.blocks) > 0 {
			a.cur++
		}
		if a.cur == len(a.blocks) {
			a.blocks = append(a.blocks, make([]byte, 0, arenaBlock))
		}
	}
	blk := a.blocks[a.cur]
	start := len(blk)
	blk = append(blk, b...)
	a.blocks[a.cur] = blk
	return blk[start:len(blk):len(blk)]
}

// reset makes every block reusable; callers guarantee nothing references the handed-out copies.
func (a *arena) reset() {
	for i := range a.blocks {
		a.blocks[i] = a.blocks[i][:0]
	}
	a.cur, a.used = 0, 0
}
