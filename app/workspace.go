package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"wayline/internal/demo"
	"wayline/internal/importer"
	"wayline/internal/store"
)

// Workspace is the bound struct for opening, creating and summarising workspaces.
type Workspace struct{ app *App }

var workspacePatterns = []FilePattern{{Name: "Wayline workspaces (*.wayline)", Pattern: "*.wayline"}}

// Environment tells the frontend what this transport can do.
func (w *Workspace) Environment() (Environment, error) {
	return Environment{Desktop: w.app.cfg.Desktop, ReadOnly: w.app.cfg.ReadOnly, Version: w.app.cfg.Version}, nil
}

// Current names the open workspace.
func (w *Workspace) Current() (WorkspaceInfo, error) {
	var info WorkspaceInfo
	err := w.app.session.with(func(ws *store.Workspace) error {
		info = WorkspaceInfo{Open: true, Path: ws.Path(), Name: ws.Name()}
		return nil
	})
	if errors.Is(err, ErrNoWorkspace) {
		w.app.session.mu.RLock()
		defer w.app.session.mu.RUnlock()
		return WorkspaceInfo{Error: w.app.session.startupErr}, nil
	}
	return info, err
}

// Recent lists the workspaces opened before, newest first.
func (w *Workspace) Recent() ([]RecentWorkspace, error) {
	out := []RecentWorkspace{}
	for _, e := range w.app.session.recent.Entries() {
		_, err := os.Stat(e.Path)
		out = append(out, RecentWorkspace{Path: e.Path, Name: workspaceName(e.Path),
			LastOpened: formatTime(e.LastOpened), Exists: err == nil})
	}
	return out, nil
}

// Open opens an existing workspace file.
func (w *Workspace) Open(path string) (WorkspaceInfo, error) {
	if err := w.app.session.open(path, false); err != nil {
		return WorkspaceInfo{}, err
	}
	return w.Current()
}

// Create creates a new, empty workspace file and opens it.
func (w *Workspace) Create(path string) (WorkspaceInfo, error) {
	path = withExtension(path)
	if err := w.app.session.open(path, true); err != nil {
		return WorkspaceInfo{}, err
	}
	return w.Current()
}

// CreateDemo builds the demo workspace (a fictional retailer's exports with planted personas and friction)
// at path, or at the default demo location when path is empty, and opens it. An existing demo file is
// opened as it is.
func (w *Workspace) CreateDemo(path string, customers int) (WorkspaceInfo, error) {
	if path == "" {
		path = w.app.DefaultDemoPath()
	}
	path = withExtension(path)
	if _, err := os.Stat(path); err == nil {
		return w.Open(path)
	}
	if customers <= 0 {
		customers = w.app.cfg.DemoCustomers
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return WorkspaceInfo{}, err
	}
	e := w.app.session.emitter
	err := importer.BuildDemo(context.Background(), path, demo.Options{Customers: customers}, func(p importer.Progress) {
		e.Emit(EventImportProgress, p)
	})
	if err != nil {
		return WorkspaceInfo{}, err
	}
	e.Emit(EventImportDone, map[string]any{"demo": true})
	return w.Open(path)
}

// Close closes the open workspace.
func (w *Workspace) Close() error { return w.app.session.close() }

// PickOpen shows the native open dialog; "" when cancelled.
func (w *Workspace) PickOpen() (string, error) {
	d, err := w.app.dialogs()
	if err != nil {
		return "", err
	}
	return d.OpenFile("Open a workspace", workspacePatterns)
}

// PickSave shows the native save dialog for a new workspace; "" when cancelled.
func (w *Workspace) PickSave() (string, error) {
	d, err := w.app.dialogs()
	if err != nil {
		return "", err
	}
	path, err := d.SaveFile("New workspace", "client.wayline", workspacePatterns)
	if err != nil || path == "" {
		return "", err
	}
	return withExtension(path), nil
}

// Overview summarises the open workspace.
func (w *Workspace) Overview() (Overview, error) {
	var out Overview
	err := w.app.session.with(func(ws *store.Workspace) error {
		sum, err := ws.Summary()
		if err != nil {
			return err
		}
		batches, err := ws.Batches()
		if err != nil {
			return err
		}
		out = overviewOf(ws, sum, batches)
		if obs := w.app.cfg.Observer; obs != nil {
			obs(fmt.Sprintf("overview workspace=%s events=%d batches=%d", out.Name, out.Events, len(out.Batches)))
		}
		return nil
	})
	return out, err
}

func overviewOf(ws *store.Workspace, sum store.Summary, batches []store.Batch) Overview {
	out := Overview{Name: ws.Name(), Path: ws.Path(), Events: sum.Events, Rows: sum.Rows, Links: sum.Links,
		Attributes: sum.Attributes, Rejected: sum.Rejected, From: formatMicros(sum.MinTime), To: formatMicros(sum.MaxTime),
		Batches: []Batch{}, Sources: []SourceSummary{}}
	if st, err := os.Stat(ws.Path()); err == nil {
		out.FileSize = st.Size()
	}
	for typ, n := range sum.Identifiers {
		out.Identifiers += n
		out.IdentifierTypes = append(out.IdentifierTypes, NamedCount{typ, n})
	}
	out.IdentifierTypes = sortCounts(out.IdentifierTypes, 0)
	out.Channels = sortCounts(countsOf(sum.Channels), 0)
	out.Devices = sortCounts(countsOf(sum.Devices), 0)
	out.Touchpoints = sortCounts(countsOf(sum.Touchpoints), 20)

	sources := map[string]*SourceSummary{}
	var order []string
	for _, b := range batches {
		out.Batches = append(out.Batches, toBatch(b))
		for name, events := range b.Stats.Sources {
			s := sources[name]
			if s == nil {
				s = &SourceSummary{Name: name}
				sources[name] = s
				order = append(order, name)
			}
			s.Events += events
		}
		for _, f := range b.Files {
			if s := sources[f.Source]; s != nil {
				s.Files++
				from, to := formatMicros(b.Stats.MinTime), formatMicros(b.Stats.MaxTime)
				if from != "" && (s.From == "" || from < s.From) {
					s.From = from
				}
				if to > s.To {
					s.To = to
				}
			}
		}
	}
	for _, name := range order {
		out.Sources = append(out.Sources, *sources[name])
	}
	sort.SliceStable(out.Sources, func(i, j int) bool { return out.Sources[i].Events > out.Sources[j].Events })
	return out
}

func countsOf(m map[string]int) []NamedCount {
	out := make([]NamedCount, 0, len(m))
	for k, v := range m {
		if k == "" {
			k = "(none)"
		}
		out = append(out, NamedCount{k, v})
	}
	return out
}

// sortCounts orders by count, then name, and keeps the first limit (0 = all).
func sortCounts(c []NamedCount, limit int) []NamedCount {
	if c == nil {
		c = []NamedCount{}
	}
	sort.Slice(c, func(i, j int) bool {
		if c[i].Count != c[j].Count {
			return c[i].Count > c[j].Count
		}
		return c[i].Name < c[j].Name
	})
	if limit > 0 && len(c) > limit {
		c = c[:limit]
	}
	return c
}

func workspaceName(path string) string {
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}

func withExtension(path string) string {
	if path != "" && filepath.Ext(path) == "" {
		return path + ".wayline"
	}
	return path
}

func (a *App) dialogs() (Dialogs, error) {
	a.session.mu.RLock()
	defer a.session.mu.RUnlock()
	if a.session.dialogs == nil {
		return nil, errors.New("file dialogs exist only in the desktop window: type the file's path instead")
	}
	return a.session.dialogs, nil
}
