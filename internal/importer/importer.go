package importer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"wayline/internal/ingest"
	"wayline/internal/model"
	"wayline/internal/record"
	"wayline/internal/store"
)

// sampleSize is how many leading records are buffered to decide date layouts before rows are applied.
const sampleSize = 1000

// Request describes one import.
type Request struct {
	Files []string
	// Recipe applies to every file; nil means each file gets the recipe Inspect proposes for it.
	Recipe       *ingest.Recipe
	Strict       bool
	Pseudonymize bool
	// Progress, when set, is called at most every ProgressEvery with where the import stands.
	Progress      func(Progress)
	ProgressEvery time.Duration
}

// Progress says how far an import has got.
type Progress struct {
	File       string  `json:"file"`
	FileIndex  int     `json:"fileIndex"`
	Files      int     `json:"files"`
	BytesRead  int64   `json:"bytesRead"`
	BytesTotal int64   `json:"bytesTotal"`
	Rows       int     `json:"rows"`
	Fraction   float64 `json:"fraction"`
}

// Result is what an import did.
type Result struct {
	Batch      store.Batch
	Duplicate  bool // nothing new: every row was already stored
	RowsRead   int  // every row read from the files: stored, duplicate, rejected or skipped
	Counts     store.Counts
	Rejections []store.Rejection // the first ones, as kept by the store
	Recipes    []ingest.Recipe   // the recipe used for each file
	Notes      []string          // how dates were read, per file
	Elapsed    time.Duration
	// Snapshot is the part of Elapsed spent writing the model snapshot after the commit (model.SaveSnapshot).
	Snapshot time.Duration
}

// Run imports req.Files into ws as one batch. On any error, or when ctx is cancelled, nothing is stored.
func Run(ctx context.Context, ws *store.Workspace, req Request) (Result, error) {
	start := time.Now()
	if len(req.Files) == 0 {
		return Result{}, ErrNoFiles
	}
	var pseudo *ingest.Pseudonymizer
	if req.Pseudonymize {
		key, err := ws.Secret(pseudonymKey)
		if err != nil {
			return Result{}, err
		}
		if pseudo, err = ingest.NewPseudonymizer(key); err != nil {
			return Result{}, err
		}
	}

	files := make([]store.FileInfo, len(req.Files))
	recipes := make([]ingest.Recipe, len(req.Files))
	for i, path := range req.Files {
		info, err := describe(path)
		if err != nil {
			return Result{}, err
		}
		files[i] = info
		if req.Recipe != nil {
			recipes[i] = *req.Recipe
		} else {
			ins, err := ingest.Inspect(path, ingest.Options{})
			if err != nil {
				return Result{}, err
			}
			recipes[i] = ins.Recipe
		}
		if files[i].Source = recipes[i].Source; files[i].Source == "" {
			files[i].Source = sourceName(path)
		}
	}
	recipeJSON, err := json.Marshal(recipes)
	if err != nil {
		return Result{}, err
	}
	im, err := ws.BeginImport(store.NewBatch{Files: files, Recipe: recipeJSON})
	if err != nil {
		return Result{}, err
	}
	committed := false
	defer func() {
		if !committed {
			im.Rollback()
		}
	}()

	tracker := newTracker(req, files)
	var notes []string
	for i, path := range req.Files {
		n, info, err := importFile(ctx, im, i, path, recipes[i], pseudo, req.Strict, tracker)
		if err != nil {
			return Result{}, err
		}
		files[i].Rows, files[i].Format, files[i].Encoding = n.rows, info.Format, info.Encoding
		notes = append(notes, n.notes...)
	}
	if ctx.Err() != nil {
		return Result{}, ErrCancelled
	}
	im.SetFiles(files)
	batch, duplicate, err := im.Commit()
	if err != nil {
		return Result{}, err
	}
	committed = true
	tracker.finish()
	var snapshotTime time.Duration
	if !duplicate {
		// The commit dropped the model snapshot; writing the new one now means the next open, read-only
		// ones included, decodes it instead of every row. The batch is committed either way, so a failure
		// is a note, not an error: the next writable open rebuilds the snapshot.
		t := time.Now()
		if err := model.SaveSnapshot(ws); err != nil {
			notes = append(notes, fmt.Sprintf("the workspace will open more slowly once: its fast-open snapshot was not written (%v)", err))
		}
		snapshotTime = time.Since(t)
	}
	res := Result{Batch: batch, Duplicate: duplicate, Counts: im.Counts(), Recipes: recipes, Notes: notes,
		Elapsed: time.Since(start), Snapshot: snapshotTime}
	for _, f := range files {
		res.RowsRead += f.Rows
	}
	if !duplicate {
		res.Rejections, err = ws.Rejections(batch.ID)
		if err != nil {
			return Result{}, err
		}
	}
	return res, nil
}

type fileOutcome struct {
	rows  int
	notes []string
}

