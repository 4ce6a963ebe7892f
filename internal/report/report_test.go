package report_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"wayline/internal/demo/demotest"
	"wayline/internal/ingest"
	"wayline/internal/report"
)

// The demo is built once for the tests that read it: 600 customers keep every section filled.
var (
	demoOnce sync.Once
	demoFix  *fixture
	demoDir  string
)

// TestMain closes and removes the shared demo after the last test.
func TestMain(m *testing.M) {
	code := demotest.Run(m)
	if demoFix != nil {
		demoFix.ws.Close()
	}
	if demoDir != "" {
		os.RemoveAll(demoDir)
	}
	os.Exit(code)
}

func sharedDemo(t *testing.T) *fixture {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the demo")
	}
	demoOnce.Do(func() {
		dir, err := os.MkdirTemp("", "wayline-report-test-")
		if err != nil {
			t.Fatal(err)
		}
		demoDir = dir
		demoFix = demoFixture(t, 600, dir)
	})
	if demoFix == nil {
		t.Fatal("the demo could not be built (see the first test that tried)")
	}
	return demoFix
}

// Patterns a redacted report must not contain. The phone pattern is a North American or international
// number with separators, as the demo writes them; the report's own figures never have seven digits in a
// row (counts above 9,999 read 12.4k) and dates are written out ("24 Jan 2026").
var (
	emailRe = regexp.MustCompile(`(?i)[a-z0-9._%+\-]+@[a-z0-9.\-]+\.[a-z]{2,}`)
	phoneRe = regexp.MustCompile(`\+?\d{1,3}[ .\-]?\(?\d{3}\)?[ .\-]?\d{3}[ .\-]?\d{4}`)
)

func TestRedactedDemoLeaksNoIdentifier(t *testing.T) {
	f := sharedDemo(t)
	out := f.write(t, report.Options{Redact: true})
	lower := strings.ToLower(out)

	truth := readCSV(t, filepath.Join(f.exportDir, "truth.csv"))
	values := column(t, truth, "identifier")
	if len(values) < 1000 {
		t.Fatalf("truth.csv has %d identifiers, want the demo's thousands", len(values))
	}
	for _, v := range values {
		if v != "" && strings.Contains(lower, strings.ToLower(v)) {
			t.Errorf("the redacted report contains the identifier %q", v)
		}
	}
	names := column(t, readCSV(t, filepath.Join(f.exportDir, "crm_contacts.csv")), "Name")
	for _, n := range names {
		if n != "" && strings.Contains(lower, strings.ToLower(n)) {
			t.Errorf("the redacted report contains the name %q", n)
		}
	}
	if m := emailRe.FindString(out); m != "" {
		t.Errorf("the redacted report contains an email address: %q", m)
	}
	if m := phoneRe.FindString(out); m != "" {
		t.Errorf("the redacted report contains a phone number: %q", m)
	}
	// Profile ids are opaque labels: no p_… id of the workspace appears.
	for _, p := range f.snap.Identity.Profiles {
		if strings.Contains(out, p.ID) {
			t.Fatalf("the redacted report contains the profile id %s", p.ID)
		}
	}
	if !strings.Contains(out, "Customer 1") {
		t.Errorf("the redacted report names no representative customer as \"Customer 1\"; want opaque labels in the persona cards")
	}
	// Touchpoint, channel and source names stay.
	for _, keep := range []string{"Checkout: payment", "Shopify orders", "Support desk (Zendesk)", "support chat"} {
		if !strings.Contains(out, keep) {
			t.Errorf("the redacted report lacks %q: redaction must keep touchpoint and source names", keep)
		}
	}
}

func TestUnredactedDemoListsNoIdentifier(t *testing.T) {
	f := sharedDemo(t)
	out := strings.ToLower(f.write(t, report.Options{}))
	truth := readCSV(t, filepath.Join(f.exportDir, "truth.csv"))
	for _, v := range column(t, truth, "identifier") {
		if v != "" && strings.Contains(out, strings.ToLower(v)) {
			t.Errorf("the report contains the identifier %q without being asked to: it reports aggregates", v)
		}
	}
	if m := emailRe.FindString(out); m != "" {
		t.Errorf("the report contains an email address: %q", m)
	}
}

func TestSectionsInOrder(t *testing.T) {
	f := sharedDemo(t)
	out := f.write(t, report.Options{Title: "Northwind journeys"})
	want := []string{`id="summary"`, `id="map"`, `id="friction"`, `id="personas"`, `id="paths"`, `id="assumed"`, `id="notes"`, `id="method"`}
	last := -1
	for _, w := range want {
		i := strings.Index(out, w)
		if i < 0 {
			t.Fatalf("the report has no section %s", w)
		}
		if i < last {
			t.Fatalf("section %s comes before the one listed ahead of it", w)
		}
		last = i
	}
	for _, s := range []string{"<title>Northwind journeys</title>", "No assumed map saved", "Checkout: payment", "Moments of truth",
		"not enough data", "Friction score", "@page", "break-before: page", "tabular-nums"} {
		if !strings.Contains(out, s) {
			t.Errorf("the report lacks %q", s)
		}
	}
	if strings.Contains(out, "ZgotmplZ") {
		t.Errorf("the template rejected a value (ZgotmplZ in the output)")
	}
}

