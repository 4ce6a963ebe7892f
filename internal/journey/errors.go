package journey

import "errors"

// ErrRowProfile is returned by Build when rowProfile does not have one entry per model row, or names a
// profile outside [0, profiles).
var ErrRowProfile = errors.New("row profile table does not match the model")

// ErrStageModel is returned by Validate, Resolve and Build for a stage model that cannot be used: no stages,
// an empty or repeated stage name, more than MaxStages stages, or a mapping to a stage that does not exist.
var ErrStageModel = errors.New("invalid stage model")

// ErrLevel is returned for a flow or cohort level other than touchpoint, stage, channel or device.
var ErrLevel = errors.New("unknown level")

// ErrFunnel is returned by Funnel and Cohort for a funnel spec that cannot be evaluated: no steps, more than
// MaxFunnelSteps steps, a step without touchpoints, an optional first step, an unknown mode or a negative
// window.
var ErrFunnel = errors.New("invalid funnel")

// ErrPaths is returned by Paths for an unknown direction or a missing anchor.
var ErrPaths = errors.New("invalid paths request")

// ErrCohort is returned by Cohort for an unknown kind or movement figure, or a step outside the funnel.
var ErrCohort = errors.New("invalid cohort")

// ErrPersonaLabels is returned by Apply when Filter.PersonaOf is given but does not have one label per
// profile.
var ErrPersonaLabels = errors.New("persona labels do not match the profiles")

// ErrFlowOptions is returned by Flow for a minimum edge share outside 0..1 or a negative node limit.
var ErrFlowOptions = errors.New("invalid flow options")

// ErrBadDate is returned by ParseBound for text that is neither RFC 3339 nor YYYY-MM-DD.
var ErrBadDate = errors.New("use YYYY-MM-DD")
