package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"wayline/app"
	"wayline/internal/demo"
	"wayline/internal/importer"
)

// runDesktop opens the window on workspace, else the last one used, else the demo (built on first run).
func runDesktop(workspace string) int {
	a := app.New(app.Config{ConfigDir: configDir(), DataDir: dataDir(), Desktop: true, Version: version,
		Observer: smokeObserver()})
	if workspace == "" {
		workspace = a.Recent()
	}
	if workspace == "" {
		workspace = a.DefaultDemoPath()
		if _, err := os.Stat(workspace); err != nil {
			fmt.Fprintf(os.Stderr, "Building the demo workspace at %s ...\n", workspace)
			if err := os.MkdirAll(dirOf(workspace), 0o755); err != nil {
				fmt.Fprintln(os.Stderr, "wayline:", err)
				return 1
			}
			if err := importer.BuildDemo(context.Background(), workspace, demo.Options{}, nil); err != nil {
				fmt.Fprintln(os.Stderr, "wayline: building the demo failed:", err)
				return 1
			}
		}
	}
	if err := a.OpenWorkspace(workspace); err != nil {
		// The window still opens, on the workspace picker, with the reason shown there.
		fmt.Fprintln(os.Stderr, "wayline:", err)
		a.SetStartupError(err)
	}
	err := wails.Run(&options.App{
		Title:            "Wayline",
		Width:            1360,
		Height:           860,
		MinWidth:         1024,
		MinHeight:        680,
		BackgroundColour: options.NewRGB(248, 249, 251),
		AssetServer:      &assetserver.Options{Assets: frontendAssets()},
		OnStartup: func(ctx context.Context) {
			a.SetEmitter(wailsEmitter{ctx})
			a.SetDialogs(wailsDialogs{ctx})
		},
		OnShutdown: func(context.Context) { a.Close() },
		// Dropped files reach the import screen as paths (runtime.OnFileDrop); the web view's own drop
		// would only hand it File objects with no path.
		DragAndDrop: &options.DragAndDrop{EnableFileDrop: true, DisableWebViewDrop: true},
		Bind:        a.BoundList(),
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "wayline:", err)
		return 1
	}
	return 0
}

func dirOf(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i > 0 {
		return path[:i]
	}
	return "."
}

// smokeObserver appends what the frontend asked for to $WAYLINE_SMOKE_LOG, so the desktop smoke test can
// see a real round trip from the window's JavaScript to Go and back.
func smokeObserver() func(string) {
	path := os.Getenv("WAYLINE_SMOKE_LOG")
	if path == "" {
		return nil
	}
	return func(line string) {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			return
		}
		defer f.Close()
		fmt.Fprintln(f, line)
	}
}

type wailsEmitter struct{ ctx context.Context }

func (e wailsEmitter) Emit(name string, data any) { runtime.EventsEmit(e.ctx, name, data) }

type wailsDialogs struct{ ctx context.Context }

func filters(ps []app.FilePattern) []runtime.FileFilter {
	out := make([]runtime.FileFilter, len(ps))
	for i, p := range ps {
		out[i] = runtime.FileFilter{DisplayName: p.Name, Pattern: p.Pattern}
	}
	return out
}

func (d wailsDialogs) OpenFile(title string, ps []app.FilePattern) (string, error) {
	return runtime.OpenFileDialog(d.ctx, runtime.OpenDialogOptions{Title: title, Filters: filters(ps)})
}

func (d wailsDialogs) OpenFiles(title string, ps []app.FilePattern) ([]string, error) {
	return runtime.OpenMultipleFilesDialog(d.ctx, runtime.OpenDialogOptions{Title: title, Filters: filters(ps)})
}

func (d wailsDialogs) SaveFile(title, name string, ps []app.FilePattern) (string, error) {
	return runtime.SaveFileDialog(d.ctx, runtime.SaveDialogOptions{Title: title, DefaultFilename: name, Filters: filters(ps)})
}
