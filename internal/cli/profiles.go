package cli

import (
	"flag"
	"fmt"
	"strings"
	"time"

	"wayline/internal/explore"
	"wayline/internal/journey"
)

var profilesCommand = command{
	name:    "profiles",
	usage:   "wayline profiles -w FILE [--json]",
	summary: "counts the unified customer profiles and warns about over-stitched ones",
	flags: func(fs *flag.FlagSet) func(*Env, []string) error {
		ws := workspaceFlag(fs)
		asJSON := fs.Bool("json", false, "print JSON")
		return func(env *Env, args []string) error {
			if err := needWorkspace(*ws); err != nil {
				return err
			}
			if len(args) > 0 {
				return usagef("unexpected argument %q", args[0])
			}
			snap, err := loadSnapshot(*ws)
			if err != nil {
				return err
			}
			out := profilesOutput(snap)
			if *asJSON {
				return printJSON(env.Stdout, out)
			}
			fmt.Fprintf(env.Stdout, "%s profiles from %s rows (%s identifier values; median %d values a profile, p99 %d)\n",
				thousands(out.Profiles), thousands(out.Rows), thousands(out.Identifiers), out.MedianSize, out.P99Size)
			if len(out.OverStitched) == 0 {
				fmt.Fprintln(env.Stdout, "No over-stitched profiles.")
			}
			for _, o := range out.OverStitched {
				fmt.Fprintf(env.Stdout, "Over-stitched: %s (%s) holds %s identifier values from %s rows.\n", o.ID, o.Label, thousands(o.Size), thousands(o.Rows))
				for _, b := range o.BridgeDetails {
					fmt.Fprintf(env.Stdout, "  bridged by %s %q (%s rows): blocking it splits the profile into %s\n", b.Type, b.Value, thousands(b.Rows), thousands(b.SplitsInto))
				}
			}
			if len(out.Flagged) > 0 {
				fmt.Fprintf(env.Stdout, "%s profiles exceed a per-type limit, e.g. %s: %s.\n", thousands(len(out.Flagged)), out.Flagged[0].ID, out.Flagged[0].Flag)
			}
			return nil
		}
	},
}

type bridgeOutput struct {
	Type       string `json:"type"`
	Value      string `json:"value"`
	Rows       int    `json:"rows"`
	SplitsInto int    `json:"splitsInto"`
}

type stitchOutput struct {
	ID            string         `json:"id"`
	Label         string         `json:"label"`
	Size          int            `json:"size"`
	Rows          int            `json:"rows"`
	Score         float64        `json:"score"`
	Bridges       []string       `json:"bridges"` // the bridging identifier values
	BridgeDetails []bridgeOutput `json:"bridgeDetails"`
}

type flaggedOutput struct {
	ID   string `json:"id"`
	Flag string `json:"flag"`
}

type profilesJSON struct {
	Profiles     int             `json:"profiles"`
	Rows         int             `json:"rows"`
	Identifiers  int             `json:"identifiers"`
	MedianSize   int             `json:"medianSize"`
	P99Size      int             `json:"p99Size"`
	OverStitched []stitchOutput  `json:"overStitched"`
	Flagged      []flaggedOutput `json:"flagged"`
}

func profilesOutput(snap *explore.Snapshot) profilesJSON {
	res := snap.Identity
	st := res.Stats()
	out := profilesJSON{Profiles: st.Profiles, Rows: st.Rows, Identifiers: st.Identifiers, MedianSize: st.MedianSize,
		P99Size: st.P99Size, OverStitched: []stitchOutput{}, Flagged: []flaggedOutput{}}
	for _, s := range res.OverStitched {
		p := res.Profiles[s.Profile]
		o := stitchOutput{ID: p.ID, Label: p.Label, Size: s.Size, Rows: s.Rows, Score: min(s.Score, 1e308), Bridges: []string{}, BridgeDetails: []bridgeOutput{}}
		for _, b := range s.Bridges {
			o.Bridges = append(o.Bridges, b.Value)
			o.BridgeDetails = append(o.BridgeDetails, bridgeOutput(b))
		}
		out.OverStitched = append(out.OverStitched, o)
	}
	for _, i := range res.Flagged() {
		p := res.Profiles[i]
		for _, f := range p.Flags {
			out.Flagged = append(out.Flagged, flaggedOutput{ID: p.ID, Flag: f.String()})
		}
	}
	return out
}

var profileCommand = command{
	name:    "profile",
	usage:   "wayline profile -w FILE [--json] KEY",
	summary: "prints one person's timeline across all sources and why each identifier was merged (KEY: profile id or any identifier)",
	flags: func(fs *flag.FlagSet) func(*Env, []string) error {
		ws := workspaceFlag(fs)
		asJSON := fs.Bool("json", false, "print JSON")
		return func(env *Env, args []string) error {
			if err := needWorkspace(*ws); err != nil {
				return err
			}
			if len(args) != 1 {
				return usagef("name one profile id or identifier value")
			}
			snap, err := loadSnapshot(*ws)
			if err != nil {
				return err
			}
			p, ok := snap.Identity.Find(strings.TrimSpace(args[0]))
			if !ok {
				return fmt.Errorf("no customer matches %q: give a profile id (p_…) or an identifier such as an email", args[0])
			}
			out := profileOutput(snap, p)
			if *asJSON {
				return printJSON(env.Stdout, out)
			}
			printProfile(env, out)
			return nil
		}
	},
}

