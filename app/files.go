package app

import (
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Files is the bound struct that saves what the frontend exports (PNG, SVG, CSV) in the desktop window,
// where a browser download does not exist. In a browser the frontend downloads a Blob and never calls it.
type Files struct{ app *App }

// SavedFile says where an export went; Path is "" when the user cancelled the dialog.
type SavedFile struct {
	Path  string `json:"path"`
	Bytes int    `json:"bytes"`
}

// maxExport bounds one saved export: a 300 dpi PNG of a large map is a few tens of megabytes.
const maxExport = 256 << 20

// Save asks where to save suggestedName and writes the base64 data there. The file is written next to its
// final name and renamed into place, so a failed save never leaves half a file under the chosen name.
func (f *Files) Save(suggestedName, mime, data string) (SavedFile, error) {
	name := filepath.Base(strings.TrimSpace(suggestedName))
	if name == "." || name == string(filepath.Separator) || name == "" {
		return SavedFile{}, fmt.Errorf("no file name to save under: give the export a name")
	}
	if base64.StdEncoding.DecodedLen(len(data)) > maxExport {
		return SavedFile{}, fmt.Errorf("the export is larger than %d MB: export a smaller view", maxExport>>20)
	}
	raw, err := base64.StdEncoding.DecodeString(data)
	if err != nil {
		return SavedFile{}, fmt.Errorf("the export's data is not base64 (%v): this is a bug in the app", err)
	}
	d, err := f.app.dialogs()
	if err != nil {
		return SavedFile{}, err
	}
	path, err := d.SaveFile("Save "+name, name, exportPatterns(name, mime))
	if err != nil || path == "" {
		return SavedFile{}, err
	}
	if filepath.Ext(path) == "" {
		path += filepath.Ext(name)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return SavedFile{}, fmt.Errorf("cannot write in %s: %w", filepath.Dir(path), err)
	}
	defer os.Remove(tmp.Name()) // after the rename it no longer exists; before it, it is rubbish
	if _, err := tmp.Write(raw); err != nil {
		tmp.Close()
		return SavedFile{}, fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return SavedFile{}, fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return SavedFile{}, fmt.Errorf("saving %s: %w", path, err)
	}
	return SavedFile{Path: path, Bytes: len(raw)}, nil
}

// exportPatterns offers the export's own kind in the dialog.
func exportPatterns(name, mime string) []FilePattern {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == "" {
		return nil
	}
	label := strings.ToUpper(ext[1:]) + " file"
	if mime != "" {
		label += " (" + mime + ")"
	}
	return []FilePattern{{Name: label, Pattern: "*" + ext}}
}
