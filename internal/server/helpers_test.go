package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"wayline/internal/server"
)

// Calc is a fake bound struct: read methods whose answers can be checked.
type Calc struct{}

func (Calc) Add(a, b int) (int, error) { return a + b, nil }

type Pair struct {
	Name  string   `json:"name"`
	Count int      `json:"count"`
	Tags  []string `json:"tags"`
}

// Describe answers from a struct argument so decoding into nested types is checked.
func (Calc) Describe(p Pair) (string, error) {
	return p.Name + ":" + strings.Join(p.Tags, ",") + ":" + strings.Repeat("x", p.Count), nil
}

// Maybe takes a pointer: null must arrive as nil.
func (Calc) Maybe(p *Pair) (bool, error) { return p == nil, nil }

func (Calc) Sum(label string, nums ...int) (string, error) {
	total := 0
	for _, n := range nums {
		total += n
	}
	return label + "=" + strings.Repeat("|", total), nil
}

func (Calc) Fail() error { return errors.New("the workspace is locked by another Wayline window") }

func (Calc) Fine() error { return nil }

func (Calc) Value(n int) int { return n * 2 }

func (Calc) Crash() (int, error) { panic("secret internal detail") }

func (Calc) Bad() (chan int, error) { return make(chan int), nil }

// Deadline reports whether it got a context, proving the request's context is injected.
func (Calc) Deadline(ctx context.Context, s string) (string, error) {
	if ctx == nil {
		return "", errors.New("no context")
	}
	return "ctx:" + s, nil
}

func (Calc) Three() (int, int, error) { return 1, 2, nil }

func (Calc) helper() int { return 0 } //nolint:unused // proves unexported methods stay unreachable

// Notes is a fake bound struct with a write method.
type Notes struct {
	mu   sync.Mutex
	data map[string]string
}

func (n *Notes) Set(key, value string) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.data == nil {
		n.data = map[string]string{}
	}
	n.data[key] = value
	return nil
}

func (n *Notes) Get(key string) (string, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.data[key], nil
}

func writesSet(structName, method string) bool { return structName == "Notes" && method == "Set" }

func testAssets() fstest.MapFS {
	return fstest.MapFS{
		"index.html":         {Data: []byte("<!doctype html><title>Wayline</title>INDEX")},
		"assets/app-1a2b.js": {Data: []byte("console.log('app')")},
		"favicon.svg":        {Data: []byte("<svg></svg>")},
	}
}

func baseOptions(t *testing.T) server.Options {
	t.Helper()
	return server.Options{
		Addr:      "127.0.0.1:0",
		Bound:     map[string]any{"Calc": Calc{}, "Notes": &Notes{}},
		Writes:    writesSet,
		Assets:    testAssets(),
		UploadDir: t.TempDir() + "/uploads",
		Logf:      t.Logf,
	}
}

// start serves opts with httptest; the Server is returned for Emit.
func start(t *testing.T, opts server.Options) (*server.Server, *httptest.Server) {
	t.Helper()
	s, err := server.New(opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return s, ts
}

// call posts body to /api/call/name and returns the status and raw response body.
func call(t *testing.T, ts *httptest.Server, name, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, ts.URL+"/api/call/"+name, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	return do(t, ts.Client(), req)
}

func do(t *testing.T, c *http.Client, req *http.Request) (int, string) {
	t.Helper()
	resp, err := c.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read body: %v", err)
	}
	return resp.StatusCode, string(b)
}

// errorText extracts {"error": ...} and fails if the body is not that shape.
func errorText(t *testing.T, body string) string {
	t.Helper()
	var e struct {
		Error *string `json:"error"`
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(body)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil || e.Error == nil {
		t.Fatalf("body %q is not {\"error\": ...}: %v", body, err)
	}
	return *e.Error
}
