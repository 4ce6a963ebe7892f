package server

import (
	"encoding/json"
	"net/http"
	"sync"
	"time"
)

// clientBuffer is how many events a slow event-stream client may lag behind before the oldest are dropped.
// Progress events supersede each other, so losing old ones costs nothing; the latest (often "done") stays.
const clientBuffer = 64

// writeTimeout bounds one write to an event stream.
const writeTimeout = 30 * time.Second

// hub fans Emit out to the connected event streams without ever waiting for one of them.
type hub struct {
	logf func(string, ...any)

	mu      sync.Mutex
	clients map[chan []byte]struct{}
	closed  bool
	done    chan struct{} // closed by close: streams end so a graceful shutdown need not wait for them
	dropped int64
}

func newHub(logf func(string, ...any)) *hub {
	return &hub{logf: logf, clients: make(map[chan []byte]struct{}), done: make(chan struct{})}
}

// Emit sends the event {"name": name, "data": data} to every connected /api/events client. It never blocks
// on a client: one that lags more than a small buffer loses its oldest events. It is the app layer's
// progress emitter in serve mode and may be called from any goroutine.
func (s *Server) Emit(name string, data any) {
	msg, err := json.Marshal(struct {
		Name string `json:"name"`
		Data any    `json:"data"`
	}{name, data})
	if err != nil {
		s.opts.Logf("server: event %s not sent: %v", name, err)
		return
	}
	s.hub.broadcast(msg)
}

func (h *hub) broadcast(msg []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		select {
		case c <- msg:
			continue
		default:
		}
		// Full: drop the oldest. Only broadcast sends, under h.mu, so after taking one out the send
		// below cannot block even if the client's writer drained the channel meanwhile.
		select {
		case <-c:
			h.dropped++
			if h.dropped == 1 || h.dropped%1000 == 0 {
				h.logf("server: a slow event client lost %d event(s) so far", h.dropped)
			}
		default:
		}
		c <- msg
	}
}

// subscribe registers a client; ok is false once the hub is closed.
func (h *hub) subscribe() (c chan []byte, ok bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, false
	}
	c = make(chan []byte, clientBuffer)
	h.clients[c] = struct{}{}
	return c, true
}

func (h *hub) unsubscribe(c chan []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.clients, c)
}

func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.closed {
		h.closed = true
		close(h.done)
	}
}

// handleEvents serves GET /api/events as a Server-Sent Events stream.
func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", http.MethodGet)
		writeError(w, r, http.StatusMethodNotAllowed, errMethodNotAllowed)
		return
	}
	rc := http.NewResponseController(w)
	c, ok := s.hub.subscribe()
	if !ok {
		writeError(w, r, http.StatusServiceUnavailable, errShuttingDown)
		return
	}
	defer s.hub.unsubscribe(c)

	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no") // a reverse proxy must not hold events back
	w.WriteHeader(http.StatusOK)
	// The retry hint and an immediate flush let EventSource fire "open" and reconnect quickly.
	if _, err := w.Write([]byte("retry: 2000\n\n")); err != nil {
		return
	}
	if err := rc.Flush(); err != nil {
		return
	}

	heartbeat := time.NewTicker(s.opts.Heartbeat)
	defer heartbeat.Stop()
	for {
		var chunk []byte
		select {
		case <-r.Context().Done():
			return
		case <-s.hub.done:
			return
		case <-heartbeat.C:
			// A comment keeps proxies and idle timers from closing the stream and reveals a gone client.
			chunk = []byte(": ping\n\n")
		case msg := <-c:
			chunk = make([]byte, 0, len(msg)+8)
			chunk = append(append(append(chunk, "data: "...), msg...), "\n\n"...)
		}
		// A client that stops reading would block this write forever; give up on it instead.
		_ = rc.SetWriteDeadline(time.Now().Add(writeTimeout))
		if _, err := w.Write(chunk); err != nil {
			return
		}
		if err := rc.Flush(); err != nil {
			return
		}
	}
}
