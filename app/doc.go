// Package app is the bound layer: the methods the frontend calls, in the desktop window through Wails and
// in a browser through the HTTP server. It is thin on purpose: DTOs in, calls into internal packages, DTOs
// out, progress as events. Every method returns (T, error) or error; the error text is shown to the user,
// so it says what went wrong and what to do.
package app
