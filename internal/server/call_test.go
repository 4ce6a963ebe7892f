package server_test

import (
	"net/http"
	"strings"
	"testing"

	"wayline/internal/server"
)

func TestCall(t *testing.T) {
	_, ts := start(t, baseOptions(t))
	tests := []struct {
		name       string
		method     string
		body       string
		wantStatus int
		want       string // exact body for 200, substring of the error otherwise
	}{
		{"two ints", "Calc.Add", `[2, 40]`, 200, "42\n"},
		{"whitespace around array", "Calc.Add", " \n[1,1]\n ", 200, "2\n"},
		{"struct argument", "Calc.Describe", `[{"name":"a","count":3,"tags":["x","y"]}]`, 200, `"a:x,y:xxx"` + "\n"},
		{"null pointer argument", "Calc.Maybe", `[null]`, 200, "true\n"},
		{"object pointer argument", "Calc.Maybe", `[{"name":"a"}]`, 200, "false\n"},
		{"variadic none", "Calc.Sum", `["s"]`, 200, `"s="` + "\n"},
		{"variadic several", "Calc.Sum", `["s", 1, 2]`, 200, `"s=|||"` + "\n"},
		{"error only, nil", "Calc.Fine", `[]`, 200, "null\n"},
		{"single non-error result", "Calc.Value", `[21]`, 200, "42\n"},
		{"context injected", "Calc.Deadline", `["x"]`, 200, `"ctx:x"` + "\n"},

		{"too few", "Calc.Add", `[1]`, 400, "Calc.Add takes 2 argument(s), got 1"},
		{"too many", "Calc.Add", `[1,2,3]`, 400, "Calc.Add takes 2 argument(s), got 3"},
		{"context not counted", "Calc.Deadline", `[]`, 400, "Calc.Deadline takes 1 argument(s), got 0"},
		{"variadic too few", "Calc.Sum", `[]`, 400, "takes at least 1 argument(s), got 0"},
		{"not an array", "Calc.Add", `{"a":1}`, 400, "wants a JSON array of 2 argument(s)"},
		{"empty body", "Calc.Add", ``, 400, "wants a JSON array"},
		{"broken JSON", "Calc.Add", `[1,`, 400, "not a valid JSON array"},
		{"trailing data", "Calc.Add", `[1,2] [3]`, 400, "unexpected data after the argument array"},
		{"wrong type", "Calc.Add", `["1", 2]`, 400, "argument 1: got a JSON string, want an integer"},
		{"fraction for int", "Calc.Add", `[1.5, 2]`, 400, "argument 1: got a JSON number 1.5, want an integer"},
		{"wrong field type", "Calc.Describe", `[{"count":"3"}]`, 400, "got a JSON string in field count, want an integer"},
		{"unknown field", "Calc.Describe", `[{"nmae":"a"}]`, 400, `unknown field "nmae"`},
		{"variadic wrong type", "Calc.Sum", `["s", 1, "2"]`, 400, "argument 3: got a JSON string, want an integer"},

		{"method error", "Calc.Fail", `[]`, 500, "the workspace is locked by another Wayline window"},
		{"panic", "Calc.Crash", `[]`, 500, "internal error in Calc.Crash; see the server log"},
		{"unencodable result", "Calc.Bad", `[]`, 500, "Calc.Bad returned a result that cannot be sent"},

		{"unknown struct", "Nope.Add", `[]`, 404, `unknown method "Nope.Add"`},
		{"unknown method", "Calc.Nope", `[]`, 404, `unknown method "Calc.Nope"`},
		{"unexported method", "Calc.helper", `[]`, 404, "unknown method"},
		{"three results not bound", "Calc.Three", `[]`, 404, "unknown method"},
		{"no dot", "Calc", `[]`, 404, "unknown method"},
		{"extra segment", "Calc.Add/x", `[1,2]`, 404, "unknown method"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := call(t, ts, tt.method, tt.body)
			if status != tt.wantStatus {
				t.Fatalf("status: got %d, want %d (body %q)", status, tt.wantStatus, body)
			}
			if status == 200 {
				if body != tt.want {
					t.Errorf("body: got %q, want %q", body, tt.want)
				}
				return
			}
			if msg := errorText(t, body); !strings.Contains(msg, tt.want) {
				t.Errorf("error: got %q, want it to contain %q", msg, tt.want)
			}
		})
	}
}

func TestCallPanicDetailStaysInLog(t *testing.T) {
	_, ts := start(t, baseOptions(t))
	_, body := call(t, ts, "Calc.Crash", `[]`)
	if strings.Contains(body, "secret internal detail") {
		t.Errorf("body %q leaks the panic value", body)
	}
}

