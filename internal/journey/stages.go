package journey

import (
	"fmt"
	"sort"
	"strings"

	"wayline/internal/model"
)

// MaxStages bounds the stage model so that a customer's visited stages fit in one machine word.
const MaxStages = 64

// StageModel is the ordered stage model, the touchpoint → stage mapping and the goal. It is what the
// workspace stores as a setting (camelCase JSON). Mapping entries with Guessed set, touchpoints missing from
// the mapping and a goal that is empty or GoalGuessed are (re)guessed by Resolve, so touchpoints from a later
// import are placed without the user's help and the user's own choices are never overwritten.
type StageModel struct {
	Stages      []string          `json:"stages"`
	Mapping     []StageAssignment `json:"mapping"`
	Goal        []string          `json:"goal"`
	GoalGuessed bool              `json:"goalGuessed"`
}

// StageAssignment places one touchpoint in one stage.
type StageAssignment struct {
	Touchpoint string `json:"touchpoint"`
	Stage      string `json:"stage"`
	Guessed    bool   `json:"guessed"`
}

// DefaultStageModel guesses a stage model for the given touchpoints: the default stages, every touchpoint
// placed by GuessStage (channels[i], most frequent first, are touchpoint i's channels; channels may be nil
// or shorter), and as goal the touchpoints placed in Purchase.
func DefaultStageModel(touchpoints []string, channels [][]string) StageModel {
	sm := StageModel{Stages: DefaultStages(), GoalGuessed: true, Mapping: []StageAssignment{}, Goal: []string{}}
	for i, tp := range touchpoints {
		var chs []string
		if i < len(channels) {
			chs = channels[i]
		}
		st := GuessStage(tp, chs)
		sm.Mapping = append(sm.Mapping, StageAssignment{Touchpoint: tp, Stage: st, Guessed: true})
		if st == Purchase {
			sm.Goal = append(sm.Goal, tp)
		}
	}
	return sm
}

// Validate checks the stage model: 1 to MaxStages distinct non-empty stage names, and every user mapping
// (not Guessed) naming one of them. A guessed mapping to a stage that no longer exists is allowed: it is
// guessed again.
func (sm StageModel) Validate() error {
	if len(sm.Stages) == 0 || len(sm.Stages) > MaxStages {
		return fmt.Errorf("%w: %d stages, want 1 to %d", ErrStageModel, len(sm.Stages), MaxStages)
	}
	seen := make(map[string]bool, len(sm.Stages))
	for _, s := range sm.Stages {
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("%w: a stage has no name", ErrStageModel)
		}
		if seen[s] {
			return fmt.Errorf("%w: stage %q appears twice", ErrStageModel, s)
		}
		seen[s] = true
	}
	for _, a := range sm.Mapping {
		if !a.Guessed && !seen[a.Stage] {
			return fmt.Errorf("%w: touchpoint %q is mapped to %q, which is not a stage", ErrStageModel, a.Touchpoint, a.Stage)
		}
	}
	return nil
}

// Resolution is a stage model applied to the touchpoints of a model. Touchpoints, Stage, Guessed and Goal
// are parallel, sorted by touchpoint name.
type Resolution struct {
	Stages      []string
	Touchpoints []string
	IDs         []uint32 // dictionary ids of Touchpoints in the model
	Stage       []int    // index into Stages
	Guessed     []bool
	Goal        []bool
	GoalGuessed bool
	byID        map[uint32]int
}

// StageOf returns the stage index of a touchpoint's dictionary id, or -1 when the model has no such
// touchpoint.
func (r *Resolution) StageOf(id uint32) int {
	if i, ok := r.byID[id]; ok {
		return r.Stage[i]
	}
	return -1
}

// IsGoal reports whether a touchpoint's dictionary id is a goal touchpoint.
func (r *Resolution) IsGoal(id uint32) bool {
	i, ok := r.byID[id]
	return ok && r.Goal[i]
}

// Resolve applies the stage model to every touchpoint of m: the user's mapping where there is one, a guess
// (from the name and the touchpoint's channels, most frequent first) elsewhere; the goal as set, or the
// touchpoints of the Purchase stage when it is empty or guessed.
func (sm StageModel) Resolve(m *model.Model) (*Resolution, error) {
	touch, tpTable := buildDim(m, m.Events.Touchpoint, nil, false)
	channel, chTable := buildDim(m, m.Events.Channel, nil, true)
	n := m.Events.Len()
	tp, ch := make([]uint32, n), make([]uint32, n)
	for i := 0; i < n; i++ {
		tp[i] = uint32(tpTable[m.Events.Touchpoint[i]])
		ch[i] = uint32(chTable[m.Events.Channel[i]])
	}
	r, _, err := sm.resolveDense(touch, channel, tp, ch)
	return r, err
}

