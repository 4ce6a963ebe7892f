package server

import "errors"

// Configuration errors, returned by New.
var (
	// ErrTokenRequired is returned when Options.Addr is not a loopback address and no Options.Token was
	// given: anyone on the network could otherwise read and change the workspace. The wrapping error names
	// the address, e.g. "binding 0.0.0.0:8765 exposes the workspace to the network: pass --token or bind
	// 127.0.0.1".
	ErrTokenRequired = errors.New("pass --token or bind 127.0.0.1")

	// ErrWritesRequired is returned when Options.ReadOnly is set without Options.Writes: the server cannot
	// tell which methods to refuse, and guessing "none" would silently allow writes.
	ErrWritesRequired = errors.New("read-only mode needs Options.Writes to know which methods write")

	// ErrBadBinding is returned when Options.Bound holds a nil value or a name that cannot appear in a
	// /api/call/<Struct>.<Method> path.
	ErrBadBinding = errors.New("invalid bound value")
)

// Request errors. The server answers with their text in {"error": "..."}; the text is written for the person
// using the UI.
var (
	// ErrTokenMissing: the request carried no access token (401).
	ErrTokenMissing = errors.New("this Wayline server needs its access token: open the address printed by " +
		"`wayline serve` (it ends with ?token=...) or send an Authorization: Bearer header")

	// ErrTokenInvalid: the request carried a token that does not match (403).
	ErrTokenInvalid = errors.New("wrong access token: open the address printed by `wayline serve` again")

	// ErrForeignHost: the Host header names neither the listen address nor localhost; a web page using DNS
	// rebinding to reach the loopback server looks like this (403).
	ErrForeignHost = errors.New("request for a host this server does not serve; open it through 127.0.0.1 or localhost")

	// ErrCrossOrigin: a request from another web site (Origin or Sec-Fetch-Site says so) tried to use the
	// API (403).
	ErrCrossOrigin = errors.New("requests from other web sites are not allowed")

	// ErrReadOnly: a write method or an upload was called on a server started read-only (403).
	ErrReadOnly = errors.New("this workspace is served read-only: changes are disabled")

	// ErrUnknownMethod: /api/call named a struct or method that is not bound (404).
	ErrUnknownMethod = errors.New("unknown method")

	// ErrBadArguments: the call body was not a JSON array of the right length and types (400).
	ErrBadArguments = errors.New("bad arguments")

	// ErrTooLarge: the body exceeded Options.MaxBody or Options.MaxUpload (413).
	ErrTooLarge = errors.New("request too large")

	// ErrUploadsDisabled: /api/upload was called but Options.UploadDir is empty (404).
	ErrUploadsDisabled = errors.New("uploads are not enabled on this server")

	// ErrNoFile: an upload carried no multipart field named "file" (400).
	ErrNoFile = errors.New(`the upload has no "file" field`)
)
