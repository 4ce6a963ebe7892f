package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"

	"wayline/internal/explore"
	"wayline/internal/friction"
	"wayline/internal/journey"
	"wayline/internal/maps"
	"wayline/internal/persona"
	"wayline/internal/store"
)

// Write writes the report on every customer of snap as one self-contained HTML document. ws supplies what
// the workspace saved (friction settings, the last persona run, assumed maps, notes, the import batches for
// the method section); a nil ws reports on snap alone with default settings. Errors: ErrNoSnapshot for a
// nil snap, ErrNoAssumed when o.Assumed names no saved map, a damaged saved setting's error, or w's
// write error.
func Write(w io.Writer, snap *explore.Snapshot, ws *store.Workspace, o Options) error {
	if snap == nil || snap.Journeys == nil {
		return ErrNoSnapshot
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	red := newRedactor(snap.Model, o.Redact)
	p, err := build(snap, ws, o, red)
	if err != nil {
		return err
	}
	red.scrub(p)
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := pageTemplate.Execute(bw, p); err != nil {
		return err
	}
	return bw.Flush()
}

// analysis is what the sections are drawn from.
type analysis struct {
	snap      *explore.Snapshot
	ws        *store.Workspace
	o         Options
	view      *journey.View
	settings  friction.Settings
	personas  *persona.Result // nil before any persona run
	personaOf []int32         // per profile, -1 none; nil without personas
	why       string          // why there are no personas, when there are none
	friction  *friction.Result
	moments   []friction.Moment
	observed  *maps.Map
	customers *labels
	red       *redactor
}

func build(snap *explore.Snapshot, ws *store.Workspace, o Options, red *redactor) (*page, error) {
	a := &analysis{snap: snap, ws: ws, o: o, customers: newLabels(o.Redact), red: red}
	v, err := snap.Journeys.Apply(journey.Filter{})
	if err != nil {
		return nil, err
	}
	a.view = v
	a.settings = friction.DefaultSettings()
	if ws != nil {
		if a.settings, err = friction.LoadSettings(ws); err != nil {
			return nil, err
		}
	}
	if err := a.loadPersonas(); err != nil {
		return nil, err
	}
	var names []string
	if a.personas != nil {
		for _, pr := range a.personas.Personas {
			names = append(names, pr.Name)
		}
	}
	if a.friction, err = friction.Compute(v, a.personaOf, names, a.settings); err != nil {
		return nil, err
	}
	if a.moments, err = friction.MomentsOfTruth(v, 0); err != nil {
		return nil, err
	}
	a.observed = maps.Observed(v, a.friction, a.moments)

	p := &page{Title: o.Title, Workspace: workspaceName(ws), Generated: day(o.Now), Redacted: o.Redact}
	if p.Title == "" {
		p.Title = "Customer journey report"
		if p.Workspace != "" {
			p.Title += " — " + p.Workspace
		}
	}
	p.Sections = sections
	p.Summary, p.SummaryNotes = a.summary()
	p.Map = a.mapSection()
	p.Heatmap = a.heatmap()
	p.Worst = a.worst(10)
	p.Personas = a.personaSection()
	p.Paths = a.paths(10)
	p.Moments = a.momentRows(10)
	if p.Assumed, err = a.assumed(); err != nil {
		return nil, err
	}
	if p.Notes, err = a.notes(); err != nil {
		return nil, err
	}
	if p.Method, err = a.method(); err != nil {
		return nil, err
	}
	return p, nil
}

// sections are the report's sections in order: the template's ids and the table of contents.
var sections = []tocEntry{
	{"summary", "Summary"},
	{"map", "The observed journey map"},
	{"friction", "Where journeys hurt: friction"},
	{"personas", "Personas"},
	{"paths", "Top paths and moments of truth"},
	{"assumed", "Assumed versus observed"},
	{"notes", "Notes and hypotheses"},
	{"method", "Method"},
}

func workspaceName(ws *store.Workspace) string {
	if ws == nil {
		return ""
	}
	return strings.TrimSuffix(ws.Name(), ".wayline")
}

// loadPersonas restores the last persona run and places every profile in it, as the app does. A run that
// no longer fits the workspace (its customers were all removed) is reported, not fatal.
func (a *analysis) loadPersonas() error {
	if a.ws == nil {
		a.why = "No personas: this report was made without a workspace to read them from."
		return nil
	}
	saved, err := persona.LoadSaved(a.ws)
	if err != nil {
		return err
	}
	if saved == nil {
		a.why = "No personas discovered yet. Run 'wayline personas' or open Personas in the app, then export the report again."
		return nil
	}
	r, err := saved.Restore()
	if err != nil {
		a.why = fmt.Sprintf("The saved personas cannot be used (%v).", err)
		return nil
	}
	labels, err := persona.Assign(r, a.snap)
	if err != nil {
		a.why = fmt.Sprintf("The saved personas do not fit this workspace any more (%v).", err)
		return nil
	}
	a.personas = r
	a.personaOf = make([]int32, len(labels))
	for i, l := range labels {
		a.personaOf[i] = int32(l)
	}
	return nil
}

// labels names customers in the report: their profile id, or with redaction an opaque "Customer N"
// numbered in order of first mention, so the same customer keeps one label throughout the file.
type labels struct {
	redact bool
	seen   map[string]int
}

func newLabels(redact bool) *labels { return &labels{redact: redact, seen: map[string]int{}} }

func (l *labels) of(profileID string) string {
	if profileID == "" {
		return ""
	}
	if !l.redact {
		return profileID
	}
	n, ok := l.seen[profileID]
	if !ok {
		n = len(l.seen) + 1
		l.seen[profileID] = n
	}
	return fmt.Sprintf("Customer %d", n)
}
