package server_test

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const secret = "TOPSECRET-outside-assets"

// dirAssets lays out <tmp>/secret.txt next to <tmp>/dist and serves dist through os.DirFS, so that a path
// that escaped the asset root would find a real file to leak.
func dirAssets(t *testing.T) (*httptest.Server, string) {
	t.Helper()
	root := t.TempDir()
	dist := filepath.Join(root, "dist")
	for name, data := range map[string]string{
		"secret.txt":              secret,
		"dist/index.html":         "<!doctype html>INDEX",
		"dist/assets/app-1a2b.js": "console.log('app')",
		"dist/docs/guide.txt":     "GUIDE",
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opts := baseOptions(t)
	opts.Assets = os.DirFS(dist)
	_, ts := start(t, opts)
	return ts, root
}

// rawGet sends target verbatim in the request line, bypassing any cleaning a client library would do.
func rawGet(t *testing.T, addr, target string) (int, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %q: %v", target, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestAssetTraversal(t *testing.T) {
	ts, root := dirAssets(t)
	addr := strings.TrimPrefix(ts.URL, "http://")
	targets := []string{
		"/../secret.txt",
		"/../../secret.txt",
		"/assets/../../secret.txt",
		"/%2e%2e/secret.txt",
		"/%2E%2E/secret.txt",
		"/assets/%2e%2e/%2e%2e/secret.txt",
		"/..%2fsecret.txt",
		"/..%2Fsecret.txt",
		"/%2e%2e%2fsecret.txt",
		"/assets%2f..%2f..%2fsecret.txt",
		"/..%5csecret.txt",
		"/..\\secret.txt",
		"/assets\\..\\..\\secret.txt",
		"/%5c..%5csecret.txt",
		"/..%00/secret.txt",
		"/secret.txt%00",
		"/index.html%00.png",
		"//secret.txt",
		"//" + filepath.ToSlash(root) + "/secret.txt",
		filepath.ToSlash(root) + "/secret.txt", // absolute path
		"/./../secret.txt",
		"/%252e%252e/secret.txt",
		"http://127.0.0.1/../secret.txt",
		"../secret.txt",
		"..%2fsecret.txt",
		"*",
	}
	for _, target := range targets {
		t.Run(target, func(t *testing.T) {
			status, body := rawGet(t, addr, target)
			if strings.Contains(body, secret) {
				t.Fatalf("GET %q leaked the file outside Assets (status %d)", target, status)
			}
			if status == http.StatusOK {
				t.Fatalf("GET %q: got 200 %q, want an error status", target, body)
			}
			if status != 400 && status != 404 {
				t.Errorf("GET %q: got %d, want 400 or 404", target, status)
			}
			if testing.Verbose() {
				t.Logf("GET %q: %d", target, status)
			}
		})
	}
}

func TestAssetsAndFallback(t *testing.T) {
	ts, _ := dirAssets(t)
	tests := []struct {
		path       string
		wantStatus int
		wantBody   string
		wantType   string
	}{
		{"/", 200, "<!doctype html>INDEX", "text/html"},
		{"/index.html", 200, "<!doctype html>INDEX", "text/html"},
		{"/assets/app-1a2b.js", 200, "console.log('app')", "javascript"},
		{"/docs/guide.txt", 200, "GUIDE", "text/plain"},
		{"/journeys", 200, "<!doctype html>INDEX", "text/html"},
		{"/personas/3", 200, "<!doctype html>INDEX", "text/html"},
		{"/journeys/", 200, "<!doctype html>INDEX", "text/html"},
		{"/docs", 200, "<!doctype html>INDEX", "text/html"}, // a folder is not a file: the route wins
		{"/missing.js", 404, "", ""},
		{"/assets/gone-9z9z.css", 404, "", ""},
		{"/api", 404, "", ""},
		{"/api/unknown", 404, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, err := ts.Client().Get(ts.URL + tt.path)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.wantStatus {
				t.Fatalf("status: got %d, want %d (%s)", resp.StatusCode, tt.wantStatus, body)
			}
			if tt.wantStatus != 200 {
				return
			}
			if string(body) != tt.wantBody {
				t.Errorf("body: got %q, want %q", body, tt.wantBody)
			}
			if ct := resp.Header.Get("Content-Type"); !strings.Contains(ct, tt.wantType) {
				t.Errorf("Content-Type: got %q, want %q", ct, tt.wantType)
			}
		})
	}
}

func TestAssetCaching(t *testing.T) {
	_, ts := start(t, baseOptions(t))
	for path, want := range map[string]string{
		"/":                   "no-cache",
		"/journeys":           "no-cache",
		"/assets/app-1a2b.js": "immutable",
	} {
		resp, err := ts.Client().Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("Cache-Control"); !strings.Contains(got, want) {
			t.Errorf("%s Cache-Control: got %q, want %q", path, got, want)
		}
	}
}

func TestAssetMethods(t *testing.T) {
	_, ts := start(t, baseOptions(t))
	if status, _ := do(t, ts.Client(), mustRequest(t, http.MethodPost, ts.URL+"/index.html", "x")); status != http.StatusMethodNotAllowed {
		t.Errorf("POST asset: got %d, want 405", status)
	}
	resp, err := ts.Client().Head(ts.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("HEAD /: got %d, want 200", resp.StatusCode)
	}
}

func TestNoAssets(t *testing.T) {
	opts := baseOptions(t)
	opts.Assets = nil
	_, ts := start(t, opts)
	if status, _ := do(t, ts.Client(), mustRequest(t, http.MethodGet, ts.URL+"/", "")); status != 404 {
		t.Errorf("page without Assets: got %d, want 404", status)
	}
	if status, _ := call(t, ts, "Calc.Add", `[1,2]`); status != 200 {
		t.Errorf("API without Assets: got %d, want 200", status)
	}
}
