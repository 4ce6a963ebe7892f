package model

import "errors"

// These sentinel errors come back from the snapshot functions, wrapped with the detail; test for them with
// errors.Is. Load never returns them: it falls back to reading the rows.
var (
	// ErrNoSnapshot is returned by LoadSnapshot when the workspace holds no snapshot for its current rows:
	// none was written yet, or a batch was committed or removed since.
	ErrNoSnapshot = errors.New("workspace has no model snapshot for its current rows")

	// ErrBadSnapshot is returned by DecodeSnapshot and LoadSnapshot when a snapshot cannot be used: its
	// checksum or structure is wrong, it was written in another format version, or it does not describe
	// the workspace's committed batches.
	ErrBadSnapshot = errors.New("model snapshot is damaged or out of date")

	// ErrNotRowOrder is returned by EncodeSnapshot for a model whose columns are not laid out row by row
	// (each row's identifiers, attributes and events following the previous row's), as Load and Add lay
	// them out: the snapshot format stores those ranges implicitly.
	ErrNotRowOrder = errors.New("model is not laid out row by row")
)
