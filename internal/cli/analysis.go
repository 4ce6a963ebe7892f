package cli

import (
	"wayline/internal/explore"
	"wayline/internal/journey"
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

// openView is what the analysis commands share: check the call, load the workspace, apply the filter flags.
func openView(ws string, args []string, filter func() (journey.Filter, error)) (*explore.Snapshot, *journey.View, error) {
	if err := needWorkspace(ws); err != nil {
		return nil, nil, err
	}
	if len(args) > 0 {
		return nil, nil, usagef("unexpected argument %q", args[0])
	}
	f, err := filter()
	if err != nil {
		return nil, nil, err
	}
	snap, err := loadSnapshot(ws)
	if err != nil {
		return nil, nil, err
	}
	v, err := snap.Journeys.Apply(f)
	return snap, v, err
}
