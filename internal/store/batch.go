package store

import (
	"encoding/json"
	"time"

	"wayline/internal/record"
)

// FileInfo describes one file of a batch. The JSON form is also how batches are stored: renaming a tag
// needs a migration.
type FileInfo struct {
	Name     string `json:"name"`               // base name, as users see it
	Path     string `json:"path,omitempty"`     // absolute path at import time
	Size     int64  `json:"size"`               // bytes
	SHA256   string `json:"sha256,omitempty"`   // hex digest of the file's bytes
	Format   string `json:"format,omitempty"`   // csv, tsv, json, jsonl, xlsx, xes
	Encoding string `json:"encoding,omitempty"` // text encoding the reader used
	Source   string `json:"source,omitempty"`   // data source shown to users; Stats.Sources falls back to Name
	Rows     int    `json:"rows"`               // rows read from the file, as the caller counted them
}

// Counts says what an import did with the rows it was given.
type Counts struct {
	Rows       int `json:"rows"`       // rows stored
	Events     int `json:"events"`     // events on stored rows
	Links      int `json:"links"`      // identifier links on stored rows (record.Row.Links)
	Attributes int `json:"attributes"` // attributes on stored rows
	Rejected   int `json:"rejected"`   // rows the caller rejected (all of them, not just the kept ones)
	Duplicates int `json:"duplicates"` // rows not stored because their fingerprint was already known
	Skipped    int `json:"skipped"`    // rows the caller skipped on purpose (blank, filtered by the recipe)
}

// Rejection is a row that could not be imported: where it was and why.
type Rejection struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column string `json:"column,omitempty"`
	Reason string `json:"reason"`
}

// Stats summarises a batch's stored rows so that Summary need not read them. Maps are keyed by label and
// hold event counts (identifier occurrences for IdentifierTypes); empty labels are not counted. MinTime
// and MaxTime (Unix microseconds) are meaningful only when the batch has events.
type Stats struct {
	MinTime         int64          `json:"minTime"`
	MaxTime         int64          `json:"maxTime"`
	Sources         map[string]int `json:"sources,omitempty"`
	Channels        map[string]int `json:"channels,omitempty"`
	Devices         map[string]int `json:"devices,omitempty"`
	Touchpoints     map[string]int `json:"touchpoints,omitempty"`
	IdentifierTypes map[string]int `json:"identifierTypes,omitempty"`
}

// Batch is one committed import.
type Batch struct {
	ID     uint64          `json:"id"`
	Time   time.Time       `json:"time"`
	Files  []FileInfo      `json:"files"`
	Recipe json.RawMessage `json:"recipe,omitempty"`
	Counts Counts          `json:"counts"`
	Stats  Stats           `json:"stats"`
}

// rejectionCap is how many rejections a batch keeps; all are counted in Counts.Rejected. A file with a
// wrong recipe can reject every one of a million rows, and the first thousand say all there is to say.
const rejectionCap = 1000

// statsBuilder accumulates Stats as rows are added. Sources are counted per file index and named at the
// end, because SetFiles may still change a file's Source after its rows were added.
type statsBuilder struct {
	s          Stats
	hasTime    bool
	fileEvents []int
}

func newStatsBuilder(files int) *statsBuilder {
	return &statsBuilder{
		s: Stats{Channels: map[string]int{}, Devices: map[string]int{}, Touchpoints: map[string]int{},
			IdentifierTypes: map[string]int{}},
		fileEvents: make([]int, files),
	}
}

// add counts a stored row whose file index is already checked to be in range.
func (b *statsBuilder) add(file int, r *record.Row) {
	for _, id := range r.Identifiers {
		countLabel(b.s.IdentifierTypes, id.Type)
	}
	b.fileEvents[file] += len(r.Events)
	for i := range r.Events {
		e := &r.Events[i]
		if !b.hasTime || e.Time < b.s.MinTime {
			b.s.MinTime = e.Time
		}
		if !b.hasTime || e.Time > b.s.MaxTime {
			b.s.MaxTime = e.Time
		}
		b.hasTime = true
		countLabel(b.s.Touchpoints, e.Touchpoint)
		countLabel(b.s.Channels, e.Channel)
		countLabel(b.s.Devices, e.Device)
	}
}

// finish names the per-file event counts by source (falling back to the file name) and returns the Stats.
func (b *statsBuilder) finish(files []FileInfo) Stats {
	s := b.s
	s.Sources = map[string]int{}
	for i, n := range b.fileEvents {
		if n == 0 {
			continue
		}
		label := files[i].Source
		if label == "" {
			label = files[i].Name
		}
		countLabelN(s.Sources, label, n)
	}
	return s
}

func countLabel(m map[string]int, label string) { countLabelN(m, label, 1) }

func countLabelN(m map[string]int, label string, n int) {
	if label != "" {
		m[label] += n
	}
}
