// Package explore loads a workspace for analysis: the model, the identity graph under the workspace's
// rules, and the journeys under its stage model. The command line and the app layer both start here, so
// they always agree on what a workspace says.
//
// # Basics
//
// Load reads the rules and the stage model from the workspace's settings (defaults when unset), builds
// everything, and returns a Snapshot. A Snapshot is immutable and safe to share; after an import, a removal
// or a change of rules or stages, load a new one.
package explore

import (
	"encoding/json"
	"fmt"

	"wayline/internal/identity"
	"wayline/internal/journey"
	"wayline/internal/model"
	"wayline/internal/store"
)

// Setting names under which the workspace keeps its analysis choices.
const (
	SettingRules  = "identity.rules"
	SettingStages = "journey.stages"
)

// Snapshot is a workspace ready for analysis.
type Snapshot struct {
	Model    *model.Model
	Identity *identity.Result
	Journeys *journey.Journeys
	Rules    identity.Rules
	// Stages is the stage model in effect: the saved one with guesses filled in for touchpoints it does
	// not name.
	Stages journey.StageModel
}

// Load builds a Snapshot of ws.
func Load(ws *store.Workspace) (*Snapshot, error) {
	m, err := model.Load(ws)
	if err != nil {
		return nil, err
	}
	rules, err := Rules(ws)
	if err != nil {
		return nil, err
	}
	stages, err := savedStages(ws)
	if err != nil {
		return nil, err
	}
	return build(m, rules, stages)
}

// Rebuild recomputes identity and journeys on the same model under other rules or stages, without reading
// the workspace again.
func (s *Snapshot) Rebuild(rules identity.Rules, stages journey.StageModel) (*Snapshot, error) {
	return build(s.Model, rules, stages)
}

func build(m *model.Model, rules identity.Rules, stages journey.StageModel) (*Snapshot, error) {
	ids := identity.Resolve(m, rules)
	j, err := journey.Build(m, ids.RowProfile, len(ids.Profiles), stages)
	if err != nil {
		return nil, err
	}
	return &Snapshot{Model: m, Identity: ids, Journeys: j, Rules: rules, Stages: j.Resolution().StageModel()}, nil
}

// Rules returns the workspace's identity rules, or the defaults when none were saved.
func Rules(ws *store.Workspace) (identity.Rules, error) {
	raw, err := ws.Setting(SettingRules)
	if err != nil || raw == nil {
		return identity.DefaultRules(), err
	}
	var r identity.Rules
	if err := json.Unmarshal(raw, &r); err != nil {
		return identity.Rules{}, fmt.Errorf("the workspace's identity rules are damaged (%v): set them again on the Identity screen", err)
	}
	return r, nil
}

// SaveRules validates and stores identity rules.
func SaveRules(ws *store.Workspace, r identity.Rules) error {
	if err := r.Validate(); err != nil {
		return err
	}
	raw, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return ws.SetSetting(SettingRules, raw)
}

// savedStages returns the saved stage model, or the default stages with everything to be guessed.
func savedStages(ws *store.Workspace) (journey.StageModel, error) {
	raw, err := ws.Setting(SettingStages)
	if err != nil || raw == nil {
		return journey.StageModel{Stages: journey.DefaultStages()}, err
	}
	var sm journey.StageModel
	if err := json.Unmarshal(raw, &sm); err != nil {
		return journey.StageModel{}, fmt.Errorf("the workspace's stage model is damaged (%v): set it again on the Stages screen", err)
	}
	return sm, nil
}

// SaveStages validates and stores a stage model.
func SaveStages(ws *store.Workspace, sm journey.StageModel) error {
	if err := sm.Validate(); err != nil {
		return err
	}
	raw, err := json.Marshal(sm)
	if err != nil {
		return err
	}
	return ws.SetSetting(SettingStages, raw)
}
