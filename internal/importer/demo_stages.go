package importer

import (
	"sort"

	"wayline/internal/demo"
	"wayline/internal/explore"
	"wayline/internal/journey"
	"wayline/internal/store"
)

// saveDemoStages stores the stage model the demo was generated with (planted.json's stages, the stage of
// every touchpoint and the goal) as the workspace's own, as a user would set it on the Stages screen. The
// name-based guesses would put "Signed in" in Retention and "Retargeting ad" in Awareness, which makes
// backtracks and effort that the demo never planted.
func saveDemoStages(ws *store.Workspace, p demo.Planted) error {
	sm := journey.StageModel{Stages: p.Stages, Goal: p.GoalTouchpoints, Mapping: []journey.StageAssignment{}}
	for tp, st := range p.TouchpointStages {
		sm.Mapping = append(sm.Mapping, journey.StageAssignment{Touchpoint: tp, Stage: st})
	}
	// Sorted so that two builds with the same options store the same setting.
	sort.Slice(sm.Mapping, func(i, j int) bool { return sm.Mapping[i].Touchpoint < sm.Mapping[j].Touchpoint })
	return explore.SaveStages(ws, sm)
}
