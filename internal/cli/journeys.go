package cli

import (
	"flag"
	"fmt"
	"strings"

	"wayline/internal/journey"
)

var journeysCommand = command{
	name:    "journeys",
	usage:   "wayline journeys -w FILE [--collapse] [--limit N] [--funnel \"A|B > C > D\"] [--open] [--window D] [filters] [--json]",
	summary: "prints path variants with coverage, a funnel, and stage movement (skips, backtracks, touches after conversion)",
	flags: func(fs *flag.FlagSet) func(*Env, []string) error {
		ws := workspaceFlag(fs)
		collapse := fs.Bool("collapse", false, "collapse repeats: A A B is the path A B")
		limit := fs.Int("limit", 20, "variants to list")
		funnel := fs.String("funnel", "", "funnel `STEPS`: touchpoints separated by >, alternatives by | (default: one step per stage, its touchpoints)")
		open := fs.Bool("open", false, "open funnel: customers may enter at any step")
		window := fs.Duration("window", 0, "conversion window from the first step (e.g. 720h); 0 = none")
		filter := filterFlags(fs)
		asJSON := fs.Bool("json", false, "print JSON")
		return func(env *Env, args []string) error {
			snap, v, err := openView(*ws, args, filter)
			if err != nil {
				return err
			}
			spec := journey.FunnelSpec{Mode: journey.FunnelClosed, WindowSeconds: int64(window.Seconds())}
			if *open {
				spec.Mode = journey.FunnelOpen
			}
			if *funnel != "" {
				spec.Steps = parseFunnel(*funnel)
			} else {
				spec.Steps = stageFunnel(snap.Journeys)
			}
			out := journeysOutput{Variants: v.Variants(journey.VariantOptions{CollapseRepeats: *collapse, Limit: *limit}), Movement: v.Movement()}
			out.Coverage = out.Variants.Coverage
			if len(spec.Steps) > 0 {
				if out.Funnel, err = v.Funnel(spec); err != nil {
					return err
				}
			}
			if *asJSON {
				return printJSON(env.Stdout, out.json())
			}
			printJourneys(env, out)
			return nil
		}
	},
}

// parseFunnel reads "A|B > C > D": steps separated by >, alternative touchpoints by |.
func parseFunnel(s string) []journey.FunnelStep {
	var steps []journey.FunnelStep
	for _, part := range strings.Split(s, ">") {
		var tps []string
		for _, tp := range strings.Split(part, "|") {
			if tp = strings.TrimSpace(tp); tp != "" {
				tps = append(tps, tp)
			}
		}
		if len(tps) > 0 {
			steps = append(steps, journey.FunnelStep{Label: strings.Join(tps, " or "), Touchpoints: tps})
		}
	}
	return steps
}

// stageFunnel is the default funnel: one step per stage that has touchpoints, in stage order.
func stageFunnel(j *journey.Journeys) []journey.FunnelStep {
	byStage := map[string][]string{}
	for _, t := range j.Touchpoints() {
		byStage[t.Stage] = append(byStage[t.Stage], t.Touchpoint)
	}
	var steps []journey.FunnelStep
	for _, s := range j.Stages() {
		if tps := byStage[s]; len(tps) > 0 {
			steps = append(steps, journey.FunnelStep{Label: s, Touchpoints: tps})
		}
	}
	return steps
}

type journeysOutput struct {
	Variants journey.Variants
	Coverage float64
	Funnel   *journey.FunnelResult
	Movement journey.Movement
}

type variantJSON struct {
	Path           []string `json:"path"`
	Customers      int      `json:"customers"`
	Share          float64  `json:"share"`
	ConversionRate float64  `json:"conversionRate"`
	MedianSeconds  float64  `json:"medianSeconds"`
}

type funnelStepJSON struct {
	Label               string   `json:"label"`
	Touchpoints         []string `json:"touchpoints"`
	Reached             int      `json:"reached"`
	ConversionFromPrev  float64  `json:"conversionFromPrev"`
	ConversionFromStart float64  `json:"conversionFromStart"`
	MedianSeconds       float64  `json:"medianSecondsFromPrev"`
	Dropped             int      `json:"dropped"`
}

type moveJSON struct {
	From      string `json:"from"`
	To        string `json:"to"`
	Customers int    `json:"customers"`
}

