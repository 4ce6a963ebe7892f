package app

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"wayline/internal/explore"
	"wayline/internal/journey"
)

// Explore is the bound struct for the journey analyses: flow, paths, variants, funnels, movement,
// customers and profiles. Every method takes the shared Filter.
type Explore struct{ app *App }

// view applies a filter to the current snapshot.
func (x *Explore) view(f Filter) (*explore.Snapshot, *journey.View, error) {
	snap, err := x.app.session.snapshot()
	if err != nil {
		return nil, nil, err
	}
	jf, err := toJourneyFilter(f)
	if err != nil {
		return nil, nil, err
	}
	if len(f.Personas) > 0 {
		if jf.Personas, jf.PersonaOf, err = x.app.Personas.personaFilter(f.Personas, snap); err != nil {
			return nil, nil, err
		}
	}
	v, err := snap.Journeys.Apply(jf)
	return snap, v, err
}

// ErrNoPersonas is returned for a persona filter before personas exist.
var ErrNoPersonas = errors.New("this workspace has no personas yet: clear the persona filter")

func toJourneyFilter(f Filter) (journey.Filter, error) {
	from, err := journey.ParseBound(f.From, false)
	if err != nil {
		return journey.Filter{}, err
	}
	to, err := journey.ParseBound(f.To, true)
	if err != nil {
		return journey.Filter{}, err
	}
	jf := journey.Filter{From: from, To: to, Sources: f.Sources, Channels: f.Channels, Devices: f.Devices}
	if f.Attribute != nil && f.Attribute.Name != "" {
		jf.Attribute = &journey.AttributeFilter{Name: f.Attribute.Name, Value: f.Attribute.Value}
	}
	return jf, nil
}

// FilterOptions lists what the filter bar can choose from.
func (x *Explore) FilterOptions() (FilterOptions, error) {
	snap, err := x.app.session.snapshot()
	if err != nil {
		return FilterOptions{}, err
	}
	o := snap.Journeys.FilterOptions()
	out := FilterOptions{Sources: nonNil(o.Sources), Channels: nonNil(o.Channels), Devices: nonNil(o.Devices),
		Personas: []string{}, PersonaNames: []PersonaOption{}, From: formatMicros(o.From), To: formatMicros(o.To), Attributes: []AttributeOptions{}}
	r, err := x.app.Personas.current()
	if err != nil {
		return FilterOptions{}, err
	}
	if r != nil {
		for _, p := range r.Personas {
			out.Personas = append(out.Personas, p.ID)
			out.PersonaNames = append(out.PersonaNames, PersonaOption{ID: p.ID, Name: p.Name, Color: p.Color})
		}
	}
	for _, a := range o.Attributes {
		out.Attributes = append(out.Attributes, AttributeOptions(a))
	}
	return out, nil
}

// Summary says how many customers and events the filter keeps.
func (x *Explore) Summary(f Filter) (FilterSummary, error) {
	_, v, err := x.view(f)
	if err != nil {
		return FilterSummary{}, err
	}
	return FilterSummary(v.Summary()), nil
}

// Flow is the directly-follows graph under the filter.
func (x *Explore) Flow(f Filter, o FlowOptions) (Flow, error) {
	_, v, err := x.view(f)
	if err != nil {
		return Flow{}, err
	}
	fl, err := v.Flow(journey.FlowOptions{Level: levelOf(o.Level), MinEdgeShare: o.MinEdgeShare, MaxNodes: o.MaxNodes})
	if err != nil {
		return Flow{}, err
	}
	out := Flow{Level: string(fl.Level), Start: fl.Start, End: fl.End, Hidden: Hidden(fl.Hidden),
		TotalCustomers: fl.TotalCustomers, Transitions: fl.Transitions, Nodes: []FlowNode{}, Edges: []FlowEdge{}}
	for _, n := range fl.Nodes {
		out.Nodes = append(out.Nodes, FlowNode(n))
	}
	for _, e := range fl.Edges {
		out.Edges = append(out.Edges, FlowEdge(e))
	}
	return out, nil
}

func levelOf(s string) journey.Level {
	if s == "" {
		return journey.LevelTouchpoint
	}
	return journey.Level(s)
}

// Paths are the top paths from or to an anchor touchpoint, as a Sankey.
func (x *Explore) Paths(f Filter, o PathsOptions) (Sankey, error) {
	_, v, err := x.view(f)
	if err != nil {
		return Sankey{}, err
	}
	s, err := v.Paths(journey.PathsOptions(o))
	if err != nil {
		return Sankey{}, err
	}
	out := Sankey{Customers: s.Customers, Covered: s.Covered, Nodes: []SankeyNode{}, Links: []SankeyLink{}, Paths: []SankeyPath{}}
	for _, n := range s.Nodes {
		out.Nodes = append(out.Nodes, SankeyNode(n))
	}
	for _, l := range s.Links {
		out.Links = append(out.Links, SankeyLink(l))
	}
	for _, p := range s.Paths {
		out.Paths = append(out.Paths, SankeyPath(p))
	}
	return out, nil
}

