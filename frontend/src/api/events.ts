// Event names Go emits; mirrored in app/events.go. Use these constants, never literal strings.

/** Progress of an import or of building the demo: an ImportProgress payload, at most ~10 per second. */
export const ImportProgressEvent = 'import:progress'

/** An import finished (stored, duplicate, failed or cancelled). */
export const ImportDoneEvent = 'import:done'

/** The open workspace changed: opened, closed, data imported or removed. */
export const WorkspaceChangedEvent = 'workspace:changed'

/** A sticky note was added, edited, moved or deleted: {id}. Refresh the notes. */
export const NotesChangedEvent = 'notes:changed'
