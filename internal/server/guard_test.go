package server_test

import (
	"errors"
	"net/http"
	"net/http/cookiejar"
	"strings"
	"testing"

	"wayline/internal/server"
)

func TestNewRequiresTokenOffLoopback(t *testing.T) {
	tests := []struct {
		addr      string
		wantToken bool
	}{
		{"0.0.0.0:8765", true},
		{":8765", true},
		{"[::]:8765", true},
		{"192.168.1.5:8765", true},
		{"wayline.example:8765", true},
		{"127.0.0.1:8765", false},
		{"127.0.0.2:0", false},
		{"localhost:0", false},
		{"[::1]:0", false},
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			opts := baseOptions(t)
			opts.Addr = tt.addr
			_, err := server.New(opts)
			if got := errors.Is(err, server.ErrTokenRequired); got != tt.wantToken {
				t.Fatalf("New(%s) without token: got %v, want ErrTokenRequired %v", tt.addr, err, tt.wantToken)
			}
			if !tt.wantToken && err != nil {
				t.Fatalf("New(%s): %v", tt.addr, err)
			}
			opts.Token = "t0k"
			if _, err := server.New(opts); err != nil {
				t.Errorf("New(%s) with token: %v", tt.addr, err)
			}
		})
	}
	opts := baseOptions(t)
	opts.Addr = "0.0.0.0:8765"
	_, err := server.New(opts)
	want := "binding 0.0.0.0:8765 exposes the workspace to the network: pass --token or bind 127.0.0.1"
	if err == nil || err.Error() != want {
		t.Errorf("message: got %v, want %q", err, want)
	}
	opts.Addr = "8765"
	if _, err := server.New(opts); err == nil {
		t.Error("New with an address without port: got nil error")
	}
}

func TestGenerateToken(t *testing.T) {
	a, err := server.GenerateToken()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := server.GenerateToken()
	if len(a) != 64 || strings.Trim(a, "0123456789abcdef") != "" {
		t.Errorf("token %q: want 64 hex digits", a)
	}
	if a == b {
		t.Errorf("two tokens are equal: %q", a)
	}
}

const token = "s3cret-token"

func tokenServer(t *testing.T) (*server.Server, string, *http.Client) {
	t.Helper()
	opts := baseOptions(t)
	// The network address is what makes a token mandatory; httptest still listens on loopback only.
	opts.Addr = "0.0.0.0:8765"
	opts.Token = token
	s, ts := start(t, opts)
	return s, ts.URL, ts.Client()
}

func TestTokenEnforced(t *testing.T) {
	_, base, client := tokenServer(t)
	callReq := func(auth string) *http.Request {
		req := mustRequest(t, http.MethodPost, base+"/api/call/Calc.Add", `[1,2]`)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		return req
	}
	tests := []struct {
		name       string
		req        *http.Request
		wantStatus int
	}{
		{"call without token", callReq(""), 401},
		{"call with wrong token", callReq("Bearer nope"), 403},
		{"call with basic auth", callReq("Basic " + token), 401},
		{"call with token", callReq("Bearer " + token), 200},
		{"call with lower-case scheme", callReq("bearer " + token), 200},
		{"page without token", mustRequest(t, http.MethodGet, base+"/", ""), 401},
		{"asset without token", mustRequest(t, http.MethodGet, base+"/assets/app-1a2b.js", ""), 401},
		{"health without token", mustRequest(t, http.MethodGet, base+"/api/health", ""), 401},
		{"query token on a POST", mustRequest(t, http.MethodPost, base+"/api/call/Calc.Add?token="+token, `[1,2]`), 401},
		{"wrong query token", mustRequest(t, http.MethodGet, base+"/api/health?token=nope", ""), 403},
		{"query token on health", mustRequest(t, http.MethodGet, base+"/api/health?token="+token, ""), 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := do(t, client, tt.req)
			if status != tt.wantStatus {
				t.Fatalf("got %d, want %d (%s)", status, tt.wantStatus, body)
			}
		})
	}
	resp, err := client.Do(callReq(""))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := resp.Header.Get("WWW-Authenticate"); !strings.HasPrefix(got, "Bearer") {
		t.Errorf("401 WWW-Authenticate: got %q, want Bearer", got)
	}
}