// Variants are the distinct paths customers took.
func (x *Explore) Variants(f Filter, o VariantOptions) (Variants, error) {
	_, v, err := x.view(f)
	if err != nil {
		return Variants{}, err
	}
	vs := v.Variants(journey.VariantOptions(o))
	out := Variants{Coverage: vs.Coverage, Covered: vs.Covered, TotalCustomers: vs.TotalCustomers, Distinct: vs.Distinct,
		Variants: []Variant{}}
	for _, va := range vs.Variants {
		out.Variants = append(out.Variants, Variant(va))
	}
	return out, nil
}

func toFunnelSpec(s FunnelSpec) journey.FunnelSpec {
	out := journey.FunnelSpec{Mode: s.Mode, WindowSeconds: s.WindowSeconds}
	for _, st := range s.Steps {
		out.Steps = append(out.Steps, journey.FunnelStep(st))
	}
	return out
}

// Funnel computes a funnel.
func (x *Explore) Funnel(f Filter, spec FunnelSpec) (Funnel, error) {
	_, v, err := x.view(f)
	if err != nil {
		return Funnel{}, err
	}
	r, err := v.Funnel(toFunnelSpec(spec))
	if err != nil {
		return Funnel{}, err
	}
	out := Funnel{Customers: r.Customers, Completed: r.Completed, Mode: r.Mode, WindowSeconds: r.WindowSeconds,
		Steps: []FunnelStepResult{}}
	for _, s := range r.Steps {
		step := FunnelStepResult{Label: s.Label, Touchpoints: nonNil(s.Touchpoints), Optional: s.Optional, Entered: s.Entered,
			Reached: s.Reached, ConversionFromPrev: s.ConversionFromPrev, ConversionFromStart: s.ConversionFromStart,
			MedianSecondsFromPrev: s.MedianSecondsFromPrev, Dropped: s.Dropped, DroppedTo: []Destination{}}
		for _, d := range s.DroppedTo {
			step.DroppedTo = append(step.DroppedTo, Destination(d))
		}
		out.Steps = append(out.Steps, step)
	}
	return out, nil
}

// Movement is stage skips, backtracks, revisits, entries, exits, switches and touches after conversion.
func (x *Explore) Movement(f Filter) (Movement, error) {
	_, v, err := x.view(f)
	if err != nil {
		return Movement{}, err
	}
	m := v.Movement()
	out := Movement{Customers: m.Customers, CustomersSkipping: m.CustomersSkipping, CustomersBacktracking: m.CustomersBacktracking,
		CustomersRevisiting: m.CustomersRevisiting, ChannelSwitches: m.ChannelSwitches, DeviceSwitches: m.DeviceSwitches,
		CustomersSwitchingChannel: m.CustomersSwitchingChannel, CustomersSwitchingDevice: m.CustomersSwitchingDevice,
		StageSkips: []StageMove{}, Backtracks: []StageMove{}, Revisits: []StageRevisit{}, Entries: []Entry{}, Exits: []Exit{},
		TouchesAfterConversion: AfterConversion{Events: m.TouchesAfterConversion.Events, Customers: m.TouchesAfterConversion.Customers,
			PaidEvents: m.TouchesAfterConversion.PaidEvents, PaidCustomers: m.TouchesAfterConversion.PaidCustomers, Touchpoints: []TouchCount{}}}
	for _, s := range m.StageSkips {
		out.StageSkips = append(out.StageSkips, StageMove(s))
	}
	for _, s := range m.Backtracks {
		out.Backtracks = append(out.Backtracks, StageMove(s))
	}
	for _, r := range m.Revisits {
		out.Revisits = append(out.Revisits, StageRevisit(r))
	}
	for _, e := range m.Entries {
		out.Entries = append(out.Entries, Entry(e))
	}
	for _, e := range m.Exits {
		out.Exits = append(out.Exits, Exit(e))
	}
	for _, t := range m.TouchesAfterConversion.Touchpoints {
		out.TouchesAfterConversion.Touchpoints = append(out.TouchesAfterConversion.Touchpoints, TouchCount(t))
	}
	return out, nil
}

// Customers lists the customers under the filter, optionally only those behind a clicked figure.
func (x *Explore) Customers(f Filter, q CustomerQuery) (CustomerList, error) {
	var cohort *journey.Cohort
	if c := q.Cohort; c != nil {
		cohort = &journey.Cohort{Kind: c.Kind, Level: levelOf(c.Level), MinEdgeShare: c.MinEdgeShare, MaxNodes: c.MaxNodes,
			Node: c.Node, From: c.From, To: c.To, Channel: c.Channel, Path: c.Path, CollapseRepeats: c.CollapseRepeats,
			Funnel: toFunnelSpec(c.Funnel), Step: c.Step, Movement: c.Movement, Direction: c.Direction, Depth: c.Depth}
	}
	return x.customers(f, q, cohort)
}

