package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"sync"

	"wayline/internal/importer"
	"wayline/internal/ingest"
	"wayline/internal/store"
)

// Imports is the bound struct for inspecting files, running imports and managing batches and recipes.
type Imports struct {
	app    *App
	mu     sync.Mutex
	cancel context.CancelFunc // of the running import, nil when none runs
}

var importPatterns = []FilePattern{
	{Name: "Exports (CSV, TSV, JSON, JSON Lines, XLSX, XES)", Pattern: "*.csv;*.tsv;*.txt;*.json;*.jsonl;*.ndjson;*.xlsx;*.xes;*.gz"},
	{Name: "All files", Pattern: "*"},
}

// PickFiles shows the native dialog for choosing export files (desktop only); empty when cancelled.
func (im *Imports) PickFiles() ([]string, error) {
	d, err := im.app.dialogs()
	if err != nil {
		return nil, err
	}
	paths, err := d.OpenFiles("Choose exports to import", importPatterns)
	if paths == nil {
		paths = []string{}
	}
	return paths, err
}

// ErrImportRunning is returned when an import is started while another one runs.
var ErrImportRunning = errors.New("an import is already running: wait for it to finish or cancel it")

// Run imports files as one batch, emitting progress. Nothing is stored if it fails or is cancelled.
func (im *Imports) Run(req ImportRequest) (ImportResult, error) {
	ctx, cancel := context.WithCancel(context.Background())
	im.mu.Lock()
	if im.cancel != nil {
		im.mu.Unlock()
		cancel()
		return ImportResult{}, ErrImportRunning
	}
	im.cancel = cancel
	im.mu.Unlock()
	defer func() {
		im.mu.Lock()
		im.cancel = nil
		im.mu.Unlock()
		cancel()
	}()

	emitter := im.app.session.emitter
	var out ImportResult
	err := im.app.session.with(func(ws *store.Workspace) error {
		res, err := importer.Run(ctx, ws, importer.Request{Files: req.Files, Recipe: req.Recipe, Strict: req.Strict,
			Pseudonymize: req.Pseudonymize, Progress: func(p importer.Progress) { emitter.Emit(EventImportProgress, p) }})
		if err != nil {
			return err
		}
		if req.SaveRecipeAs != "" && len(res.Recipes) > 0 {
			if err := saveRecipe(ws, req.SaveRecipeAs, res.Recipes[0]); err != nil {
				return err
			}
		}
		out = importResult(res)
		return nil
	})
	if err == nil && !out.Duplicate {
		im.app.session.invalidate() // outside with: snapshot() holds snapMu while it waits for mu
		im.app.session.changed()
	}
	emitter.Emit(EventImportDone, map[string]any{"ok": err == nil, "batch": out.Batch})
	return out, err
}

func importResult(res importer.Result) ImportResult {
	c := res.Counts
	out := ImportResult{Batch: res.Batch.ID, Rows: res.RowsRead, Stored: c.Rows, Events: c.Events, Links: c.Links, Attributes: c.Attributes,
		Rejected: c.Rejected, Duplicate: res.Duplicate, Duplicates: c.Duplicates, Skipped: c.Skipped,
		Seconds: res.Elapsed.Seconds(), Rejections: toRejections(res.Rejections), Files: []FileInfo{}, Notes: res.Notes}
	if len(out.Rejections) > 200 {
		out.Rejections = out.Rejections[:200]
	}
	if out.Notes == nil {
		out.Notes = []string{}
	}
	for _, f := range res.Batch.Files {
		out.Files = append(out.Files, toFileInfo(f))
	}
	return out
}

// Cancel stops the running import; it is a no-op when none runs.
func (im *Imports) Cancel() error {
	im.mu.Lock()
	defer im.mu.Unlock()
	if im.cancel != nil {
		im.cancel()
	}
	return nil
}

// List returns the import batches, oldest first.
func (im *Imports) List() ([]Batch, error) {
	out := []Batch{}
	err := im.app.session.with(func(ws *store.Workspace) error {
		batches, err := ws.Batches()
		for _, b := range batches {
			out = append(out, toBatch(b))
		}
		return err
	})
	return out, err
}

// Remove deletes a batch and everything that came from it.
func (im *Imports) Remove(id uint64) error {
	err := im.app.session.with(func(ws *store.Workspace) error { return ws.RemoveBatch(id) })
	im.app.session.invalidate()
	im.app.session.changed()
	return err
}

// Rejections lists the rejected rows kept for a batch (the first 1,000).
func (im *Imports) Rejections(id uint64) ([]Rejection, error) {
	var out []Rejection
	err := im.app.session.with(func(ws *store.Workspace) error {
		rs, err := ws.Rejections(id)
		out = toRejections(rs)
		return err
	})
	return out, err
}

// Recipes lists the recipes saved in the workspace, by name.
func (im *Imports) Recipes() ([]SavedRecipe, error) {
	out := []SavedRecipe{}
	err := im.app.session.with(func(ws *store.Workspace) error {
		saved, err := ws.Recipes()
		if err != nil {
			return err
		}
		for name, raw := range saved {
			r, err := ingest.ParseRecipe(raw)
			if err != nil {
				return fmt.Errorf("saved recipe %q is damaged (%v): save it again from the import screen", name, err)
			}
			out = append(out, SavedRecipe{Name: name, Recipe: r})
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, err
}

// SaveRecipe saves a recipe under name, replacing one of the same name.
func (im *Imports) SaveRecipe(name string, recipe Recipe) error {
	return im.app.session.with(func(ws *store.Workspace) error { return saveRecipe(ws, name, recipe) })
}

func saveRecipe(ws *store.Workspace, name string, r ingest.Recipe) error {
	if name == "" {
		return errors.New("a saved recipe needs a name")
	}
	r.Name = name
	raw, err := json.Marshal(r)
	if err != nil {
		return err
	}
	if _, err := ingest.ParseRecipe(raw); err != nil {
		return fmt.Errorf("recipe not saved: %w", err)
	}
	return ws.SaveRecipe(name, raw)
}
