package cli

import (
	"flag"
	"fmt"
	"math"
	"strings"

	"wayline/internal/friction"
	"wayline/internal/maps"
)

var mapCommand = command{
	name:    "map",
	usage:   "wayline map -w FILE [filters] [--json]",
	summary: "prints the observed journey map: per stage, its customers, touchpoints, actions, emotion, pains, opportunities and friction",
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
			fr, err := friction.Compute(v, labels, names, s)
			if err != nil {
				return err
			}
			moments, err := friction.MomentsOfTruth(v, 0)
			if err != nil {
				return err
			}
			out := mapOutput(maps.Observed(v, fr, moments))
			if *asJSON {
				return printJSON(env.Stdout, out)
			}
			printMap(env, out)
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
