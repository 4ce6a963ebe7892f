package cli

import (
	"flag"
	"fmt"
	"math"

	"wayline/internal/explore"
	"wayline/internal/friction"
	"wayline/internal/persona"
	"wayline/internal/store"
)

var frictionCommand = command{
	name:  "friction",
	usage: "wayline friction -w FILE [filters] [--json]",
	summary: "prints friction per touchpoint (worst first), per stage and per persona, with evidence, intervals, " +
		"moments of truth and paid touches wasted after conversion",
	flags: func(fs *flag.FlagSet) func(*Env, []string) error {
		ws := workspaceFlag(fs)
		filter := filterFlags(fs)
		asJSON := fs.Bool("json", false, "print JSON")
		return func(env *Env, args []string) error {
			snap, v, err := openView(*ws, args, filter)
			if err != nil {
				return err
			}
			s, labels, names, err := frictionInputs(*ws, snap)
			if err != nil {
				return err
			}
			r, err := friction.Compute(v, labels, names, s)
			if err != nil {
				return err
			}
			moments, err := friction.MomentsOfTruth(v, 10)
			if err != nil {
				return err
			}
			out := frictionOutput(r, moments, friction.Wasted(v), v.Len())
			if *asJSON {
				return printJSON(env.Stdout, out)
			}
			printFriction(env, out)
			return nil
		}
	},
}

// frictionInputs reads the workspace's friction settings and, when personas were discovered, every
// profile's persona label and the persona names.
func frictionInputs(path string, snap *explore.Snapshot) (friction.Settings, []int32, []string, error) {
	w, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		return friction.Settings{}, nil, nil, err
	}
	defer w.Close()
	s, err := friction.LoadSettings(w)
	if err != nil {
		return s, nil, nil, err
	}
	saved, err := persona.LoadSaved(w)
	if err != nil || saved == nil || saved.Result == nil || len(saved.Result.Personas) == 0 {
		return s, nil, nil, err
	}
	r, err := saved.Restore()
	if err != nil {
		return s, nil, nil, err
	}
	assigned, err := persona.Assign(r, snap)
	if err != nil {
		return s, nil, nil, err
	}
	labels := make([]int32, len(assigned))
	for p, l := range assigned {
		labels[p] = int32(l)
	}
	var names []string
	for _, p := range r.Personas {
		names = append(names, p.Name)
	}
	return s, labels, names, nil
}

type frictionComponentsJSON struct {
	ExitRate       num `json:"exitRate"`
	LoopRate       num `json:"loopRate"`
	BacktrackRate  num `json:"backtrackRate"`
	StallRatio     num `json:"stallRatio"`
	SupportRate    num `json:"supportRate"`
	MeanRating     num `json:"meanRating"`
	LowRatingShare num `json:"lowRatingShare"`
	Effort         num `json:"effort"`
}

type frictionEvidenceJSON struct {
	Exits      int `json:"exits"`
	Loops      int `json:"loops"`
	Backtracks int `json:"backtracks"`
	Steps      int `json:"steps"`
	Support    int `json:"support"`
	Ratings    int `json:"ratings"`
}

type frictionCellJSON struct {
	Touchpoint string                 `json:"touchpoint,omitempty"`
	Stage      string                 `json:"stage"`
	Score      num                    `json:"score"`
	Low        num                    `json:"low"`
	High       num                    `json:"high"`
	Enough     bool                   `json:"enough"`
	Customers  int                    `json:"customers"`
	Events     int                    `json:"events"`
	Sources    int                    `json:"sources"`
	Components frictionComponentsJSON `json:"components"`
	Evidence   frictionEvidenceJSON   `json:"evidence"`
}

type frictionPersonaJSON struct {
	Name        string             `json:"name"`
	Stages      []frictionCellJSON `json:"stages"`
	Touchpoints []frictionCellJSON `json:"touchpoints"` // in the order of the top-level touchpoints
}

type momentJSON struct {
	Touchpoint    string `json:"touchpoint"`
	Stage         string `json:"stage"`
	With          int    `json:"with"`
	Without       int    `json:"without"`
	ConvWith      num    `json:"convWith"`
	ConvWithout   num    `json:"convWithout"`
	Lift          num    `json:"lift"`
	RemovalEffect num    `json:"removalEffect"`
}

