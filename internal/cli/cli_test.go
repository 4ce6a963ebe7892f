package cli_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wayline/internal/cli"
	"wayline/internal/demo"
	"wayline/internal/demo/demotest"
)

func TestMain(m *testing.M) { os.Exit(demotest.Run(m)) }

// run runs the command line in-process and returns stdout, stderr and the exit status.
func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := cli.Run(cli.Env{Stdout: &out, Stderr: &errOut, Version: "test"}, args)
	return out.String(), errOut.String(), code
}

// demoWorkspace returns a private copy of the demo workspace `wayline demo -w FILE --customers N --seed S`
// builds (both go through importer.BuildDemo), built once per customers and seed for the whole test binary.
// The analysis and report tests still build theirs with the command, which keeps the command tested.
func demoWorkspace(t *testing.T, customers int, seed int64) string {
	t.Helper()
	return demotest.Load(t, demo.Options{Customers: customers, Seed: seed}).Copy(t)
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, errOut, code := run(t, args...)
	if code != 0 {
		t.Fatalf("wayline %s: exit %d: %s", strings.Join(args, " "), code, errOut)
	}
	return out
}

func TestDemoExportImportListRemove(t *testing.T) {
	dir := t.TempDir()
	mustRun(t, "demo", "--export-dir", dir, "--customers", "200", "--seed", "7")
	for _, f := range []string{"truth.csv", "planted.json"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Fatalf("demo export lacks %s", f)
		}
	}
	var planted struct {
		Personas []struct {
			Name string `json:"name"`
			Size int    `json:"size"`
		} `json:"personas"`
		FrictionTouchpoint   string `json:"frictionTouchpoint"`
		TouchesAfterPurchase int    `json:"touchesAfterPurchase"`
	}
	data, _ := os.ReadFile(filepath.Join(dir, "planted.json"))
	if err := json.Unmarshal(data, &planted); err != nil || len(planted.Personas) < 5 || planted.FrictionTouchpoint == "" {
		t.Fatalf("planted.json = %s (%v), want ≥ 5 personas and a friction touchpoint", data, err)
	}

	recipes, _ := filepath.Glob(filepath.Join(dir, "*.recipe.json"))
	if len(recipes) < 5 {
		t.Fatalf("got %d recipes in the export, want one per source file", len(recipes))
	}
	ws := filepath.Join(t.TempDir(), "client.wayline")
	total := 0
	for _, recipe := range recipes {
		file := strings.TrimSuffix(recipe, ".recipe.json")
		var res struct {
			Batch     uint64 `json:"batch"`
			Rows      int    `json:"rows"`
			Events    int    `json:"events"`
			Links     int    `json:"links"`
			Rejected  int    `json:"rejected"`
			Duplicate bool   `json:"duplicate"`
		}
		out := mustRun(t, "import", "-w", ws, file, "--recipe", recipe, "--json")
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatalf("import --json printed %q: %v", out, err)
		}
		if res.Batch == 0 || res.Rows == 0 || res.Duplicate {
			t.Fatalf("import of %s: %+v, want a new batch with rows", filepath.Base(file), res)
		}
		total += res.Events
	}

	// The same file again adds nothing and says so.
	out := mustRun(t, "import", "-w", ws, "--recipe", recipes[0], strings.TrimSuffix(recipes[0], ".recipe.json"), "--json")
	var dup struct {
		Duplicate bool `json:"duplicate"`
		Batch     int  `json:"batch"`
	}
	json.Unmarshal([]byte(out), &dup)
	if !dup.Duplicate || dup.Batch != 0 {
		t.Fatalf("re-import printed %s, want duplicate true and no batch", out)
	}
	human := mustRun(t, "import", "-w", ws, "--recipe", recipes[0], strings.TrimSuffix(recipes[0], ".recipe.json"))
	if !strings.Contains(human, "Nothing new") {
		t.Errorf("re-import said %q, want it to say nothing was new", human)
	}

	var list struct {
		Batches []struct {
			ID       uint64 `json:"id"`
			Rows     int    `json:"rows"`
			Events   int    `json:"events"`
			Rejected int    `json:"rejected"`
		} `json:"batches"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "imports", "-w", ws, "--json")), &list); err != nil {
		t.Fatal(err)
	}
	if len(list.Batches) != len(recipes) {
		t.Fatalf("got %d batches, want %d", len(list.Batches), len(recipes))
	}
	sum := 0
	for _, b := range list.Batches {
		sum += b.Events
	}
	if sum != total {
		t.Fatalf("batches hold %d events, imports reported %d", sum, total)
	}

	mustRun(t, "imports", "rm", "-w", ws, "1")
	json.Unmarshal([]byte(mustRun(t, "imports", "-w", ws, "--json")), &list)
	if len(list.Batches) != len(recipes)-1 || list.Batches[0].ID == 1 {
		t.Fatalf("after rm 1 got %+v, want batch 1 gone", list.Batches)
	}
	if _, errOut, code := run(t, "imports", "rm", "-w", ws, "1"); code == 0 || !strings.Contains(errOut, "1") {
		t.Fatalf("removing a missing batch: exit %d, %q; want an error naming it", code, errOut)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown command", []string{"frobnicate"}, 2, "unknown command"},
		{"import without workspace", []string{"import", "x.csv"}, 2, "-w FILE"},
		{"import without files", []string{"import", "-w", "x.wayline"}, 2, "at least one file"},
		{"missing export", []string{"import", "-w", filepath.Join(os.TempDir(), "wl-test-missing.wayline"), "/nonexistent/orders.csv"}, 1, "/nonexistent/orders.csv"},
		{"imports on a missing workspace", []string{"imports", "-w", "/nonexistent/ws.wayline"}, 1, "does not exist"},
		{"bad batch id", []string{"imports", "rm", "-w", "x.wayline", "abc"}, 1, ""},
		{"customers out of range", []string{"demo", "-w", "x.wayline", "--customers", "0"}, 2, "between 1 and 1,000,000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := run(t, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Fatalf("got exit %d, stderr %q; want exit %d mentioning %q", code, errOut, tt.code, tt.want)
			}
		})
	}
	os.Remove(filepath.Join(os.TempDir(), "wl-test-missing.wayline"))
}

func TestInspectSuggestsARecipeThatImports(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "tickets.csv")
	os.WriteFile(csvPath, []byte("Id,Requester email,Created at,Subject,Satisfaction Score\n1,a@example.com,2024-05-01 10:00:00,Refund,good\n2,b@example.com,2024-05-02 11:00:00,Login,bad\n"), 0o644)
	out := mustRun(t, "inspect", csvPath, "--recipe-only")
	recipe := filepath.Join(dir, "r.json")
	os.WriteFile(recipe, []byte(out), 0o644)
	ws := filepath.Join(dir, "ws.wayline")
	var res struct {
		Events   int `json:"events"`
		Rejected int `json:"rejected"`
	}
	json.Unmarshal([]byte(mustRun(t, "import", "-w", ws, "--recipe", recipe, csvPath, "--json")), &res)
	if res.Events < 2 || res.Rejected != 0 {
		t.Fatalf("import with the inspected recipe gave %+v, want ≥ 2 events and no rejections", res)
	}
}
