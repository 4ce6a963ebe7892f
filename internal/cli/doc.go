// Package cli is Wayline's command line: the fixed contract of commands and JSON keys in DESIGN.md.
// It parses arguments, calls the internal packages, and prints human text or, with --json, one JSON
// document on stdout. Errors go to stderr with a non-zero exit status.
//
// The serve command needs the app layer, which internal packages may not import; main.go injects it as
// Env.Serve.
package cli
