package maps

import (
	"math"
	"strings"

	"wayline/internal/persona"
	"wayline/internal/persona/cluster"
)

// Matching assumed personas to discovered ones.
//
// An assumed persona expects some persona features to be high or low. For a discovered persona, the
// effect of a feature is, in order of preference: its Cohen's d among the persona's distinguishing
// features; else, for a feature the run clustered on, the persona's centroid coordinate (the features are
// z-scored over all customers, so this is the persona's mean in standard deviations from everyone's); else,
// for any other feature of the run, the relative difference between the persona's raw mean and the
// size-weighted mean of all personas (a rough stand-in: twice the average reads as an effect of 1). A
// feature the run does not know (names are matched exactly, else ignoring case) is no evidence (0).
// Each expectation scores tanh(±effect / LargeEffect) — + for "high", − for "low" — so an effect that
// agrees and is large scores near 1, one that disagrees near −1; the similarity is the mean over the
// expectations, −1..1. An assumed persona without expectations is compared by name instead: the share of
// words (three letters or more) its name and description share with the discovered persona's names
// (Jaccard, 0..1).
//
// Assumed personas are paired with discovered ones by the Hungarian method maximising the total
// similarity (each discovered persona paired at most once); a pair is a match when its similarity is at
// least MatchThreshold. An assumed persona left without a pair (more assumed than discovered) reports the
// discovered persona it resembles most, unmatched. Discovered personas in no match are "unassumed".

// LargeEffect is the effect size (Cohen's d) an expectation counts as clearly met.
const LargeEffect = 0.8

// MatchThreshold is the similarity from which an assumed persona matches a discovered one.
const MatchThreshold = 0.3

// PersonaMatch says which discovered persona an assumed persona resembles.
type PersonaMatch struct {
	Assumed    string            `json:"assumed"`    // the assumed persona's name
	Discovered string            `json:"discovered"` // the discovered persona's id; "" when there are none
	Name       string            `json:"name"`       // the discovered persona's name
	Similarity float64           `json:"similarity"` // −1..1 (0..1 when compared by name)
	Matched    bool              `json:"matched"`    // Similarity ≥ MatchThreshold
	Evidence   []ExpectationFact `json:"evidence"`   // per expectation, against the discovered persona
}

// ExpectationFact is one expectation checked against a discovered persona.
type ExpectationFact struct {
	Feature string  `json:"feature"`
	Level   string  `json:"level"`
	Effect  float64 `json:"effect"` // the feature's effect in the discovered persona (see above)
	Known   bool    `json:"known"`  // the run has the feature
	Score   float64 `json:"score"`  // −1..1
}

// MatchPersonas pairs assumed personas with discovered ones (see the rules above). matches has one entry
// per assumed persona, in their order; unassumed lists the ids of discovered personas no assumed persona
// matches, in the result's order. A nil or empty result matches nothing.
func MatchPersonas(assumed []AssumedPersona, discovered *persona.Result) (matches []PersonaMatch, unassumed []string) {
	matches, unassumed = []PersonaMatch{}, []string{}
	var ds []persona.Persona
	if discovered != nil {
		ds = discovered.Personas
	}
	if len(ds) == 0 {
		for _, a := range assumed {
			matches = append(matches, PersonaMatch{Assumed: a.Name, Evidence: []ExpectationFact{}})
		}
		return matches, unassumed
	}
	fx := newFeatureEffects(discovered)
	sims := make([][]float64, len(assumed))
	facts := make([][][]ExpectationFact, len(assumed))
	cost := make([][]float64, len(assumed))
	for i, a := range assumed {
		sims[i], facts[i], cost[i] = make([]float64, len(ds)), make([][]ExpectationFact, len(ds)), make([]float64, len(ds))
		for k := range ds {
			sims[i][k], facts[i][k] = fx.similarity(a, k)
			cost[i][k] = -sims[i][k]
		}
	}
	pair := cluster.Hungarian(cost)
	taken := make([]bool, len(ds))
	for i, a := range assumed {
		k := pair[i]
		if k < 0 { // more assumed than discovered: report the closest
			k = 0
			for c := range ds {
				if sims[i][c] > sims[i][k] {
					k = c
				}
			}
		}
		m := PersonaMatch{Assumed: a.Name, Discovered: ds[k].ID, Name: ds[k].Name, Similarity: sims[i][k],
			Matched: pair[i] >= 0 && sims[i][k] >= MatchThreshold, Evidence: facts[i][k]}
		if m.Matched {
			taken[k] = true
		}
		matches = append(matches, m)
	}
	for k, d := range ds {
		if !taken[k] {
			unassumed = append(unassumed, d.ID)
		}
	}
	return matches, unassumed
}

