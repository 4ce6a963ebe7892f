// The journey map as a table, for CSV export: one row per cell of the map, with the numbers behind it.
import type { FrictionCell } from '../../api/friction'
import type { ObservedMap } from '../../api/maps'
import type { Note } from '../../api/notes'
import type { CsvValue } from '../../lib/export'
import { kindLabel, targetLabel } from '../workshop/board'
import { groupNotes } from './notesLane'

export const mapTableHeader = ['stage', 'lane', 'item', 'customers', 'share', 'friction', 'friction_low', 'friction_high', 'enough_data', 'sources', 'detail']

const friction = (c: FrictionCell): CsvValue[] => [c.score, c.low, c.high, c.enough]

/** A sticky note's row: its text as the item; kind, author and (when not the stage itself) what it is on. */
function noteRow(stage: string, n: Note, own: Note['target']['kind']): CsvValue[] {
  const on = n.target.kind === own ? '' : `; on ${targetLabel(n.target)}`
  return [stage, 'note', n.text, null, null, null, null, null, null, null, `${kindLabel(n.kind)} by ${n.author}${on}`]
}

/** The map's rows, then its notes: each stage's in its column's order, the whole map's last (stage empty). */
export function mapTable(map: ObservedMap, notes: readonly Note[] = []): CsvValue[][] {
  const rows: CsvValue[][] = [mapTableHeader]
  const grouped = groupNotes(map, notes)
  map.stages.forEach((s, i) => {
    rows.push([s.name, 'stage', s.name, s.customers, s.reached, ...friction(s.friction), s.sources, `skipped by ${s.skipped}`])
    for (const t of s.touchpoints) rows.push([s.name, 'touchpoint', t.touchpoint, t.customers, t.share, ...friction(t.friction), t.sources, t.channels.join('; ')])
    for (const a of s.actions) rows.push([s.name, 'action', a.label, a.customers, a.share, null, null, null, null, null, ''])
    const e = s.emotion
    rows.push([s.name, 'emotion', e.score === null ? 'no ratings' : 'score −2…+2', e.customers, null, e.score, e.low, e.high, e.score !== null, null, `${e.ratings} ratings`])
    for (const p of s.pains) rows.push([s.name, 'pain', p.touchpoint || p.stage, p.customers, null, ...friction(p), p.sources, ''])
    for (const o of s.opportunities) rows.push([s.name, 'opportunity', o.text || o.touchpoint, o.customers, null, null, null, null, null, null, `lift ${o.lift}; removal effect ${o.removalEffect}`])
    for (const n of grouped.stages[i]) rows.push(noteRow(s.name, n, 'stage'))
  })
  for (const n of grouped.whole) rows.push(noteRow('', n, 'map'))
  return rows
}
