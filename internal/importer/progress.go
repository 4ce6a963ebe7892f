package importer

import (
	"time"

	"wayline/internal/store"
)

// positioner is implemented by readers that know how far into their file they are.
type positioner interface{ BytesRead() int64 }

// tracker turns row counts and reader positions into throttled Progress reports over all files of a batch.
type tracker struct {
	report func(Progress)
	every  time.Duration
	last   time.Time
	files  []store.FileInfo
	total  int64
	before []int64 // bytes of the files before each one
}

func newTracker(req Request, files []store.FileInfo) *tracker {
	t := &tracker{report: req.Progress, every: req.ProgressEvery, files: files, before: make([]int64, len(files))}
	if t.every == 0 {
		t.every = 100 * time.Millisecond
	}
	for i, f := range files {
		t.before[i] = t.total
		t.total += f.Size
	}
	return t
}

func (t *tracker) update(file int, rd any, rows int) {
	if t.report == nil || time.Since(t.last) < t.every {
		return
	}
	t.last = time.Now()
	read := t.before[file]
	if p, ok := rd.(positioner); ok {
		read += p.BytesRead()
	}
	t.send(file, read, rows)
}

func (t *tracker) finish() {
	if t.report != nil && len(t.files) > 0 {
		t.send(len(t.files)-1, t.total, t.files[len(t.files)-1].Rows)
	}
}

func (t *tracker) send(file int, read int64, rows int) {
	frac := 1.0
	if t.total > 0 {
		frac = float64(read) / float64(t.total)
	}
	if frac > 1 {
		frac = 1
	}
	t.report(Progress{File: t.files[file].Name, FileIndex: file, Files: len(t.files), BytesRead: read,
		BytesTotal: t.total, Rows: rows, Fraction: frac})
}