func TestTokenCookieFlow(t *testing.T) {
	_, base, client := tokenServer(t)
	noRedirect := *client
	noRedirect.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

	resp, err := noRedirect.Get(base + "/journeys?view=flow&token=" + token)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("page with ?token=: got %d, want 303", resp.StatusCode)
	}
	if got := resp.Header.Get("Location"); got != "/journeys?view=flow" {
		t.Errorf("redirect: got %q, want the same page without the token", got)
	}
	cookies := resp.Cookies()
	if len(cookies) != 1 {
		t.Fatalf("cookies: got %d, want 1", len(cookies))
	}
	c := cookies[0]
	if c.Value != token || !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.Path != "/" {
		t.Errorf("cookie: got %+v, want the token, HttpOnly, SameSite=Strict, Path=/", c)
	}

	// A browser: follows the redirect with the cookie, then loads assets and calls the API with it alone.
	jar, _ := cookiejar.New(nil)
	browser := *client
	browser.Jar = jar
	if status, body := do(t, &browser, mustRequest(t, http.MethodGet, base+"/?token="+token, "")); status != 200 || !strings.Contains(body, "INDEX") {
		t.Fatalf("page after redirect: got %d %q, want 200 with index.html", status, body)
	}
	if status, _ := do(t, &browser, mustRequest(t, http.MethodGet, base+"/assets/app-1a2b.js", "")); status != 200 {
		t.Errorf("asset with cookie: got %d, want 200", status)
	}
	if status, body := do(t, &browser, mustRequest(t, http.MethodPost, base+"/api/call/Calc.Add", `[2,2]`)); status != 200 || body != "4\n" {
		t.Errorf("call with cookie: got %d %q, want 200 4", status, body)
	}

	forged := mustRequest(t, http.MethodGet, base+"/", "")
	forged.AddCookie(&http.Cookie{Name: c.Name, Value: "forged"})
	if status, _ := do(t, client, forged); status != 403 {
		t.Errorf("forged cookie: got %d, want 403", status)
	}
}

func TestHostCheck(t *testing.T) {
	_, ts := start(t, baseOptions(t))
	tests := []struct {
		host       string
		wantStatus int
	}{
		{"evil.example", 403},
		{"evil.example:80", 403},
		{"127.0.0.1.evil.example", 403},
		{"localhost.evil.example:1", 403},
		{"localhost", 200},
		{"LOCALHOST:1234", 200},
		{"127.0.0.1:9", 200},
		{"[::1]:9", 200},
	}
	for _, tt := range tests {
		t.Run(tt.host, func(t *testing.T) {
			req := mustRequest(t, http.MethodPost, ts.URL+"/api/call/Calc.Add", `[1,2]`)
			req.Host = tt.host
			status, body := do(t, ts.Client(), req)
			if status != tt.wantStatus {
				t.Fatalf("got %d, want %d (%s)", status, tt.wantStatus, body)
			}
			if status == 403 && errorText(t, body) != server.ErrForeignHost.Error() {
				t.Errorf("error: got %q, want ErrForeignHost", body)
			}
		})
	}
}

func TestCrossOrigin(t *testing.T) {
	_, ts := start(t, baseOptions(t))
	tests := []struct {
		name       string
		method     string
		path       string
		header     string
		value      string
		wantStatus int
	}{
		{"foreign origin call", "POST", "/api/call/Calc.Add", "Origin", "http://evil.example", 403},
		{"foreign origin same host other port", "POST", "/api/call/Calc.Add", "Origin", "http://127.0.0.1:1", 403},
		{"null origin", "POST", "/api/call/Calc.Add", "Origin", "null", 403},
		{"cross-site fetch", "POST", "/api/call/Calc.Add", "Sec-Fetch-Site", "cross-site", 403},
		{"same-site fetch", "POST", "/api/call/Calc.Add", "Sec-Fetch-Site", "same-site", 403},
		{"foreign upload", "POST", "/api/upload", "Origin", "http://evil.example", 403},
		{"foreign event stream", "GET", "/api/events", "Origin", "http://evil.example", 403},
		{"own origin", "POST", "/api/call/Calc.Add", "Origin", ts.URL, 200},
		{"same-origin fetch", "POST", "/api/call/Calc.Add", "Sec-Fetch-Site", "same-origin", 200},
		{"page from a link", "GET", "/", "Sec-Fetch-Site", "cross-site", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := mustRequest(t, tt.method, ts.URL+tt.path, `[1,2]`)
			req.Header.Set(tt.header, tt.value)
			status, body := do(t, ts.Client(), req)
			if status != tt.wantStatus {
				t.Fatalf("got %d, want %d (%s)", status, tt.wantStatus, body)
			}
		})
	}
}

func TestSecurityHeaders(t *testing.T) {
	_, ts := start(t, baseOptions(t))
	for _, path := range []string{"/", "/assets/app-1a2b.js", "/api/health", "/api/nothing", "/missing.js"} {
		t.Run(path, func(t *testing.T) {
			resp, err := ts.Client().Get(ts.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			csp := resp.Header.Get("Content-Security-Policy")
			for _, want := range []string{"default-src 'self'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"} {
				if !strings.Contains(csp, want) {
					t.Errorf("CSP %q: want %q", csp, want)
				}
			}
			if strings.Contains(csp, "http") || strings.Contains(csp, "*") {
				t.Errorf("CSP %q allows network sources", csp)
			}
			if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options: got %q, want nosniff", got)
			}
			if got := resp.Header.Get("Referrer-Policy"); got != "no-referrer" {
				t.Errorf("Referrer-Policy: got %q, want no-referrer", got)
			}
		})
	}
}
