package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"

	"wayline/app"
	"wayline/internal/cli"
	"wayline/internal/server"
)

// serve runs `wayline serve`: the same app layer as the window, behind the HTTP transport.
func serve(ctx context.Context, opts cli.ServeOptions) error {
	loopback := isLoopback(opts.Addr)
	readOnly := opts.ReadOnly || (!opts.ReadOnlySet && !loopback)
	token := opts.Token
	if token == "generate" {
		t, err := server.GenerateToken()
		if err != nil {
			return err
		}
		token = t
	}
	a := app.New(app.Config{ConfigDir: configDir(), DataDir: dataDir(), ReadOnly: readOnly, Version: version})
	if err := a.OpenWorkspace(opts.Workspace); err != nil {
		return err
	}
	defer a.Close()
	uploads, err := os.MkdirTemp("", "wayline-uploads-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(uploads)
	srv, err := server.New(server.Options{Addr: opts.Addr, Token: token, ReadOnly: readOnly, Assets: frontendAssets(),
		Bound: a.Bound(), Writes: app.IsWrite, UploadDir: uploads,
		Logf: func(format string, args ...any) { fmt.Fprintf(os.Stderr, format+"\n", args...) }})
	if err != nil {
		return err
	}
	a.SetEmitter(srv)
	go func() {
		<-srv.Ready()
		if srv.Addr() == "" {
			return // listening failed; ListenAndServe returns why
		}
		mode := ""
		if readOnly {
			mode = " (read-only)"
		}
		fmt.Fprintf(os.Stderr, "Serving %s%s at %s\nPress Ctrl+C to stop.\n", filepath.Base(opts.Workspace), mode, srv.URL())
	}()
	err = srv.ListenAndServe(ctx)
	// A running import does not take the request's context; cancel it before the workspace closes.
	a.Imports.Cancel()
	return err
}

func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
