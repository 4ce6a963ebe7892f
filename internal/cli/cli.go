package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// ServeOptions is what `wayline serve` asks of the injected server.
type ServeOptions struct {
	Workspace string
	Addr      string
	Token     string
	ReadOnly  bool
	// ReadOnlySet says whether --read-only was given; when not, it defaults to true off loopback.
	ReadOnlySet bool
}

// Env is the world a command runs in: streams, the clock-free context, and the injected server.
type Env struct {
	Ctx     context.Context
	Stdout  io.Writer
	Stderr  io.Writer
	Version string
	// Serve runs the HTTP server until ctx is cancelled; main.go provides it.
	Serve func(ctx context.Context, opts ServeOptions) error
}

var commands []command

func init() {
	commands = []command{demoCommand, inspectCommand, importCommand, importsCommand, profilesCommand, profileCommand, flowCommand, journeysCommand, personasCommand, frictionCommand, mapCommand, reportCommand, serveCommand}
}

// Run runs the command named by args[0] and returns the process exit status.
func Run(env Env, args []string) int {
	if env.Ctx == nil {
		env.Ctx = context.Background()
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(env.Stdout, env.Version)
		return 0
	}
	if args[0] == "version" || args[0] == "--version" {
		fmt.Fprintln(env.Stdout, "wayline", env.Version)
		return 0
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		fs := newFlagSet(c, env.Stderr)
		run := c.flags(fs)
		positional, err := parse(fs, args[1:])
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		if err != nil {
			return 2
		}
		if err := run(&env, positional); err != nil {
			var ue usageError
			if errors.As(err, &ue) {
				fmt.Fprintf(env.Stderr, "wayline %s: %s\n", c.name, ue.msg)
				fs.Usage()
				return 2
			}
			fmt.Fprintf(env.Stderr, "wayline %s: %s\n", c.name, err)
			return 1
		}
		return 0
	}
	fmt.Fprintf(env.Stderr, "wayline: unknown command %q\n\n", args[0])
	usage(env.Stderr, env.Version)
	return 2
}

func usage(w io.Writer, version string) {
	fmt.Fprintf(w, "Wayline %s: customer journey maps from your own exports.\n\n", version)
	fmt.Fprintln(w, "usage:\n  wayline [-w FILE]          open the desktop window (the last workspace, else the demo)")
	for _, c := range commands {
		fmt.Fprintf(w, "  %s\n      %s\n", c.usage, c.summary)
	}
	fmt.Fprintln(w, "\nEvery command takes -w/--workspace FILE; --json prints one JSON document on stdout.")
	fmt.Fprintln(w, "Run 'wayline COMMAND -h' for a command's flags. Docs: docs/cli.md, docs/recipes.md.")
}

// usageError is a mistake in how the command was called (exit status 2, usage printed).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

func needWorkspace(ws string) error {
	if ws == "" {
		return usagef("name the workspace with -w FILE")
	}
	return nil
}

func mustExist(path string) error {
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("workspace %s does not exist: create it with 'wayline import -w %s FILE...' or 'wayline demo -w %s'", path, path, path)
	}
	return nil
}

func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// thousands formats n as 1,234,567.
func thousands(n int) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
