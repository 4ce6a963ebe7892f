package app

// Event names, mirrored in frontend/src/api/events.ts.
const (
	EventImportProgress   = "import:progress"
	EventImportDone       = "import:done"
	EventWorkspaceChanged = "workspace:changed"
)

// Emitter delivers events to the frontend: Wails' runtime in the window, Server-Sent Events in a browser.
type Emitter interface {
	Emit(name string, data any)
}

// Dialogs are the native file dialogs, present only in the desktop window.
type Dialogs interface {
	OpenFile(title string, patterns []FilePattern) (string, error)
	OpenFiles(title string, patterns []FilePattern) ([]string, error)
	SaveFile(title, defaultName string, patterns []FilePattern) (string, error)
}

// FilePattern is one filter of a file dialog.
type FilePattern struct {
	Name    string
	Pattern string // e.g. "*.csv;*.json"
}

type nopEmitter struct{}

func (nopEmitter) Emit(string, any) {}
