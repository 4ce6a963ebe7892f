package friction

import (
	"strings"

	"wayline/internal/journey"
)

// supportWords are the words (of a touchpoint name or a channel name) that make a Retention touchpoint a
// support contact.
var supportWords = map[string]bool{
	"support": true, "ticket": true, "tickets": true, "chat": true, "complaint": true, "complaints": true,
	"help": true, "helpdesk": true, "callcentre": true, "callcenter": true, "service": true,
}

// supportTouchpoints marks the touchpoints that are support contacts: in the Retention stage (or, for a
// renamed stage model, a stage named like support) and with a support word in the touchpoint's name or in
// the name of a channel it occurs on. "call centre" / "call center" count as one word.
func supportTouchpoints(j *journey.Journeys) []bool {
	names := j.TouchpointNames()
	out := make([]bool, len(names))
	stages := j.Stages()
	for tp, name := range names {
		stage := strings.ToLower(stages[j.TouchpointStage(uint32(tp))])
		if stage != "retention" && !hasSupportWord(stage) {
			continue
		}
		if hasSupportWord(name) {
			out[tp] = true
			continue
		}
		for _, ch := range j.TouchpointChannels(uint32(tp)) {
			if hasSupportWord(ch) {
				out[tp] = true
				break
			}
		}
	}
	return out
}

func hasSupportWord(s string) bool {
	s = strings.ToLower(s)
	s = strings.NewReplacer("call centre", "callcentre", "call center", "callcenter", "help desk", "helpdesk").Replace(s)
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if supportWords[w] {
			return true
		}
	}
	return false
}
