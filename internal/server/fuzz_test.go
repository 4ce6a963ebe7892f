package server_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wayline/internal/server"
)

// FuzzCallBody throws arbitrary bodies at methods of several shapes: the dispatcher must answer 200 with
// JSON or 400/413 with {"error"}, never panic or blame the method.
func FuzzCallBody(f *testing.F) {
	for _, seed := range []string{
		`[1,2]`, `[]`, `[null]`, `["a",1,2,3]`, `[{"name":"a","tags":["x"]}]`, `[{"nmae":1}]`, `[1e400]`,
		`[[[[[[[]]]]]]]`, `{"a":1}`, `[1,]`, "[\"\xff\"]", `[1] x`, `[-0, 9223372036854775808]`, ``,
	} {
		for _, m := range []string{"Calc.Add", "Calc.Describe", "Calc.Sum", "Calc.Maybe"} {
			f.Add(m, seed)
		}
	}
	opts := server.Options{Addr: "127.0.0.1:0", Bound: map[string]any{"Calc": Calc{}}, MaxBody: 4096}
	s, err := server.New(opts)
	if err != nil {
		f.Fatal(err)
	}
	h := s.Handler()
	f.Fuzz(func(t *testing.T, method, body string) {
		switch method {
		case "Calc.Add", "Calc.Describe", "Calc.Sum", "Calc.Maybe":
		default:
			t.Skip()
		}
		req := httptest.NewRequest(http.MethodPost, "/api/call/"+method, strings.NewReader(body))
		req.Host = "127.0.0.1"
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case 200:
			if !json.Valid(rec.Body.Bytes()) {
				t.Errorf("200 with invalid JSON %q", rec.Body)
			}
		case 400, 413:
			var e struct{ Error string }
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error == "" {
				t.Errorf("%d with body %q, want {\"error\": ...}", rec.Code, rec.Body)
			}
		default:
			t.Errorf("%s %q: got %d %q, want 200, 400 or 413", method, body, rec.Code, rec.Body)
		}
	})
}

// FuzzAssetPath requests arbitrary paths: nothing outside the asset folder may ever be answered, and a 200
// must carry one of the asset files.
func FuzzAssetPath(f *testing.F) {
	for _, seed := range []string{
		"/", "/index.html", "/assets/app.js", "/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt",
		"/a\\..\\..\\secret.txt", "//secret.txt", "/journeys", "/x.js", "/%00", "/assets/./../../secret.txt",
	} {
		f.Add(seed)
	}
	root := f.TempDir()
	files := map[string]string{
		"secret.txt":            secret,
		"dist/index.html":       "INDEX",
		"dist/assets/app.js":    "APP",
		"dist/assets/style.css": "CSS",
	}
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			f.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			f.Fatal(err)
		}
	}
	s, err := server.New(server.Options{Addr: "127.0.0.1:0", Assets: os.DirFS(filepath.Join(root, "dist"))})
	if err != nil {
		f.Fatal(err)
	}
	h := s.Handler()
	f.Fuzz(func(t *testing.T, target string) {
		u, err := url.ParseRequestURI(target)
		if err != nil {
			t.Skip() // net/http answers 400 itself before any handler runs
		}
		req := &http.Request{Method: http.MethodGet, URL: u, Host: "127.0.0.1", Header: http.Header{}}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		body := rec.Body.String()
		if strings.Contains(body, secret) {
			t.Fatalf("%q leaked the file outside Assets", target)
		}
		if rec.Code == 200 && body != "INDEX" && body != "APP" && body != "CSS" {
			t.Errorf("%q: 200 with %q, want one of the asset files", target, body)
		}
	})
}