type movementJSON struct {
	Customers                     int        `json:"customers"`
	StageSkips                    []moveJSON `json:"stageSkips"`
	Backtracks                    []moveJSON `json:"backtracks"`
	CustomersSkipping             int        `json:"customersSkipping"`
	CustomersBacktracking         int        `json:"customersBacktracking"`
	CustomersRevisiting           int        `json:"customersRevisiting"`
	ChannelSwitches               int        `json:"channelSwitches"`
	DeviceSwitches                int        `json:"deviceSwitches"`
	TouchesAfterConversion        int        `json:"touchesAfterConversion"`
	PaidTouchesAfterConversion    int        `json:"paidTouchesAfterConversion"`
	CustomersTouchedAfterPurchase int        `json:"customersTouchedAfterConversion"`
}

type journeysJSON struct {
	Variants       []variantJSON    `json:"variants"`
	Coverage       float64          `json:"coverage"`
	Distinct       int              `json:"distinct"`
	TotalCustomers int              `json:"totalCustomers"`
	Funnel         []funnelStepJSON `json:"funnel"`
	Movement       movementJSON     `json:"movement"`
}

func (o journeysOutput) json() journeysJSON {
	out := journeysJSON{Coverage: o.Coverage, Distinct: o.Variants.Distinct, TotalCustomers: o.Variants.TotalCustomers,
		Variants: []variantJSON{}, Funnel: []funnelStepJSON{}}
	for _, v := range o.Variants.Variants {
		out.Variants = append(out.Variants, variantJSON{Path: v.Path, Customers: v.Customers, Share: v.Share, ConversionRate: v.ConversionRate, MedianSeconds: v.MedianSeconds})
	}
	if o.Funnel != nil {
		for _, s := range o.Funnel.Steps {
			out.Funnel = append(out.Funnel, funnelStepJSON{Label: s.Label, Touchpoints: s.Touchpoints, Reached: s.Reached,
				ConversionFromPrev: s.ConversionFromPrev, ConversionFromStart: s.ConversionFromStart, MedianSeconds: s.MedianSecondsFromPrev, Dropped: s.Dropped})
		}
	}
	m := o.Movement
	out.Movement = movementJSON{Customers: m.Customers, StageSkips: []moveJSON{}, Backtracks: []moveJSON{},
		CustomersSkipping: m.CustomersSkipping, CustomersBacktracking: m.CustomersBacktracking, CustomersRevisiting: m.CustomersRevisiting,
		ChannelSwitches: m.ChannelSwitches, DeviceSwitches: m.DeviceSwitches, TouchesAfterConversion: m.TouchesAfterConversion.Events,
		PaidTouchesAfterConversion: m.TouchesAfterConversion.PaidEvents, CustomersTouchedAfterPurchase: m.TouchesAfterConversion.Customers}
	for _, s := range m.StageSkips {
		out.Movement.StageSkips = append(out.Movement.StageSkips, moveJSON{s.From, s.To, s.Customers})
	}
	for _, s := range m.Backtracks {
		out.Movement.Backtracks = append(out.Movement.Backtracks, moveJSON{s.From, s.To, s.Customers})
	}
	return out
}

func printJourneys(env *Env, o journeysOutput) {
	vs := o.Variants
	fmt.Fprintf(env.Stdout, "%s customers took %s distinct paths; the %d listed cover %.1f%%.\n\n", thousands(vs.TotalCustomers),
		thousands(vs.Distinct), len(vs.Variants), vs.Coverage*100)
	for _, v := range vs.Variants {
		fmt.Fprintf(env.Stdout, "%8s  %5.1f%%  convert %3.0f%%  %s\n", thousands(v.Customers), v.Share*100, v.ConversionRate*100, strings.Join(v.Path, " → "))
	}
	if f := o.Funnel; f != nil {
		fmt.Fprintf(env.Stdout, "\nFunnel (%s, %s entered, %s completed)\n", f.Mode, thousands(f.Customers), thousands(f.Completed))
		for _, s := range f.Steps {
			fmt.Fprintf(env.Stdout, "  %-40s %8s  %5.1f%% of previous  median %s\n", cut(s.Label, 40), thousands(s.Reached), s.ConversionFromPrev*100, duration(s.MedianSecondsFromPrev))
		}
	}
	m := o.Movement
	fmt.Fprintf(env.Stdout, "\nMovement: %s customers skip a stage, %s go back to an earlier one, %s revisit one; %s channel and %s device switches.\n",
		thousands(m.CustomersSkipping), thousands(m.CustomersBacktracking), thousands(m.CustomersRevisiting), thousands(m.ChannelSwitches), thousands(m.DeviceSwitches))
	a := m.TouchesAfterConversion
	fmt.Fprintf(env.Stdout, "Touches after conversion: %s events to %s customers, %s of them paid.\n", thousands(a.Events), thousands(a.Customers), thousands(a.PaidEvents))
}
