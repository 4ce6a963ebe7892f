package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// command is one subcommand: its flags and what it does with the positional arguments.
type command struct {
	name    string
	usage   string // the synopsis line
	summary string
	flags   func(fs *flag.FlagSet) func(env *Env, args []string) error
}

// parse parses flags that may appear before, between or after positional arguments, the way people type
// them ("wayline import -w ws.wayline orders.csv --strict"). A lone "--" ends flag parsing.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var flags, positional []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			positional = append(positional, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			positional = append(positional, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		if f := fs.Lookup(name); f != nil && !isBool(f) && i+1 < len(args) {
			flags = append(flags, args[i+1])
			i++
		}
	}
	if err := fs.Parse(flags); err != nil {
		return nil, err
	}
	return positional, nil
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// workspaceFlag registers -w and --workspace on the same variable.
func workspaceFlag(fs *flag.FlagSet) *string {
	var ws string
	fs.StringVar(&ws, "w", "", "workspace `FILE` (.wayline)")
	fs.StringVar(&ws, "workspace", "", "workspace `FILE` (.wayline)")
	return &ws
}

func newFlagSet(c command, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: %s\n\n%s\n\nflags:\n", c.usage, c.summary)
		fs.PrintDefaults()
	}
	return fs
}