// resolveDense resolves the stage model over dense touchpoint and channel columns; it also returns every
// touchpoint's channels (dense, most frequent first). The resolution's touchpoints are in dense id order,
// because both are sorted by name.
func (sm StageModel) resolveDense(touch, channel dim, tp, ch []uint32) (*Resolution, [][]uint32, error) {
	chans, _ := channelsByTouchpoint(tp, ch, len(touch.names), channel)
	chNames := make([][]string, len(chans))
	for t, cs := range chans {
		for _, c := range cs {
			chNames[t] = append(chNames[t], channel.names[c])
		}
	}
	r, err := sm.resolveNames(touch.names, chNames)
	if err != nil {
		return nil, nil, err
	}
	r.IDs = append([]uint32(nil), touch.ids...)
	r.byID = make(map[uint32]int, len(r.IDs))
	for i, id := range r.IDs {
		r.byID[id] = i
	}
	return r, chans, nil
}

// resolveNames is Resolve over touchpoint names and their channels (most frequent first).
func (sm StageModel) resolveNames(touchpoints []string, channels [][]string) (*Resolution, error) {
	if err := sm.Validate(); err != nil {
		return nil, err
	}
	stageIndex := make(map[string]int, len(sm.Stages))
	lower := make(map[string]int, len(sm.Stages))
	for i, s := range sm.Stages {
		stageIndex[s] = i
		lower[strings.ToLower(s)] = i
	}
	user := make(map[string]int, len(sm.Mapping))
	for _, a := range sm.Mapping {
		if !a.Guessed {
			user[a.Touchpoint] = stageIndex[a.Stage]
		}
	}
	defaults := DefaultStages()
	idx := make([]int, len(touchpoints))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return touchpoints[idx[a]] < touchpoints[idx[b]] })
	r := &Resolution{Stages: append([]string(nil), sm.Stages...)}
	for _, i := range idx {
		tp := touchpoints[i]
		st, ok := user[tp]
		guessed := !ok
		if !ok {
			var chs []string
			if i < len(channels) {
				chs = channels[i]
			}
			st = placeGuess(GuessStage(tp, chs), lower, defaults, len(sm.Stages))
		}
		r.Touchpoints = append(r.Touchpoints, tp)
		r.Stage = append(r.Stage, st)
		r.Guessed = append(r.Guessed, guessed)
	}
	r.Goal = make([]bool, len(r.Touchpoints))
	if len(sm.Goal) == 0 || sm.GoalGuessed {
		r.GoalGuessed = true
		purchase, ok := lower[strings.ToLower(Purchase)]
		for i, tp := range r.Touchpoints {
			if ok {
				r.Goal[i] = r.Stage[i] == purchase
			} else {
				r.Goal[i] = GuessStage(tp, nil) == Purchase
			}
		}
	} else {
		goal := make(map[string]bool, len(sm.Goal))
		for _, g := range sm.Goal {
			goal[g] = true
		}
		for i, tp := range r.Touchpoints {
			r.Goal[i] = goal[tp]
		}
	}
	return r, nil
}

// placeGuess finds a guessed default stage in the user's stages: by name (case-insensitive), else at the
// same relative position in the user's (renamed or shortened) stage list.
func placeGuess(guess string, lower map[string]int, defaults []string, n int) int {
	if i, ok := lower[strings.ToLower(guess)]; ok {
		return i
	}
	for k, d := range defaults {
		if d == guess {
			return k * n / len(defaults)
		}
	}
	return 0
}

// StageModel returns the resolved model as a StageModel to store: the stages, every touchpoint's stage
// (Guessed where it was guessed) and the goal.
func (r *Resolution) StageModel() StageModel {
	sm := StageModel{Stages: append([]string(nil), r.Stages...), Mapping: []StageAssignment{}, Goal: []string{},
		GoalGuessed: r.GoalGuessed}
	for i, tp := range r.Touchpoints {
		sm.Mapping = append(sm.Mapping, StageAssignment{Touchpoint: tp, Stage: r.Stages[r.Stage[i]], Guessed: r.Guessed[i]})
		if r.Goal[i] {
			sm.Goal = append(sm.Goal, tp)
		}
	}
	return sm
}
