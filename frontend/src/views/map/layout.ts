// Layout of the observed journey map: stage columns and lanes (touchpoints, actions, emotion, pains,
// opportunities, notes). Pure, so the geometry is tested with known answers and JourneyMap.svelte only draws.
import type { FrictionCell } from '../../api/friction'
import type { MapStage, ObservedMap } from '../../api/maps'
import type { Note, NoteKind } from '../../api/notes'
import { fitLabel } from '../../charts/bars'
import { touchpointKind, type ChannelKind } from '../../lib/channels'
import { formatCompact, formatInt, formatPercent, plural } from '../../lib/format'
import { evidenceOpacity, frictionColour } from '../../lib/frictionScale'
import { cellTitle, intervalText, mainComponent, scoreText } from '../../lib/frictionText'
import { defaultKindColours } from '../workshop/board'
import { emotionGeometry, type EmotionGeometry } from './emotion'
import { groupNotes, layoutNotesLane, notesLaneHeight, type NotesLaneLayout } from './notesLane'
import { charWidth, wrapText } from './wrap'

export type LaneId = 'stages' | 'touchpoints' | 'actions' | 'emotion' | 'pains' | 'opportunities' | 'notes'

export interface Lane {
  id: LaneId
  label: string
  y: number
  height: number
}

export interface Column {
  stage: MapStage
  x: number
  width: number
  centre: number
  reachedText: string
  skippedText: string
  sourcesText: string
  frictionFill: string | null
  frictionText: string
  title: string
}

export interface Pill {
  key: string
  cell: FrictionCell
  x: number
  y: number
  width: number
  /** Where the column's inner width ends: the count is right-aligned here. */
  right: number
  label: string
  countText: string
  kind: ChannelKind
  /** Friction tint; null when there is not enough data (drawn grey and dashed). */
  fill: string | null
  opacity: number
  title: string
}

export interface ActionLine {
  key: string
  x: number
  y: number
  right: number
  label: string
  shareText: string
  title: string
}

export interface PainBox {
  key: string
  cell: FrictionCell
  x: number
  y: number
  width: number
  name: string
  scoreLine: string
  /** The strongest component, e.g. "exits 34 %". */
  mainLine: string
  evidenceLine: string
  fill: string
  opacity: number
  title: string
}

export interface OpportunityBox {
  key: string
  x: number
  y: number
  width: number
  lines: string[]
  figures: string
  title: string
}

export interface MapLayout {
  width: number
  height: number
  labelWidth: number
  columns: Column[]
  lanes: Lane[]
  pills: Pill[]
  /** "+3 more" under a column's pills. */
  more: { key: string; x: number; y: number; text: string }[]
  actions: ActionLine[]
  emotion: EmotionGeometry
  emotionLabels: { key: string; x: number; y: number; text: string; faint: boolean }[]
  pains: PainBox[]
  opportunities: OpportunityBox[]
  /** Lanes with nothing in a column: where to write a faint dash. */
  empty: { key: string; x: number; y: number; text: string }[]
  notes: NotesLaneLayout
}

export interface MapLayoutOptions {
  /** Width available; columns never get narrower than minColumn, so the map may be wider. */
  width: number
  minColumn?: number
  maxPills?: number
  /** Every sticky note (Notes.List): the lane shows the ones on the observed map. */
  notes?: readonly Note[]
  /** The colour of a note without its own (the facilitator's kind colours). */
  kinds?: Record<NoteKind, string>
}

export const laneLabelWidth = 116
const pad = 10
const headerHeight = 92
const pillHeight = 28
const pillGap = 6
const actionRows = 3
const actionHeight = 20
const emotionHeight = 150
const painHeight = 68
const opportunityHeight = 58
/** The pills' 12 px semi-bold names average about 6.2 px a character (measured in Chromium with Inter). */
const pillCharWidth = 6.3
/** Room a pill keeps after its name, and between the pill and its count. */
const pillPad = 6
/** Emotion points with fewer ratings than this are drawn faint: a mood from a handful of people. */
export const fewRatings = 30

/** A difference in conversion rate as percentage points: 0.124 → "+12 pts". */
export function liftText(lift: number): string {
  if (!Number.isFinite(lift)) return '–'
  const pts = lift * 100
  const text = Math.abs(pts) < 10 ? pts.toFixed(1).replace(/\.0$/, '') : String(Math.round(pts))
  return `${pts > 0 ? '+' : pts < 0 ? '−' : ''}${text.replace('-', '')} pts`
}

