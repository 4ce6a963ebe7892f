package app

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"wayline/internal/periods"
	"wayline/internal/report"
	"wayline/internal/store"
)

// Views is the bound struct for snapshots (a view frozen with its filters, to come back to) and for two
// date ranges side by side.
type Views struct{ app *App }

// Reports is the bound struct for the client report.
type Reports struct{ app *App }

// snapshotsSetting keeps every snapshot of a workspace as one JSON list: a workshop saves tens, not
// thousands, and one value keeps a save atomic.
const snapshotsSetting = "views.snapshots"

// maxSnapshots bounds the list so a stuck client cannot grow the workspace without end.
const maxSnapshots = 500

// Snapshot is one frozen view: which view and tab, the filter, and whatever options the view needs to
// restore itself (free JSON the frontend owns).
type Snapshot struct {
	ID      string          `json:"id"`
	Name    string          `json:"name"`
	View    string          `json:"view"`
	Tab     string          `json:"tab"`
	Filter  Filter          `json:"filter"`
	Options json.RawMessage `json:"options"`
	Created string          `json:"created"`
}

// Period is one date range of a comparison (YYYY-MM-DD or RFC 3339; "" = open).
type Period struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// PeriodDiffDTO is two periods side by side.
type PeriodDiffDTO struct {
	A                 PeriodSummaryDTO  `json:"a"`
	B                 PeriodSummaryDTO  `json:"b"`
	Paths             []PeriodChangeDTO `json:"paths"`
	Friction          []PeriodChangeDTO `json:"friction"`
	Personas          []PeriodChangeDTO `json:"personas"`
	Biggest           []PeriodChangeDTO `json:"biggest"`
	FrictionNotEnough []string          `json:"frictionNotEnough"`
	MinCustomers      int               `json:"minCustomers"`
}

// PeriodSummaryDTO is one period's headline figures.
type PeriodSummaryDTO struct {
	From           string `json:"from"`
	To             string `json:"to"`
	Customers      int    `json:"customers"`
	Events         int    `json:"events"`
	Converted      int    `json:"converted"`
	ConversionRate Num    `json:"conversionRate"`
}

// PeriodChangeDTO is one figure in both periods (shares and scores on 0..1).
type PeriodChangeDTO struct {
	Kind            string `json:"kind"`
	Label           string `json:"label"`
	Before          Num    `json:"before"`
	After           Num    `json:"after"`
	Delta           Num    `json:"delta"`
	CustomersBefore int    `json:"customersBefore"`
	CustomersAfter  int    `json:"customersAfter"`
	Enough          bool   `json:"enough"`
}

// ReportOptions choose what the report shows.
type ReportOptions struct {
	Redact  bool   `json:"redact"`
	Title   string `json:"title"`
	Assumed string `json:"assumed"`
}

// ReportFile is the whole self-contained report.
type ReportFile struct {
	HTML  string `json:"html"`
	Bytes int    `json:"bytes"`
}

// List returns the saved snapshots, oldest first.
func (vw *Views) List() ([]Snapshot, error) {
	var out []Snapshot
	err := vw.app.session.with(func(ws *store.Workspace) error {
		raw, err := ws.Setting(snapshotsSetting)
		if err != nil {
			return err
		}
		out, err = parseSnapshots(raw)
		return err
	})
	if out == nil {
		out = []Snapshot{}
	}
	return out, err
}

// Save stores a snapshot (a new one when its id is empty, else replacing the one with that id).
func (vw *Views) Save(s Snapshot) (Snapshot, error) {
	s.Name = strings.TrimSpace(s.Name)
	if s.Name == "" || len(s.Name) > 200 {
		return Snapshot{}, errors.New("a snapshot needs a name of 1 to 200 characters")
	}
	if s.View == "" {
		return Snapshot{}, errors.New("a snapshot needs the view it freezes")
	}
	if len(s.Options) == 0 {
		s.Options = json.RawMessage("{}")
	} else if !json.Valid(s.Options) {
		return Snapshot{}, errors.New("the snapshot's options are not JSON: this is a bug in the app")
	}
	if _, err := toJourneyFilter(s.Filter); err != nil {
		return Snapshot{}, err
	}
	err := vw.app.session.with(func(ws *store.Workspace) error {
		return ws.UpdateSettings(func(tx store.SettingsTx) error {
			list, err := parseSnapshots(tx.Get(snapshotsSetting))
			if err != nil {
				return err
			}
			replaced := false
			for i := range list {
				if s.ID != "" && list[i].ID == s.ID {
					s.Created = list[i].Created
					list[i], replaced = s, true
				}
			}
			if !replaced {
				if len(list) >= maxSnapshots {
					return fmt.Errorf("this workspace already has %d snapshots: delete some first", maxSnapshots)
				}
				s.ID, s.Created = newID("view-"), vw.app.cfg.Now().UTC().Format(time.RFC3339)
				list = append(list, s)
			}
			b, err := json.Marshal(list)
			if err != nil {
				return err
			}
			return tx.Put(snapshotsSetting, b)
		})
	})
	return s, err
}

