package cli

import (
	"flag"
	"fmt"
	"math"
	"os"
	"strings"

	"wayline/internal/friction"
	"wayline/internal/maps"
)

var mapCommand = command{
	name:    "map",
	usage:   "wayline map -w FILE [filters] [--assumed MAP.json [--extra-touches N] [--allow-skips N]] [--json]",
	summary: "prints the observed journey map: per stage, its customers, touchpoints, actions, emotion, pains, opportunities and friction; with --assumed, its comparison with an assumed map",
	flags: func(fs *flag.FlagSet) func(*Env, []string) error {
		ws := workspaceFlag(fs)
		filter := filterFlags(fs)
		asJSON := fs.Bool("json", false, "print JSON")
		assumedPath := fs.String("assumed", "", "compare the journeys with the assumed map in this JSON `FILE` (nothing is saved)")
		extra := fs.Int("extra-touches", 0, "with --assumed: unplanned touches a journey may have and still follow the map")
		skips := fs.Int("allow-skips", 0, "with --assumed: required steps a journey may skip and still follow the map")
		return func(env *Env, args []string) error {
			var assumed *maps.Assumed
			if *assumedPath != "" {
				a, err := readAssumed(*assumedPath)
				if err != nil {
					return err
				}
				assumed = &a
			}
			if *extra < 0 || *skips < 0 {
				return usagef("--extra-touches and --allow-skips must not be negative")
			}
			snap, v, err := openView(*ws, args, filter)
			if err != nil {
				return err
			}
			s, labels, names, err := frictionInputs(*ws, snap)
			if err != nil {
				return err
			}
			fr, err := friction.Compute(v, labels, names, s)
			if err != nil {
				return err
			}
			moments, err := friction.MomentsOfTruth(v, 0)
			if err != nil {
				return err
			}
			out := mapOutput(maps.Observed(v, fr, moments))
			if assumed != nil {
				if out.Comparison, err = maps.Compare(v, *assumed, maps.Tolerance{ExtraTouches: *extra, AllowSkips: *skips}); err != nil {
					return err
				}
				out.Comparison = withoutProfiles(out.Comparison)
			}
			if *asJSON {
				return printJSON(env.Stdout, out)
			}
			printMap(env, out)
			if out.Comparison != nil {
				printComparison(env, out.Comparison, assumed.Persona)
			}
			return nil
		}
	},
}

type mapTouchpointJSON struct {
	Touchpoint string           `json:"touchpoint"`
	Channels   []string         `json:"channels"`
	Customers  int              `json:"customers"`
	Events     int              `json:"events"`
	Share      num              `json:"share"`
	Sources    int              `json:"sources"`
	Friction   frictionCellJSON `json:"friction"`
}

type mapActionJSON struct {
	Label     string `json:"label"`
	Customers int    `json:"customers"`
	Share     num    `json:"share"`
}

type mapEmotionJSON struct {
	Score     num `json:"score"` // −2…+2
	Mean      num `json:"mean"`  // 0..1
	LowShare  num `json:"lowShare"`
	Ratings   int `json:"ratings"`
	Customers int `json:"customers"`
	Low       num `json:"low"`
	High      num `json:"high"`
}

type mapOpportunityJSON struct {
	Touchpoint    string `json:"touchpoint"`
	Text          string `json:"text"`
	Lift          num    `json:"lift"`
	RemovalEffect num    `json:"removalEffect"`
	Customers     int    `json:"customers"`
}

type mapStageJSON struct {
	Name          string               `json:"name"`
	Customers     int                  `json:"customers"`
	Reached       num                  `json:"reached"`
	Skipped       int                  `json:"skipped"`
	Sources       int                  `json:"sources"`
	Friction      frictionCellJSON     `json:"friction"`
	Touchpoints   []mapTouchpointJSON  `json:"touchpoints"`
	Actions       []mapActionJSON      `json:"actions"`
	Emotion       mapEmotionJSON       `json:"emotion"`
	Pains         []frictionCellJSON   `json:"pains"`
	Opportunities []mapOpportunityJSON `json:"opportunities"`
}

