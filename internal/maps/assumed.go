package maps

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"
)

// Assumed is the journey map a workshop believes in: stages in the expected order, the touchpoints
// expected at each (in the expected order, see conform.go for how order is judged), the share of
// customers expected to use each, and the personas the workshop has in mind. Its JSON form (the keys in
// the tags) is what ParseAssumed reads, JSON writes, the workspace keeps and `wayline map --assumed` takes.
type Assumed struct {
	ID       string           `json:"id"`                 // stable key, e.g. "current-state"
	Name     string           `json:"name"`               // shown
	Kind     string           `json:"kind,omitempty"`     // "current", "future" or free text
	Persona  string           `json:"persona,omitempty"`  // "" = all customers, else the persona id it is meant for
	Stages   []AssumedStage   `json:"stages"`             // in the expected order
	Personas []AssumedPersona `json:"personas,omitempty"` // the personas the workshop assumed
	Updated  time.Time        `json:"updated,omitzero"`   // UTC; set by whoever saves it
}

// AssumedStage is one stage of an assumed map.
type AssumedStage struct {
	Name        string              `json:"name"`
	Touchpoints []AssumedTouchpoint `json:"touchpoints"` // in the expected order
}

// AssumedTouchpoint is a touchpoint the workshop expects in a stage. Touchpoint is matched against the
// data's touchpoint names (exactly, else ignoring case). ExpectedShare is the share of the customers
// reaching the stage expected to use it, 0..1; 0 means not stated.
type AssumedTouchpoint struct {
	Touchpoint    string  `json:"touchpoint"`
	ExpectedShare float64 `json:"expectedShare,omitempty"`
}

// AssumedPersona is a persona the workshop assumed: a name, a description and the behaviour it expects,
// as persona features (internal/persona's feature names) that should be high or low.
type AssumedPersona struct {
	Name        string        `json:"name"`
	Description string        `json:"description,omitempty"`
	Expect      []Expectation `json:"expect,omitempty"`
}

// Expectation says a persona feature should be high or low for an assumed persona.
type Expectation struct {
	Feature string `json:"feature"` // a persona feature name, e.g. "channel.email", "support", "orders"
	Level   string `json:"level"`   // LevelHigh or LevelLow
}

// Expectation levels.
const (
	LevelHigh = "high"
	LevelLow  = "low"
)

// Assumed map kinds the editor offers; any other text is accepted too.
const (
	KindCurrent = "current"
	KindFuture  = "future"
)

// OptionalShare is the expected share below which a stated touchpoint is optional: a step the workshop
// expects fewer than half of the customers to take is not one a customer must take to follow the map.
const OptionalShare = 0.5

// maxIDLen bounds an id, which is a key and appears in file names and URLs.
const maxIDLen = 64

// Optional reports whether the touchpoint is optional (see OptionalShare).
func (t AssumedTouchpoint) Optional() bool {
	return t.ExpectedShare > 0 && t.ExpectedShare < OptionalShare
}

// JSON is the map's export: indented JSON that ParseAssumed reads back to the same map.
func (a Assumed) JSON() ([]byte, error) { return json.MarshalIndent(a, "", "  ") }

// AssumedError is a problem with an assumed map: the field (a path such as "stages[1].touchpoints[0]"),
// where it is in the JSON (Line and Column from 1; 0 when the map did not come from JSON), and what is
// wrong and what to do. It wraps ErrInvalidAssumed.
type AssumedError struct {
	Field        string
	Line, Column int
	Msg          string
}

func (e *AssumedError) Error() string {
	var b strings.Builder
	b.WriteString("assumed map: ")
	if e.Field != "" {
		b.WriteString(e.Field)
		if e.Line > 0 {
			fmt.Fprintf(&b, " at %d:%d", e.Line, e.Column)
		}
		b.WriteString(": ")
	} else if e.Line > 0 {
		fmt.Fprintf(&b, "at %d:%d: ", e.Line, e.Column)
	}
	b.WriteString(e.Msg)
	return b.String()
}

func (e *AssumedError) Unwrap() error { return ErrInvalidAssumed }

// Validate checks the map: an id (letters, digits, '.', '_' and '-', at most 64) and a name; at least one
// stage, each named (names unique ignoring case) with at least one touchpoint; every touchpoint named and
// listed once in the whole map, ignoring case (it has one place in the expected order); expected shares in 0..1;
// personas named (unique ignoring case), each expectation a feature with level "high" or "low", a feature
// at most once per persona. The first problem is returned as an *AssumedError.
func (a Assumed) Validate() error { return a.validate(nil) }

