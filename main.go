// Command wayline is the desktop app and its command line in one binary: with no subcommand it opens the
// window; with one it runs the command (see internal/cli). This file only wires.
package main

import (
	"context"
	"embed"
	"io/fs"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"wayline/internal/cli"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

//go:embed all:frontend/dist
var dist embed.FS

func main() {
	args := os.Args[1:]
	if ws, ok := desktopArgs(args); ok {
		os.Exit(runDesktop(ws))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(cli.Run(cli.Env{Ctx: ctx, Stdout: os.Stdout, Stderr: os.Stderr, Version: version, Serve: serve}, args))
}

// desktopArgs reports whether args ask for the window: none, or only -w/--workspace FILE.
func desktopArgs(args []string) (workspace string, ok bool) {
	switch {
	case len(args) == 0:
		return "", true
	case len(args) == 2 && (args[0] == "-w" || args[0] == "--workspace"):
		return args[1], true
	case len(args) == 1 && (strings.HasPrefix(args[0], "-w=") || strings.HasPrefix(args[0], "--workspace=")):
		_, v, _ := strings.Cut(args[0], "=")
		return v, true
	}
	return "", false
}

// frontendAssets is the built frontend, rooted at its index.html.
func frontendAssets() fs.FS {
	sub, err := fs.Sub(dist, "frontend/dist")
	if err != nil {
		panic(err) // the embed pattern guarantees the folder
	}
	return sub
}
