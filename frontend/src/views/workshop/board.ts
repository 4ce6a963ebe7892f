// Sticky notes: kinds and their colours, which notes belong where on the board, positions from the
// pointer, the remembered author and the words for a conflicting edit. Pure apart from localStorage.
import type { Note, NoteKind, NoteTarget } from '../../api/notes'

export const noteKinds: readonly { id: NoteKind; label: string }[] = [
  { id: 'pain', label: 'Pain point' },
  { id: 'opportunity', label: 'Opportunity' },
  { id: 'question', label: 'Question' },
  { id: 'idea', label: 'Idea' },
  { id: 'hypothesis', label: 'Hypothesis' },
]

export const kindLabel = (k: string) => noteKinds.find((n) => n.id === k)?.label ?? k

/** The classic sticky-note colours, as Go's DefaultColor gives them. */
export const defaultKindColours: Record<NoteKind, string> = {
  pain: '#f28b82',
  opportunity: '#ccff90',
  question: '#aecbfa',
  idea: '#fff475',
  hypothesis: '#d7aefb',
}

const coloursKey = 'wayline.workshop.kindColours'
const authorKey = 'wayline.workshop.author'

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null
  }
}

/** The kind colours this facilitator chose, over the defaults. */
export function loadKindColours(): Record<NoteKind, string> {
  try {
    const saved = JSON.parse(storage()?.getItem(coloursKey) ?? '{}') as Partial<Record<NoteKind, string>>
    const out = { ...defaultKindColours }
    for (const k of Object.keys(out) as NoteKind[]) if (typeof saved[k] === 'string' && /^#[0-9a-f]{6}$/i.test(saved[k]!)) out[k] = saved[k]!
    return out
  } catch {
    return { ...defaultKindColours }
  }
}

export function saveKindColours(c: Record<NoteKind, string>): void {
  storage()?.setItem(coloursKey, JSON.stringify(c))
}

export const loadAuthor = (): string => storage()?.getItem(authorKey)?.trim() ?? ''
export const saveAuthor = (name: string): void => storage()?.setItem(authorKey, name.trim())

/** A note's colour: its own, else its kind's. */
export const noteColour = (n: Pick<Note, 'color' | 'kind'>, kinds: Record<NoteKind, string>) => n.color || kinds[n.kind] || defaultKindColours.idea

const same = (a: string | undefined, b: string | undefined) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase()

/** A note without a map shows on every map; one with a map only on that one. */
export const onMap = (n: Note, mapId: string) => !n.target.map || n.target.map === mapId

/**
 * The notes of one stage column: notes on the stage, on one of its touchpoints, or on a cell of it.
 * touchpoints are the column's touchpoint names.
 */
export function notesInStage(notes: readonly Note[], mapId: string, stage: string, touchpoints: readonly string[]): Note[] {
  return notes.filter((n) => {
    if (!onMap(n, mapId)) return false
    const t = n.target
    if (t.kind === 'stage' || t.kind === 'cell') return same(t.stage, stage)
    if (t.kind === 'touchpoint') return touchpoints.some((tp) => same(tp, t.touchpoint))
    return false
  })
}

/** Notes on the whole map (and hypotheses put on it). */
export const notesOnMap = (notes: readonly Note[], mapId: string) => notes.filter((n) => n.target.kind === 'map' && onMap(n, mapId))

export const notesOnPersona = (notes: readonly Note[], mapId: string, persona: string) =>
  notes.filter((n) => n.target.kind === 'persona' && onMap(n, mapId) && same(n.target.persona, persona))

/** "Checkout page", "Stage: Purchase", "Purchase × Checkout page", "Persona: Bargain hunters", "Whole map". */
export function targetLabel(t: NoteTarget): string {
  switch (t.kind) {
    case 'stage':
      return `Stage: ${t.stage}`
    case 'touchpoint':
      return t.touchpoint ?? ''
    case 'cell':
      return [t.stage, t.touchpoint, t.persona].filter(Boolean).join(' × ')
    case 'persona':
      return `Persona: ${t.persona}`
    default:
      return 'Whole map'
  }
}

/** A note's target as a select value and back. */
export const targetKey = (t: NoteTarget) => JSON.stringify([t.kind, t.stage ?? '', t.touchpoint ?? '', t.persona ?? ''])
export function targetFromKey(key: string, map: string): NoteTarget {
  const [kind, stage, touchpoint, persona] = JSON.parse(key) as [NoteTarget['kind'], string, string, string]
  const t: NoteTarget = { kind, map }
  if (stage) t.stage = stage
  if (touchpoint) t.touchpoint = touchpoint
  if (persona) t.persona = persona
  return t
}

/** Where a dragged note lands in its lane, 0..1 each way, keeping the note's grab point under the pointer. */
export function dropPosition(lane: { left: number; top: number; width: number; height: number }, pointer: { x: number; y: number }, grab = { x: 0, y: 0 }): { x: number; y: number } {
  const clamp = (v: number) => Math.round(Math.max(0, Math.min(1, v)) * 1000) / 1000
  return {
    x: lane.width > 0 ? clamp((pointer.x - grab.x - lane.left) / lane.width) : 0,
    y: lane.height > 0 ? clamp((pointer.y - grab.y - lane.top) / lane.height) : 0,
  }
}

/** A spot for a new note that does not cover the lane's existing ones: a loose grid, row by row. */
export function freeSpot(existing: readonly Pick<Note, 'x' | 'y'>[]): { x: number; y: number } {
  for (let row = 0; row < 4; row++)
    for (let col = 0; col < 2; col++) {
      const x = col * 0.5
      const y = row * 0.25
      if (!existing.some((n) => Math.abs(n.x - x) < 0.25 && Math.abs(n.y - y) < 0.15)) return { x, y }
    }
  return { x: 0, y: 0 }
}

/**
 * What the user reads when their edit lost the race: who changed the note and that their own text was kept
 * in the editor to copy. latest is the note as now stored (undefined when it was deleted meanwhile).
 */
export function conflictMessage(latest: Note | undefined, lastAuthor: string): string {
  if (!latest) return 'Someone else deleted this note while you were editing it; your text was not saved.'
  const who = lastAuthor && lastAuthor !== '' ? lastAuthor : 'Someone else'
  return `${who} edited this note while you were typing. It now shows their version (version ${latest.version}); your text is kept below — copy it back if it still applies.`
}

/** The history newest first (by time, then version), whatever order it arrived in. */
export function newestFirst<T extends { at: string; version: number }>(changes: readonly T[]): T[] {
  const t = (c: T) => Date.parse(c.at) || 0
  return [...changes].sort((a, b) => t(b) - t(a) || b.version - a.version)
}

/** "created", "edited the text", … for the history panel. */
export function changeSummary(c: { action: string; before?: Note | null; after?: Note | null }): string {
  if (c.action === 'created') return `added “${short(c.after?.text)}”`
  if (c.action === 'deleted') return `deleted “${short(c.before?.text)}”`
  if (c.action === 'moved') return `moved “${short(c.after?.text)}”`
  const parts: string[] = []
  if (c.before && c.after) {
    if (c.before.text !== c.after.text) parts.push(`text “${short(c.before.text)}” → “${short(c.after.text)}”`)
    if (c.before.kind !== c.after.kind) parts.push(`kind ${kindLabel(c.before.kind)} → ${kindLabel(c.after.kind)}`)
    if (c.before.color !== c.after.color) parts.push('colour')
    if (targetKey(c.before.target) !== targetKey(c.after.target)) parts.push(`moved to ${targetLabel(c.after.target)}`)
    if (JSON.stringify(c.before.hypothesis ?? null) !== JSON.stringify(c.after.hypothesis ?? null)) parts.push('hypothesis')
  }
  return parts.length ? `edited ${parts.join(', ')}` : 'edited'
}

const short = (s: string | undefined, n = 60) => {
  const t = (s ?? '').replace(/\s+/g, ' ').trim()
  return t.length > n ? `${t.slice(0, n - 1)}…` : t
}
