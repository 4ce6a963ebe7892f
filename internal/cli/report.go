package cli

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"wayline/internal/explore"
	"wayline/internal/report"
	"wayline/internal/store"
)

var reportCommand = command{
	name:  "report",
	usage: "wayline report -w FILE -o REPORT.html [--redact] [--title T] [--assumed MAP-ID] [--json]",
	summary: "writes one self-contained HTML report (summary, observed map, friction heatmap, personas, paths, " +
		"moments of truth, assumed vs observed, notes, method) that opens offline and prints to PDF",
	flags: func(fs *flag.FlagSet) func(*Env, []string) error {
		ws := workspaceFlag(fs)
		var out string
		fs.StringVar(&out, "o", "", "write the report to `FILE.html`")
		fs.StringVar(&out, "output", "", "write the report to `FILE.html`")
		redact := fs.Bool("redact", false, "hide every email, phone number, name and identifier value; customers become opaque labels")
		title := fs.String("title", "", "the report's `TITLE` (default: \"Customer journey report — <workspace>\")")
		assumed := fs.String("assumed", "", "compare with the saved assumed map of this `ID` (default: the first saved)")
		asJSON := fs.Bool("json", false, "print what was written as JSON")
		return func(env *Env, args []string) error {
			if err := needWorkspace(*ws); err != nil {
				return err
			}
			if len(args) > 0 {
				return usagef("unexpected argument %q", args[0])
			}
			if out == "" {
				return usagef("name the report file with -o FILE.html")
			}
			if ext := strings.ToLower(filepath.Ext(out)); ext != ".html" && ext != ".htm" {
				return usagef("the report is HTML: name it FILE.html, not %s", filepath.Base(out))
			}
			if err := mustExist(*ws); err != nil {
				return err
			}
			start := time.Now()
			w, err := store.Open(*ws, store.Options{ReadOnly: true})
			if err != nil {
				return err
			}
			defer w.Close()
			snap, err := explore.Load(w)
			if err != nil {
				return err
			}
			size, err := writeReport(out, func(f *os.File) error {
				return report.Write(f, snap, w, report.Options{Redact: *redact, Title: *title, Assumed: *assumed})
			})
			if err != nil {
				return err
			}
			elapsed := time.Since(start)
			if *asJSON {
				return printJSON(env.Stdout, map[string]any{"path": out, "bytes": size, "redacted": *redact, "seconds": elapsed.Seconds()})
			}
			note := ""
			if *redact {
				note = ", redacted"
			}
			fmt.Fprintf(env.Stdout, "Wrote %s (%s KB%s) in %.1f s.\n", out, thousands(int((size+1023)/1024)), note, elapsed.Seconds())
			return nil
		}
	},
}

// writeReport writes through a temporary file in the target's folder and renames it into place, so a
// failed report never leaves half a file where the old one was.
func writeReport(path string, write func(*os.File) error) (int64, error) {
	f, err := os.CreateTemp(filepath.Dir(path), ".wayline-report-*.html")
	if err != nil {
		return 0, fmt.Errorf("cannot write the report next to %s: %w", path, err)
	}
	tmp := f.Name()
	fail := func(err error) (int64, error) {
		f.Close()
		os.Remove(tmp)
		return 0, err
	}
	if err := write(f); err != nil {
		return fail(err)
	}
	info, err := f.Stat()
	if err != nil {
		return fail(err)
	}
	if err := f.Chmod(0o644); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return 0, err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return 0, fmt.Errorf("cannot write the report to %s: %w", path, err)
	}
	return info.Size(), nil
}
