package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Defaults for the zero values of Options.
const (
	DefaultMaxBody         = 1 << 20 // 1 MiB: call arguments are small; recipes are the largest.
	DefaultMaxUpload       = 2 << 30 // 2 GiB: exports can be large; they are streamed to disk, never held.
	DefaultHeartbeat       = 15 * time.Second
	DefaultShutdownTimeout = 10 * time.Second
)

// Options configures a Server. Only Addr and Bound are required.
type Options struct {
	// Addr is the listen address, e.g. "127.0.0.1:8765"; port 0 picks a free port (see Server.Addr).
	Addr string
	// Token, when set, must accompany every request: "Authorization: Bearer <token>", the cookie the server
	// sets, or "?token=" on a GET (the page and EventSource, which cannot send headers). Required when Addr
	// is not a loopback address.
	Token string
	// ReadOnly refuses every method for which Writes reports true, and uploads.
	ReadOnly bool
	// Assets is the built frontend. Only its files are served; unknown paths without a dot in the last
	// segment fall back to index.html so client-side routes survive a reload. Nil serves the API only.
	Assets fs.FS
	// Bound maps a struct name ("Workspace") to the value whose exported methods are callable as
	// /api/call/Workspace.<Method>.
	Bound map[string]any
	// Writes reports whether a bound method changes the workspace. Asked once per method in New.
	Writes func(structName, method string) bool
	// UploadDir is where /api/upload stores files; created with mode 0700. Empty disables uploads.
	UploadDir string
	// MaxBody limits a /api/call body (default DefaultMaxBody).
	MaxBody int64
	// MaxUpload limits a /api/upload body (default DefaultMaxUpload).
	MaxUpload int64
	// Heartbeat is the interval of SSE keep-alive comments (default DefaultHeartbeat).
	Heartbeat time.Duration
	// ShutdownTimeout bounds how long ListenAndServe waits for in-flight requests once its context is
	// cancelled before closing connections (default DefaultShutdownTimeout).
	ShutdownTimeout time.Duration
	// Logf receives server-side detail (panics, failed encodes, dropped events). Nil discards it.
	Logf func(format string, args ...any)
}

// Server is the HTTP transport for the bound app API. Create it with New.
type Server struct {
	opts      Options
	methods   map[string]*method // "Struct.Method" → method; read-only after New, so lookups need no lock
	hub       *hub
	listen    listenHost
	cookie    string // name of the token cookie
	handler   http.Handler
	inflight  atomic.Int64 // method calls running now, to report what a forced shutdown cut off
	ready     chan struct{}
	readyOnce sync.Once

	mu   sync.Mutex
	addr string
}

// New validates opts and prepares the dispatcher: every bound method is looked up once here, so requests
// only read shared state.
func New(opts Options) (*Server, error) {
	host, err := parseListenHost(opts.Addr)
	if err != nil {
		return nil, err
	}
	if !host.loopback && opts.Token == "" {
		return nil, fmt.Errorf("binding %s exposes the workspace to the network: %w", opts.Addr, ErrTokenRequired)
	}
	if opts.ReadOnly && opts.Writes == nil {
		return nil, ErrWritesRequired
	}
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	if opts.MaxUpload <= 0 {
		opts.MaxUpload = DefaultMaxUpload
	}
	if opts.Heartbeat <= 0 {
		opts.Heartbeat = DefaultHeartbeat
	}
	if opts.ShutdownTimeout <= 0 {
		opts.ShutdownTimeout = DefaultShutdownTimeout
	}
	if opts.Logf == nil {
		opts.Logf = func(string, ...any) {}
	}
	if opts.UploadDir != "" {
		dir, err := filepath.Abs(opts.UploadDir)
		if err != nil {
			return nil, fmt.Errorf("upload folder %s: %w", opts.UploadDir, err)
		}
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("create upload folder: %w", err)
		}
		opts.UploadDir = dir
	}
	methods, err := bindMethods(opts.Bound, opts.Writes, opts.Logf)
	if err != nil {
		return nil, err
	}
	s := &Server{
		opts:    opts,
		methods: methods,
		hub:     newHub(opts.Logf),
		listen:  host,
		cookie:  cookieName(opts.Token),
		ready:   make(chan struct{}),
	}
	s.handler = s.routes()
	return s, nil
}

