package server

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

var errBadPath = errors.New("invalid path")

// handleAsset serves a file of Options.Assets, or index.html for client-side routes.
//
// The path is checked before it touches the file system, so that nothing outside Assets is reachable even
// through an fs.FS that is less strict than embed.FS: no NUL, no backslash (a separator on Windows), no
// encoded slash or backslash (which would smuggle a separator past the split into segments), and no ".",
// ".." or empty segment (fs.ValidPath). Such requests get 400, not the fallback page, so that probes are
// visible as errors.
func (s *Server) handleAsset(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		writeError(w, r, http.StatusMethodNotAllowed, errMethodNotAllowed)
		return
	}
	name, ok := assetName(r)
	if !ok {
		writeError(w, r, http.StatusBadRequest, errBadPath)
		return
	}
	if s.opts.Assets == nil {
		writeError(w, r, http.StatusNotFound, errNotFound)
		return
	}
	if s.serveFile(w, r, name) {
		return
	}
	// Client-side routes (/journeys, /personas/3) have no dot in their last segment; missing files do.
	if strings.Contains(path.Base(name), ".") || !s.serveFile(w, r, "index.html") {
		writeError(w, r, http.StatusNotFound, errNotFound)
	}
}

// assetName maps the request path to a name inside Assets, or reports that the path is not acceptable.
func assetName(r *http.Request) (string, bool) {
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	if raw := strings.ToLower(r.URL.RawPath); strings.Contains(raw, "%2f") || strings.Contains(raw, "%5c") {
		return "", false
	}
	name := strings.TrimPrefix(p, "/")
	name = strings.TrimSuffix(name, "/") // "/journeys/" is the route "/journeys"
	if name == "" {
		return "index.html", true
	}
	if !fs.ValidPath(name) {
		return "", false
	}
	return name, true
}

// serveFile writes the regular file name of Assets and reports whether it existed.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, name string) bool {
	f, err := s.opts.Assets.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		return false
	}
	content, ok := f.(io.ReadSeeker)
	if !ok {
		data, err := io.ReadAll(f)
		if err != nil {
			s.opts.Logf("server: read asset %s: %v", name, err)
			return false
		}
		content = bytes.NewReader(data)
	}
	// Vite puts content-hashed bundles under assets/: they never change under the same name.
	if strings.HasPrefix(name, "assets/") {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "no-cache")
	}
	http.ServeContent(w, r, name, modTime(info), content)
	return true
}

// modTime hides the zero time of embedded files so that no bogus Last-Modified header is sent.
func modTime(info fs.FileInfo) time.Time {
	if t := info.ModTime(); !t.IsZero() && t.Unix() > 0 {
		return t
	}
	return time.Time{}
}
