package server_test

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// upload posts content as the multipart field (default "file") with the given client file name.
func upload(t *testing.T, ts *httptest.Server, field, fileName string, content []byte) (int, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("note", "fields before the file are skipped")
	fw, err := mw.CreateFormFile(field, fileName)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = fw.Write(content)
	_ = mw.Close()
	req := mustRequest(t, http.MethodPost, ts.URL+"/api/upload", "")
	req.Body = io.NopCloser(&buf)
	req.ContentLength = int64(buf.Len())
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return do(t, ts.Client(), req)
}

type uploaded struct {
	Path string `json:"path"`
	Name string `json:"name"`
	Size int64  `json:"size"`
}

func TestUploadStoresFile(t *testing.T) {
	opts := baseOptions(t)
	_, ts := start(t, opts)
	dir := opts.UploadDir
	info, err := os.Stat(dir)
	if err != nil {
		t.Fatalf("upload folder not created: %v", err)
	}
	if perm := info.Mode().Perm(); perm != 0o700 {
		t.Errorf("upload folder mode: got %o, want 700", perm)
	}

	tests := []struct {
		clientName string
		wantName   string
		wantStored string
	}{
		{"orders.csv", "orders.csv", "orders.csv"},
		{"Orders.CSV", "Orders.CSV", "Orders.csv"},
		{"web.csv.gz", "web.csv.gz", "web.csv.gz"},
		{"book.xlsx", "book.xlsx", "book.xlsx"},
		{"../../etc/passwd", "passwd", "passwd"},
		{`C:\Users\ann\crm export.tsv`, "crm export.tsv", "crm export.tsv"},
		{"/abs/path/x.json", "x.json", "x.json"},
		{"evil.c$v", "evil.c$v", "evil.c_v"},
		{"..", "upload", "upload"},
		{".hidden.csv", ".hidden.csv", "hidden.csv"},
		{"noext", "noext", "noext"},
		{"a.toolongextension", "a.toolongextension", "a.toolongextension"},
		{strings.Repeat("ü", 80) + ".csv", strings.Repeat("ü", 80) + ".csv", strings.Repeat("ü", 48) + ".csv"},
	}
	for _, tt := range tests {
		t.Run(tt.clientName, func(t *testing.T) {
			content := []byte("email,time\nann@example.com,2024-01-01\n" + tt.clientName)
			status, body := upload(t, ts, "file", tt.clientName, content)
			if status != 200 {
				t.Fatalf("status: got %d, want 200 (%s)", status, body)
			}
			var up uploaded
			if err := json.Unmarshal([]byte(body), &up); err != nil {
				t.Fatal(err)
			}
			folder := filepath.Dir(up.Path)
			if filepath.Dir(folder) != dir || len(filepath.Base(folder)) != 32 {
				t.Errorf("path %q: want it in a folder of 32 random hex digits directly inside %q", up.Path, dir)
			}
			if base := filepath.Base(up.Path); base != tt.wantStored {
				t.Errorf("stored name %q, want %q", base, tt.wantStored)
			}
			if up.Name != tt.wantName {
				t.Errorf("name: got %q, want %q", up.Name, tt.wantName)
			}
			if up.Size != int64(len(content)) {
				t.Errorf("size: got %d, want %d", up.Size, len(content))
			}
			got, err := os.ReadFile(up.Path)
			if err != nil || !bytes.Equal(got, content) {
				t.Errorf("stored content: got %q (%v), want %q", got, err, content)
			}
			if info, err := os.Stat(up.Path); err == nil && info.Mode().Perm() != 0o600 {
				t.Errorf("stored file mode: got %o, want 600", info.Mode().Perm())
			}
		})
	}
}

func TestUploadRefused(t *testing.T) {
	opts := baseOptions(t)
	opts.ReadOnly = true
	_, ts := start(t, opts)
	if status, body := upload(t, ts, "file", "a.csv", []byte("x")); status != 403 || errorText(t, body) != "this workspace is served read-only: changes are disabled" {
		t.Errorf("read-only upload: got %d %s, want 403 read-only", status, body)
	}
	assertEmpty(t, opts.UploadDir)

	opts = baseOptions(t)
	opts.MaxUpload = 1024
	_, ts = start(t, opts)
	status, body := upload(t, ts, "file", "big.csv", bytes.Repeat([]byte("x"), 4096))
	if status != 413 || !strings.Contains(errorText(t, body), "1 KiB upload limit") {
		t.Errorf("oversized upload: got %d %s, want 413 naming the limit", status, body)
	}
	assertEmpty(t, opts.UploadDir)

	status, body = upload(t, ts, "document", "a.csv", []byte("x"))
	if status != 400 || !strings.Contains(errorText(t, body), `no "file" field`) {
		t.Errorf("upload without file field: got %d %s, want 400", status, body)
	}
	status, _ = do(t, ts.Client(), mustRequest(t, http.MethodPost, ts.URL+"/api/upload", "not multipart"))
	if status != 400 {
		t.Errorf("upload that is not multipart: got %d, want 400", status)
	}

	opts = baseOptions(t)
	opts.UploadDir = ""
	_, ts = start(t, opts)
	if status, _ := upload(t, ts, "file", "a.csv", []byte("x")); status != 404 {
		t.Errorf("upload without UploadDir: got %d, want 404", status)
	}
}

// A body without Content-Length (chunked) is cut off by the limit while streaming, and the partial file
// is removed.
func TestUploadLimitWhileStreaming(t *testing.T) {
	opts := baseOptions(t)
	opts.MaxUpload = 64 << 10
	_, ts := start(t, opts)
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		fw, _ := mw.CreateFormFile("file", "big.csv")
		chunk := bytes.Repeat([]byte("y"), 8192)
		for range 32 {
			if _, err := fw.Write(chunk); err != nil {
				pw.CloseWithError(err)
				return
			}
		}
		_ = mw.Close()
		_ = pw.Close()
	}()
	req := mustRequest(t, http.MethodPost, ts.URL+"/api/upload", "")
	req.Body = pr
	req.ContentLength = -1
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 413 {
		t.Errorf("streamed oversized upload: got %d, want 413", resp.StatusCode)
	}
	_ = pr.Close()
	assertEmpty(t, opts.UploadDir)
}

func assertEmpty(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 0 {
		t.Errorf("%s: got %d files, want none", dir, len(entries))
	}
}
