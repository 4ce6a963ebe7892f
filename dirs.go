package main

import (
	"os"
	"path/filepath"
)

// configDir is where the recent-workspaces list lives; WAYLINE_CONFIG_DIR overrides it (tests use that,
// so they never touch the user's real folder).
func configDir() string {
	if d := os.Getenv("WAYLINE_CONFIG_DIR"); d != "" {
		return d
	}
	if d, err := os.UserConfigDir(); err == nil {
		return filepath.Join(d, "wayline")
	}
	return filepath.Join(os.TempDir(), "wayline-config")
}

// dataDir is where the demo workspace is created by default; WAYLINE_DATA_DIR overrides it.
func dataDir() string {
	if d := os.Getenv("WAYLINE_DATA_DIR"); d != "" {
		return d
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "wayline")
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".local", "share", "wayline")
	}
	return filepath.Join(os.TempDir(), "wayline-data")
}
