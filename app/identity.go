package app

import (
	"wayline/internal/explore"
	"wayline/internal/identity"
	"wayline/internal/journey"
	"wayline/internal/store"
)

// Identity is the bound struct for how records become people (rules, over-stitch warnings) and how
// touchpoints map to stages and the goal.
type Identity struct{ app *App }

// Rules are the identity rules in the API's shape; DefaultBlocked is shown, not edited.
type Rules struct {
	Blocked        []BlockedValue `json:"blocked"`
	DefaultBlocked []string       `json:"defaultBlocked"`
	Limits         []TypeLimit    `json:"limits"`
	NonMerging     []string       `json:"nonMerging"`
}

// BlockedValue is a value that never links records ("" type = any type).
type BlockedValue struct {
	Type  string `json:"type"`
	Value string `json:"value"`
}

// TypeLimit flags profiles with more than Max values of Type.
type TypeLimit struct {
	Type string `json:"type"`
	Max  int    `json:"max"`
}

// StitchBridge is an identifier value holding an over-stitched profile together.
type StitchBridge struct {
	Type     string `json:"type"`
	Value    string `json:"value"`
	Rows     int    `json:"rows"`
	Profiles int    `json:"profiles"` // profiles it would split into if blocked
}

// OverStitch is a suspiciously large profile.
type OverStitch struct {
	Profile string         `json:"profile"`
	Label   string         `json:"label"`
	Size    int            `json:"size"`
	Rows    int            `json:"rows"`
	Score   float64        `json:"score"`
	Bridges []StitchBridge `json:"bridges"`
}

// FlaggedProfile exceeds a per-type limit.
type FlaggedProfile struct {
	Profile string `json:"profile"`
	Label   string `json:"label"`
	Type    string `json:"type"`
	Count   int    `json:"count"`
	Limit   int    `json:"limit"`
}

// IdentityOverview is the Identity screen.
type IdentityOverview struct {
	Profiles     int              `json:"profiles"`
	Rows         int              `json:"rows"`
	Identifiers  int              `json:"identifiers"`
	MedianSize   int              `json:"medianSize"`
	P99Size      int              `json:"p99Size"`
	OverStitched []OverStitch     `json:"overStitched"`
	Flagged      []FlaggedProfile `json:"flagged"`
	Rules        Rules            `json:"rules"`
}

// StageTouchpoint is a touchpoint on the Stages screen.
type StageTouchpoint struct {
	Touchpoint string   `json:"touchpoint"`
	Stage      string   `json:"stage"`
	Guessed    bool     `json:"guessed"`
	Goal       bool     `json:"goal"`
	Paid       bool     `json:"paid"`
	Events     int      `json:"events"`
	Customers  int      `json:"customers"`
	Channels   []string `json:"channels"`
}

// Stages is the stage model in effect.
type Stages struct {
	Stages      []string          `json:"stages"`
	Touchpoints []StageTouchpoint `json:"touchpoints"`
	Goal        []string          `json:"goal"`
	GoalGuessed bool              `json:"goalGuessed"`
}

// StageChange is what the Stages screen saves.
type StageChange struct {
	Stages  []string `json:"stages"`
	Mapping []struct {
		Touchpoint string `json:"touchpoint"`
		Stage      string `json:"stage"`
	} `json:"mapping"`
	Goal []string `json:"goal"`
}

// Overview lists profiles, over-stitch warnings and flagged profiles.
func (id *Identity) Overview() (IdentityOverview, error) {
	snap, err := id.app.session.snapshot()
	if err != nil {
		return IdentityOverview{}, err
	}
	return identityOverview(snap), nil
}

func identityOverview(snap *explore.Snapshot) IdentityOverview {
	res := snap.Identity
	st := res.Stats()
	out := IdentityOverview{Profiles: st.Profiles, Rows: st.Rows, Identifiers: st.Identifiers, MedianSize: st.MedianSize,
		P99Size: st.P99Size, OverStitched: []OverStitch{}, Flagged: []FlaggedProfile{}, Rules: toRules(snap.Rules)}
	for _, s := range res.OverStitched {
		p := res.Profiles[s.Profile]
		o := OverStitch{Profile: p.ID, Label: p.Label, Size: s.Size, Rows: s.Rows, Score: finite(s.Score), Bridges: []StitchBridge{}}
		for _, b := range s.Bridges {
			o.Bridges = append(o.Bridges, StitchBridge{Type: b.Type, Value: b.Value, Rows: b.Rows, Profiles: b.SplitsInto})
		}
		out.OverStitched = append(out.OverStitched, o)
	}
	for _, i := range res.Flagged() {
		p := res.Profiles[i]
		for _, f := range p.Flags {
			out.Flagged = append(out.Flagged, FlaggedProfile{Profile: p.ID, Label: p.Label, Type: f.Type, Count: f.Count, Limit: f.Limit})
		}
	}
	return out
}