// TestSelfContained checks that nothing in the file asks for a resource: no scripts, stylesheets, imports,
// and no src, href or url() pointing anywhere but inside the file.
func TestSelfContained(t *testing.T) {
	f := sharedDemo(t)
	for _, redact := range []bool{false, true} {
		out := f.write(t, report.Options{Redact: redact})
		for _, bad := range []string{"<script", "<link", "@import", "<iframe", "<object", "<embed", "<img", "@font-face"} {
			if strings.Contains(strings.ToLower(out), bad) {
				t.Errorf("redact=%v: the report contains %s", redact, bad)
			}
		}
		for _, m := range regexp.MustCompile(`(?i)(?:src|href|xlink:href)\s*=\s*"([^"]*)"`).FindAllStringSubmatch(out, -1) {
			if !strings.HasPrefix(m[1], "#") {
				t.Errorf("redact=%v: %s points outside the file", redact, m[0])
			}
		}
		for _, m := range regexp.MustCompile(`(?i)url\(\s*([^)]*)\)`).FindAllStringSubmatch(out, -1) {
			if !strings.HasPrefix(strings.Trim(m[1], `'"`), "#") {
				t.Errorf("redact=%v: %s points outside the file", redact, m[0])
			}
		}
		if regexp.MustCompile(`(?i)https?://`).MatchString(out) {
			t.Errorf("redact=%v: the report contains an http(s) address", redact)
		}
	}
}

// hostile is a workspace whose names are markup: a report must show them as text.
var hostile = `customer,time,step,channel
` + hostileRows

var hostileRows = func() string {
	var b strings.Builder
	for c := 1; c <= 40; c++ {
		fmt.Fprintf(&b, "c%d,2026-03-%02dT10:00:00Z,\"<script>alert(1)</script>\",\"web\"\n", c, c%28+1)
		fmt.Fprintf(&b, "c%d,2026-03-%02dT10:05:00Z,\"<script>document.title='pwned'</script>\",\"<img src=x onerror=alert(2)>\"\n", c, c%28+1)
		fmt.Fprintf(&b, "c%d,2026-03-%02dT10:10:00Z,Product viewed,web\n", c, c%28+1)
		if c%2 == 0 {
			fmt.Fprintf(&b, "c%d,2026-03-%02dT10:20:00Z,Order placed,web\n", c, c%28+1)
		}
	}
	return b.String()
}()

var hostileRecipe = ingest.Recipe{
	Source:      `<b>CRM</b> "export"`,
	Identifiers: []ingest.IdentifierSpec{{Column: "customer", Type: "customer_id"}},
	Events:      []ingest.EventSpec{{Time: "time", Touchpoint: ingest.Field{Column: "step"}, Channel: &ingest.Field{Column: "channel"}}},
}

func TestMarkupInDataIsText(t *testing.T) {
	f := csvFixture(t, hostile, hostileRecipe)
	for _, redact := range []bool{false, true} {
		out := f.write(t, report.Options{Redact: redact, Title: "Escaping"})
		for _, raw := range []string{"<script>alert(1)</script>", "<script>document.title", "<img src=x", "<b>CRM</b>"} {
			if strings.Contains(out, raw) {
				t.Errorf("redact=%v: the report contains the raw markup %q", redact, raw)
			}
		}
		if !strings.Contains(out, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("redact=%v: the report does not show the touchpoint <script>alert(1)</script> as escaped text", redact)
		}
	}
}

// TestMarkupInDataInBrowser opens the report in headless Chromium: the hostile touchpoint must be text in
// the DOM, no script element may exist, and the title the injected script would set must be unchanged.
func TestMarkupInDataInBrowser(t *testing.T) {
	const chromium = "/usr/bin/chromium"
	if _, err := os.Stat(chromium); err != nil {
		t.Skip("no /usr/bin/chromium")
	}
	if testing.Short() {
		t.Skip("starts a browser")
	}
	f := csvFixture(t, hostile, hostileRecipe)
	dir := t.TempDir()
	path := filepath.Join(dir, "report.html")
	if err := os.WriteFile(path, []byte(f.write(t, report.Options{Title: "Escaping"})), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--virtual-time-budget=2000", "--dump-dom", "file://"+path)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	dom := stdout.String()
	if !strings.Contains(dom, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Fatalf("the DOM does not hold the touchpoint as text; DOM starts %.500q", dom)
	}
	if strings.Contains(strings.ToLower(dom), "<script") {
		t.Errorf("the DOM has a script element: data became markup")
	}
	if strings.Contains(strings.ToLower(dom), "<img") {
		t.Errorf("the DOM has an img element: data became markup")
	}
	if !strings.Contains(dom, "<title>Escaping</title>") || strings.Contains(dom, "pwned</title>") {
		t.Errorf("the document title changed: an injected script ran")
	}
}

func TestWriteErrors(t *testing.T) {
	if err := report.Write(&bytes.Buffer{}, nil, nil, report.Options{}); !errors.Is(err, report.ErrNoSnapshot) {
		t.Errorf("Write(nil snapshot) = %v, want ErrNoSnapshot", err)
	}
	f := csvFixture(t, hostile, hostileRecipe)
	if err := report.Write(&bytes.Buffer{}, f.snap, nil, report.Options{Assumed: "x"}); !errors.Is(err, report.ErrNoAssumed) {
		t.Errorf("Write(no workspace, Assumed: x) = %v, want ErrNoAssumed", err)
	}
	var b bytes.Buffer
	if err := report.Write(&b, f.snap, nil, report.Options{}); err != nil || !strings.Contains(b.String(), "No assumed map saved") {
		t.Errorf("Write(no workspace) = %v, want a report that says no assumed map is saved", err)
	}
	err := report.Write(&bytes.Buffer{}, f.snap, f.ws, report.Options{Assumed: "no-such-map"})
	if !errors.Is(err, report.ErrNoAssumed) {
		t.Errorf("Write(Assumed: unknown) = %v, want ErrNoAssumed", err)
	}
}
