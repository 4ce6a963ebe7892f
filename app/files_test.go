package app_test

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wayline/app"
)

// saveDialog answers every save dialog with one path and records what it was asked.
type saveDialog struct {
	path     string
	asked    string
	patterns []app.FilePattern
}

func (d *saveDialog) OpenFile(string, []app.FilePattern) (string, error)    { return "", nil }
func (d *saveDialog) OpenFiles(string, []app.FilePattern) ([]string, error) { return nil, nil }
func (d *saveDialog) SaveFile(_, name string, ps []app.FilePattern) (string, error) {
	d.asked, d.patterns = name, ps
	return d.path, nil
}

func TestFilesSaveWritesWhereTheDialogSays(t *testing.T) {
	a, _ := newApp(t)
	dir := t.TempDir()
	d := &saveDialog{path: filepath.Join(dir, "client-map")}
	a.SetDialogs(d)
	data := []byte("stage,customers\nAwareness,4200\n")
	got, err := a.Files.Save("journey-map.csv", "text/csv", base64.StdEncoding.EncodeToString(data))
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(dir, "client-map.csv")
	if got.Path != want || got.Bytes != len(data) {
		t.Fatalf("got %+v, want path %s and %d bytes", got, want, len(data))
	}
	if b, _ := os.ReadFile(want); string(b) != string(data) {
		t.Errorf("got file %q, want %q", b, data)
	}
	if d.asked != "journey-map.csv" || len(d.patterns) != 1 || d.patterns[0].Pattern != "*.csv" {
		t.Errorf("dialog asked for %q with %+v, want journey-map.csv with *.csv", d.asked, d.patterns)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

func TestFilesSaveRefusesBadInput(t *testing.T) {
	a, _ := newApp(t)
	if _, err := a.Files.Save("map.png", "image/png", "AAAA"); err == nil || !strings.Contains(err.Error(), "desktop window") {
		t.Errorf("without dialogs: got %v, want the desktop-window error", err)
	}
	a.SetDialogs(&saveDialog{path: filepath.Join(t.TempDir(), "x.png")})
	if _, err := a.Files.Save("map.png", "image/png", "not base64!"); err == nil || !strings.Contains(err.Error(), "base64") {
		t.Errorf("bad data: got %v, want a base64 error", err)
	}
	if _, err := a.Files.Save("  ", "image/png", "AAAA"); err == nil || !strings.Contains(err.Error(), "name") {
		t.Errorf("no name: got %v, want a name error", err)
	}
}

func TestFilesSaveCancelledWritesNothing(t *testing.T) {
	a, _ := newApp(t)
	a.SetDialogs(&saveDialog{path: ""})
	got, err := a.Files.Save("map.svg", "image/svg+xml", base64.StdEncoding.EncodeToString([]byte("<svg/>")))
	if err != nil || got.Path != "" {
		t.Errorf("cancelled: got %+v, %v; want empty path and no error", got, err)
	}
}
