package app

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"time"

	"wayline/internal/explore"
	"wayline/internal/persona"
	"wayline/internal/recent"
	"wayline/internal/store"
)

// Config is what the wiring in main.go (or the serve command) decides.
type Config struct {
	ConfigDir     string // where the recent-workspaces list lives
	DataDir       string // where the demo workspace is created by default
	Desktop       bool   // native dialogs available
	ReadOnly      bool   // refuse writes (serve on a non-loopback address)
	Version       string
	DemoCustomers int // customers in a demo built from the app; 0 means the demo's default
	Now           func() time.Time
	// Observer, when set, hears one line per overview served; the desktop smoke test uses it to see a real
	// round trip from the window's JavaScript into Go.
	Observer func(string)
}

// App owns the session state and the bound structs.
type App struct {
	cfg       Config
	session   *session
	Workspace *Workspace
	Imports   *Imports
	Explore   *Explore
	Identity  *Identity
	Personas  *Personas
	Friction  *Friction
	Maps      *Maps
	Workshop  *Workshop
	Notes     *Notes
	Views     *Views
	Reports   *Reports
	Files     *Files
}

// New builds the app; nothing is opened yet.
func New(cfg Config) *App {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	s := &session{recent: recent.Open(cfg.ConfigDir, cfg.Now), emitter: nopEmitter{}, readOnly: cfg.ReadOnly}
	a := &App{cfg: cfg, session: s}
	a.Workspace = &Workspace{app: a}
	a.Imports = &Imports{app: a}
	a.Explore = &Explore{app: a}
	a.Identity = &Identity{app: a}
	a.Personas = &Personas{app: a}
	a.Friction = &Friction{app: a}
	a.Maps = &Maps{app: a}
	a.Workshop = &Workshop{app: a}
	a.Notes = &Notes{app: a}
	a.Views = &Views{app: a}
	a.Reports = &Reports{app: a}
	a.Files = &Files{app: a}
	return a
}

// SetEmitter sets where events go; the window sets it once Wails has started.
func (a *App) SetEmitter(e Emitter) {
	a.session.mu.Lock()
	defer a.session.mu.Unlock()
	a.session.emitter = e
}

// SetDialogs provides the native dialogs (desktop only).
func (a *App) SetDialogs(d Dialogs) {
	a.session.mu.Lock()
	defer a.session.mu.Unlock()
	a.session.dialogs = d
}

// Bound lists the structs the frontend can call, by the name the frontend uses.
func (a *App) Bound() map[string]any {
	return map[string]any{"Workspace": a.Workspace, "Imports": a.Imports, "Explore": a.Explore, "Identity": a.Identity, "Personas": a.Personas,
		"Friction": a.Friction, "Maps": a.Maps, "Workshop": a.Workshop,
		"Notes": a.Notes, "Views": a.Views, "Reports": a.Reports, "Files": a.Files}
}

// BoundList is Bound as the slice Wails' options.App.Bind wants.
func (a *App) BoundList() []any {
	return []any{a.Workspace, a.Imports, a.Explore, a.Identity, a.Personas, a.Friction, a.Maps, a.Workshop, a.Notes, a.Views,
		a.Reports, a.Files}
}

// writes names every bound method that changes a workspace, switches the session to another file, or reads
// files outside the open workspace; a read-only server (a workshop projector on the network) refuses them.
var writes = map[string]bool{
	"Workspace.Create": true, "Workspace.CreateDemo": true, "Workspace.Open": true, "Workspace.Close": true,
	"Workspace.PickOpen": true, "Workspace.PickSave": true,
	"Imports.Run": true, "Imports.Remove": true, "Imports.SaveRecipe": true, "Imports.Cancel": true,
	"Imports.Inspect": true, "Imports.PickFiles": true,
	"Identity.SetRules": true, "Identity.BlockValue": true, "Identity.SetStages": true,
	"Personas.Run": true, "Personas.Rename": true, "Personas.SetNotes": true, "Personas.SetColor": true, "Personas.Cancel": true,
	"Friction.SetSettings": true, "Friction.ResetSettings": true, "Files.Save": true,
	"Workshop.SaveAssumed": true, "Workshop.DeleteAssumed": true, "Workshop.ImportAssumed": true,
	"Notes.Add": true, "Notes.Update": true, "Notes.Move": true, "Notes.Delete": true,
	"Views.Save": true, "Views.Delete": true,
}

