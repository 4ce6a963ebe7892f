package importer

import (
	"context"
	"os"
	"path/filepath"

	"wayline/internal/demo"
	"wayline/internal/store"
)

// BuildDemo writes the demo's exports to a temporary folder and imports each file as its own batch, the
// way a user would import a client's exports one by one, into a new workspace at path. progress (may be
// nil) sees the whole build as one 0..1 fraction. A failed build leaves no file behind. The workspace keeps
// the demo's planted stage model as its own (saveDemoStages).
func BuildDemo(ctx context.Context, path string, opts demo.Options, progress func(Progress)) error {
	dir, err := os.MkdirTemp("", "wayline-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	manifest, err := demo.Export(dir, opts)
	if err != nil {
		return err
	}
	ws, err := store.Open(path, store.Options{})
	if err != nil {
		return err
	}
	fail := func(err error) error {
		ws.Close()
		os.Remove(path)
		return err
	}
	n := len(manifest.Files)
	for i, f := range manifest.Files {
		recipe := f.Recipe
		req := Request{Files: []string{filepath.Join(dir, f.Name)}, Recipe: &recipe}
		if progress != nil {
			req.Progress = func(p Progress) {
				p.FileIndex, p.Files = i, n
				p.Fraction = (float64(i) + p.Fraction) / float64(n)
				progress(p)
			}
		}
		if _, err := Run(ctx, ws, req); err != nil {
			return fail(err)
		}
	}
	if err := saveDemoStages(ws, manifest.Planted); err != nil {
		return fail(err)
	}
	return ws.Close()
}
