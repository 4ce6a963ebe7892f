// Package server is the HTTP transport behind `wayline serve`: it makes the same bound app structs that
// Wails exposes to the desktop window callable from a browser, and serves the built frontend next to them.
//
// # Basics
//
// New takes the bound values by name (Options.Bound: "Workspace" → *app.Workspace, ...) and finds their
// exported methods by reflection, once. Adding a method to the app layer therefore makes it callable here
// without any registration:
//
//	POST /api/call/<Struct>.<Method>   body: JSON array of the arguments
//	  200 JSON of the first result (null for methods that return only an error)
//	  400 the body is not an array, has the wrong length, or an argument does not decode
//	  403 read-only server and a write method (Options.Writes), bad token, other site, foreign Host
//	  404 no such struct or method      413 body larger than Options.MaxBody
//	  500 the method returned an error: its text, which the app layer writes for people, is the message
//	GET  /api/events   Server-Sent Events; every Emit(name, data) arrives as data: {"name": ..., "data": ...}
//	POST /api/upload   multipart field "file" → {"path", "name", "size"}; path is inside Options.UploadDir
//	GET  /api/health   {"ok": true}
//	GET  anything else a file of Options.Assets, index.html for client-side routes
//
// Every error answer on /api/ is {"error": "<message>"}. A method whose first parameter is a
// context.Context receives the request's context, which is cancelled when the browser goes away or a
// forced shutdown closes the connection.
//
// Emit is the app layer's progress emitter in serve mode. ListenAndServe runs until its context is
// cancelled, then shuts down gracefully: event streams end at once, in-flight calls get
// Options.ShutdownTimeout to finish. Ready is closed once it listens; then Addr is the real address (port 0
// picks a free one) and URL the address to print for the user, with ?token= when one is needed.
//
// Security: the page may only load from its own origin (Content-Security-Policy). Without a token the
// server must listen on loopback (New returns ErrTokenRequired otherwise), and the Host header must name
// the listen host or localhost, which defeats DNS rebinding. With Options.Token every request needs it as
// a Bearer header, a cookie, or ?token= on a GET; the page URL with ?token= sets an HttpOnly,
// SameSite=Strict cookie and redirects to the same URL without the token. Requests from another site
// (Origin, Sec-Fetch-Site) cannot use the API, and call bodies other than application/json are refused, so
// a web page open in the same browser cannot drive the loopback API.
//
// # Caveats
//
// Bound methods run concurrently, one goroutine per request; making them safe is the app layer's job.
//
// A method that does not take a context cannot be stopped: after a forced shutdown it keeps running and its
// result is discarded. The caller must not close the workspace under it without the app layer's own
// guard (for example Imports.Cancel before Workspace.Close).
//
// Exported methods with more than two results, or two results without a trailing error, are not callable;
// New logs them. Methods are looked up on the bound value's type: bind pointers so that pointer-receiver
// methods are included.
//
// Arguments are decoded with DisallowUnknownFields, so a frontend that sends a key the Go type lacks gets
// 400 rather than having it silently ignored. A JSON null for a non-pointer parameter decodes to the zero
// value, as encoding/json does.
//
// Event streams buffer 64 events per client; a client that falls further behind loses the oldest ones.
// EventSource reconnects by itself, but events sent while it was away are not replayed.
//
// After the ?token= redirect the page address carries no token: the frontend's fetch and EventSource
// requests are authorised by the cookie alone, so a browser that refuses cookies for the address can only
// use the server through the Bearer header. The cookie is a session cookie: after the browser restarts,
// open the printed address again.
//
// ListenAndServe is meant to be called once per Server.
//
// Assets should be an embed.FS (or fs.Sub of one): an os.DirFS follows symbolic links that point outside
// its folder, which no path check here can see.
//
// A development server that proxies /api (Vite) sends the browser's Origin for its own port: use the Wails
// development mode, or a proxy that rewrites Origin, rather than pointing it at `wayline serve`.
package server