// customers lists the customers of a cohort (nil: all) under the filter, searched, sorted and paged by q.
func (x *Explore) customers(f Filter, q CustomerQuery, cohort *journey.Cohort) (CustomerList, error) {
	snap, v, err := x.view(f)
	if err != nil {
		return CustomerList{}, err
	}
	jq := journey.CustomerQuery{Search: q.Search, Sort: q.Sort, Desc: q.Desc, Offset: q.Offset, Limit: q.Limit, Cohort: cohort}
	if q.Search != "" {
		jq.ProfileIDs = profileIDs(snap)
	}
	list, err := v.Customers(jq)
	if err != nil {
		return CustomerList{}, err
	}
	out := CustomerList{Total: list.Total, Rows: []CustomerRow{}}
	for _, r := range list.Rows {
		p := snap.Identity.Profiles[r.Profile]
		out.Rows = append(out.Rows, CustomerRow{ID: p.ID, Label: p.Label, Events: r.Events, Value: r.Value,
			FirstSeen: formatMicros(r.FirstSeen), LastSeen: formatMicros(r.LastSeen), Sources: nonNil(r.Sources),
			Converted: r.Converted, StageReached: r.StageReached})
	}
	return out, nil
}

func profileIDs(snap *explore.Snapshot) []string {
	ids := make([]string, len(snap.Identity.Profiles))
	for i, p := range snap.Identity.Profiles {
		ids[i] = p.ID
	}
	return ids
}

// Profile is one customer's identifiers, why they were merged, attributes and timeline. key is a profile
// id or any identifier value.
func (x *Explore) Profile(key string) (Profile, error) {
	snap, err := x.app.session.snapshot()
	if err != nil {
		return Profile{}, err
	}
	return profileOf(snap, key)
}

func profileOf(snap *explore.Snapshot, key string) (Profile, error) {
	ids := snap.Identity
	p, ok := ids.Find(strings.TrimSpace(key))
	if !ok {
		return Profile{}, fmt.Errorf("no customer matches %q: give a profile id (p_…) or an identifier such as an email", key)
	}
	m := snap.Model
	prof := ids.Profiles[p]
	sum := snap.Journeys.Profile(p)
	out := Profile{ID: prof.ID, Label: prof.Label, Converted: sum.Converted, Value: sum.Value,
		Identifiers: []ProfileIdentifier{}, Merges: []MergeDTO{}, Attributes: []ProfileAttribute{}, Timeline: []TimelineStep{}, Flags: []string{}}
	if sum.StageReached >= 0 {
		out.StageReached = snap.Journeys.Stages()[sum.StageReached]
	}
	if all, err := snap.Journeys.Apply(journey.Filter{}); err == nil {
		out.Movement = CustomerMovement(all.CustomerMovement(int32(p)))
	}
	for _, f := range prof.Flags {
		out.Flags = append(out.Flags, f.String())
	}
	for _, id := range ids.Identifiers(p) {
		out.Identifiers = append(out.Identifiers, ProfileIdentifier{Type: id.Type, Value: id.Value, Rows: id.Rows, FirstSeen: formatMicros(id.FirstSeen)})
	}
	for _, mg := range ids.Merges(p) {
		d := MergeDTO{A: IdentifierRef(mg.A), B: IdentifierRef(mg.B), Attached: mg.Attached, EvidenceCount: mg.Count, Evidence: []EvidenceRow{}}
		for _, e := range mg.Evidence {
			d.Evidence = append(d.Evidence, EvidenceRow{Batch: e.Batch, File: e.File, Line: e.Line})
		}
		out.Merges = append(out.Merges, d)
	}
	for _, row := range ids.Rows(p) {
		r := m.Rows[row]
		_, file, line := m.Where(row)
		for i := r.Attrs.Start; i < r.Attrs.End; i++ {
			out.Attributes = append(out.Attributes, ProfileAttribute{Name: m.Str(m.AttrName[i]), Value: m.Str(m.AttrValue[i]), File: file, Line: line})
		}
	}
	sort.SliceStable(out.Attributes, func(i, j int) bool { return out.Attributes[i].Name < out.Attributes[j].Name })
	for _, st := range snap.Journeys.Timeline(p, journey.DefaultSessionGap) {
		e := st.Event
		batch, file, line := m.Where(m.Events.Row[e])
		step := TimelineStep{Time: formatMicros(st.Time), Touchpoint: st.Touchpoint, Stage: st.Stage, Channel: st.Channel,
			Device: st.Device, Source: st.Source, Text: m.Str(m.Events.Text[e]), File: file, Line: line, Batch: batch,
			Session: st.Session, Goal: st.Goal, Paid: st.Paid}
		if v := m.Events.Value[e]; !math.IsNaN(v) {
			step.Value = &v
		}
		if r := m.Events.Rating[e]; !math.IsNaN(float64(r)) {
			rating := float64(r)
			step.Rating = &rating
		}
		out.Timeline = append(out.Timeline, step)
		out.Sessions = max(out.Sessions, st.Session+1)
	}
	return out, nil
}
