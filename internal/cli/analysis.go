package cli

import (
	"wayline/internal/explore"
	"wayline/internal/store"
)

// loadSnapshot opens a workspace read-only and builds its analysis snapshot.
func loadSnapshot(path string) (*explore.Snapshot, error) {
	if err := mustExist(path); err != nil {
		return nil, err
	}
	w, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer w.Close()
	return explore.Load(w)
}
