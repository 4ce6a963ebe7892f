package server

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// contentSecurityPolicy keeps the page to its own origin: no CDN, no analytics, no remote fonts, nothing
// that leaves the machine. Inline styles are allowed because Svelte and SVG charts set style attributes;
// scripts are not.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; " +
	"base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// listenHost is what New learned from Options.Addr for the Host check.
type listenHost struct {
	name        string // host part of Addr, lower case, without brackets
	loopback    bool   // localhost or a loopback IP: only this machine can connect
	unspecified bool   // "", 0.0.0.0 or ::: any interface, so any Host name may be legitimate
}

func parseListenHost(addr string) (listenHost, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return listenHost{}, fmt.Errorf("listen address %q: want host:port such as 127.0.0.1:8765: %w", addr, err)
	}
	h := listenHost{name: strings.ToLower(host)}
	switch ip := net.ParseIP(host); {
	case host == "":
		h.unspecified = true
	case ip != nil:
		h.loopback = ip.IsLoopback()
		h.unspecified = ip.IsUnspecified()
	default:
		h.loopback = h.name == "localhost"
	}
	return h, nil
}

// allows reports whether a request's Host header names this server. A page on another site that rebinds its
// DNS name to 127.0.0.1 reaches the port but still sends its own name as Host, which is refused here.
func (h listenHost) allows(hostHeader string) bool {
	if h.unspecified {
		// Reachable under any of the machine's names; the token (required for non-loopback) guards it.
		return true
	}
	name := hostHeader
	if host, _, err := net.SplitHostPort(hostHeader); err == nil {
		name = host
	}
	name = strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(name, "["), "]"))
	if name == h.name || name == "localhost" {
		return true
	}
	ip := net.ParseIP(name)
	return ip != nil && ip.IsLoopback() && h.loopback
}

// cookieName is per token so that two servers on one machine (cookies ignore ports) do not overwrite each
// other's cookie. The suffix reveals nothing to someone who does not already hold the token.
func cookieName(token string) string {
	if token == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(token))
	return "wayline_token_" + hex.EncodeToString(sum[:4])
}

// securityHeaders is set on every response, errors included.
func securityHeaders(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
}

// guard wraps next with the checks every request passes, in order: Host, token, origin.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		securityHeaders(w)
		if !s.listen.allows(r.Host) {
			writeError(w, r, http.StatusForbidden, ErrForeignHost)
			return
		}
		if s.opts.Token != "" {
			if redirected := s.authorize(w, r); redirected {
				return
			}
			if status, err := s.checkToken(r); err != nil {
				if status == http.StatusUnauthorized {
					w.Header().Set("WWW-Authenticate", `Bearer realm="wayline"`)
				}
				writeError(w, r, status, err)
				return
			}
		}
		if crossOrigin(r) {
			writeError(w, r, http.StatusForbidden, ErrCrossOrigin)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// authorize handles ?token= on a GET: a valid token becomes an HttpOnly cookie so later asset, fetch and
// EventSource requests carry it. For pages it also redirects to the same address without the token, so it
// does not linger in the address bar and history. It reports whether it answered the request.
func (s *Server) authorize(w http.ResponseWriter, r *http.Request) bool {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return false
	}
	q := r.URL.Query()
	if !q.Has("token") || !s.tokenMatches(q.Get("token")) {
		return false
	}
	http.SetCookie(w, &http.Cookie{
		Name:     s.cookie,
		Value:    s.opts.Token,
		Path:     "/",
		HttpOnly: true,
		SameSite: http.SameSiteStrictMode,
	})
	if strings.HasPrefix(r.URL.Path, "/api/") {
		return false
	}
	q.Del("token")
	clean := url.URL{Path: r.URL.Path, RawPath: r.URL.RawPath, RawQuery: q.Encode()}
	http.Redirect(w, r, clean.RequestURI(), http.StatusSeeOther)
	return true
}

// checkToken returns 401 when no token came with r and 403 when a wrong one did.
func (s *Server) checkToken(r *http.Request) (int, error) {
	var candidates []string
	if auth := r.Header.Get("Authorization"); auth != "" {
		scheme, tok, _ := strings.Cut(auth, " ")
		if !strings.EqualFold(scheme, "Bearer") {
			return http.StatusUnauthorized, ErrTokenMissing
		}
		candidates = append(candidates, strings.TrimSpace(tok))
	}
	if c, err := r.Cookie(s.cookie); err == nil {
		candidates = append(candidates, c.Value)
	}
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		if q := r.URL.Query(); q.Has("token") {
			candidates = append(candidates, q.Get("token"))
		}
	}
	if len(candidates) == 0 {
		return http.StatusUnauthorized, ErrTokenMissing
	}
	for _, c := range candidates {
		if !s.tokenMatches(c) {
			return http.StatusForbidden, ErrTokenInvalid
		}
	}
	return http.StatusOK, nil
}

func (s *Server) tokenMatches(candidate string) bool {
	return subtle.ConstantTimeCompare([]byte(candidate), []byte(s.opts.Token)) == 1
}

// crossOrigin reports whether a browser sent r on behalf of another site. Only requests that can change
// something (non-GET) and API requests are checked: pages and assets are public to anyone who passed the
// Host and token checks. Clients that are not browsers send neither header and pass.
func crossOrigin(r *http.Request) bool {
	safe := r.Method == http.MethodGet || r.Method == http.MethodHead
	if safe && !strings.HasPrefix(r.URL.Path, "/api/") {
		return false
	}
	switch r.Header.Get("Sec-Fetch-Site") {
	case "cross-site", "same-site":
		return true
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		return false
	}
	u, err := url.Parse(origin)
	if err != nil || u.Host == "" {
		return true // "null" (sandboxed frames, file:// pages) and garbage are foreign.
	}
	return !strings.EqualFold(u.Host, r.Host)
}