// Delete removes a snapshot.
func (vw *Views) Delete(id string) error {
	return vw.app.session.with(func(ws *store.Workspace) error {
		return ws.UpdateSettings(func(tx store.SettingsTx) error {
			list, err := parseSnapshots(tx.Get(snapshotsSetting))
			if err != nil {
				return err
			}
			kept := list[:0]
			for _, s := range list {
				if s.ID != id {
					kept = append(kept, s)
				}
			}
			if len(kept) == len(list) {
				return fmt.Errorf("no snapshot %q: it may have been deleted already", id)
			}
			b, err := json.Marshal(kept)
			if err != nil {
				return err
			}
			return tx.Put(snapshotsSetting, b)
		})
	})
}

// ComparePeriods sets period b beside period a under the rest of the filter (its own dates are replaced).
func (vw *Views) ComparePeriods(f Filter, a, b Period) (PeriodDiffDTO, error) {
	fa, fb := f, f
	fa.From, fa.To = a.From, a.To
	fb.From, fb.To = b.From, b.To
	snap, va, err := vw.app.Explore.view(fa)
	if err != nil {
		return PeriodDiffDTO{}, err
	}
	_, vb, err := vw.app.Explore.view(fb)
	if err != nil {
		return PeriodDiffDTO{}, err
	}
	s, err := vw.app.Friction.settings()
	if err != nil {
		return PeriodDiffDTO{}, err
	}
	r, labels, err := vw.app.Personas.labels(snap)
	if err != nil {
		return PeriodDiffDTO{}, err
	}
	var names []string
	if r != nil {
		for _, p := range r.Personas {
			names = append(names, p.Name)
		}
	}
	d, err := periods.Compare(va, vb, labels, names, s)
	if err != nil {
		return PeriodDiffDTO{}, err
	}
	sum := func(s periods.Summary) PeriodSummaryDTO {
		return PeriodSummaryDTO{From: formatMicros(s.From), To: formatMicros(s.To), Customers: s.Customers, Events: s.Events,
			Converted: s.Converted, ConversionRate: Num(s.ConversionRate)}
	}
	changes := func(cs []periods.Change) []PeriodChangeDTO {
		out := make([]PeriodChangeDTO, 0, len(cs))
		for _, c := range cs {
			out = append(out, PeriodChangeDTO{Kind: c.Kind, Label: c.Label, Before: Num(c.Before), After: Num(c.After),
				Delta: Num(c.Delta), CustomersBefore: c.CustomersBefore, CustomersAfter: c.CustomersAfter, Enough: c.Enough})
		}
		return out
	}
	notEnough := d.FrictionNotEnough
	if notEnough == nil {
		notEnough = []string{}
	}
	return PeriodDiffDTO{A: sum(d.A), B: sum(d.B), Paths: changes(d.Paths), Friction: changes(d.Friction),
		Personas: changes(d.Personas), Biggest: changes(d.Biggest), FrictionNotEnough: notEnough,
		MinCustomers: d.MinCustomers}, nil
}

// HTML writes the whole client report (self-contained; redacted unless the user turns it off).
func (rp *Reports) HTML(o ReportOptions) (ReportFile, error) {
	snap, err := rp.app.session.snapshot()
	if err != nil {
		return ReportFile{}, err
	}
	var buf bytes.Buffer
	err = rp.app.session.with(func(ws *store.Workspace) error {
		return report.Write(&buf, snap, ws, report.Options{Redact: o.Redact, Title: o.Title, Assumed: o.Assumed,
			Now: rp.app.cfg.Now()})
	})
	if err != nil {
		return ReportFile{}, err
	}
	return ReportFile{HTML: buf.String(), Bytes: buf.Len()}, nil
}

func parseSnapshots(raw json.RawMessage) ([]Snapshot, error) {
	if len(raw) == 0 {
		return []Snapshot{}, nil
	}
	var list []Snapshot
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, fmt.Errorf("the workspace's saved snapshots are damaged (%v): delete the setting %s", err, snapshotsSetting)
	}
	return list, nil
}

func newID(prefix string) string {
	var b [6]byte
	rand.Read(b[:])
	return prefix + hex.EncodeToString(b[:])
}