// IsWrite reports whether Struct.Method writes.
func IsWrite(structName, method string) bool { return writes[structName+"."+method] }

// OpenWorkspace opens path for the session (closing any other), remembering it in the recent list.
func (a *App) OpenWorkspace(path string) error { return a.session.open(path, false) }

// DefaultDemoPath is where the demo workspace lives unless the user says otherwise.
func (a *App) DefaultDemoPath() string { return filepath.Join(a.cfg.DataDir, "demo.wayline") }

// Recent returns the most recently opened workspace that still exists, or "".
func (a *App) Recent() string { return a.session.recent.Latest() }

// SetStartupError records why the workspace asked for at start-up could not be opened; the frontend shows
// it on the picker (Workspace.Current).
func (a *App) SetStartupError(err error) {
	a.session.mu.Lock()
	defer a.session.mu.Unlock()
	a.session.startupErr = err.Error()
}

// Close closes the open workspace, if any.
func (a *App) Close() error { return a.session.close() }

// session is the one open workspace. Readers hold mu.RLock for the length of a call; opening and closing
// take the write lock, so a workspace is never closed under a running import.
type session struct {
	mu       sync.RWMutex
	ws       *store.Workspace
	recent   *recent.List
	emitter  Emitter
	dialogs  Dialogs
	readOnly bool
	// startupErr is why the start-up workspace did not open; cleared once another one opens.
	startupErr string

	snapMu    sync.Mutex        // guards snap, personas and personaOf; never held while waiting for mu's write lock
	snap      *explore.Snapshot // the analysis snapshot of ws, built on first use
	personas  *persona.Result   // the last persona run of ws, loaded on first use
	personaOf *personaLabels    // each profile's persona, for the persona filter
}

func (s *session) open(path string, create bool) error {
	if path == "" {
		return errors.New("no workspace file given: choose a .wayline file")
	}
	if create {
		if _, err := os.Stat(path); err == nil {
			return errors.New(path + " already exists: open it, or choose another name")
		}
	} else if _, err := os.Stat(path); err != nil {
		return errors.New(path + " does not exist: create a new workspace, or pick another file")
	}
	if s.isOpen(path) {
		// Opening the open workspace again re-reads it: bbolt would refuse a second handle on the file.
		s.invalidate()
		s.recent.Touch(path)
		return nil
	}
	ws, err := store.Open(path, store.Options{ReadOnly: s.readOnly && !create})
	if err != nil {
		return err
	}
	s.mu.Lock()
	old := s.ws
	s.ws = ws
	s.startupErr = ""
	emitter := s.emitter
	s.mu.Unlock()
	s.invalidate() // after Unlock: snapshot() holds snapMu while it waits for mu
	if old != nil {
		old.Close()
	}
	s.recent.Touch(path)
	emitter.Emit(EventWorkspaceChanged, map[string]string{"path": ws.Path()})
	return nil
}

// isOpen reports whether path is the open workspace's file.
func (s *session) isOpen(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.ws == nil {
		return false
	}
	open, err := filepath.Abs(s.ws.Path())
	return err == nil && open == abs
}

func (s *session) close() error {
	defer s.invalidate() // after Unlock: snapshot() holds snapMu while it waits for mu
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ws == nil {
		return nil
	}
	err := s.ws.Close()
	s.ws = nil
	return err
}

// ErrNoWorkspace is returned by calls that need an open workspace when none is open.
var ErrNoWorkspace = errors.New("no workspace is open: open or create one first")

// with runs fn on the open workspace under the read lock.
func (s *session) with(fn func(ws *store.Workspace) error) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.ws == nil {
		return ErrNoWorkspace
	}
	return fn(s.ws)
}
