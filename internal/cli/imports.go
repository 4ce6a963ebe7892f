package cli

import (
	"flag"
	"fmt"
	"strconv"
	"time"

	"wayline/internal/model"
	"wayline/internal/store"
)

var importsCommand = command{
	name:    "imports",
	usage:   "wayline imports -w FILE [--json] | wayline imports rm -w FILE ID",
	summary: "lists import batches, or removes one batch and everything that came from it",
	flags: func(fs *flag.FlagSet) func(*Env, []string) error {
		ws := workspaceFlag(fs)
		asJSON := fs.Bool("json", false, "print JSON")
		return func(env *Env, args []string) error {
			if err := needWorkspace(*ws); err != nil {
				return err
			}
			if err := mustExist(*ws); err != nil {
				return err
			}
			switch {
			case len(args) == 0:
				return listBatches(env, *ws, *asJSON)
			case args[0] == "rm" && len(args) == 2:
				id, err := strconv.ParseUint(args[1], 10, 64)
				if err != nil {
					return usagef("batch ID must be a number, got %q", args[1])
				}
				return removeBatch(env, *ws, id, *asJSON)
			default:
				return usagef("expected no arguments, or 'rm ID'")
			}
		}
	},
}

type batchOutput struct {
	ID         uint64            `json:"id"`
	Time       time.Time         `json:"time"`
	Rows       int               `json:"rows"`
	Events     int               `json:"events"`
	Links      int               `json:"links"`
	Attributes int               `json:"attributes"`
	Rejected   int               `json:"rejected"`
	Duplicates int               `json:"duplicates"`
	Skipped    int               `json:"skipped"`
	Files      []store.FileInfo  `json:"files"`
	Rejections []store.Rejection `json:"rejections"`
}

func listBatches(env *Env, path string, asJSON bool) error {
	w, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer w.Close()
	batches, err := w.Batches()
	if err != nil {
		return err
	}
	if asJSON {
		out := []batchOutput{}
		for _, b := range batches {
			rej, err := w.Rejections(b.ID)
			if err != nil {
				return err
			}
			if rej == nil {
				rej = []store.Rejection{}
			}
			c := b.Counts
			out = append(out, batchOutput{ID: b.ID, Time: b.Time, Rows: c.Rows, Events: c.Events, Links: c.Links,
				Attributes: c.Attributes, Rejected: c.Rejected, Duplicates: c.Duplicates, Skipped: c.Skipped,
				Files: b.Files, Rejections: rej})
		}
		return printJSON(env.Stdout, map[string]any{"batches": out})
	}
	if len(batches) == 0 {
		fmt.Fprintf(env.Stdout, "No imports yet: 'wayline import -w %s FILE...' adds one.\n", path)
		return nil
	}
	fmt.Fprintf(env.Stdout, "%4s  %-20s  %10s  %10s  %8s  %s\n", "ID", "IMPORTED", "ROWS", "EVENTS", "REJECTED", "FILES")
	for _, b := range batches {
		names := ""
		for i, f := range b.Files {
			if i > 0 {
				names += ", "
			}
			names += f.Name
		}
		fmt.Fprintf(env.Stdout, "%4d  %-20s  %10s  %10s  %8s  %s\n", b.ID, b.Time.Local().Format("2006-01-02 15:04:05"),
			thousands(b.Counts.Rows), thousands(b.Counts.Events), thousands(b.Counts.Rejected), names)
	}
	return nil
}

func removeBatch(env *Env, path string, id uint64, asJSON bool) error {
	w, err := store.Open(path, store.Options{})
	if err != nil {
		return err
	}
	defer w.Close()
	b, err := w.Batch(id)
	if err != nil {
		return err
	}
	if err := w.RemoveBatch(id); err != nil {
		return err
	}
	// Rebuild the model snapshot now, so the next read-only command decodes it instead of every row. The
	// removal stands either way: a failure here only makes the next open slower.
	_ = model.SaveSnapshot(w)
	if asJSON {
		return printJSON(env.Stdout, map[string]any{"removed": id, "rows": b.Counts.Rows, "events": b.Counts.Events})
	}
	fmt.Fprintf(env.Stdout, "Removed batch %d (%s rows, %s events) and everything that came from it.\n",
		id, thousands(b.Counts.Rows), thousands(b.Counts.Events))
	return nil
}