// featureEffects finds the effect of a feature in each discovered persona.
type featureEffects struct {
	r       *persona.Result
	used    map[string]int     // feature → column of Used
	overall map[string]float64 // size-weighted mean of the personas' raw means
	names   map[string]string  // lower-case feature name → the run's name
	known   map[string]bool    // the run's feature names
}

func newFeatureEffects(r *persona.Result) *featureEffects {
	fx := &featureEffects{r: r, used: map[string]int{}, overall: map[string]float64{}, names: map[string]string{},
		known: map[string]bool{}}
	for i, f := range r.Used {
		fx.used[f] = i
	}
	size := 0
	for _, p := range r.Personas {
		size += p.Size
	}
	for _, p := range r.Personas {
		for f, m := range p.Means {
			if size > 0 && !math.IsNaN(m) {
				fx.overall[f] += m * float64(p.Size) / float64(size)
			}
		}
	}
	add := func(f string) {
		fx.known[f] = true
		if _, ok := fx.names[strings.ToLower(f)]; !ok {
			fx.names[strings.ToLower(f)] = f
		}
	}
	for _, p := range r.Personas {
		for _, d := range p.Distinguishing {
			add(d.Feature)
		}
		for f := range p.Means {
			add(f)
		}
	}
	for _, f := range r.Used {
		add(f)
	}
	return fx
}

// effect is feature f's effect in persona k, and whether the run knows f.
func (fx *featureEffects) effect(f string, k int) (float64, bool) {
	p := &fx.r.Personas[k]
	name := f
	if n, ok := fx.names[strings.ToLower(f)]; ok && !fx.known[f] {
		name = n
	}
	for _, d := range p.Distinguishing {
		if d.Feature == name && !math.IsNaN(d.EffectSize) {
			return d.EffectSize, true
		}
	}
	if i, ok := fx.used[name]; ok && i < len(p.Centroid) && !math.IsNaN(p.Centroid[i]) {
		return p.Centroid[i], true
	}
	if m, ok := p.Means[name]; ok && !math.IsNaN(m) {
		all := fx.overall[name]
		switch {
		case all != 0:
			return (m - all) / math.Abs(all), true
		case m > 0:
			return 1, true
		case m < 0:
			return -1, true
		}
		return 0, true
	}
	return 0, false
}

// similarity of assumed persona a to discovered persona k, with the evidence.
func (fx *featureEffects) similarity(a AssumedPersona, k int) (float64, []ExpectationFact) {
	facts := []ExpectationFact{}
	if len(a.Expect) == 0 {
		p := fx.r.Personas[k]
		return wordJaccard(a.Name+" "+a.Description, p.Name+" "+p.AutoName), facts
	}
	total := 0.0
	for _, e := range a.Expect {
		eff, known := fx.effect(e.Feature, k)
		sign := 1.0
		if e.Level == LevelLow {
			sign = -1
		}
		score := math.Tanh(sign * eff / LargeEffect)
		total += score
		facts = append(facts, ExpectationFact{Feature: e.Feature, Level: e.Level, Effect: eff, Known: known, Score: score})
	}
	return total / float64(len(a.Expect)), facts
}

// wordJaccard is the Jaccard index of the two texts' lower-case words of three letters or more.
func wordJaccard(a, b string) float64 {
	words := func(s string) map[string]bool {
		out := map[string]bool{}
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
		}) {
			if len([]rune(w)) >= 3 {
				out[w] = true
			}
		}
		return out
	}
	wa, wb := words(a), words(b)
	inter := 0
	for w := range wa {
		if wb[w] {
			inter++
		}
	}
	union := len(wa) + len(wb) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}
