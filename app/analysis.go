package app

import (
	"wayline/internal/explore"
	"wayline/internal/store"
)

// snapshot returns the open workspace's analysis snapshot, building it on first use. Writes that change
// what analyses see (imports, removals, rules, stages) drop it with invalidate.
func (s *session) snapshot() (*explore.Snapshot, error) {
	s.snapMu.Lock()
	defer s.snapMu.Unlock()
	if s.snap != nil {
		return s.snap, nil
	}
	var snap *explore.Snapshot
	err := s.with(func(ws *store.Workspace) error {
		var err error
		snap, err = explore.Load(ws)
		return err
	})
	if err != nil {
		return nil, err
	}
	s.snap = snap
	return snap, nil
}

// invalidate drops the snapshot; the next analysis loads the workspace again.
func (s *session) invalidate() {
	s.snapMu.Lock()
	s.snap, s.personas, s.personaOf = nil, nil, nil
	s.snapMu.Unlock()
}

// replace installs a snapshot rebuilt in memory (new rules or stages on the same rows).
func (s *session) replace(snap *explore.Snapshot) {
	s.snapMu.Lock()
	s.snap, s.personaOf = snap, nil
	s.snapMu.Unlock()
}

// changed tells every view that what the workspace says has changed (an import, a removal, new rules or
// stages), so figures such as the filter bar's customer count are fetched again.
func (s *session) changed() {
	s.mu.RLock()
	e, path := s.emitter, ""
	if s.ws != nil {
		path = s.ws.Path()
	}
	s.mu.RUnlock()
	e.Emit(EventWorkspaceChanged, map[string]string{"path": path})
}

// emit sends one event to the frontend.
func (s *session) emit(name string, data any) {
	s.mu.RLock()
	e := s.emitter
	s.mu.RUnlock()
	e.Emit(name, data)
}