func TestCallReadOnly(t *testing.T) {
	opts := baseOptions(t)
	opts.ReadOnly = true
	_, ts := start(t, opts)

	status, body := call(t, ts, "Notes.Set", `["k","v"]`)
	if status != http.StatusForbidden {
		t.Fatalf("write in read-only: got %d, want 403 (%s)", status, body)
	}
	if got := errorText(t, body); got != server.ErrReadOnly.Error() {
		t.Errorf("error: got %q, want %q", got, server.ErrReadOnly)
	}
	if status, body := call(t, ts, "Notes.Get", `["k"]`); status != 200 || body != "\"\"\n" {
		t.Errorf("read in read-only: got %d %q, want 200 \"\"", status, body)
	}
	if status, _ := call(t, ts, "Calc.Add", `[1,2]`); status != 200 {
		t.Errorf("read in read-only: got %d, want 200", status)
	}
}

func TestCallWritable(t *testing.T) {
	_, ts := start(t, baseOptions(t))
	if status, body := call(t, ts, "Notes.Set", `["k","v"]`); status != 200 || body != "null\n" {
		t.Fatalf("Set: got %d %q, want 200 null", status, body)
	}
	if status, body := call(t, ts, "Notes.Get", `["k"]`); status != 200 || body != "\"v\"\n" {
		t.Errorf("Get after Set: got %d %q, want 200 \"v\"", status, body)
	}
}

func TestReadOnlyNeedsWrites(t *testing.T) {
	opts := baseOptions(t)
	opts.ReadOnly, opts.Writes = true, nil
	if _, err := server.New(opts); err != server.ErrWritesRequired {
		t.Errorf("New: got %v, want ErrWritesRequired", err)
	}
}

func TestBadBindings(t *testing.T) {
	for name, bound := range map[string]map[string]any{
		"nil value":   {"Calc": nil},
		"nil pointer": {"Notes": (*Notes)(nil)},
		"dotted name": {"A.B": Calc{}},
		"empty name":  {"": Calc{}},
	} {
		t.Run(name, func(t *testing.T) {
			opts := baseOptions(t)
			opts.Bound = bound
			if _, err := server.New(opts); err == nil || !strings.Contains(err.Error(), server.ErrBadBinding.Error()) {
				t.Errorf("New: got %v, want ErrBadBinding", err)
			}
		})
	}
}

func TestCallBodyLimit(t *testing.T) {
	opts := baseOptions(t)
	opts.MaxBody = 64
	_, ts := start(t, opts)
	big := `["` + strings.Repeat("a", 100) + `"]`
	status, body := call(t, ts, "Calc.Deadline", big)
	if status != http.StatusRequestEntityTooLarge {
		t.Fatalf("status: got %d, want 413 (%s)", status, body)
	}
	if msg := errorText(t, body); !strings.Contains(msg, "64 bytes") {
		t.Errorf("error: got %q, want the limit named", msg)
	}
	if status, _ := call(t, ts, "Calc.Deadline", `["small"]`); status != 200 {
		t.Errorf("small body: got %d, want 200", status)
	}
}

func TestCallMethodAndContentType(t *testing.T) {
	_, ts := start(t, baseOptions(t))
	status, _ := do(t, ts.Client(), mustRequest(t, http.MethodGet, ts.URL+"/api/call/Calc.Add", ""))
	if status != http.StatusMethodNotAllowed {
		t.Errorf("GET call: got %d, want 405", status)
	}
	// A plain HTML form can post text/plain across sites without a preflight.
	req := mustRequest(t, http.MethodPost, ts.URL+"/api/call/Calc.Add", `[1,2]`)
	req.Header.Set("Content-Type", "text/plain")
	if status, _ := do(t, ts.Client(), req); status != http.StatusUnsupportedMediaType {
		t.Errorf("text/plain call: got %d, want 415", status)
	}
	req = mustRequest(t, http.MethodPost, ts.URL+"/api/call/Calc.Add", `[1,2]`)
	if status, body := do(t, ts.Client(), req); status != 200 || body != "3\n" {
		t.Errorf("call without Content-Type: got %d %q, want 200 3", status, body)
	}
}

func TestHealth(t *testing.T) {
	_, ts := start(t, baseOptions(t))
	status, body := do(t, ts.Client(), mustRequest(t, http.MethodGet, ts.URL+"/api/health", ""))
	if status != 200 || body != "{\"ok\":true}\n" {
		t.Errorf("health: got %d %q, want 200 {\"ok\":true}", status, body)
	}
	status, body = do(t, ts.Client(), mustRequest(t, http.MethodGet, ts.URL+"/api/nothing", ""))
	if status != 404 || errorText(t, body) == "" {
		t.Errorf("unknown API path: got %d %q, want 404 with an error", status, body)
	}
}

func mustRequest(t *testing.T, method, url, body string) *http.Request {
	t.Helper()
	var r *strings.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	var req *http.Request
	var err error
	if r != nil {
		req, err = http.NewRequest(method, url, r)
	} else {
		req, err = http.NewRequest(method, url, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return req
}
