package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestReportOnTheDemo(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "client.wayline")
	mustRun(t, "demo", "-w", ws, "--customers", "300", "--seed", "3")
	mustRun(t, "personas", "-w", ws, "--seed", "1")

	out := filepath.Join(dir, "client.html")
	said := mustRun(t, "report", "-w", ws, "-o", out, "--title", "Northwind <journeys>")
	if !strings.Contains(said, "client.html") {
		t.Errorf("report said %q, want it to name the file it wrote", said)
	}
	html, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<title>Northwind &lt;journeys&gt;</title>", `id="summary"`, `id="method"`, "Personas"} {
		if !strings.Contains(string(html), want) {
			t.Errorf("the report lacks %q", want)
		}
	}

	redacted := filepath.Join(dir, "redacted.html")
	var res struct {
		Path     string `json:"path"`
		Bytes    int64  `json:"bytes"`
		Redacted bool   `json:"redacted"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "report", "-w", ws, "-o", redacted, "--redact", "--json")), &res); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(redacted)
	if err != nil || res.Path != redacted || !res.Redacted || res.Bytes != info.Size() {
		t.Fatalf("report --json printed %+v (file: %v), want the path, redacted true and the file's size", res, err)
	}
	body, _ := os.ReadFile(redacted)
	if m := regexp.MustCompile(`(?i)[a-z0-9._%+\-]+@[a-z0-9.\-]+\.[a-z]{2,}`).Find(body); m != nil {
		t.Errorf("the redacted report contains the email %q", m)
	}
	if !strings.Contains(string(body), "Redacted") {
		t.Errorf("the redacted report does not say it is redacted")
	}
	// No temporary file is left beside the report.
	if left, _ := filepath.Glob(filepath.Join(dir, ".wayline-report-*")); len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

func TestReportErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no workspace", []string{"report", "-o", filepath.Join(dir, "r.html")}, 2, "-w FILE"},
		{"no output", []string{"report", "-w", filepath.Join(dir, "x.wayline")}, 2, "-o FILE.html"},
		{"missing workspace", []string{"report", "-w", filepath.Join(dir, "missing.wayline"), "-o", filepath.Join(dir, "r.html")}, 1, "does not exist"},
		{"stray argument", []string{"report", "-w", "x.wayline", "-o", "r.html", "extra"}, 2, "unexpected argument"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := run(t, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Fatalf("got exit %d, stderr %q; want exit %d mentioning %q", code, errOut, tt.code, tt.want)
			}
		})
	}

	ws := filepath.Join(dir, "small.wayline")
	mustRun(t, "demo", "-w", ws, "--customers", "50", "--seed", "1")
	if _, errOut, code := run(t, "report", "-w", ws, "-o", filepath.Join(dir, "report.pdf")); code != 2 || !strings.Contains(errOut, "FILE.html") {
		t.Errorf("a .pdf output: exit %d, %q; want a usage error asking for .html", code, errOut)
	}
	if _, errOut, code := run(t, "report", "-w", ws, "-o", filepath.Join(dir, "r.html"), "--assumed", "nope"); code != 1 || !strings.Contains(errOut, "nope") {
		t.Errorf("an unknown assumed map: exit %d, %q; want exit 1 naming it", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "r.html")); err == nil {
		t.Errorf("a failed report left a file behind")
	}
	if _, errOut, code := run(t, "report", "-h"); code != 0 || !strings.Contains(errOut, "-redact") || !strings.Contains(errOut, "-title") {
		t.Errorf("report -h: exit %d, %q; want the flags listed", code, errOut)
	}
}
