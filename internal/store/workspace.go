package store

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Extension is the file extension workspaces are expected to have. Open does not enforce it.
const Extension = ".wayline"

// defaultTimeout is how long Open waits for another process to release the file lock: long enough to
// ride out a command that is just finishing, short enough that a second window reports the problem at once.
const defaultTimeout = time.Second

// Options tune Open. The zero value is a sensible default.
type Options struct {
	// Timeout is how long Open waits for the file lock held by another process: zero means one second, a
	// negative value means try once.
	Timeout time.Duration
	// ReadOnly opens the file with a shared lock: several read-only processes may open it at once, no
	// writer can. Every write returns ErrReadOnly.
	ReadOnly bool
	// Now stamps committed batches; nil means time.Now. Tests inject a fixed clock.
	Now func() time.Time
}

// Workspace is an open workspace file. Its methods are safe for concurrent use, except that one Import
// must be driven by one goroutine at a time.
type Workspace struct {
	db       *bolt.DB
	path     string
	readOnly bool
	now      func() time.Time

	// writeMu serialises the short write transactions and the start of an import, so that a write never
	// queues behind an import held by its own caller (see ErrImportRunning).
	writeMu sync.Mutex
	active  *Import // the open import, if any; guarded by writeMu

	summaryMu sync.Mutex
	summary   *Summary // cached Summary; valid while summaryTx is the last committed transaction
	summaryTx int
}

// Open opens the workspace at path, creating it when missing, and upgrades an older schema in one
// transaction. Errors: ErrLocked (another process holds the file; the message names the file and says to
// close the other window), ErrNotWorkspace, ErrNewerSchema, ErrReadOnly (a read-only open of a file that
// needs upgrading or of a missing file's creation), or the operating system's error (fs.ErrNotExist for a
// missing file opened read-only, fs.ErrPermission).
func Open(path string, opts Options) (*Workspace, error) {
	if opts.Timeout == 0 {
		opts.Timeout = defaultTimeout
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{
		Timeout:  opts.Timeout,
		ReadOnly: opts.ReadOnly,
		// The hashmap freelist stays fast after RemoveBatch frees many pages; the array one scans linearly.
		FreelistType: bolt.FreelistMapType,
	})
	switch {
	case errors.Is(err, bolt.ErrTimeout):
		return nil, fmt.Errorf("%w: %s is open in another Wayline window or command; close the other Wayline window (or wait for the command to finish) and try again",
			ErrLocked, path)
	case errors.Is(err, bolt.ErrInvalid), errors.Is(err, bolt.ErrVersionMismatch), errors.Is(err, bolt.ErrChecksum):
		return nil, fmt.Errorf("%w: %s is not a workspace file (%v); choose a %s file, or a new name to create one",
			ErrNotWorkspace, path, err, Extension)
	case err != nil:
		return nil, fmt.Errorf("cannot open workspace %s: %w", path, err)
	}
	w := &Workspace{db: db, path: path, readOnly: opts.ReadOnly, now: opts.Now}
	if err := w.upgrade(); err != nil {
		db.Close()
		return nil, err
	}
	return w, nil
}

// Close rolls back an open import and closes the file. Closing twice is harmless. Close must not run while
// another goroutine is inside a method of the open Import.
func (w *Workspace) Close() error {
	w.writeMu.Lock()
	im := w.active
	w.writeMu.Unlock()
	if im != nil {
		im.Rollback()
	}
	return w.db.Close()
}

// Path is the file path the workspace was opened with.
func (w *Workspace) Path() string { return w.path }

// Name is the file's base name without the .wayline extension: what a window title shows.
func (w *Workspace) Name() string {
	return strings.TrimSuffix(filepath.Base(w.path), Extension)
}

// update runs fn in a short write transaction, refusing while read-only or while an import is open.
func (w *Workspace) update(fn func(*bolt.Tx) error) error {
	if w.readOnly {
		return fmt.Errorf("%w: %s; reopen it for writing", ErrReadOnly, w.path)
	}
	w.writeMu.Lock()
	defer w.writeMu.Unlock()
	if w.active != nil {
		return fmt.Errorf("%w: wait for it to finish, then try again", ErrImportRunning)
	}
	return w.db.Update(fn)
}