type mapJSON struct {
	Stages    []mapStageJSON `json:"stages"`
	Customers int            `json:"customers"`
	Converted int            `json:"converted"`
	Goal      []string       `json:"goal"`
	// Comparison is the map set against an assumed map (--assumed), without the profile lists, which are
	// internal indices that only the app's click-through uses.
	Comparison *maps.Comparison `json:"comparison,omitempty"`
}

func mapOutput(m *maps.Map) mapJSON {
	out := mapJSON{Stages: []mapStageJSON{}, Customers: m.Customers, Converted: m.Converted, Goal: append([]string{}, m.Goal...)}
	for _, s := range m.Stages {
		e := s.Emotion
		st := mapStageJSON{Name: s.Name, Customers: s.Customers, Reached: num(s.Reached), Skipped: s.Skipped, Sources: s.Sources,
			Friction: cellJSON(s.Friction), Touchpoints: []mapTouchpointJSON{}, Actions: []mapActionJSON{}, Pains: cellsJSON(s.Pains),
			Opportunities: []mapOpportunityJSON{},
			Emotion: mapEmotionJSON{Score: num(e.Score), Mean: num(e.Mean), LowShare: num(e.LowShare), Ratings: e.Ratings,
				Customers: e.Customers, Low: num(e.Low), High: num(e.High)}}
		for _, tp := range s.Touchpoints {
			st.Touchpoints = append(st.Touchpoints, mapTouchpointJSON{Touchpoint: tp.Touchpoint, Channels: append([]string{}, tp.Channels...),
				Customers: tp.Customers, Events: tp.Events, Share: num(tp.Share), Sources: tp.Sources, Friction: cellJSON(tp.Friction)})
		}
		for _, a := range s.Actions {
			st.Actions = append(st.Actions, mapActionJSON{Label: a.Label, Customers: a.Customers, Share: num(a.Share)})
		}
		for _, o := range s.Opportunities {
			st.Opportunities = append(st.Opportunities, mapOpportunityJSON{Touchpoint: o.Touchpoint, Text: o.Text, Lift: num(o.Lift),
				RemovalEffect: num(o.RemovalEffect), Customers: o.Customers})
		}
		out.Stages = append(out.Stages, st)
	}
	return out
}

// emotionText is a stage's mood with its interval and evidence, or says there are no ratings.
func emotionText(e mapEmotionJSON) string {
	if math.IsNaN(float64(e.Score)) {
		return "no ratings"
	}
	return fmt.Sprintf("%+.1f (%+.1f to %+.1f) on −2…+2, from %s ratings by %s customers, %s low",
		float64(e.Score), float64(e.Low), float64(e.High), thousands(e.Ratings), thousands(e.Customers), pct(e.LowShare))
}

func printMap(env *Env, out mapJSON) {
	o := env.Stdout
	fmt.Fprintf(o, "Observed journey map of %s customers, %s converted (goal: %s)\n", thousands(out.Customers),
		thousands(out.Converted), strings.Join(out.Goal, ", "))
	for i, s := range out.Stages {
		fmt.Fprintf(o, "\n%d. %s: %s customers (%s), %s skipped it, %d sources; friction %s\n", i+1, s.Name,
			thousands(s.Customers), pct(s.Reached), thousands(s.Skipped), s.Sources, scoreText(s.Friction))
		if len(s.Touchpoints) > 0 {
			fmt.Fprintln(o, "   Touchpoints")
		}
		for _, tp := range s.Touchpoints {
			fmt.Fprintf(o, "     %-26s %9s customers %5s  %-24s friction %s\n", cut(tp.Touchpoint, 26), thousands(tp.Customers),
				pct(tp.Share), cut(strings.Join(tp.Channels, ", "), 24), scoreText(tp.Friction))
		}
		fmt.Fprintln(o, "   Actions")
		for _, a := range s.Actions {
			fmt.Fprintf(o, "     %-52s %9s %5s\n", cut(a.Label, 52), thousands(a.Customers), pct(a.Share))
		}
		fmt.Fprintf(o, "   Emotion: %s\n", emotionText(s.Emotion))
		for _, p := range s.Pains {
			fmt.Fprintf(o, "   Pain: %s, friction %s, %s customers\n", p.Touchpoint, scoreText(p), thousands(p.Customers))
		}
		for _, op := range s.Opportunities {
			fmt.Fprintf(o, "   Opportunity: %s (%s customers; removal effect %s)\n", op.Text, thousands(op.Customers), pct(op.RemovalEffect))
		}
	}
}

