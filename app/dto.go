package app

import (
	"time"

	"wayline/internal/ingest"
	"wayline/internal/store"
)

// Recipe is the recipe file format itself: it is a public, documented JSON format (docs/recipes.md), so
// the frontend speaks it as is.
type Recipe = ingest.Recipe

// Environment tells the frontend what the transport can do.
type Environment struct {
	Desktop  bool   `json:"desktop"`
	ReadOnly bool   `json:"readOnly"`
	Version  string `json:"version"`
}

// WorkspaceInfo names the open workspace.
type WorkspaceInfo struct {
	Open bool   `json:"open"`
	Path string `json:"path"`
	Name string `json:"name"`
	// Error is why the workspace asked for at start-up could not be opened, when none is open.
	Error string `json:"error,omitempty"`
}

// RecentWorkspace is one entry of the recent list.
type RecentWorkspace struct {
	Path       string `json:"path"`
	Name       string `json:"name"`
	LastOpened string `json:"lastOpened"`
	Exists     bool   `json:"exists"`
}

// NamedCount is a label and how many times it occurs.
type NamedCount struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// SourceSummary is one data source of the overview.
type SourceSummary struct {
	Name   string `json:"name"`
	Events int    `json:"events"`
	Files  int    `json:"files"`
	From   string `json:"from"`
	To     string `json:"to"`
}

// Overview is the workspace at a glance.
type Overview struct {
	Name            string          `json:"name"`
	Path            string          `json:"path"`
	FileSize        int64           `json:"fileSize"`
	Events          int             `json:"events"`
	Rows            int             `json:"rows"`
	Links           int             `json:"links"`
	Attributes      int             `json:"attributes"`
	Rejected        int             `json:"rejected"`
	Identifiers     int             `json:"identifiers"`
	IdentifierTypes []NamedCount    `json:"identifierTypes"`
	From            string          `json:"from"`
	To              string          `json:"to"`
	Batches         []Batch         `json:"batches"`
	Sources         []SourceSummary `json:"sources"`
	Channels        []NamedCount    `json:"channels"`
	Devices         []NamedCount    `json:"devices"`
	Touchpoints     []NamedCount    `json:"touchpoints"`
}

// FileInfo describes one imported file.
type FileInfo struct {
	Name     string `json:"name"`
	Path     string `json:"path"`
	Size     int64  `json:"size"`
	SHA256   string `json:"sha256"`
	Format   string `json:"format"`
	Encoding string `json:"encoding"`
	Source   string `json:"source"`
	Rows     int    `json:"rows"`
}

// Batch is one import.
type Batch struct {
	ID         uint64     `json:"id"`
	Time       string     `json:"time"`
	Files      []FileInfo `json:"files"`
	Rows       int        `json:"rows"`
	Events     int        `json:"events"`
	Links      int        `json:"links"`
	Attributes int        `json:"attributes"`
	Rejected   int        `json:"rejected"`
	Duplicates int        `json:"duplicates"`
	Skipped    int        `json:"skipped"`
	From       string     `json:"from"`
	To         string     `json:"to"`
	Sources    []string   `json:"sources"`
}

// Rejection is a row that was not imported, and why.
type Rejection struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column string `json:"column"`
	Reason string `json:"reason"`
}

// ImportRequest asks for an import.
type ImportRequest struct {
	Files        []string `json:"files"`
	Recipe       *Recipe  `json:"recipe"`
	Strict       bool     `json:"strict"`
	Pseudonymize bool     `json:"pseudonymize"`
	SaveRecipeAs string   `json:"saveRecipeAs"`
}

// ImportResult is what an import did.
type ImportResult struct {
	Batch      uint64      `json:"batch"`
	Rows       int         `json:"rows"`   // read from the files
	Stored     int         `json:"stored"` // of those, stored as new
	Events     int         `json:"events"`
	Links      int         `json:"links"`
	Attributes int         `json:"attributes"`
	Rejected   int         `json:"rejected"`
	Duplicate  bool        `json:"duplicate"`
	Duplicates int         `json:"duplicates"`
	Skipped    int         `json:"skipped"`
	Seconds    float64     `json:"seconds"`
	Rejections []Rejection `json:"rejections"`
	Files      []FileInfo  `json:"files"`
	Notes      []string    `json:"notes"`
}

// SavedRecipe is a recipe saved in the workspace.
type SavedRecipe struct {
	Name   string `json:"name"`
	Recipe Recipe `json:"recipe"`
}

// ColumnRole is the role the user gave a column in the import screen.
type ColumnRole struct {
	Column   string `json:"column"`
	Role     string `json:"role"`
	RoleType string `json:"roleType"`
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// formatMicros renders a stored instant (µs since the epoch); 0 means none.
func formatMicros(us int64) string {
	if us == 0 {
		return ""
	}
	return time.UnixMicro(us).UTC().Format(time.RFC3339)
}

func toFileInfo(f store.FileInfo) FileInfo {
	return FileInfo{Name: f.Name, Path: f.Path, Size: f.Size, SHA256: f.SHA256, Format: f.Format,
		Encoding: f.Encoding, Source: f.Source, Rows: f.Rows}
}

func toBatch(b store.Batch) Batch {
	out := Batch{ID: b.ID, Time: formatTime(b.Time), Rows: b.Counts.Rows, Events: b.Counts.Events,
		Links: b.Counts.Links, Attributes: b.Counts.Attributes, Rejected: b.Counts.Rejected,
		Duplicates: b.Counts.Duplicates, Skipped: b.Counts.Skipped,
		From: formatMicros(b.Stats.MinTime), To: formatMicros(b.Stats.MaxTime), Files: []FileInfo{}, Sources: []string{}}
	seen := map[string]bool{}
	for _, f := range b.Files {
		out.Files = append(out.Files, toFileInfo(f))
		if !seen[f.Source] {
			seen[f.Source] = true
			out.Sources = append(out.Sources, f.Source)
		}
	}
	return out
}

func toRejections(rs []store.Rejection) []Rejection {
	out := make([]Rejection, 0, len(rs))
	for _, r := range rs {
		out = append(out, Rejection{File: r.File, Line: r.Line, Column: r.Column, Reason: r.Reason})
	}
	return out
}
