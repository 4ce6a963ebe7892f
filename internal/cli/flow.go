package cli

import (
	"flag"
	"fmt"
	"strings"
	"time"

	"wayline/internal/journey"
)

// filterFlags registers the analysis filter flags shared by flow and journeys.
func filterFlags(fs *flag.FlagSet) func() (journey.Filter, error) {
	from := fs.String("from", "", "only events from this `DATE` (YYYY-MM-DD)")
	to := fs.String("to", "", "only events up to this `DATE` (YYYY-MM-DD, inclusive)")
	source := fs.String("source", "", "only these `SOURCES` (comma-separated)")
	channel := fs.String("channel", "", "only these `CHANNELS` (comma-separated)")
	device := fs.String("device", "", "only these `DEVICES` (comma-separated)")
	return func() (journey.Filter, error) {
		f := journey.Filter{Sources: list(*source), Channels: list(*channel), Devices: list(*device)}
		var err error
		if f.From, err = day(*from, false); err != nil {
			return f, err
		}
		f.To, err = day(*to, true)
		return f, err
	}
}

func list(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func day(s string, end bool) (int64, error) {
	if s == "" {
		return 0, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return 0, usagef("%q is not a date: use YYYY-MM-DD", s)
	}
	if end {
		t = t.Add(24*time.Hour - time.Microsecond)
	}
	return t.UnixMicro(), nil
}

var flowCommand = command{
	name:    "flow",
	usage:   "wayline flow -w FILE [--level touchpoint|stage|channel|device] [--min-share S] [--max-nodes N] [filters] [--json]",
	summary: "prints the directly-follows flow: transitions between touchpoints with customers and time between",
	flags: func(fs *flag.FlagSet) func(*Env, []string) error {
		ws := workspaceFlag(fs)
		level := fs.String("level", "touchpoint", "what the nodes are: touchpoint, stage, channel or device")
		minShare := fs.Float64("min-share", 0, "hide edges with less than this share of all transitions (0..1)")
		maxNodes := fs.Int("max-nodes", 0, "keep this many nodes and merge the rest into Other (0 keeps all)")
		filter := filterFlags(fs)
		asJSON := fs.Bool("json", false, "print JSON")
		return func(env *Env, args []string) error {
			_, v, err := openView(*ws, args, filter)
			if err != nil {
				return err
			}
			fl, err := v.Flow(journey.FlowOptions{Level: journey.Level(*level), MinEdgeShare: *minShare, MaxNodes: *maxNodes})
			if err != nil {
				return err
			}
			out := flowOutput(fl)
			if *asJSON {
				return printJSON(env.Stdout, out)
			}
			printFlow(env, out)
			return nil
		}
	},
}

type flowNodeJSON struct {
	Touchpoint string `json:"touchpoint"` // the node's label, whatever the level
	Stage      string `json:"stage"`
	Events     int    `json:"events"`
	Customers  int    `json:"customers"`
	Starts     int    `json:"starts"` // journeys that start here
	Ends       int    `json:"ends"`   // journeys that end here
}

type flowEdgeJSON struct {
	From           string  `json:"from"`
	To             string  `json:"to"`
	Count          int     `json:"count"`
	Customers      int     `json:"customers"`
	MedianSeconds  float64 `json:"medianSeconds"`
	P90Seconds     float64 `json:"p90Seconds"`
	ConversionRate float64 `json:"conversionRate"`
}

type flowJSON struct {
	Level          string         `json:"level"`
	Nodes          []flowNodeJSON `json:"nodes"`
	Edges          []flowEdgeJSON `json:"edges"` // between nodes; journey starts and ends are the nodes' starts and ends
	TotalCustomers int            `json:"totalCustomers"`
	Hidden         journey.Hidden `json:"hidden"`
}

func flowOutput(fl *journey.Flow) flowJSON {
	out := flowJSON{Level: string(fl.Level), TotalCustomers: fl.TotalCustomers, Hidden: fl.Hidden, Nodes: []flowNodeJSON{}, Edges: []flowEdgeJSON{}}
	virtual := func(id string) bool { return id == fl.Start || id == fl.End }
	for _, n := range fl.Nodes {
		if !virtual(n.ID) {
			out.Nodes = append(out.Nodes, flowNodeJSON{Touchpoint: n.Label, Stage: n.Stage, Events: n.Events, Customers: n.Customers, Starts: n.Starts, Ends: n.Ends})
		}
	}
	for _, e := range fl.Edges {
		if !virtual(e.From) && !virtual(e.To) {
			out.Edges = append(out.Edges, flowEdgeJSON{From: e.From, To: e.To, Count: e.Count, Customers: e.Customers,
				MedianSeconds: e.MedianSeconds, P90Seconds: e.P90Seconds, ConversionRate: e.ConversionRate})
		}
	}
	return out
}

func printFlow(env *Env, fl flowJSON) {
	fmt.Fprintf(env.Stdout, "%s customers, %d %s nodes\n\n", thousands(fl.TotalCustomers), len(fl.Nodes), fl.Level)
	fmt.Fprintf(env.Stdout, "%-30s %-30s %10s %10s %12s %8s\n", "FROM", "TO", "COUNT", "CUSTOMERS", "MEDIAN", "CONVERT")
	for _, e := range fl.Edges {
		fmt.Fprintf(env.Stdout, "%-30s %-30s %10s %10s %12s %7.0f%%\n", cut(e.From, 30), cut(e.To, 30), thousands(e.Count),
			thousands(e.Customers), duration(e.MedianSeconds), e.ConversionRate*100)
	}
	if h := fl.Hidden; h.Edges > 0 || h.Nodes > 0 {
		fmt.Fprintf(env.Stdout, "\nHidden by the noise control: %d nodes, %d edges, %s customers, %s events.\n", h.Nodes, h.Edges, thousands(h.Customers), thousands(h.Events))
	}
}

func cut(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// duration formats seconds for people: 45 s, 12 min, 3 h 5 min, 2 d 4 h.
func duration(sec float64) string {
	d := time.Duration(sec * float64(time.Second))
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%.0f s", d.Seconds())
	case d < time.Hour:
		return fmt.Sprintf("%.0f min", d.Minutes())
	case d < 24*time.Hour:
		return fmt.Sprintf("%d h %d min", int(d.Hours()), int(d.Minutes())%60)
	default:
		return fmt.Sprintf("%d d %d h", int(d.Hours())/24, int(d.Hours())%24)
	}
}
