package cli

import (
	"flag"

	"wayline/internal/ingest"
)

var inspectCommand = command{
	name:    "inspect",
	usage:   "wayline inspect [--sheet NAME] [--recipe-only] FILE",
	summary: "prints the detected format, columns, types, suggested roles and a suggested recipe (JSON)",
	flags: func(fs *flag.FlagSet) func(*Env, []string) error {
		sheet := fs.String("sheet", "", "XLSX: the `SHEET` to read (default: the first)")
		recipeOnly := fs.Bool("recipe-only", false, "print only the suggested recipe, ready for --recipe")
		fs.Bool("json", true, "print JSON (always on: inspect's output is JSON)")
		return func(env *Env, args []string) error {
			if len(args) != 1 {
				return usagef("name exactly one file to inspect")
			}
			ins, err := ingest.Inspect(args[0], ingest.Options{Sheet: *sheet})
			if err != nil {
				return err
			}
			if *recipeOnly {
				return printJSON(env.Stdout, ins.Recipe)
			}
			return printJSON(env.Stdout, ins)
		}
	},
}
