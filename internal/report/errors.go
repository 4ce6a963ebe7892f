package report

import "errors"

// ErrNoSnapshot is returned by Write when it is given no snapshot to report on.
var ErrNoSnapshot = errors.New("report: no workspace snapshot to report on")

// ErrNoAssumed is returned by Write when Options.Assumed names a map the workspace has not saved.
var ErrNoAssumed = errors.New("report: no saved assumed map with that id")