type frictionSettingsJSON struct {
	Weights struct {
		Exit      float64 `json:"exit"`
		Loop      float64 `json:"loop"`
		Stall     float64 `json:"stall"`
		Support   float64 `json:"support"`
		Sentiment float64 `json:"sentiment"`
		Effort    float64 `json:"effort"`
	} `json:"weights"`
	MinCustomers       int     `json:"minCustomers"`
	SupportWindowHours float64 `json:"supportWindowHours"`
	LowRating          float64 `json:"lowRating"`
}

type wasteJSON struct {
	Touches     int `json:"touches"`
	Customers   int `json:"customers"`
	Touchpoints []struct {
		Touchpoint string `json:"touchpoint"`
		Channel    string `json:"channel"`
		Touches    int    `json:"touches"`
		Customers  int    `json:"customers"`
	} `json:"touchpoints"`
}

type frictionJSON struct {
	Customers   int                   `json:"customers"`
	Touchpoints []frictionCellJSON    `json:"touchpoints"` // worst first; not enough data after
	Stages      []frictionCellJSON    `json:"stages"`
	Personas    []frictionPersonaJSON `json:"personas"` // empty when the workspace has no personas
	Moments     []momentJSON          `json:"moments"`
	Wasted      wasteJSON             `json:"wasted"`
	Settings    frictionSettingsJSON  `json:"settings"`
}

func cellJSON(c friction.Cell) frictionCellJSON {
	k, e := c.Components, c.Evidence
	return frictionCellJSON{Touchpoint: c.Touchpoint, Stage: c.Stage, Score: num(c.Score), Low: num(c.Low), High: num(c.High),
		Enough: c.Enough, Customers: e.Customers, Events: e.Events, Sources: e.Sources,
		Components: frictionComponentsJSON{ExitRate: num(k.ExitRate), LoopRate: num(k.LoopRate), BacktrackRate: num(k.BacktrackRate),
			StallRatio: num(k.StallRatio), SupportRate: num(k.SupportRate), MeanRating: num(k.MeanRating),
			LowRatingShare: num(k.LowRatingShare), Effort: num(k.Effort)},
		Evidence: frictionEvidenceJSON{Exits: e.Exits, Loops: e.Loops, Backtracks: e.Backtracks, Steps: e.Steps, Support: e.Support, Ratings: e.Ratings}}
}

func cellsJSON(cs []friction.Cell) []frictionCellJSON {
	out := make([]frictionCellJSON, 0, len(cs))
	for _, c := range cs {
		out = append(out, cellJSON(c))
	}
	return out
}

func frictionOutput(r *friction.Result, moments []friction.Moment, wasted friction.Waste, customers int) frictionJSON {
	out := frictionJSON{Customers: customers, Touchpoints: cellsJSON(r.Touchpoints), Stages: cellsJSON(r.Stages),
		Personas: []frictionPersonaJSON{}, Moments: []momentJSON{}}
	out.Wasted.Touches, out.Wasted.Customers = wasted.Touches, wasted.Customers
	out.Wasted.Touchpoints = make([]struct {
		Touchpoint string `json:"touchpoint"`
		Channel    string `json:"channel"`
		Touches    int    `json:"touches"`
		Customers  int    `json:"customers"`
	}, len(wasted.Touchpoints))
	for i, w := range wasted.Touchpoints {
		t := &out.Wasted.Touchpoints[i]
		t.Touchpoint, t.Channel, t.Touches, t.Customers = w.Touchpoint, w.Channel, w.Touches, w.Customers
	}
	for p, name := range r.Personas {
		out.Personas = append(out.Personas, frictionPersonaJSON{Name: name, Stages: cellsJSON(r.PersonaStages[p]),
			Touchpoints: cellsJSON(r.PersonaTouchpoints[p])})
	}
	for _, m := range moments {
		out.Moments = append(out.Moments, momentJSON{Touchpoint: m.Touchpoint, Stage: m.Stage, With: m.With, Without: m.Without,
			ConvWith: num(m.ConvWith), ConvWithout: num(m.ConvWithout), Lift: num(m.Lift), RemovalEffect: num(m.RemovalEffect)})
	}
	s, w := r.Settings, &out.Settings.Weights
	w.Exit, w.Loop, w.Stall, w.Support, w.Sentiment, w.Effort = s.Weights.Exit, s.Weights.Loop, s.Weights.Stall,
		s.Weights.Support, s.Weights.Sentiment, s.Weights.Effort
	out.Settings.MinCustomers, out.Settings.SupportWindowHours, out.Settings.LowRating = s.MinCustomers, s.SupportWindow.Hours(), s.LowRating
	return out
}

