package journey

import "time"

// DefaultSessionGap is the silence that ends a session unless the caller asks for another.
const DefaultSessionGap = 30 * time.Minute

// Step is one event of a profile's timeline. Event is the model event index: its row (and so batch, file and
// line), value, rating and text are read from the model. Absent channels and devices are NoneLabel.
type Step struct {
	Event      uint32
	Time       int64
	Touchpoint string
	Stage      string
	StageIndex int
	Channel    string
	Device     string
	Source     string
	Goal       bool
	Paid       bool
	Session    int // 0-based session number within the journey
}

// Timeline returns profile p's journey, unfiltered, with sessions split at silences longer than gap
// (DefaultSessionGap when gap <= 0).
func (j *Journeys) Timeline(p int, gap time.Duration) []Step {
	lo, hi := j.off[p], j.off[p+1]
	out := make([]Step, 0, hi-lo)
	sessions := j.sessionNumbers(j.time[lo:hi], gap)
	for k := lo; k < hi; k++ {
		t := j.tp[k]
		out = append(out, Step{Event: j.event[k], Time: j.time[k], Touchpoint: j.touch.names[t],
			Stage: j.stages[j.stage[k]], StageIndex: int(j.stage[k]), Channel: j.channel.names[j.ch[k]],
			Device: j.device.names[j.dev[k]], Source: j.source.names[j.src[k]], Goal: j.tpGoal[t], Paid: j.paid(t, j.ch[k]),
			Session: sessions[k-lo]})
	}
	return out
}

// Session is a run of events without a silence longer than the gap.
type Session struct {
	First, Last int   // indices into the timeline, inclusive
	Start, End  int64 // µs
}

// Sessions splits profile p's journey into sessions at silences longer than gap (DefaultSessionGap when
// gap <= 0). A silence of exactly gap does not split.
func (j *Journeys) Sessions(p int, gap time.Duration) []Session {
	lo, hi := j.off[p], j.off[p+1]
	times := j.time[lo:hi]
	nums := j.sessionNumbers(times, gap)
	var out []Session
	for i := range times {
		if i == 0 || nums[i] != nums[i-1] {
			out = append(out, Session{First: i, Start: times[i]})
		}
		out[len(out)-1].Last = i
		out[len(out)-1].End = times[i]
	}
	return out
}

func (j *Journeys) sessionNumbers(times []int64, gap time.Duration) []int {
	if gap <= 0 {
		gap = DefaultSessionGap
	}
	g := gap.Microseconds()
	out := make([]int, len(times))
	for i := 1; i < len(times); i++ {
		out[i] = out[i-1]
		if times[i]-times[i-1] > g {
			out[i]++
		}
	}
	return out
}
