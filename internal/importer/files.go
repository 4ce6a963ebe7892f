package importer

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"wayline/internal/store"
)

// describe fingerprints a file before it is imported: size and SHA-256 go into the batch record so a user
// can tell later exactly which export a batch came from.
func describe(path string) (store.FileInfo, error) {
	f, err := os.Open(path)
	if err != nil {
		return store.FileInfo{}, fmt.Errorf("cannot read %s: %w", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return store.FileInfo{}, err
	}
	if st.IsDir() {
		return store.FileInfo{}, fmt.Errorf("%s is a folder: name the export files inside it", path)
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return store.FileInfo{}, fmt.Errorf("cannot read %s: %w", path, err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return store.FileInfo{Name: filepath.Base(path), Path: abs, Size: st.Size(), SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// sourceName is the fallback source for a file whose recipe names none: its name without extensions.
func sourceName(path string) string {
	base := filepath.Base(path)
	for {
		ext := filepath.Ext(base)
		if ext == "" || ext == base {
			return base
		}
		switch strings.ToLower(ext) {
		case ".gz", ".csv", ".tsv", ".txt", ".json", ".jsonl", ".ndjson", ".xlsx", ".xes":
			base = strings.TrimSuffix(base, ext)
		default:
			return base
		}
	}
}
