package app_test

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"wayline/app"
	"wayline/internal/demo"
	"wayline/internal/importer"
)

// demoWorkspace builds a small demo workspace once per test binary and returns a copy's path.
var demoFiles = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "wayline-app-demo-")
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, "demo.wayline")
	if err := importer.BuildDemo(context.Background(), path, demo.Options{Customers: 400, Seed: 3}, nil); err != nil {
		return "", err
	}
	if _, err := demo.Export(filepath.Join(dir, "export"), demo.Options{Customers: 400, Seed: 3}); err != nil {
		return "", err
	}
	return dir, nil
})

func openDemo(t *testing.T) (*app.App, string) {
	t.Helper()
	dir, err := demoFiles()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "demo.wayline"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "demo.wayline")
	os.WriteFile(path, data, 0o600)
	a, _ := newApp(t)
	if _, err := a.Workspace.Open(path); err != nil {
		t.Fatal(err)
	}
	return a, filepath.Join(dir, "export")
}

// someEmail returns an email of a person from the demo's truth file.
func someEmail(t *testing.T, exportDir string) (email, person string) {
	t.Helper()
	f, err := os.Open(filepath.Join(exportDir, "truth.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows[1:] {
		if r[0] == "email" {
			return r[1], r[2]
		}
	}
	t.Fatal("truth.csv has no email")
	return "", ""
}

func TestExploreFiguresAgree(t *testing.T) {
	a, _ := openDemo(t)
	sum, err := a.Explore.Summary(app.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Customers != 400 || sum.TotalCustomers != 400 || sum.Events == 0 {
		t.Fatalf("Summary = %+v, want the 400 demo customers", sum)
	}
	flow, err := a.Explore.Flow(app.Filter{}, app.FlowOptions{Level: "touchpoint"})
	if err != nil {
		t.Fatal(err)
	}
	starts, events := 0, 0
	for _, n := range flow.Nodes {
		starts += n.Starts
		if n.ID != flow.Start && n.ID != flow.End {
			events += n.Events
		}
	}
	if starts != 400 || events != sum.Events {
		t.Fatalf("flow: %d journeys start, %d events at nodes; want 400 and %d", starts, events, sum.Events)
	}
	vs, err := a.Explore.Variants(app.Filter{}, app.VariantOptions{Limit: -1})
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, v := range vs.Variants {
		total += v.Customers
	}
	if total != 400 || vs.Coverage != 1 {
		t.Fatalf("all variants cover %d customers (coverage %v), want 400 and 1", total, vs.Coverage)
	}
	// A filter on one channel keeps fewer customers, and a customers cohort matches a flow figure.
	opts, err := a.Explore.FilterOptions()
	if err != nil || len(opts.Channels) < 2 {
		t.Fatalf("FilterOptions = %+v, %v", opts, err)
	}
	email := app.Filter{Channels: []string{"email"}}
	some, err := a.Explore.Summary(email)
	if err != nil || some.Customers == 0 || some.Customers >= 400 {
		t.Fatalf("email-only summary %+v, %v; want some but not all customers", some, err)
	}
	node := flow.Nodes[1]
	list, err := a.Explore.Customers(app.Filter{}, app.CustomerQuery{Cohort: &app.Cohort{Kind: "node", Level: "touchpoint", Node: node.ID}})
	if err != nil || list.Total != node.Customers {
		t.Fatalf("customers behind node %q: %d (%v), want %d", node.ID, list.Total, err, node.Customers)
	}
	if _, err := a.Explore.Summary(app.Filter{Personas: []string{"x"}}); err == nil {
		t.Fatal("a persona filter without personas succeeded")
	}
	if _, err := a.Explore.Summary(app.Filter{From: "yesterday"}); err == nil || !strings.Contains(err.Error(), "YYYY-MM-DD") {
		t.Fatalf("bad date: got %v, want a YYYY-MM-DD hint", err)
	}
}

func TestProfileExplainsMerges(t *testing.T) {
	a, export := openDemo(t)
	email, _ := someEmail(t, export)
	p, err := a.Explore.Profile(strings.ToUpper(email))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Timeline) == 0 || len(p.Identifiers) < 2 || !strings.HasPrefix(p.ID, "p_") {
		t.Fatalf("profile %s: %d events, %d identifiers; want a timeline and several identifiers", p.ID, len(p.Timeline), len(p.Identifiers))
	}
	if p.Converted && p.Movement.TouchesAfterConversion == 0 && p.Movement.Skips+p.Movement.Backtracks+p.Movement.Revisits == 0 && len(p.Timeline) > 20 {
		t.Errorf("a converted customer with %d events shows no movement at all: %+v", len(p.Timeline), p.Movement)
	}
	for _, m := range p.Merges {
		if len(m.Evidence) == 0 || m.Evidence[0].File == "" || m.Evidence[0].Line == 0 {
			t.Fatalf("merge %+v has no file:line evidence", m)
		}
	}
	again, err := a.Explore.Profile(p.ID)
	if err != nil || again.ID != p.ID {
		t.Fatalf("Profile by id: %v, %v", again.ID, err)
	}
	list, err := a.Explore.Customers(app.Filter{}, app.CustomerQuery{Search: email})
	if err != nil || list.Total != 1 || list.Rows[0].ID != p.ID {
		t.Fatalf("search by email: %+v, %v; want exactly that profile", list, err)
	}
	if _, err := a.Explore.Profile("nobody@nowhere.example"); err == nil {
		t.Fatal("an unknown key found a profile")
	}
}

func TestIdentityAndStagesPersist(t *testing.T) {
	a, export := openDemo(t)
	rec := &recorder{events: map[string]int{}}
	a.SetEmitter(rec)
	ov, err := a.Identity.Overview()
	if err != nil {
		t.Fatal(err)
	}
	if ov.Profiles < 400 || len(ov.Rules.DefaultBlocked) == 0 {
		t.Fatalf("identity overview %+v, want ≥ 400 profiles and the default blocked list", ov)
	}
	email, _ := someEmail(t, export)
	before, _ := a.Explore.Profile(email)
	// Blocking the person's email splits it off: the email no longer finds a profile with the same rows.
	after, err := a.Identity.BlockValue("email", email)
	if err != nil {
		t.Fatal(err)
	}
	if len(after.Rules.Blocked) != 1 || after.Rules.Blocked[0].Value != email {
		t.Fatalf("rules after block: %+v", after.Rules.Blocked)
	}
	// Views refresh their figures (the filter bar's count) on workspace:changed.
	if n := rec.count(app.EventWorkspaceChanged); n != 1 {
		t.Errorf("workspace:changed emitted %d times after a block, want 1", n)
	}
	if p, err := a.Explore.Profile(email); err == nil && len(p.Timeline) == len(before.Timeline) {
		t.Fatalf("the blocked email still finds the same profile")
	}

	st, err := a.Identity.Stages()
	if err != nil || len(st.Stages) != 6 || len(st.Touchpoints) == 0 || len(st.Goal) == 0 {
		t.Fatalf("Stages = %+v, %v", st, err)
	}
	moved := st.Touchpoints[0].Touchpoint
	var change app.StageChange
	change.Stages = st.Stages
	change.Goal = st.Goal
	for _, tp := range st.Touchpoints {
		stage := tp.Stage
		if tp.Touchpoint == moved {
			stage = "Advocacy"
		}
		change.Mapping = append(change.Mapping, struct {
			Touchpoint string `json:"touchpoint"`
			Stage      string `json:"stage"`
		}{tp.Touchpoint, stage})
	}
	if _, err := a.Identity.SetStages(change); err != nil {
		t.Fatal(err)
	}
	// Reopening the workspace reads the saved rules and stages back.
	cur, _ := a.Workspace.Current()
	if _, err := a.Workspace.Open(cur.Path); err != nil {
		t.Fatal(err)
	}
	st2, _ := a.Identity.Stages()
	for _, tp := range st2.Touchpoints {
		if tp.Touchpoint == moved && (tp.Stage != "Advocacy" || tp.Guessed) {
			t.Fatalf("after reopening, %q is in %q (guessed %v), want Advocacy as set", moved, tp.Stage, tp.Guessed)
		}
	}
	rules, _ := a.Identity.Rules()
	if len(rules.Blocked) != 1 {
		t.Fatalf("after reopening, blocked = %+v, want the blocked email", rules.Blocked)
	}
}
