package server

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Uploaded is the answer of /api/upload: the server-side path to pass to Imports.Inspect and Imports.Run,
// and the client's file name for display.
type Uploaded struct {
	Path string `json:"path"`
	Name string `json:"name"`
	Size int64  `json:"size"`
}

// compressedExt are suffixes after which the previous extension still matters ("orders.csv.gz").
var compressedExt = map[string]bool{"gz": true, "gzip": true}

// handleUpload serves POST /api/upload: the multipart field "file" is streamed to a new file in
// Options.UploadDir, never held in memory, under a random name that keeps only a sanitised extension.
func (s *Server) handleUpload(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeError(w, r, http.StatusMethodNotAllowed, errMethodNotAllowed)
		return
	}
	if s.opts.UploadDir == "" {
		writeError(w, r, http.StatusNotFound, ErrUploadsDisabled)
		return
	}
	if s.opts.ReadOnly {
		writeError(w, r, http.StatusForbidden, ErrReadOnly)
		return
	}
	if r.ContentLength > s.opts.MaxUpload {
		writeError(w, r, http.StatusRequestEntityTooLarge, s.uploadTooLarge())
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxUpload)
	mr, err := r.MultipartReader()
	if err != nil {
		writeError(w, r, http.StatusBadRequest, fmt.Errorf("send the file as multipart/form-data: %w", err))
		return
	}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			writeError(w, r, http.StatusBadRequest, ErrNoFile)
			return
		}
		if err != nil {
			s.uploadFailed(w, r, err)
			return
		}
		if part.FormName() != "file" {
			_ = part.Close()
			continue
		}
		up, err := s.store(part)
		_ = part.Close()
		if err != nil {
			s.uploadFailed(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, up)
		return
	}
}

func (s *Server) uploadTooLarge() error {
	return fmt.Errorf("%w: the file is larger than the %s upload limit", ErrTooLarge, formatBytes(s.opts.MaxUpload))
}

func (s *Server) uploadFailed(w http.ResponseWriter, r *http.Request, err error) {
	if tooLarge(err) {
		writeError(w, r, http.StatusRequestEntityTooLarge, s.uploadTooLarge())
		return
	}
	var pathErr *os.PathError
	if errors.As(err, &pathErr) {
		s.opts.Logf("server: store upload: %v", err)
		writeError(w, r, http.StatusInternalServerError, errors.New("the server could not store the file; see the server log"))
		return
	}
	writeError(w, r, http.StatusBadRequest, fmt.Errorf("upload interrupted: %w", err))
}

// store copies part into a new file; on any failure the partial file is removed. Each upload gets a
// folder of its own with a random name, and keeps a cleaned version of the user's file name inside it:
// the name is what the import shows everywhere (the source, the batch, "orders.csv:15"), so it must be
// the one the user knows, while the random folder keeps uploads apart and the path unguessable.
func (s *Server) store(part *multipart.Part) (Uploaded, error) {
	var id [16]byte
	if _, err := rand.Read(id[:]); err != nil {
		return Uploaded{}, err
	}
	name := displayName(part.FileName())
	dir := filepath.Join(s.opts.UploadDir, hex.EncodeToString(id[:]))
	if err := os.Mkdir(dir, 0o700); err != nil {
		return Uploaded{}, err
	}
	dst := filepath.Join(dir, storedName(name))
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		_ = os.Remove(dir)
		return Uploaded{}, err
	}
	n, err := io.Copy(f, part)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.RemoveAll(dir)
		return Uploaded{}, err
	}
	return Uploaded{Path: dst, Name: name, Size: n}, nil
}

// storedName is the display name made safe as a file name on any system: letters, digits, spaces and
// . - _ ( ) are kept, anything else becomes "_", no leading dot, at most 100 bytes with the extension the
// importer needs (safeExt) kept at the end.
func storedName(name string) string {
	ext := safeExt(name)
	stem := name[:len(name)-len(ext)]
	stem = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(" .-_()", r):
			return r
		default:
			return '_'
		}
	}, stem)
	stem = strings.TrimLeft(stem, ". ")
	for len(stem)+len(ext) > 100 {
		_, size := utf8.DecodeLastRuneInString(stem)
		stem = stem[:len(stem)-size]
	}
	if stem == "" {
		stem = "upload"
	}
	return stem + strings.ToLower(ext)
}

// displayName is the client's file name for showing only: the last path element (browsers on Windows once
// sent full paths with backslashes) without control characters.
func displayName(raw string) string {
	if i := strings.LastIndexAny(raw, `/\`); i >= 0 {
		raw = raw[i+1:]
	}
	name := strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == unicode.ReplacementChar {
			return -1
		}
		return r
	}, raw)
	if name == "" || name == "." || name == ".." {
		return "upload"
	}
	return name
}

// safeExt returns the extension the importer needs to recognise the format (".csv", ".xlsx", ".csv.gz"),
// lower case and limited to short alphanumeric suffixes; anything else becomes no extension.
func safeExt(name string) string {
	parts := strings.Split(strings.ToLower(name), ".")
	if len(parts) < 2 {
		return ""
	}
	last := parts[len(parts)-1]
	if !extOK(last) {
		return ""
	}
	ext := "." + last
	if compressedExt[last] && len(parts) >= 3 && extOK(parts[len(parts)-2]) {
		ext = "." + parts[len(parts)-2] + ext
	}
	return ext
}

func extOK(s string) bool {
	if s == "" || len(s) > 8 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
