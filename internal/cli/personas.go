package cli

import (
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"strings"

	"wayline/internal/explore"
	"wayline/internal/ingest"
	"wayline/internal/persona"
	"wayline/internal/store"
)

var personasCommand = command{
	name:    "personas",
	usage:   "wayline personas -w FILE [--k N] [--method features|sequences|auto] [--seed S] [--assignments FILE.csv] [--json]",
	summary: "discovers behaviour-based personas (kept in the workspace, so names survive re-runs) and lists them",
	flags: func(fs *flag.FlagSet) func(*Env, []string) error {
		ws := workspaceFlag(fs)
		k := fs.Int("k", 0, "number of personas (2 to 10); 0 chooses it from the data")
		method := fs.String("method", persona.MethodFeatures, "cluster behaviour features, journey sequences, or auto (both, better first)")
		seed := fs.Uint64("seed", 1, "random seed: the same seed gives the same personas")
		assignments := fs.String("assignments", "", "also write `FILE.csv`: profile, persona and every identifier of the profile, a row per identifier")
		asJSON := fs.Bool("json", false, "print JSON")
		return func(env *Env, args []string) error {
			if err := needWorkspace(*ws); err != nil {
				return err
			}
			if len(args) > 0 {
				return usagef("unexpected argument %q", args[0])
			}
			if *k != 0 && (*k < persona.MinK || *k > persona.MaxK) {
				return usagef("--k must be between %d and %d, or 0 to choose it from the data", persona.MinK, persona.MaxK)
			}
			if err := mustExist(*ws); err != nil {
				return err
			}
			w, err := store.Open(*ws, store.Options{})
			if err != nil {
				return err
			}
			defer w.Close()
			snap, err := explore.Load(w)
			if err != nil {
				return err
			}
			prev, err := persona.LoadSaved(w)
			if err != nil {
				return err
			}
			r, err := persona.Run(snap, persona.Options{K: *k, Method: *method, Seed: *seed})
			if err != nil {
				return err
			}
			persona.Match(prev, r)
			if err := persona.StoreSaved(w, r); err != nil {
				return err
			}
			if *assignments != "" {
				if err := writeAssignments(*assignments, r, snap); err != nil {
					return err
				}
			}
			if *asJSON {
				return printJSON(env.Stdout, personasOutput(r))
			}
			printPersonas(env, r)
			return nil
		}
	},
}

// writeAssignments writes one row per identifier of every assigned profile, so an outside scorer can join
// on any identifier. Cells pass through ingest.SafeCell: a value that looks like a formula stays inert.
func writeAssignments(path string, r *persona.Result, snap *explore.Snapshot) error {
	labels, err := persona.Assign(r, snap)
	if err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("cannot write the assignments: %w", err)
	}
	w := csv.NewWriter(f)
	w.Write([]string{"profile", "persona", "persona_name", "identifier_type", "identifier"})
	for p, l := range labels {
		if l < 0 {
			continue
		}
		pr := r.Personas[l]
		id := snap.Identity.Profiles[p].ID
		for _, ident := range snap.Identity.Identifiers(p) {
			w.Write([]string{id, pr.ID, ingest.SafeCell(pr.Name), ident.Type, ingest.SafeCell(ident.Value)})
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func printPersonas(env *Env, r *persona.Result) {
	fmt.Fprintf(env.Stdout, "%d personas from %s customers (%s; %s %.3f)\n\n", r.K, thousands(r.Customers), r.Method, r.Quality.Criterion, r.Quality.Score)
	for _, p := range r.Personas {
		fmt.Fprintf(env.Stdout, "%-12s %-40s %7s  %5.1f%%  convert %3.0f%%  value %8.2f  [%s]\n", p.ID, cut(p.Name, 40),
			thousands(p.Size), p.Share*100, p.ConversionRate*100, p.Value, p.Status)
		for _, rule := range p.Rules {
			fmt.Fprintf(env.Stdout, "             if %s (precision %.0f%%)\n", rule.Text, rule.Precision*100)
		}
		if len(p.MedoidPath) > 0 {
			fmt.Fprintf(env.Stdout, "             typical journey: %s\n", strings.Join(p.MedoidPath, " → "))
		}
	}
	for _, n := range r.Notes {
		fmt.Fprintf(env.Stdout, "note: %s\n", n)
	}
}

type personaJSON struct {
	ID             string   `json:"id"`
	Name           string   `json:"name"`
	AutoName       string   `json:"autoName"`
	Size           int      `json:"size"`
	Share          num      `json:"share"`
	ConversionRate num      `json:"conversionRate"`
	Value          num      `json:"value"`
	Status         string   `json:"status"`
	Rules          []string `json:"rules"`
	TopChannels    []string `json:"topChannels"`
	MedoidPath     []string `json:"medoidPath"`
}

type personasJSON struct {
	K         int           `json:"k"`
	Method    string        `json:"method"`
	Quality   num           `json:"quality"`
	Criterion string        `json:"criterion"`
	Customers int           `json:"customers"`
	Personas  []personaJSON `json:"personas"`
	Notes     []string      `json:"notes"`
}

func personasOutput(r *persona.Result) personasJSON {
	out := personasJSON{K: r.K, Method: r.Method, Quality: num(r.Quality.Score), Criterion: r.Quality.Criterion,
		Customers: r.Customers, Personas: []personaJSON{}, Notes: append([]string{}, r.Notes...)}
	for _, p := range r.Personas {
		pj := personaJSON{ID: p.ID, Name: p.Name, AutoName: p.AutoName, Size: p.Size, Share: num(p.Share),
			ConversionRate: num(p.ConversionRate), Value: num(p.Value), Status: p.Status, Rules: []string{},
			TopChannels: []string{}, MedoidPath: append([]string{}, p.MedoidPath...)}
		for _, rule := range p.Rules {
			pj.Rules = append(pj.Rules, rule.Text)
		}
		for _, c := range p.TopChannels {
			pj.TopChannels = append(pj.TopChannels, c.Name)
		}
		out.Personas = append(out.Personas, pj)
	}
	return out
}
