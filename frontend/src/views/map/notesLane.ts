// The Notes lane of the observed map: the workshop's sticky notes drawn in the map's SVG (so the PNG and
// SVG exports carry them), per stage column, with the notes on the whole map in a strip above the columns.
// Which note belongs where is the workshop board's rule (notesInStage, notesOnMap); this only places them.
import type { ObservedMap } from '../../api/maps'
import type { Note, NoteKind, NoteTarget } from '../../api/notes'
import { fitLabel } from '../../charts/bars'
import { inkOn } from '../../lib/frictionScale'
import { kindLabel, noteColour, notesInStage, notesOnMap, targetLabel } from '../workshop/board'
import { wrapText } from './wrap'

/** Notes on the observed map: those stored for it and those stored for no map in particular. */
export const observedMapId = 'observed'

export interface NoteBox {
  key: string
  note: Note
  /** The column it is drawn in; "" for a note on the whole map. */
  stage: string
  x: number
  y: number
  width: number
  fill: string
  /** Text colour that reads on fill. */
  ink: string
  kindText: string
  /** The note's text on at most noteTextLines lines, the last ending in … when cut. */
  lines: string[]
  /** "Dana", or "Dana · Checkout: payment" for a note on a touchpoint or cell of the stage. */
  byline: string
  title: string
}

/** Where a column's "+ Note" button goes (interaction only: not exported). */
export interface NoteAdd {
  stage: string
  x: number
  y: number
}

export interface NotesLaneLayout {
  boxes: NoteBox[]
  adds: NoteAdd[]
  /** The strip of whole-map notes at the top of the lane; null when there are none. */
  strip: { y: number; height: number } | null
}

/** The notes of each stage (in map order) and those on the whole map, oldest first. */
export function groupNotes(map: ObservedMap, notes: readonly Note[]): { stages: Note[][]; whole: Note[] } {
  const order = (list: Note[]) => [...list].sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id))
  return {
    stages: map.stages.map((s) =>
      order(
        notesInStage(
          notes,
          observedMapId,
          s.name,
          s.touchpoints.map((t) => t.touchpoint),
        ),
      ),
    ),
    whole: order(notesOnMap(notes, observedMapId)),
  }
}

export const noteHeight = 62
export const noteGap = 8
export const addHeight = 24
export const addWidth = 66
const noteTextLines = 2
/** The byline's 10.5 px text averages about 5.6 px a character. */
const smallCharWidth = 5.6

interface Geometry {
  /** The lane's top. */
  y: number
  /** Where the first column starts and how far the map reaches. */
  left: number
  right: number
  columns: { stage: string; x: number }[]
  pad: number
  /** A column's width inside its padding: a note's width. */
  inner: number
}

/** How many whole-map notes fit side by side, across the columns. */
const perStripRow = (g: Pick<Geometry, 'left' | 'right' | 'pad' | 'inner'>) => Math.max(1, Math.floor((g.right - g.left - g.pad + noteGap) / (g.inner + noteGap)))

const stackHeight = (n: number) => n * (noteHeight + noteGap)

/** The strip's height: its rows of notes and padding, 0 without whole-map notes. */
function stripHeight(whole: number, g: Pick<Geometry, 'left' | 'right' | 'pad' | 'inner'>): number {
  if (whole === 0) return 0
  const rows = Math.ceil(whole / perStripRow(g))
  return 2 * g.pad + stackHeight(rows) - noteGap
}

/** The lane's height: the strip, the tallest stack of notes and room for "+ Note" under it. */
export function notesLaneHeight(grouped: { stages: Note[][]; whole: Note[] }, g: Pick<Geometry, 'left' | 'right' | 'pad' | 'inner'>): number {
  const tallest = Math.max(0, ...grouped.stages.map((s) => s.length))
  return stripHeight(grouped.whole.length, g) + 2 * g.pad + stackHeight(tallest) + addHeight
}

/** What a note in a stage's column is on, when not the stage itself: the column already names the stage. */
function whereInColumn(t: NoteTarget): string {
  if (t.kind === 'stage' || t.kind === 'map') return ''
  if (t.kind === 'cell') return [t.touchpoint, t.persona].filter(Boolean).join(' × ')
  return targetLabel(t)
}

function box(n: Note, stage: string, x: number, y: number, inner: number, kinds: Record<NoteKind, string>): NoteBox {
  const fill = noteColour(n, kinds)
  const where = whereInColumn(n.target)
  const author = n.author || 'Anonymous'
  return {
    key: `${stage}:${n.id}`,
    note: n,
    stage,
    x,
    y,
    width: inner,
    fill,
    ink: inkOn(fill),
    kindText: kindLabel(n.kind).toUpperCase(),
    lines: wrapText(n.text, inner - 16, noteTextLines),
    byline: fitLabel(where ? `${author} · ${where}` : author, inner - 16, smallCharWidth),
    title: `${kindLabel(n.kind)} by ${author}${where ? ` on ${where}` : ''}\n${n.text}`,
  }
}

/** Places the notes: the whole-map strip first, then each column's stack and its "+ Note" below it. */
export function layoutNotesLane(grouped: { stages: Note[][]; whole: Note[] }, g: Geometry, kinds: Record<NoteKind, string>): NotesLaneLayout {
  const boxes: NoteBox[] = []
  const height = stripHeight(grouped.whole.length, g)
  const across = perStripRow(g)
  grouped.whole.forEach((n, k) => {
    const x = g.left + g.pad + (k % across) * (g.inner + noteGap)
    const y = g.y + g.pad + Math.floor(k / across) * (noteHeight + noteGap)
    boxes.push(box(n, '', x, y, g.inner, kinds))
  })
  const top = g.y + height + g.pad
  const adds: NoteAdd[] = []
  g.columns.forEach((c, i) => {
    const list = grouped.stages[i] ?? []
    list.forEach((n, k) => boxes.push(box(n, c.stage, c.x + g.pad, top + k * (noteHeight + noteGap), g.inner, kinds)))
    adds.push({ stage: c.stage, x: c.x + g.pad, y: top + stackHeight(list.length) })
  })
  return { boxes, adds, strip: height ? { y: g.y, height } : null }
}
