package server

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
)

var (
	errMethodNotAllowed = errors.New("method not allowed")
	errShuttingDown     = errors.New("the server is shutting down")
	errNotFound         = errors.New("not found")
)

// routes builds the handler. Paths are matched by hand rather than with http.ServeMux because ServeMux
// cleans paths and redirects, and the static handler must see the raw path to refuse traversal attempts.
func (s *Server) routes() http.Handler {
	return s.guard(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		switch {
		case strings.HasPrefix(p, "/api/call/"):
			s.handleCall(w, r)
		case p == "/api/events":
			s.handleEvents(w, r)
		case p == "/api/upload":
			s.handleUpload(w, r)
		case p == "/api/health":
			s.handleHealth(w, r)
		case p == "/api" || strings.HasPrefix(p, "/api/"):
			writeError(w, r, http.StatusNotFound, errNotFound)
		default:
			s.handleAsset(w, r)
		}
	}))
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		writeError(w, r, http.StatusMethodNotAllowed, errMethodNotAllowed)
		return
	}
	writeJSON(w, http.StatusOK, map[string]bool{"ok": true})
}

// writeError answers {"error": message} on API paths and plain text elsewhere (a person reads those in the
// browser window).
func writeError(w http.ResponseWriter, r *http.Request, status int, err error) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSON(w, status, map[string]string{"error": err.Error()})
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(err.Error() + "\n"))
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	out, _ := json.Marshal(v) // only called with maps of plain values, which always encode
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(append(out, '\n'))
}
