package friction

import (
	"sort"

	"wayline/internal/journey"
)

// Wasted counts paid touches (Journeys.IsWastedTouch) after each customer's first goal event in the view:
// ads shown to people who had already bought.
func Wasted(v *journey.View) Waste {
	j := v.Journeys()
	nCh := uint64(len(j.ChannelNames()))
	type count struct{ touches, customers int }
	counts := map[uint64]*count{}
	out := Waste{Touchpoints: []WastedTouchpoint{}}
	seen := map[uint64]bool{}
	v.EachTrail(func(t *journey.Trail) {
		clear(seen)
		after := false
		for i := range t.Len() {
			tp, ch := t.Touchpoint[i], t.Channel[i]
			if !after {
				after = j.IsGoalTouchpoint(tp)
				continue
			}
			if !j.IsWastedTouch(tp, ch) {
				continue
			}
			key := uint64(tp)*nCh + uint64(ch)
			c := counts[key]
			if c == nil {
				c = &count{}
				counts[key] = c
			}
			c.touches++
			out.Touches++
			if !seen[key] {
				seen[key] = true
				c.customers++
			}
		}
		if len(seen) > 0 {
			out.Customers++
		}
	})
	tpNames, chNames := j.TouchpointNames(), j.ChannelNames()
	for key, c := range counts {
		out.Touchpoints = append(out.Touchpoints, WastedTouchpoint{Touchpoint: tpNames[key/nCh], Channel: chNames[key%nCh],
			Touches: c.touches, Customers: c.customers})
	}
	sort.Slice(out.Touchpoints, func(a, b int) bool {
		x, y := out.Touchpoints[a], out.Touchpoints[b]
		if x.Touches != y.Touches {
			return x.Touches > y.Touches
		}
		if x.Touchpoint != y.Touchpoint {
			return x.Touchpoint < y.Touchpoint
		}
		return x.Channel < y.Channel
	})
	return out
}
