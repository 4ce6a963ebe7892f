package importer

import (
	"errors"
	"fmt"
	"path/filepath"

	"wayline/internal/ingest"
	"wayline/internal/store"
)

// SampleResult is what a recipe makes of the first rows of a file, before anything is stored: the import
// screen shows it so a user sees the effect of each role they change.
type SampleResult struct {
	Rows        int
	Events      int
	Identifiers int
	Rejected    int
	Rejections  []store.Rejection // the first 20
	Notes       []string          // how dates were read
}

// Sample applies recipe to the first n rows of path.
func Sample(path string, recipe ingest.Recipe, n int) (SampleResult, error) {
	var out SampleResult
	rd, _, err := ingest.OpenRecipe(path, recipe)
	if err != nil {
		return out, err
	}
	defer rd.Close()
	name := filepath.Base(path)
	sample, err := readSample(rd, n)
	if err != nil {
		return out, fmt.Errorf("%s: %w", name, err)
	}
	var records []ingest.Record
	for _, s := range sample {
		if s.parseErr == nil {
			records = append(records, s.rec)
		}
	}
	plan, err := ingest.Compile(recipe, rd, records)
	if err != nil {
		return out, fmt.Errorf("%s: %w", name, err)
	}
	for _, r := range plan.TimeReports() {
		out.Notes = append(out.Notes, r.Summary)
	}
	reject := func(r store.Rejection) {
		out.Rejected++
		if len(out.Rejections) < 20 {
			out.Rejections = append(out.Rejections, r)
		}
	}
	for _, s := range sample {
		out.Rows++
		if s.parseErr != nil {
			reject(store.Rejection{File: name, Line: s.parseErr.Line, Column: columnName(rd, s.parseErr.Column), Reason: s.parseErr.Err.Error()})
			continue
		}
		row, err := plan.Apply(s.rec, 0)
		switch {
		case errors.Is(err, ingest.ErrSkipRow):
		case err != nil:
			reject(rejection(name, s.rec.Line, err))
		default:
			out.Events += len(row.Events)
			out.Identifiers += len(row.Identifiers)
		}
	}
	return out, nil
}
