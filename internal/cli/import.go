package cli

import (
	"flag"
	"fmt"
	"os"

	"wayline/internal/importer"
	"wayline/internal/ingest"
	"wayline/internal/store"
)

var importCommand = command{
	name:    "import",
	usage:   "wayline import -w FILE [--recipe R.json] [--strict] [--pseudonymize] EXPORT...",
	summary: "imports exports as one batch; prints rows read, events, links and rejected rows with file:line and reason",
	flags: func(fs *flag.FlagSet) func(*Env, []string) error {
		ws := workspaceFlag(fs)
		recipePath := fs.String("recipe", "", "recipe `FILE` (JSON) saying what each column means; default: the one 'wayline inspect' suggests")
		strict := fs.Bool("strict", false, "reject the whole batch, writing nothing, if any row is rejected")
		pseudo := fs.Bool("pseudonymize", false, "store emails, phones and names only as keyed hashes")
		asJSON := fs.Bool("json", false, "print the result as JSON")
		return func(env *Env, args []string) error {
			if err := needWorkspace(*ws); err != nil {
				return err
			}
			if len(args) == 0 {
				return usagef("name at least one file to import")
			}
			req := importer.Request{Files: args, Strict: *strict, Pseudonymize: *pseudo}
			if *recipePath != "" {
				data, err := os.ReadFile(*recipePath)
				if err != nil {
					return fmt.Errorf("cannot read the recipe: %w", err)
				}
				r, err := ingest.ParseRecipe(data)
				if err != nil {
					return fmt.Errorf("recipe %s: %w", *recipePath, err)
				}
				req.Recipe = &r
			}
			w, err := store.Open(*ws, store.Options{})
			if err != nil {
				return err
			}
			defer w.Close()
			res, err := importer.Run(env.Ctx, w, req)
			if err != nil {
				return err
			}
			if *asJSON {
				return printJSON(env.Stdout, importJSON(res))
			}
			printImport(env, res)
			return nil
		}
	},
}

type importOutput struct {
	Batch      uint64            `json:"batch"`
	Rows       int               `json:"rows"`   // read from the files
	Stored     int               `json:"stored"` // of those, stored as new
	Events     int               `json:"events"`
	Links      int               `json:"links"`
	Attributes int               `json:"attributes"`
	Rejected   int               `json:"rejected"`
	Duplicate  bool              `json:"duplicate"`
	Duplicates int               `json:"duplicates"`
	Skipped    int               `json:"skipped"`
	Seconds    float64           `json:"seconds"`
	Files      []store.FileInfo  `json:"files"`
	Rejections []store.Rejection `json:"rejections"`
	Notes      []string          `json:"notes"`
}

func importJSON(res importer.Result) importOutput {
	c := res.Counts
	out := importOutput{Batch: res.Batch.ID, Rows: res.RowsRead, Stored: c.Rows, Events: c.Events, Links: c.Links, Attributes: c.Attributes,
		Rejected: c.Rejected, Duplicate: res.Duplicate, Duplicates: c.Duplicates, Skipped: c.Skipped,
		Seconds: res.Elapsed.Seconds(), Files: res.Batch.Files, Rejections: res.Rejections, Notes: res.Notes}
	if out.Files == nil {
		out.Files = []store.FileInfo{}
	}
	if out.Rejections == nil {
		out.Rejections = []store.Rejection{}
	}
	if out.Notes == nil {
		out.Notes = []string{}
	}
	return out
}

func printImport(env *Env, res importer.Result) {
	c := res.Counts
	if res.Duplicate {
		fmt.Fprintf(env.Stdout, "Nothing new: all %s rows were already imported with this recipe; nothing was added.\n", thousands(res.RowsRead))
		return
	}
	fmt.Fprintf(env.Stdout, "Imported batch %d in %.1f s\n", res.Batch.ID, res.Elapsed.Seconds())
	fmt.Fprintf(env.Stdout, "  rows read   %12s\n  stored      %12s\n  events      %12s\n  links       %12s\n  attributes  %12s\n  rejected    %12s\n",
		thousands(res.RowsRead), thousands(c.Rows), thousands(c.Events), thousands(c.Links), thousands(c.Attributes), thousands(c.Rejected))
	if c.Duplicates > 0 {
		fmt.Fprintf(env.Stdout, "  duplicates  %12s (already imported, skipped)\n", thousands(c.Duplicates))
	}
	if c.Skipped > 0 {
		fmt.Fprintf(env.Stdout, "  skipped     %12s (by the recipe's skip rules)\n", thousands(c.Skipped))
	}
	for _, n := range res.Notes {
		fmt.Fprintf(env.Stdout, "  note: %s\n", n)
	}
	const show = 20
	for i, r := range res.Rejections {
		if i == show {
			fmt.Fprintf(env.Stdout, "  ... and %s more rejected rows: 'wayline imports -w WS --json' lists the kept ones\n", thousands(c.Rejected-show))
			break
		}
		col := ""
		if r.Column != "" {
			col = fmt.Sprintf(" column %q:", r.Column)
		}
		fmt.Fprintf(env.Stdout, "  rejected %s:%d%s %s\n", r.File, r.Line, col, r.Reason)
	}
}