// validate checks the map; at, when not nil, gives the JSON position of a field path.
func (a Assumed) validate(at func(field string) (line, col int)) error {
	fail := func(field, format string, args ...any) error {
		e := &AssumedError{Field: field, Msg: fmt.Sprintf(format, args...)}
		if at != nil {
			e.Line, e.Column = at(field)
		}
		return e
	}
	if strings.TrimSpace(a.ID) == "" {
		return fail("id", `the map has no id: give it a short key such as "current-state"`)
	}
	if len(a.ID) > maxIDLen || strings.IndexFunc(a.ID, badIDRune) >= 0 {
		return fail("id", "id %q must be at most %d letters, digits, '.', '_' or '-': pick a short key such as \"current-state\"", a.ID, maxIDLen)
	}
	if strings.TrimSpace(a.Name) == "" {
		return fail("name", "the map has no name: give it the name the workshop uses for it")
	}
	if len(a.Stages) == 0 {
		return fail("stages", "the map has no stages: list the stages in the order customers are expected to go through them")
	}
	stageAt := map[string]int{}
	touchAt := map[string]string{}
	for i, s := range a.Stages {
		field := fmt.Sprintf("stages[%d]", i)
		name := strings.TrimSpace(s.Name)
		if name == "" {
			return fail(field+".name", "stage %d has no name: name every stage", i+1)
		}
		if j, ok := stageAt[strings.ToLower(name)]; ok {
			return fail(field+".name", "stage %q is listed twice (also stages[%d]): merge the two or rename one", s.Name, j)
		}
		stageAt[strings.ToLower(name)] = i
		if len(s.Touchpoints) == 0 {
			return fail(field+".touchpoints", "stage %q has no touchpoints: add the touchpoints customers are expected to use there", s.Name)
		}
		for k, t := range s.Touchpoints {
			tf := fmt.Sprintf("%s.touchpoints[%d]", field, k)
			tp := strings.TrimSpace(t.Touchpoint)
			if tp == "" {
				return fail(tf+".touchpoint", "touchpoint %d of stage %q has no name: use the touchpoint's name as in the data", k+1, s.Name)
			}
			if prev, ok := touchAt[strings.ToLower(tp)]; ok {
				return fail(tf+".touchpoint", "touchpoint %q is listed twice (also %s): a touchpoint has one place in the expected order, keep one", t.Touchpoint, prev)
			}
			touchAt[strings.ToLower(tp)] = tf
			if math.IsNaN(t.ExpectedShare) || t.ExpectedShare < 0 || t.ExpectedShare > 1 {
				return fail(tf+".expectedShare", "expected share %v of %q is not between 0 and 1: write 0.25 for a quarter of the customers (0 = not stated)", t.ExpectedShare, t.Touchpoint)
			}
		}
	}
	personaAt := map[string]int{}
	for i, p := range a.Personas {
		field := fmt.Sprintf("personas[%d]", i)
		name := strings.TrimSpace(p.Name)
		if name == "" {
			return fail(field+".name", "persona %d has no name: name every assumed persona", i+1)
		}
		if j, ok := personaAt[strings.ToLower(name)]; ok {
			return fail(field+".name", "persona %q is listed twice (also personas[%d]): merge the two or rename one", p.Name, j)
		}
		personaAt[strings.ToLower(name)] = i
		features := map[string]bool{}
		for k, e := range p.Expect {
			ef := fmt.Sprintf("%s.expect[%d]", field, k)
			if strings.TrimSpace(e.Feature) == "" {
				return fail(ef+".feature", "expectation %d of persona %q has no feature: name a persona feature such as \"support\" or \"channel.email\"", k+1, p.Name)
			}
			if features[e.Feature] {
				return fail(ef+".feature", "feature %q is expected twice for persona %q: keep one", e.Feature, p.Name)
			}
			features[e.Feature] = true
			if e.Level != LevelHigh && e.Level != LevelLow {
				return fail(ef+".level", "level %q of feature %q is neither \"high\" nor \"low\": say which", e.Level, e.Feature)
			}
		}
	}
	return nil
}

func badIDRune(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-')
}
