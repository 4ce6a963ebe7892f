package app_test

import (
	"strings"
	"testing"
	"time"

	"wayline/app"
	"wayline/internal/notes"
)

func TestNotesLiveEditsConflictsAndHistory(t *testing.T) {
	a, _ := openDemo(t)
	rec := &recorder{events: map[string]int{}}
	a.SetEmitter(rec)
	n, err := a.Notes.Add(notes.Note{Target: notes.Target{Kind: "stage", Stage: "Decision"}, Text: "Payment keeps failing",
		Kind: "pain", Author: "Ana", X: 0.2, Y: 0.3})
	if err != nil {
		t.Fatal(err)
	}
	if n.ID == "" || n.Version != 1 || rec.count(app.EventNotesChanged) != 1 {
		t.Fatalf("added %+v with %d change events, want an id, version 1 and one event", n, rec.count(app.EventNotesChanged))
	}
	edit := n
	edit.Text, edit.Author = "Payment fails on mobile", "Ben"
	if _, err := a.Notes.Update(edit); err != nil {
		t.Fatal(err)
	}
	stale := n
	stale.Text = "an edit from a stale screen"
	if _, err := a.Notes.Update(stale); err == nil || !strings.HasPrefix(err.Error(), "conflict:") {
		t.Fatalf("stale update: got %v, want a conflict", err)
	}
	if _, err := a.Notes.Move(n.ID, 0.8, 0.1, "Ana"); err != nil {
		t.Fatal(err)
	}
	list, _ := a.Notes.List()
	if len(list) != 1 || list[0].Text != "Payment fails on mobile" || list[0].X != 0.8 {
		t.Fatalf("list %+v, want the edited, moved note", list)
	}
	if err := a.Notes.Delete(n.ID, "Ben"); err != nil {
		t.Fatal(err)
	}
	hist, _ := a.Notes.History(n.ID)
	if len(hist) != 4 || hist[0].Action != "deleted" || hist[3].Action != "created" {
		t.Errorf("history %+v, want deleted, moved, edited, created: the latest first", hist)
	}
	if list, _ := a.Notes.List(); len(list) != 0 {
		t.Errorf("a deleted note is still listed: %+v", list)
	}
}

func TestHypothesisVerdictHasItsNumbers(t *testing.T) {
	a, _ := openDemo(t)
	v, err := a.Notes.Evaluate(notes.Hypothesis{A: notes.Group{Touchpoints: []string{"Store visit"}}, Metric: "conversion",
		Direction: "higher"})
	if err != nil {
		t.Fatal(err)
	}
	if v.Status != "supported" || v.A.Customers == 0 || v.B.Customers == 0 || v.A.Customers+v.B.Customers != 400 {
		t.Fatalf("store visitors convert more: %+v", v)
	}
	if _, err := a.Notes.Evaluate(notes.Hypothesis{A: notes.Group{Touchpoints: []string{"No such step"}}, Metric: "conversion",
		Direction: "higher"}); err == nil {
		t.Error("a hypothesis on an unknown touchpoint was evaluated")
	}
}

func TestSnapshotsAndPeriods(t *testing.T) {
	a, _ := openDemo(t)
	s, err := a.Views.Save(app.Snapshot{Name: "Mobile checkout", View: "friction", Tab: "heatmap",
		Filter: app.Filter{Devices: []string{"mobile"}}})
	if err != nil || s.ID == "" || s.Created == "" || string(s.Options) != "{}" {
		t.Fatalf("save: %+v, %v", s, err)
	}
	s.Name = "Mobile checkout, week 1"
	if _, err := a.Views.Save(s); err != nil {
		t.Fatal(err)
	}
	list, _ := a.Views.List()
	if len(list) != 1 || list[0].Name != "Mobile checkout, week 1" || list[0].Filter.Devices[0] != "mobile" {
		t.Fatalf("list %+v, want the renamed snapshot with its filter", list)
	}
	if _, err := a.Views.Save(app.Snapshot{Name: " ", View: "map"}); err == nil {
		t.Error("a snapshot without a name was saved")
	}
	if err := a.Views.Delete(s.ID); err != nil {
		t.Fatal(err)
	}
	if err := a.Views.Delete(s.ID); err == nil {
		t.Error("deleting twice succeeded")
	}

	opts, _ := a.Explore.FilterOptions()
	from, _ := time.Parse(time.RFC3339, opts.From)
	to, _ := time.Parse(time.RFC3339, opts.To)
	mid := from.Add(to.Sub(from) / 2).Format("2006-01-02")
	d, err := a.Views.ComparePeriods(app.Filter{}, app.Period{To: mid}, app.Period{From: mid})
	if err != nil {
		t.Fatal(err)
	}
	if d.A.Customers == 0 || d.B.Customers == 0 || len(d.Paths) == 0 {
		t.Fatalf("periods: %+v", d)
	}
}

func TestReportIsRedactedByRequest(t *testing.T) {
	a, dir := openDemo(t)
	email, _ := someEmail(t, dir)
	r, err := a.Reports.HTML(app.ReportOptions{Redact: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.Bytes != len(r.HTML) || !strings.HasPrefix(strings.TrimSpace(r.HTML), "<!DOCTYPE html>") {
		t.Fatalf("report of %d bytes starts %q", r.Bytes, r.HTML[:min(40, len(r.HTML))])
	}
	if strings.Contains(r.HTML, email) {
		t.Errorf("the redacted report contains the e-mail %s", email)
	}
}
