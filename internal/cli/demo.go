package cli

import (
	"flag"
	"fmt"
	"os"

	"wayline/internal/demo"
	"wayline/internal/importer"
)

var demoCommand = command{
	name:    "demo",
	usage:   "wayline demo -w FILE [--customers N] [--seed S] | wayline demo --export-dir DIR [...]",
	summary: "builds the demo workspace, or writes the demo's raw exports plus truth.csv and planted.json",
	flags: func(fs *flag.FlagSet) func(*Env, []string) error {
		ws := workspaceFlag(fs)
		dir := fs.String("export-dir", "", "write the raw export files, their recipes, truth.csv and planted.json to `DIR` instead")
		customers := fs.Int("customers", 5000, "number of customers (1 to 1,000,000)")
		seed := fs.Int64("seed", 1, "random seed: the same seed gives the same data")
		force := fs.Bool("force", false, "replace an existing workspace file")
		asJSON := fs.Bool("json", false, "print the result as JSON")
		return func(env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected argument %q", args[0])
			}
			if *customers < 1 || *customers > 1_000_000 {
				return usagef("--customers must be between 1 and 1,000,000, got %d", *customers)
			}
			opts := demo.Options{Customers: *customers, Seed: *seed}
			switch {
			case *dir != "":
				if err := os.MkdirAll(*dir, 0o755); err != nil {
					return err
				}
				m, err := demo.Export(*dir, opts)
				if err != nil {
					return err
				}
				if *asJSON {
					return printJSON(env.Stdout, m)
				}
				for _, f := range m.Files {
					fmt.Fprintf(env.Stdout, "%-28s %8s rows  (%s)\n", f.Name, thousands(f.Rows), f.Source)
				}
				fmt.Fprintf(env.Stdout, "%-28s ground truth: every identifier → person, persona\n", "truth.csv")
				fmt.Fprintf(env.Stdout, "%-28s planted personas, friction touchpoint, touches after purchase\n", "planted.json")
				return nil
			case *ws != "":
				if _, err := os.Stat(*ws); err == nil {
					if !*force {
						return fmt.Errorf("%s already exists: pass --force to rebuild it, or choose another file", *ws)
					}
					if err := os.Remove(*ws); err != nil {
						return err
					}
				}
				if err := importer.BuildDemo(env.Ctx, *ws, opts, nil); err != nil {
					return err
				}
				if *asJSON {
					return printJSON(env.Stdout, map[string]any{"workspace": *ws, "customers": *customers, "seed": *seed})
				}
				fmt.Fprintf(env.Stdout, "Built the demo workspace %s (%s customers, seed %d).\n", *ws, thousands(*customers), *seed)
				return nil
			default:
				return usagef("name a workspace with -w FILE or a folder with --export-dir DIR")
			}
		}
	},
}
