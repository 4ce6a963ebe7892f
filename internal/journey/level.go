package journey

import "fmt"

// Level is the granularity a flow is drawn at.
type Level string

// The levels of Flow and of flow cohorts.
const (
	LevelTouchpoint Level = "touchpoint"
	LevelStage      Level = "stage"
	LevelChannel    Level = "channel"
	LevelDevice     Level = "device"
)

// NoneLabel is what an absent channel or device is called in flows, filters and options.
const NoneLabel = "(none)"

// keys returns the per-position key column of a level and the label of every key.
func (j *Journeys) keys(l Level) ([]uint32, []string, error) {
	switch l {
	case LevelTouchpoint, "":
		return j.tp, j.touch.names, nil
	case LevelStage:
		return j.stage, j.stages, nil
	case LevelChannel:
		return j.ch, j.channel.names, nil
	case LevelDevice:
		return j.dev, j.device.names, nil
	}
	return nil, nil, fmt.Errorf("%w %q: want touchpoint, stage, channel or device", ErrLevel, string(l))
}