// scoreText is a score with its interval, or "not enough data".
func scoreText(c frictionCellJSON) string {
	if !c.Enough {
		return "not enough data"
	}
	return fmt.Sprintf("%.2f (%.2f–%.2f)", float64(c.Score), float64(c.Low), float64(c.High))
}

// pct is a share as a percentage, "–" without evidence.
func pct(n num) string {
	if math.IsNaN(float64(n)) {
		return "–"
	}
	return fmt.Sprintf("%.0f%%", float64(n)*100)
}

func printFriction(env *Env, out frictionJSON) {
	o := env.Stdout
	fmt.Fprintf(o, "Friction of %s customers (score 0 = none, 1 = worst; a cell needs %d customers)\n\n",
		thousands(out.Customers), out.Settings.MinCustomers)
	header := "%-26s %-14s %-20s %9s %6s %6s %6s %6s %7s %6s %6s\n"
	row := "%-26s %-14s %-20s %9s %6s %6s %6s %6s %7s %6s %6s\n"
	fmt.Fprintf(o, header, "TOUCHPOINT", "STAGE", "SCORE (95% CI)", "CUSTOMERS", "EXIT", "LOOP", "BACK", "STALL", "SUPPORT", "LOW", "EFFORT")
	for _, c := range out.Touchpoints {
		k := c.Components
		fmt.Fprintf(o, row, cut(c.Touchpoint, 26), cut(c.Stage, 14), scoreText(c), thousands(c.Customers), pct(k.ExitRate), pct(k.LoopRate),
			pct(k.BacktrackRate), pct(k.StallRatio), pct(k.SupportRate), pct(k.LowRatingShare), pct(k.Effort))
	}
	fmt.Fprintf(o, "\n%-14s %-20s %9s\n", "STAGE", "SCORE (95% CI)", "CUSTOMERS")
	for _, c := range out.Stages {
		fmt.Fprintf(o, "%-14s %-20s %9s\n", cut(c.Stage, 14), scoreText(c), thousands(c.Customers))
	}
	for _, p := range out.Personas {
		fmt.Fprintf(o, "\nPersona %s\n", p.Name)
		for _, c := range p.Stages {
			fmt.Fprintf(o, "  %-14s %-20s %9s\n", cut(c.Stage, 14), scoreText(c), thousands(c.Customers))
		}
	}
	if len(out.Moments) > 0 {
		fmt.Fprintf(o, "\n%-26s %10s %10s\n", "MOMENT OF TRUTH", "LIFT", "REMOVAL")
		for _, m := range out.Moments {
			lift := "–"
			if !math.IsNaN(float64(m.Lift)) {
				lift = fmt.Sprintf("%+.0f pts", float64(m.Lift)*100)
			}
			fmt.Fprintf(o, "%-26s %10s %10s\n", cut(m.Touchpoint, 26), lift, pct(m.RemovalEffect))
		}
	}
	fmt.Fprintf(o, "\nWasted: %s paid touches on %s customers after they had converted\n", thousands(out.Wasted.Touches), thousands(out.Wasted.Customers))
	for _, w := range out.Wasted.Touchpoints {
		fmt.Fprintf(o, "  %-26s %-16s %9s touches %9s customers\n", cut(w.Touchpoint, 26), cut(w.Channel, 16), thousands(w.Touches), thousands(w.Customers))
	}
}