type idOutput struct {
	Type  string `json:"type"`
	Value string `json:"value"`
	Rows  int    `json:"rows"`
}

type evidenceOutput struct {
	Batch uint64 `json:"batch"`
	File  string `json:"file"`
	Line  int    `json:"line"`
}

type mergeOutput struct {
	A        idOutput         `json:"a"`
	B        idOutput         `json:"b"`
	Attached bool             `json:"attached"`
	Rows     int              `json:"rows"`
	Evidence []evidenceOutput `json:"evidence"`
}

type stepOutput struct {
	Time       time.Time `json:"time"`
	Touchpoint string    `json:"touchpoint"`
	Stage      string    `json:"stage"`
	Channel    string    `json:"channel"`
	Device     string    `json:"device"`
	Source     string    `json:"source"`
	File       string    `json:"file"`
	Line       int       `json:"line"`
	Session    int       `json:"session"`
}

type profileJSON struct {
	ID          string        `json:"id"`
	Label       string        `json:"label"`
	Flags       []string      `json:"flags"`
	Identifiers []idOutput    `json:"identifiers"`
	Merges      []mergeOutput `json:"merges"`
	Timeline    []stepOutput  `json:"timeline"`
}

func profileOutput(snap *explore.Snapshot, p int) profileJSON {
	res, m := snap.Identity, snap.Model
	prof := res.Profiles[p]
	out := profileJSON{ID: prof.ID, Label: prof.Label, Flags: []string{}, Identifiers: []idOutput{}, Merges: []mergeOutput{}, Timeline: []stepOutput{}}
	for _, f := range prof.Flags {
		out.Flags = append(out.Flags, f.String())
	}
	for _, id := range res.Identifiers(p) {
		out.Identifiers = append(out.Identifiers, idOutput{Type: id.Type, Value: id.Value, Rows: id.Rows})
	}
	for _, mg := range res.Merges(p) {
		o := mergeOutput{A: idOutput{Type: mg.A.Type, Value: mg.A.Value}, B: idOutput{Type: mg.B.Type, Value: mg.B.Value},
			Attached: mg.Attached, Rows: mg.Count, Evidence: []evidenceOutput{}}
		for _, e := range mg.Evidence {
			o.Evidence = append(o.Evidence, evidenceOutput{Batch: e.Batch, File: e.File, Line: e.Line})
		}
		out.Merges = append(out.Merges, o)
	}
	for _, st := range snap.Journeys.Timeline(p, journey.DefaultSessionGap) {
		_, file, line := m.Where(m.Events.Row[st.Event])
		out.Timeline = append(out.Timeline, stepOutput{Time: time.UnixMicro(st.Time).UTC(), Touchpoint: st.Touchpoint, Stage: st.Stage,
			Channel: st.Channel, Device: st.Device, Source: st.Source, File: file, Line: line, Session: st.Session})
	}
	return out
}

func printProfile(env *Env, p profileJSON) {
	fmt.Fprintf(env.Stdout, "%s  %s\n", p.ID, p.Label)
	for _, f := range p.Flags {
		fmt.Fprintf(env.Stdout, "  ! %s\n", f)
	}
	fmt.Fprintln(env.Stdout, "\nIdentifiers")
	for _, id := range p.Identifiers {
		fmt.Fprintf(env.Stdout, "  %-14s %s (%s rows)\n", id.Type, id.Value, thousands(id.Rows))
	}
	fmt.Fprintln(env.Stdout, "\nWhy merged")
	if len(p.Merges) == 0 {
		fmt.Fprintln(env.Stdout, "  one identifier: nothing was merged")
	}
	for _, mg := range p.Merges {
		verb := "linked to"
		if mg.Attached {
			verb = "attached to"
		}
		where := ""
		if len(mg.Evidence) > 0 {
			e := mg.Evidence[0]
			where = fmt.Sprintf("%s:%d (batch %d)", e.File, e.Line, e.Batch)
		}
		fmt.Fprintf(env.Stdout, "  %s %s %s %s %s: %s rows say so, first %s\n", mg.B.Type, mg.B.Value, verb, mg.A.Type, mg.A.Value, thousands(mg.Rows), where)
	}
	fmt.Fprintf(env.Stdout, "\nTimeline (%s events)\n", thousands(len(p.Timeline)))
	session := -1
	for _, st := range p.Timeline {
		if st.Session != session {
			session = st.Session
			fmt.Fprintf(env.Stdout, "  — session %d\n", session+1)
		}
		ch := strings.Trim(st.Channel+" / "+st.Device, " /")
		fmt.Fprintf(env.Stdout, "  %s  %-28s %-14s %-18s %s:%d\n", st.Time.Format("2006-01-02 15:04"), st.Touchpoint, st.Stage, ch, st.File, st.Line)
	}
}
