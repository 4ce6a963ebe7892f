package importer

import "errors"

// ErrNoFiles is returned when an import names no files.
var ErrNoFiles = errors.New("no files to import: name at least one CSV, TSV, JSON, JSON Lines, XLSX or XES file")

// ErrCancelled is returned when the import's context was cancelled; nothing was stored.
var ErrCancelled = errors.New("import cancelled; nothing was stored")

// ErrStrict wraps the first rejected row of a strict import; nothing was stored.
var ErrStrict = errors.New("strict import stopped at a rejected row")

// pseudonymKey names the workspace secret that keys pseudonymised identifiers.
const pseudonymKey = "pseudonym"
