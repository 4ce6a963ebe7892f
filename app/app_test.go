package app_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"wayline/app"
)

type recorder struct {
	mu     sync.Mutex
	events map[string]int
}

func (r *recorder) Emit(name string, _ any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events[name]++
}

func (r *recorder) count(name string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.events[name]
}

func newApp(t *testing.T) (*app.App, *recorder) {
	t.Helper()
	dir := t.TempDir()
	a := app.New(app.Config{ConfigDir: filepath.Join(dir, "config"), DataDir: filepath.Join(dir, "data"), Version: "test",
		Now: func() time.Time { return time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC) }})
	rec := &recorder{events: map[string]int{}}
	a.SetEmitter(rec)
	t.Cleanup(func() { a.Close() })
	return a, rec
}

func sharedData(t *testing.T, rel string) string {
	t.Helper()
	dir, _ := os.Getwd()
	for d := dir; d != filepath.Dir(d); d = filepath.Dir(d) {
		if p := filepath.Join(d, "shared", "data", rel); fileExists(p) {
			return p
		}
	}
	t.Skipf("shared/data/%s not found", rel)
	return ""
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

func TestNoWorkspaceIsAClearError(t *testing.T) {
	a, _ := newApp(t)
	if cur, err := a.Workspace.Current(); err != nil || cur.Open {
		t.Fatalf("Current = %+v, %v; want closed and no error", cur, err)
	}
	if _, err := a.Workspace.Overview(); err != app.ErrNoWorkspace {
		t.Fatalf("Overview without a workspace: got %v, want ErrNoWorkspace", err)
	}
	if _, err := a.Workspace.Open(filepath.Join(t.TempDir(), "missing.wayline")); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("opening a missing file: got %v, want 'does not exist'", err)
	}
	if _, err := a.Workspace.PickOpen(); err == nil {
		t.Fatal("PickOpen without dialogs succeeded, want an error saying to type the path")
	}
}

