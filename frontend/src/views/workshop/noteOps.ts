// Note changes that need more than one call: an edit that lost the race to someone else's (Update
// rejects with "conflict: …") reloads the note and says who changed it.
import { isConflict, notes, type Note } from '../../api/notes'
import { conflictMessage } from './board'

export type EditOutcome = { ok: true; note: Note } | { ok: false; conflict: true; latest: Note | undefined; message: string } | { ok: false; conflict: false; message: string }

/** Saves note with patch applied at the version the editor started from. */
export async function editNote(note: Note, patch: Partial<Note>): Promise<EditOutcome> {
  try {
    return { ok: true, note: await notes.update({ ...note, ...patch }) }
  } catch (e) {
    if (!isConflict(e)) return { ok: false, conflict: false, message: (e as Error).message }
    const [all, history] = await Promise.all([notes.list(), notes.history(note.id).catch(() => [])])
    const latest = all.find((n) => n.id === note.id)
    const lastAuthor = history[0]?.author ?? ''
    return { ok: false, conflict: true, latest, message: conflictMessage(latest, lastAuthor) }
  }
}

/** Replaces (or adds) one note in a list, keeping the order. */
export function upsert(list: readonly Note[], n: Note): Note[] {
  return list.some((x) => x.id === n.id) ? list.map((x) => (x.id === n.id ? n : x)) : [...list, n]
}
