package store

import "errors"

// These sentinel errors are wrapped with the workspace path or batch id and a sentence that says what to
// do; test for them with errors.Is.
var (
	// ErrLocked is returned by Open when another process (another Wayline window, or a running command) holds
	// the workspace file open for writing, or holds it open at all when this process wants to write.
	ErrLocked = errors.New("workspace is in use by another process")

	// ErrNotWorkspace is returned by Open when the file exists but is not a Wayline workspace: not a bbolt
	// file at all, or a bbolt file that some other program wrote.
	ErrNotWorkspace = errors.New("not a Wayline workspace")

	// ErrNewerSchema is returned by Open when the workspace was written by a newer Wayline whose format this
	// version cannot read.
	ErrNewerSchema = errors.New("workspace was written by a newer version of Wayline")

	// ErrReadOnly is returned by every write when the workspace was opened with Options.ReadOnly, and by Open
	// when a read-only open meets a file that first needs upgrading to the current schema.
	ErrReadOnly = errors.New("workspace is open read-only")

	// ErrNoBatch is returned when a batch id names no committed batch.
	ErrNoBatch = errors.New("no such import batch")

	// ErrNoRecipe is returned by DeleteRecipe when no recipe has that name.
	ErrNoRecipe = errors.New("no such recipe")

	// ErrImportRunning is returned by writes (and by BeginImport and Check) while an import is open on the
	// same Workspace: the import holds bbolt's only write transaction until Commit or Rollback, so waiting
	// would deadlock a caller that holds the import itself.
	ErrImportRunning = errors.New("an import is running on this workspace")

	// ErrImportClosed is returned by Add and Commit after the import was committed or rolled back.
	ErrImportClosed = errors.New("import is already committed or rolled back")

	// ErrFileIndex is returned by Add for a file index outside the batch's file list, by BeginImport for a
	// batch without files, and by Commit after SetFiles was given a list of a different length.
	ErrFileIndex = errors.New("file index does not name a file of the batch")

	// ErrInvalidName is returned when a recipe, secret or setting name is empty.
	ErrInvalidName = errors.New("name must not be empty")

	// ErrInvalidJSON is returned when a recipe or setting value is not valid JSON.
	ErrInvalidJSON = errors.New("value is not valid JSON")

	// ErrCorrupt is returned when stored data cannot be decoded or Check finds an inconsistency. It means
	// the file was damaged outside Wayline's control (disk error, a copy cut short).
	ErrCorrupt = errors.New("workspace data is damaged")

	// ErrStaleSnapshot is returned by WriteSnapshot when a batch was committed or removed after the
	// snapshot's generation was read: the value describes rows the workspace no longer holds.
	ErrStaleSnapshot = errors.New("snapshot is older than the workspace's rows")
)