// importFile streams one file into the open batch.
func importFile(ctx context.Context, im *store.Import, fileIndex int, path string, recipe ingest.Recipe,
	pseudo *ingest.Pseudonymizer, strict bool, tracker *tracker) (fileOutcome, ingest.Info, error) {
	var out fileOutcome
	rd, info, err := ingest.OpenRecipe(path, recipe)
	if err != nil {
		return out, info, err
	}
	defer rd.Close()
	name := filepath.Base(path)

	sample, err := readSample(rd, sampleSize)
	if err != nil {
		return out, info, fmt.Errorf("%s: %w", name, err)
	}
	records := make([]ingest.Record, 0, len(sample))
	for _, s := range sample {
		if s.parseErr == nil {
			records = append(records, s.rec)
		}
	}
	plan, err := ingest.Compile(recipe, rd, records)
	if err != nil {
		return out, info, fmt.Errorf("%s: %w", name, err)
	}
	if pseudo != nil {
		plan.SetPseudonymizer(pseudo)
	}
	for _, r := range plan.TimeReports() {
		out.notes = append(out.notes, name+": "+r.Summary)
	}

	// Reading and applying the recipe run in one goroutine, storing in this one: on two cores the
	// import takes about as long as the slower half instead of the sum of both.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	parts := make(chan []outcome, 8)
	var readErr error
	go func() {
		defer close(parts)
		readErr = readRows(ctx, rd, plan, name, fileIndex, sample, strict, tracker, parts, &out.rows)
	}()
	var storeErr error
	for part := range parts {
		for _, o := range part {
			if storeErr != nil {
				break
			}
			switch {
			case o.rejected != nil:
				im.Reject(*o.rejected)
			case o.skipped:
				im.Skip()
			default:
				if _, err := im.Add(fileIndex, o.row, o.fp); err != nil {
					storeErr = err
					cancel()
				}
			}
		}
	}
	if storeErr != nil {
		return out, info, storeErr
	}
	return out, info, readErr
}

// outcome is what became of one input row: stored (row and fingerprint), rejected or skipped.
type outcome struct {
	row      record.Row
	fp       store.Fingerprint
	rejected *store.Rejection
	skipped  bool
}

// partSize is how many outcomes travel together from the reading goroutine to the storing one.
const partSize = 512

// readRows reads every record (the buffered sample first), applies the plan and sends the outcomes in
// parts. It counts rows into *rows, reports progress, and stops at the first rejection in strict mode.
func readRows(ctx context.Context, rd ingest.Reader, plan *ingest.Plan, name string, fileIndex int, sample []sampled,
	strict bool, tracker *tracker, parts chan<- []outcome, rows *int) error {
	part := make([]outcome, 0, partSize)
	send := func() error {
		if ctx.Err() != nil {
			return ErrCancelled
		}
		select {
		case parts <- part:
			part = make([]outcome, 0, partSize)
			return nil
		case <-ctx.Done():
			return ErrCancelled
		}
	}
	reject := func(rej store.Rejection) error {
		if strict {
			return fmt.Errorf("%w: %s line %d, column %q: %s; nothing was stored: fix the row, or import without --strict to skip it",
				ErrStrict, rej.File, rej.Line, rej.Column, rej.Reason)
		}
		part = append(part, outcome{rejected: &rej})
		return nil
	}
	handle := func(rec ingest.Record, parseErr *ingest.ParseError) error {
		if len(part) >= partSize {
			if err := send(); err != nil {
				return err
			}
			tracker.update(fileIndex, rd, *rows)
		}
		*rows++
		if parseErr != nil {
			// The reader skipped past a row it could not parse; the rest of the file goes on.
			return reject(store.Rejection{File: name, Line: parseErr.Line, Column: columnName(rd, parseErr.Column), Reason: parseErr.Err.Error()})
		}
		row, err := plan.Apply(rec, fileIndex)
		switch {
		case errors.Is(err, ingest.ErrSkipRow):
			part = append(part, outcome{skipped: true})
			return nil
		case err != nil:
			return reject(rejection(name, rec.Line, err))
		}
		part = append(part, outcome{row: row, fp: plan.Fingerprint(rec)})
		return nil
	}

	for _, s := range sample {
		if err := handle(s.rec, s.parseErr); err != nil {
			return err
		}
	}
	for {
		rec, err := rd.Next()
		if err == io.EOF {
			break
		}
		var pe *ingest.ParseError
		if errors.As(err, &pe) {
			if err := handle(rec, pe); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := handle(rec, nil); err != nil {
			return err
		}
	}
	if len(part) > 0 {
		return send()
	}
	return nil
}

// sampled is a buffered leading record, or the parse error the reader reported in its place.
type sampled struct {
	rec      ingest.Record
	parseErr *ingest.ParseError
}

// readSample buffers up to n records, copying their values because readers reuse them.
func readSample(rd ingest.Reader, n int) ([]sampled, error) {
	var sample []sampled
	for len(sample) < n {
		rec, err := rd.Next()
		if err == io.EOF {
			break
		}
		var pe *ingest.ParseError
		if errors.As(err, &pe) {
			sample = append(sample, sampled{parseErr: pe})
			continue
		}
		if err != nil {
			return nil, err
		}
		rec.Values = append([]string(nil), rec.Values...)
		sample = append(sample, sampled{rec: rec})
	}
	return sample, nil
}

// columnName names a 1-based column position for a rejection, or "" when the error is not about a column.
func columnName(rd ingest.Reader, col int) string {
	cols := rd.Columns()
	if col >= 1 && col <= len(cols) {
		return cols[col-1]
	}
	return ""
}

func rejection(file string, line int, err error) store.Rejection {
	var re *ingest.RowError
	if errors.As(err, &re) {
		return store.Rejection{File: file, Line: re.Line, Column: re.Column, Reason: re.Reason}
	}
	return store.Rejection{File: file, Line: line, Reason: err.Error()}
}
