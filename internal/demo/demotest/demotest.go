package demotest

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"wayline/internal/demo"
	"wayline/internal/explore"
	"wayline/internal/importer"
	"wayline/internal/store"
)

// Data is a demo workspace loaded for analysis, with what the demo planted in it.
type Data struct {
	// Snap is the workspace as the app loads it: identity under the default rules, journeys under the
	// planted stage model.
	Snap *explore.Snapshot
	// Manifest lists the demo's exports; Planted is its planted truth (Manifest.Planted).
	Manifest demo.Manifest
	Planted  demo.Planted
	// ExportDir holds the demo's exports: the raw files with their recipes, Manifest.TruthFile and
	// Manifest.PlantedFile.
	ExportDir string

	path string // the built workspace file, shared: Copy hands out copies
}

var (
	built   sync.Map // demo.Options → func() (*Data, error)
	dirsMu  sync.Mutex
	dirs    []string // folders Load built in, for Main to remove
	benches sync.Map // customers → func() (*journey.View, error)
)

// Load returns the demo workspace for opts, built on the first call of the test binary. It skips the test
// under -short and fails it when the build fails.
func Load(tb testing.TB, opts demo.Options) *Data {
	tb.Helper()
	if testing.Short() {
		tb.Skip("builds and imports a demo workspace")
	}
	f, _ := built.LoadOrStore(opts, sync.OnceValues(func() (*Data, error) { return build(opts) }))
	d, err := f.(func() (*Data, error))()
	if err != nil {
		tb.Fatalf("building the demo workspace (%d customers, seed %d): %v", opts.Customers, opts.Seed, err)
	}
	return d
}

// Copy copies the demo workspace file into tb.TempDir() and returns the copy's path: the test may open it
// writable, change it, and it goes when the test ends.
func (d *Data) Copy(tb testing.TB) string {
	tb.Helper()
	return d.CopyTo(tb, tb.TempDir())
}

// CopyTo copies the demo workspace file into dir as demo.wayline and returns its path, for a workspace
// that outlives the test that made it (one shared by several tests, in a folder TestMain removes).
func (d *Data) CopyTo(tb testing.TB, dir string) string {
	tb.Helper()
	dst := filepath.Join(dir, "demo.wayline")
	if err := copyFile(dst, d.path); err != nil {
		tb.Fatalf("copying the demo workspace: %v", err)
	}
	return dst
}

// Run runs the package's tests, removes the folders Load built in and returns the tests' exit code. A test
// package that uses Load calls it from TestMain:
//
//	func TestMain(m *testing.M) { os.Exit(demotest.Run(m)) }
func Run(m *testing.M) int {
	code := m.Run()
	dirsMu.Lock()
	defer dirsMu.Unlock()
	for _, dir := range dirs {
		os.RemoveAll(dir)
	}
	return code
}

func build(opts demo.Options) (*Data, error) {
	dir, err := os.MkdirTemp("", "wayline-demotest-")
	if err != nil {
		return nil, err
	}
	dirsMu.Lock()
	dirs = append(dirs, dir)
	dirsMu.Unlock()
	path := filepath.Join(dir, "demo.wayline")
	if err := importer.BuildDemo(context.Background(), path, opts, nil); err != nil {
		return nil, err
	}
	exportDir := filepath.Join(dir, "export")
	manifest, err := demo.Export(exportDir, opts)
	if err != nil {
		return nil, err
	}
	ws, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer ws.Close()
	snap, err := explore.Load(ws)
	if err != nil {
		return nil, err
	}
	// Tests compare what analyses find with what was planted, under the planted stages: a workspace that
	// came back with other stages (a guessed model) would make them fail for the wrong reason.
	if got, want := snap.Journeys.Stages(), manifest.Planted.Stages; !slices.Equal(got, want) {
		return nil, fmt.Errorf("the workspace's stages are %v, want the planted %v", got, want)
	}
	return &Data{Snap: snap, Manifest: manifest, Planted: manifest.Planted, ExportDir: exportDir, path: path}, nil
}

func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