export function layoutMap(map: ObservedMap, opts: MapLayoutOptions): MapLayout {
  const { minColumn = 196, maxPills = 6, notes = [], kinds = defaultKindColours } = opts
  const n = map.stages.length
  const colWidth = n ? Math.max(minColumn, Math.floor((opts.width - laneLabelWidth) / n)) : minColumn
  const inner = colWidth - 2 * pad
  const width = laneLabelWidth + n * colWidth

  const pillRows = Math.max(1, Math.min(maxPills, Math.max(0, ...map.stages.map((s) => s.touchpoints.length))))
  const hasMore = map.stages.some((s) => s.touchpoints.length > maxPills)
  const painRows = Math.max(1, ...map.stages.map((s) => Math.min(3, s.pains.length)))
  const oppRows = Math.max(1, ...map.stages.map((s) => Math.min(3, s.opportunities.length)))
  const grouped = groupNotes(map, notes)
  const notesFrame = { left: laneLabelWidth, right: width, pad, inner }
  const heights: [LaneId, string, number][] = [
    ['stages', 'Stages', headerHeight],
    ['touchpoints', 'Touchpoints', 2 * pad + pillRows * (pillHeight + pillGap) - pillGap + (hasMore ? 18 : 0)],
    ['actions', 'Actions', 2 * pad + actionRows * actionHeight],
    ['emotion', 'Emotion', emotionHeight],
    ['pains', 'Pain points', 2 * pad + painRows * painHeight - 6],
    ['opportunities', 'Opportunities', 2 * pad + oppRows * opportunityHeight - 6],
    ['notes', 'Notes', notesLaneHeight(grouped, notesFrame)],
  ]
  let y = 0
  const lanes: Lane[] = heights.map(([id, label, height]) => {
    const lane = { id, label, y, height }
    y += height
    return lane
  })
  const lane = (id: LaneId) => lanes.find((l) => l.id === id)!

  const columns: Column[] = map.stages.map((s, i) => {
    const x = laneLabelWidth + i * colWidth
    const f = s.friction
    return {
      stage: s,
      x,
      width: colWidth,
      centre: x + colWidth / 2,
      reachedText: `${formatCompact(s.customers)} reached · ${formatPercent(s.reached)}`,
      skippedText: s.skipped > 0 ? `${formatCompact(s.skipped)} skipped it` : 'none skipped it',
      sourcesText: plural(s.sources, 'source'),
      frictionFill: f.enough ? frictionColour(f.score) : null,
      frictionText: f.enough ? `friction ${scoreText(f.score)} (${intervalText(f)})` : 'friction: not enough data',
      title: `${s.name}: ${formatInt(s.customers)} customers reached it (${formatPercent(s.reached)} of ${formatInt(map.customers)}); ${formatInt(s.skipped)} reached a later stage without it\n${cellTitle(f)}`,
    }
  })

  const maxCustomers = Math.max(1, ...map.stages.flatMap((s) => s.touchpoints.slice(0, maxPills).map((t) => t.customers)))
  const pills: Pill[] = []
  const more: MapLayout['more'] = []
  const actions: ActionLine[] = []
  const pains: PainBox[] = []
  const opportunities: OpportunityBox[] = []
  const empty: MapLayout['empty'] = []
  const blank = (id: LaneId, c: Column, text = '—') => empty.push({ key: `${id}:${c.stage.name}`, x: c.centre, y: lane(id).y + lane(id).height / 2, text })

  for (const c of columns) {
    const s = c.stage
    const left = c.x + pad
    const tl = lane('touchpoints')
    s.touchpoints.slice(0, maxPills).forEach((t, k) => {
      const countText = formatCompact(t.customers)
      // The count sits right of the pill, never on its border; the name always inside it (icon, name, pad),
      // so a pill is at least as wide as its name and otherwise sized by customers.
      const maxWidth = inner - countText.length * charWidth - pillPad
      const minWidth = inner * 0.32
      const label = fitLabel(t.touchpoint, maxWidth - 30 - pillPad, pillCharWidth)
      const scaled = minWidth + (maxWidth - minWidth) * (t.customers / maxCustomers)
      pills.push({
        key: `${s.name}:${t.touchpoint}`,
        cell: t.friction,
        x: left,
        y: tl.y + pad + k * (pillHeight + pillGap),
        width: Math.round(Math.min(maxWidth, Math.max(scaled, 30 + label.length * pillCharWidth + pillPad))),
        right: left + inner,
        label,
        countText,
        kind: touchpointKind(t.channels, t.touchpoint),
        fill: t.friction.enough ? frictionColour(t.friction.score) : null,
        opacity: evidenceOpacity(t.friction),
        title: `${t.touchpoint}: ${formatInt(t.customers)} customers (${formatPercent(t.share)} of the stage), ${plural(t.events, 'event')}, ${plural(t.sources, 'source')}${t.channels.length ? `\nChannels: ${t.channels.join(', ')}` : ''}\n${cellTitle(t.friction)}`,
      })
    })
    if (s.touchpoints.length > maxPills) {
      more.push({ key: s.name, x: left, y: tl.y + pad + maxPills * (pillHeight + pillGap) + 8, text: `+${s.touchpoints.length - maxPills} more` })
    }
    if (s.touchpoints.length === 0) blank('touchpoints', c, 'no touchpoints')

    const al = lane('actions')
    s.actions.slice(0, actionRows).forEach((a, k) => {
      const shareText = formatPercent(a.share)
      actions.push({
        key: `${s.name}:${a.label}`,
        x: left,
        y: al.y + pad + k * actionHeight + actionHeight / 2,
        right: left + inner,
        label: fitLabel(a.label, inner - (shareText.length + 2) * charWidth, charWidth),
        shareText,
        title: `${a.label}: ${formatInt(a.customers)} customers (${formatPercent(a.share)})`,
      })
    })
    if (s.actions.length === 0) blank('actions', c)

    const pl = lane('pains')
    s.pains.slice(0, 3).forEach((p, k) => {
      pains.push({
        key: `${s.name}:${p.touchpoint}`,
        cell: p,
        x: left,
        y: pl.y + pad + k * painHeight,
        width: inner,
        name: fitLabel(p.touchpoint || p.stage, inner - 16, 7),
        scoreLine: `friction ${scoreText(p.score)} · interval ${intervalText(p)}`,
        // 11 px Inter averages under 6 px a character.
        mainLine: fitLabel(mainComponent(p), inner - 14, 5.9),
        evidenceLine: fitLabel(`${formatCompact(p.customers)} customers · ${plural(p.sources, 'source')}`, inner - 14, 5.9),
        fill: frictionColour(p.score) ?? '#bdbdbd',
        opacity: evidenceOpacity(p),
        title: cellTitle(p),
      })
    })
    if (s.pains.length === 0) blank('pains', c, 'no pain with enough data')

    const ol = lane('opportunities')
    s.opportunities.slice(0, 3).forEach((o, k) => {
      opportunities.push({
        key: `${s.name}:${o.touchpoint}:${k}`,
        x: left,
        y: ol.y + pad + k * opportunityHeight,
        width: inner,
        lines: wrapText(o.text || o.touchpoint, inner - 16, 2),
        figures: `lift ${liftText(o.lift)} · removal ${formatPercent(o.removalEffect)}`,
        title: `${o.text || o.touchpoint}\nConversion ${liftText(o.lift)} with ${o.touchpoint} than without (matched on stage reached); without it ${formatPercent(o.removalEffect)} of conversions would be lost. ${formatInt(o.customers)} customers.`,
      })
    })
    if (s.opportunities.length === 0) blank('opportunities', c)
  }

  const el = lane('emotion')
  const top = el.y + 18
  const height = el.height - 36
  const emotion = emotionGeometry(
    map.stages.map((s) => s.emotion),
    columns.map((c) => c.centre),
    top,
    height,
  )
  const emotionLabels = map.stages.map((s, i) => {
    const e = s.emotion
    const x = columns[i].centre
    // Above the zero line: the gap's dashed circle sits on the line and would cross the words.
    if (e.score === null) return { key: s.name, x, y: top + height / 2 - 10, text: 'no ratings', faint: true }
    const py = emotion.points.find((p) => p.x === x)!.y
    // Below the point in the upper half, above it in the lower half, so the label stays in the lane.
    const ly = py < top + height / 2 ? py + 20 : py - 12
    return { key: s.name, x, y: ly, text: `${e.score > 0 ? '+' : e.score < 0 ? '−' : ''}${Math.abs(e.score).toFixed(1)} · ${plural(e.ratings, 'rating')}`, faint: e.ratings < fewRatings }
  })

  const notesLane = layoutNotesLane(grouped, { ...notesFrame, y: lane('notes').y, columns: columns.map((c) => ({ stage: c.stage.name, x: c.x })) }, kinds)

  return { width, height: y, labelWidth: laneLabelWidth, columns, lanes, pills, more, actions, emotion, emotionLabels, pains, opportunities, empty, notes: notesLane }
}