// readAssumed reads and checks an assumed map file; its errors name the file, the field and line:column.
func readAssumed(path string) (maps.Assumed, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return maps.Assumed{}, fmt.Errorf("cannot read the assumed map: %w", err)
	}
	a, err := maps.ParseAssumed(data)
	if err != nil {
		return maps.Assumed{}, fmt.Errorf("%s: %w", path, err)
	}
	return a, nil
}

// withoutProfiles drops the departures' and gaps' profile lists.
func withoutProfiles(c *maps.Comparison) *maps.Comparison {
	for i := range c.Departures {
		c.Departures[i].Profiles = nil
	}
	for i := range c.Gaps {
		c.Gaps[i].Profiles = nil
	}
	return c
}

// printComparison is the text section of --assumed.
func printComparison(env *Env, c *maps.Comparison, persona string) {
	o := env.Stdout
	fmt.Fprintf(o, "\nCompared with the assumed map %q (%s)\n", c.MapName, c.MapID)
	if persona != "" {
		fmt.Fprintf(o, "  The map is meant for persona %s; it is compared with every customer the filters keep.\n", persona)
	}
	fmt.Fprintf(o, "  %s of %s customers (%s) follow it end to end, allowing %d unplanned touches and %d skipped steps; %s reach its last stage, %s use none of its touchpoints\n",
		thousands(c.Followed), thousands(c.Customers), pct(num(c.FollowedShare)), c.Tolerance.ExtraTouches, c.Tolerance.AllowSkips,
		thousands(c.ReachedEnd), thousands(c.OffPath))
	fmt.Fprintf(o, "  %-22s %9s %9s %9s %9s %9s %9s %9s %9s\n", "Stage", "reached", "entered", "followed", "skipped", "order", "loops", "unplanned", "left")
	for _, s := range c.Stages {
		fmt.Fprintf(o, "  %-22s %9s %9s %9s %9s %9s %9s %9s %9s\n", cut(s.Stage, 22), thousands(s.Reached), thousands(s.Entered),
			thousands(s.Followed), thousands(s.Skipped), thousands(s.OutOfOrder), thousands(s.Loops), thousands(s.Unplanned), thousands(s.Left))
	}
	fmt.Fprintf(o, "  %-32s %9s %6s %8s %9s %9s %9s\n", "Touchpoint", "customers", "share", "expected", "skipped", "order", "loops")
	for _, tp := range c.Touchpoints {
		expected := "–"
		if tp.ExpectedShare > 0 {
			expected = pct(num(tp.ExpectedShare))
		}
		name := tp.Touchpoint
		if !tp.Observed {
			name += " (not in data)"
		}
		fmt.Fprintf(o, "  %-32s %9s %6s %8s %9s %9s %9s\n", cut(name, 32), thousands(tp.Customers), pct(num(tp.Share)), expected,
			thousands(tp.Skipped), thousands(tp.OutOfOrder), thousands(tp.Loops))
	}
	if len(c.Departures) > 0 {
		fmt.Fprintln(o, "  Where customers first leave the assumed path")
	}
	for _, d := range c.Departures[:min(len(c.Departures), 5)] {
		after := d.After
		if after == "" {
			after = "(before its first step)"
		}
		to := d.To
		if d.Kind == maps.DepartEnded {
			to = "journey ends"
		}
		fmt.Fprintf(o, "    %9s %6s  after %s → %s (%s)\n", thousands(d.Customers), pct(num(d.Share)), after, to, d.Kind)
	}
	if len(c.Gaps) > 0 {
		fmt.Fprintln(o, "  Biggest gaps")
	}
	for _, g := range c.Gaps[:min(len(c.Gaps), 10)] {
		fmt.Fprintf(o, "    %s\n", g.Text)
	}
}
