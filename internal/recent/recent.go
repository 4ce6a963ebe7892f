// Package recent remembers the workspaces a user opened, newest first, in a small JSON file in the user's
// config folder. The folder is injected, so tests never touch the real one.
package recent

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"
)

// Limit is how many workspaces the list keeps.
const Limit = 12

// Entry is one remembered workspace.
type Entry struct {
	Path       string    `json:"path"`
	LastOpened time.Time `json:"lastOpened"`
}

// List is the recent-workspaces file. It is safe for concurrent use.
type List struct {
	mu   sync.Mutex
	file string
	now  func() time.Time
}

// Open returns the list stored in dir (created on first write). now is the clock; nil means time.Now.
func Open(dir string, now func() time.Time) *List {
	if now == nil {
		now = time.Now
	}
	return &List{file: filepath.Join(dir, "recent.json"), now: now}
}

// Entries returns the remembered workspaces, newest first. A missing or unreadable file is an empty list:
// losing the recent list must never stop the app from starting.
func (l *List) Entries() []Entry {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.read()
}

// Touch records that path was opened now.
func (l *List) Touch(path string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	entries := []Entry{{Path: abs, LastOpened: l.now().UTC()}}
	for _, e := range l.read() {
		if e.Path != abs {
			entries = append(entries, e)
		}
	}
	if len(entries) > Limit {
		entries = entries[:Limit]
	}
	return l.write(entries)
}

// Latest returns the most recently opened workspace that still exists, or "".
func (l *List) Latest() string {
	for _, e := range l.Entries() {
		if _, err := os.Stat(e.Path); err == nil {
			return e.Path
		}
	}
	return ""
}

func (l *List) read() []Entry {
	data, err := os.ReadFile(l.file)
	if err != nil {
		return nil
	}
	var entries []Entry
	if json.Unmarshal(data, &entries) != nil {
		return nil
	}
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].LastOpened.After(entries[j].LastOpened) })
	return entries
}

func (l *List) write(entries []Entry) error {
	if err := os.MkdirAll(filepath.Dir(l.file), 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	data, err := json.MarshalIndent(entries, "", "  ")
	if err != nil {
		return err
	}
	tmp := l.file + ".tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, l.file) // atomic: a crash never leaves half a list
}