// finite keeps JSON valid: an over-stitch score is +Inf when every other profile has the same size.
func finite(f float64) float64 {
	if f > 1e308 {
		return 1e308
	}
	return f
}

func toRules(r identity.Rules) Rules {
	out := Rules{Blocked: []BlockedValue{}, DefaultBlocked: identity.DefaultBlocked(), Limits: []TypeLimit{}, NonMerging: nonNil(r.NonMerging)}
	for _, b := range r.Blocked {
		out.Blocked = append(out.Blocked, BlockedValue(b))
	}
	for _, l := range r.Limits {
		out.Limits = append(out.Limits, TypeLimit(l))
	}
	return out
}

func fromRules(r Rules) identity.Rules {
	out := identity.Rules{NonMerging: r.NonMerging}
	for _, b := range r.Blocked {
		out.Blocked = append(out.Blocked, identity.Blocked(b))
	}
	for _, l := range r.Limits {
		out.Limits = append(out.Limits, identity.Limit(l))
	}
	return out
}

// Rules returns the identity rules in effect.
func (id *Identity) Rules() (Rules, error) {
	snap, err := id.app.session.snapshot()
	if err != nil {
		return Rules{}, err
	}
	return toRules(snap.Rules), nil
}

// SetRules saves new rules and rebuilds the profiles.
func (id *Identity) SetRules(r Rules) (IdentityOverview, error) {
	return id.rebuild(fromRules(r), nil)
}

// BlockValue adds a value to the blocked list and rebuilds the profiles.
func (id *Identity) BlockValue(typ, value string) (IdentityOverview, error) {
	snap, err := id.app.session.snapshot()
	if err != nil {
		return IdentityOverview{}, err
	}
	rules := snap.Rules
	rules.Blocked = append(append([]identity.Blocked(nil), rules.Blocked...), identity.Blocked{Type: typ, Value: value})
	return id.rebuild(rules, nil)
}

// rebuild saves rules (and stages, when given), rebuilds the snapshot on the same rows and returns the
// identity overview.
func (id *Identity) rebuild(rules identity.Rules, stages *journey.StageModel) (IdentityOverview, error) {
	snap, err := id.app.session.snapshot()
	if err != nil {
		return IdentityOverview{}, err
	}
	sm := snap.Stages
	if stages != nil {
		sm = *stages
	}
	next, err := snap.Rebuild(rules, sm)
	if err != nil {
		return IdentityOverview{}, err
	}
	err = id.app.session.with(func(ws *store.Workspace) error {
		if err := explore.SaveRules(ws, rules); err != nil {
			return err
		}
		if stages != nil {
			return explore.SaveStages(ws, next.Stages)
		}
		return nil
	})
	if err != nil {
		return IdentityOverview{}, err
	}
	id.app.session.replace(next)
	id.app.session.changed()
	return identityOverview(next), nil
}

// Stages returns the stage model in effect, with every touchpoint's stage, volume and channels.
func (id *Identity) Stages() (Stages, error) {
	snap, err := id.app.session.snapshot()
	if err != nil {
		return Stages{}, err
	}
	return stagesOf(snap), nil
}

func stagesOf(snap *explore.Snapshot) Stages {
	out := Stages{Stages: snap.Journeys.Stages(), Touchpoints: []StageTouchpoint{}, Goal: nonNil(snap.Stages.Goal),
		GoalGuessed: snap.Stages.GoalGuessed}
	for _, t := range snap.Journeys.Touchpoints() {
		out.Touchpoints = append(out.Touchpoints, StageTouchpoint{Touchpoint: t.Touchpoint, Stage: t.Stage, Guessed: t.Guessed,
			Goal: t.Goal, Paid: t.Paid, Events: t.Events, Customers: t.Customers, Channels: nonNil(t.Channels)})
	}
	return out
}

// SetStages saves the user's stages, touchpoint mapping and goal (an empty goal means purchase-like
// touchpoints), and rebuilds the journeys.
func (id *Identity) SetStages(c StageChange) (Stages, error) {
	sm := journey.StageModel{Stages: c.Stages, Goal: c.Goal, Mapping: []journey.StageAssignment{}}
	for _, m := range c.Mapping {
		sm.Mapping = append(sm.Mapping, journey.StageAssignment{Touchpoint: m.Touchpoint, Stage: m.Stage})
	}
	if err := sm.Validate(); err != nil {
		return Stages{}, err
	}
	snap, err := id.app.session.snapshot()
	if err != nil {
		return Stages{}, err
	}
	if _, err := id.rebuild(snap.Rules, &sm); err != nil {
		return Stages{}, err
	}
	next, err := id.app.session.snapshot()
	if err != nil {
		return Stages{}, err
	}
	return stagesOf(next), nil
}
