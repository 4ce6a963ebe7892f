package model

import (
	"fmt"

	"wayline/internal/store"
)

// Load returns the model of ws's committed rows: from the workspace's snapshot when one is stored for the
// current rows, decodes and names exactly the committed batches; otherwise by reading every row. A
// writable workspace that had to read the rows stores a fresh snapshot, so only the first open after a
// change (or after a crash between a commit and its snapshot) pays for the rows; a read-only one just
// reads them. A damaged snapshot is never an error here: the rows are the truth and it is rebuilt.
func Load(ws *store.Workspace) (*Model, error) {
	// The generation is read before the rows, so a snapshot written from them is refused if a batch is
	// committed or removed meanwhile.
	gen, err := ws.Generation()
	if err != nil {
		return nil, err
	}
	batches, err := ws.Batches()
	if err != nil {
		return nil, err
	}
	m, err := loadSnapshot(ws, batches)
	if err == nil {
		return m, nil
	}
	m, err = loadRows(ws, batches)
	if err != nil {
		return nil, err
	}
	if !ws.ReadOnly() {
		// Best effort: failing to store the snapshot (an import started meanwhile, the disk is full) costs
		// the next open a row scan, nothing else, and must not fail this one.
		_ = writeSnapshot(ws, gen, m)
	}
	return m, nil
}

// LoadSnapshot returns the model from ws's snapshot only. Errors: ErrNoSnapshot when there is none for
// the current rows, ErrBadSnapshot when it is damaged or does not describe the committed batches, or the
// store's error.
func LoadSnapshot(ws *store.Workspace) (*Model, error) {
	batches, err := ws.Batches()
	if err != nil {
		return nil, err
	}
	return loadSnapshot(ws, batches)
}

func loadSnapshot(ws *store.Workspace, batches []store.Batch) (*Model, error) {
	var m *Model
	var decodeErr error
	found, err := ws.ReadSnapshot(snapshotName, func(data []byte) error {
		m, decodeErr = DecodeSnapshot(data)
		return nil
	})
	switch {
	case err != nil:
		return nil, err
	case !found:
		return nil, ErrNoSnapshot
	case decodeErr != nil:
		return nil, decodeErr
	}
	if err := m.describes(batches); err != nil {
		return nil, err
	}
	return m, nil
}

// SaveSnapshot reads ws's rows and stores their snapshot: the importer calls it after each commit, and
// anyone who changed the rows (say, removed a batch) may, so that the next open, read-only ones included,
// decodes the snapshot instead of every row. Errors: store.ErrStaleSnapshot (the rows changed while they
// were read: call it again), store.ErrReadOnly, store.ErrImportRunning, or the store's error.
func SaveSnapshot(ws *store.Workspace) error {
	gen, err := ws.Generation()
	if err != nil {
		return err
	}
	m, err := LoadRows(ws)
	if err != nil {
		return err
	}
	return writeSnapshot(ws, gen, m)
}

func writeSnapshot(ws *store.Workspace, gen uint64, m *Model) error {
	data, err := EncodeSnapshot(m)
	if err != nil {
		return err
	}
	return ws.WriteSnapshot(snapshotName, gen, data)
}

// describes checks a decoded snapshot against the workspace's committed batches: the same ids in the
// same order, the same files and sources, and as many rows each. The store's generation already says the
// snapshot is current; this guards against a writer that did not keep it (an older Wayline).
func (m *Model) describes(batches []store.Batch) error {
	if len(batches) != len(m.Batches) {
		return fmt.Errorf("%w: %d batches, the workspace has %d", ErrBadSnapshot, len(m.Batches), len(batches))
	}
	rows := make([]int, len(batches))
	for _, r := range m.Rows {
		rows[r.Batch]++
	}
	for i, b := range batches {
		mb := m.Batches[i]
		if mb.ID != b.ID || len(mb.Files) != len(b.Files) || rows[i] != b.Counts.Rows {
			return fmt.Errorf("%w: batch %d does not match the workspace's", ErrBadSnapshot, b.ID)
		}
		for j, f := range b.Files {
			src := f.Source
			if src == "" {
				src = f.Name
			}
			if mb.Files[j].Name != f.Name || m.dict[mb.Files[j].Source] != src {
				return fmt.Errorf("%w: file %d of batch %d does not match the workspace's", ErrBadSnapshot, j, b.ID)
			}
		}
	}
	return nil
}