// GenerateToken returns a random 32-byte token, hex encoded, for --token when the caller did not pick one.
func GenerateToken() (string, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("generate token: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}

// Handler returns the complete handler (API, events, upload, assets) with its security checks, for use
// with httptest or another http.Server.
func (s *Server) Handler() http.Handler { return s.handler }

// Addr returns the address actually listened on ("127.0.0.1:41234" when Options.Addr had port 0), or ""
// before ListenAndServe has started listening.
func (s *Server) Addr() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addr
}

// Ready is closed once ListenAndServe listens (Addr is then set) or has failed to.
func (s *Server) Ready() <-chan struct{} { return s.ready }

// URL returns the address to open in a browser, with ?token= when a token is required; an unspecified
// listen host (0.0.0.0, ::) is shown as 127.0.0.1. Empty before the server listens.
func (s *Server) URL() string {
	addr := s.Addr()
	if addr == "" {
		return ""
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return ""
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	u := "http://" + net.JoinHostPort(host, port) + "/"
	if s.opts.Token != "" {
		u += "?token=" + s.opts.Token
	}
	return u
}

// ListenAndServe listens on Options.Addr and serves until ctx is cancelled. It then stops accepting
// connections, ends the event streams, waits up to Options.ShutdownTimeout for in-flight requests and
// returns. It returns nil after a graceful stop, an error when listening fails or the timeout forced
// connections closed.
func (s *Server) ListenAndServe(ctx context.Context) error {
	ln, err := net.Listen("tcp", s.opts.Addr)
	if err != nil {
		s.readyOnce.Do(func() { close(s.ready) })
		return fmt.Errorf("listen on %s: %w", s.opts.Addr, err)
	}
	s.mu.Lock()
	s.addr = ln.Addr().String()
	s.mu.Unlock()
	s.readyOnce.Do(func() { close(s.ready) })

	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		// Connection-level trouble (malformed requests, broken pipes) goes where the rest of the detail goes.
		ErrorLog: log.New(logfWriter(s.opts.Logf), "", 0),
	}
	// Event streams never go idle, so Shutdown would wait for them until the timeout: end them first.
	srv.RegisterOnShutdown(s.hub.close)

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	select {
	case err := <-served:
		s.hub.close()
		return fmt.Errorf("serve on %s: %w", s.Addr(), err)
	case <-ctx.Done():
	}

	shutdownCtx, cancel := context.WithTimeout(context.Background(), s.opts.ShutdownTimeout)
	defer cancel()
	shutdownErr := srv.Shutdown(shutdownCtx)
	<-served // Serve returns ErrServerClosed as soon as Shutdown starts.
	if shutdownErr == nil {
		return nil
	}
	// Closing the connections cancels the request contexts, which stops methods that take a context.
	_ = srv.Close()
	if n := s.waitCalls(time.Second); n > 0 {
		s.opts.Logf("server: %d call(s) still running after shutdown; their results are discarded", n)
	}
	if errors.Is(shutdownErr, context.DeadlineExceeded) {
		return fmt.Errorf("shutdown: requests still running after %s; connections closed", s.opts.ShutdownTimeout)
	}
	return fmt.Errorf("shutdown: %w", shutdownErr)
}

// logfWriter adapts Logf to the io.Writer that log.Logger wants.
type logfWriter func(format string, args ...any)

func (w logfWriter) Write(p []byte) (int, error) {
	w("server: %s", strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// waitCalls waits up to d for running method calls to return and reports how many still run.
func (s *Server) waitCalls(d time.Duration) int64 {
	deadline := time.Now().Add(d)
	for {
		n := s.inflight.Load()
		if n == 0 || time.Now().After(deadline) {
			return n
		}
		time.Sleep(10 * time.Millisecond)
	}
}