func TestCreateImportOverviewRemove(t *testing.T) {
	a, rec := newApp(t)
	path := filepath.Join(t.TempDir(), "client")
	info, err := a.Workspace.Create(path)
	if err != nil || !info.Open || info.Name != "client" || !strings.HasSuffix(info.Path, "client.wayline") {
		t.Fatalf("Create = %+v, %v; want client.wayline open", info, err)
	}
	if _, err := a.Workspace.Create(path); err == nil {
		t.Fatal("creating over an existing workspace succeeded")
	}
	receipt := sharedData(t, "process-mining/receipt.csv")
	res, err := a.Imports.Run(app.ImportRequest{Files: []string{receipt}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Batch != 1 || res.Rows != 8577 || res.Events != 8577 || res.Rejected != 0 || len(res.Files) != 1 {
		t.Fatalf("Run = %+v; want batch 1 with 8,577 rows and events", res)
	}
	if rec.count(app.EventImportDone) != 1 {
		t.Errorf("import:done emitted %d times, want 1", rec.count(app.EventImportDone))
	}
	ov, err := a.Workspace.Overview()
	if err != nil {
		t.Fatal(err)
	}
	if ov.Events != 8577 || len(ov.Batches) != 1 || len(ov.Sources) != 1 || ov.Sources[0].Events != 8577 {
		t.Fatalf("Overview: %d events, %d batches, sources %+v; want 8,577 in one batch and source", ov.Events, len(ov.Batches), ov.Sources)
	}
	// receipt.csv has 1,434 cases: each case id is one identifier value.
	if ov.Identifiers != 1434 {
		t.Errorf("Overview identifiers = %d, want 1,434 case ids", ov.Identifiers)
	}
	if ov.From == "" || ov.To <= ov.From || len(ov.Touchpoints) == 0 {
		t.Errorf("Overview date range %q..%q, %d touchpoints; want a range and touchpoints", ov.From, ov.To, len(ov.Touchpoints))
	}
	again, err := a.Imports.Run(app.ImportRequest{Files: []string{receipt}})
	if err != nil || !again.Duplicate || again.Batch != 0 {
		t.Fatalf("re-import = %+v, %v; want a duplicate with no batch", again, err)
	}
	if err := a.Imports.Remove(1); err != nil {
		t.Fatal(err)
	}
	if ov, _ := a.Workspace.Overview(); ov.Events != 0 || len(ov.Batches) != 0 {
		t.Fatalf("after Remove: %d events, %d batches; want none", ov.Events, len(ov.Batches))
	}
	recent, _ := a.Workspace.Recent()
	if len(recent) != 1 || recent[0].Name != "client" || !recent[0].Exists {
		t.Fatalf("Recent = %+v, want the one workspace", recent)
	}
}

func TestInspectAndRecipeFromRoles(t *testing.T) {
	a, _ := newApp(t)
	if _, err := a.Workspace.Create(filepath.Join(t.TempDir(), "ws.wayline")); err != nil {
		t.Fatal(err)
	}
	click := sharedData(t, "clickstream/2019-Oct-sample.csv")
	ins, err := a.Imports.Inspect(click, nil)
	if err != nil {
		t.Fatal(err)
	}
	roles := map[string]app.ColumnRole{}
	var list []app.ColumnRole
	for _, c := range ins.Columns {
		roles[c.Name] = app.ColumnRole{Column: c.Name, Role: c.Role, RoleType: c.RoleType}
		list = append(list, roles[c.Name])
	}
	if roles["user_id"].Role != "identifier" || roles["event_time"].Role != "event-time" || roles["event_type"].Role != "touchpoint" {
		t.Fatalf("roles user_id=%+v event_time=%+v event_type=%+v; want identifier, event-time, touchpoint",
			roles["user_id"], roles["event_time"], roles["event_type"])
	}
	if ins.Format != "csv" || len(ins.Preview.Rows) != 20 || ins.Sample.Rows != 1000 || ins.Sample.Events != 1000 || ins.Sample.Rejected != 0 {
		t.Fatalf("inspection format %q, %d preview rows, sample %+v; want csv, 20 rows, 1,000 events", ins.Format, len(ins.Preview.Rows), ins.Sample)
	}
	// The user makes the brand the touchpoint as well: a template of both columns.
	for i := range list {
		if list[i].Column == "brand" {
			list[i].Role = "touchpoint"
		}
	}
	r, err := a.Imports.RecipeFromRoles(click, ins.Recipe, list)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Events) != 1 || r.Events[0].Touchpoint.Template != "{event_type} {brand}" {
		t.Fatalf("rebuilt recipe events %+v, want one event with touchpoint template {event_type} {brand}", r.Events)
	}
	ins2, err := a.Imports.Inspect(click, &r)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range ins2.Columns {
		got[c.Name] = c.Role
	}
	if got["brand"] != "touchpoint" || ins2.Sample.Events != 1000 {
		t.Fatalf("re-inspection with the new recipe: brand role %q, %d events; want touchpoint and 1,000", got["brand"], ins2.Sample.Events)
	}
	// Removing every identifier leaves a recipe that cannot work, and the error says why.
	for i := range list {
		if list[i].Role == "identifier" {
			list[i].Role = "ignore"
		}
	}
	if _, err := a.Imports.RecipeFromRoles(click, ins.Recipe, list); err == nil || !strings.Contains(err.Error(), "identifier") {
		t.Fatalf("recipe without identifiers: got %v, want an error about identifiers", err)
	}
	if err := a.Imports.SaveRecipe("clicks", r); err != nil {
		t.Fatal(err)
	}
	saved, err := a.Imports.Recipes()
	if err != nil || len(saved) != 1 || saved[0].Name != "clicks" || saved[0].Recipe.Events[0].Touchpoint.Template != "{event_type} {brand}" {
		t.Fatalf("Recipes = %+v, %v; want the saved one back", saved, err)
	}
}

func TestCancelStopsARunningImport(t *testing.T) {
	a, _ := newApp(t)
	if _, err := a.Workspace.Create(filepath.Join(t.TempDir(), "ws.wayline")); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("customer_id,timestamp,touchpoint\n")
	for i := 0; i < 400000; i++ {
		b.WriteString("c1,2024-03-01T10:00:00Z,View\n")
	}
	file := filepath.Join(t.TempDir(), "big.csv")
	os.WriteFile(file, []byte(b.String()), 0o644)
	done := make(chan error, 1)
	go func() {
		_, err := a.Imports.Run(app.ImportRequest{Files: []string{file}})
		done <- err
	}()
	time.Sleep(50 * time.Millisecond)
	a.Imports.Cancel()
	select {
	case err := <-done:
		if err == nil {
			t.Skip("the import finished before Cancel reached it")
		}
		if !strings.Contains(err.Error(), "cancelled") {
			t.Fatalf("got %v, want a cancellation", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Run did not return after Cancel")
	}
	if batches, _ := a.Imports.List(); len(batches) != 0 {
		t.Fatalf("got %d batches after a cancelled import, want 0", len(batches))
	}
}

func TestIsWrite(t *testing.T) {
	for _, m := range []string{"Imports.Run", "Imports.Remove", "Workspace.Create", "Imports.SaveRecipe"} {
		if !app.IsWrite(strings.Split(m, ".")[0], strings.Split(m, ".")[1]) {
			t.Errorf("%s is not marked as writing", m)
		}
	}
	for _, m := range []string{"Workspace.Overview", "Imports.RecipeFromRoles", "Imports.List"} {
		if app.IsWrite(strings.Split(m, ".")[0], strings.Split(m, ".")[1]) {
			t.Errorf("%s is marked as writing", m)
		}
	}
}

// TestEveryBoundMethodIsClassified makes adding a bound method a conscious choice about read-only servers:
// a new method fails this test until it is listed as a read here or as a write in app.go.
func TestEveryBoundMethodIsClassified(t *testing.T) {
	reads := map[string]bool{
		"Workspace.Environment": true, "Workspace.Current": true, "Workspace.Recent": true, "Workspace.Overview": true,
		"Imports.List": true, "Imports.Rejections": true, "Imports.Recipes": true, "Imports.RecipeFromRoles": true,
		"Explore.FilterOptions": true, "Explore.Summary": true, "Explore.Flow": true, "Explore.Paths": true,
		"Explore.Variants": true, "Explore.Funnel": true, "Explore.Movement": true, "Explore.Customers": true,
		"Explore.Profile": true, "Identity.Overview": true, "Identity.Rules": true, "Identity.Stages": true,
		"Personas.Current": true, "Personas.Map": true, "Personas.Compare": true,
		"Friction.Settings": true, "Friction.Overview": true, "Friction.Heatmap": true, "Maps.Observed": true,
		"Workshop.AssumedMaps": true, "Workshop.ExportAssumed": true, "Workshop.DraftFromObserved": true,
		"Workshop.Compare": true, "Workshop.GapCustomers": true, "Workshop.PersonaMatches": true,
		"Notes.List": true, "Notes.History": true, "Notes.Evaluate": true, "Views.List": true, "Views.ComparePeriods": true,
		"Reports.HTML": true,
	}
	a, _ := newApp(t)
	for name, bound := range a.Bound() {
		typ := reflect.TypeOf(bound)
		for i := 0; i < typ.NumMethod(); i++ {
			m := typ.Method(i).Name
			if app.IsWrite(name, m) == reads[name+"."+m] {
				t.Errorf("%s.%s: classify it as exactly one of read or write", name, m)
			}
		}
	}
}
