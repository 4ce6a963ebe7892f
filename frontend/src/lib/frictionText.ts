// How friction figures read: the score as 0–100 (easier to say in a room than 0.71), its interval, and
// each component with the evidence behind it. Shared by the journey map and the Friction view.
import { cohort } from '../api/explore'
import type { FrictionCell, FrictionComponents } from '../api/friction'
import type { Cohort, Filter } from '../api/types'
import { formatInt, formatPercent, plural } from './format'

export const notEnoughText = 'Not enough data'

/** 0.714 → "71"; null → "–". */
export function scoreText(score: number | null): string {
  return score === null ? '–' : String(Math.round(score * 100))
}

/** "58–74", or "" without an interval. */
export function intervalText(cell: Pick<FrictionCell, 'low' | 'high'>): string {
  if (cell.low === null || cell.high === null) return ''
  return `${scoreText(cell.low)}–${scoreText(cell.high)}`
}

export interface ComponentRow {
  key: keyof FrictionComponents
  label: string
  /** What the figure means in a few words. */
  hint: string
  value: string
  evidence: string
  /** 0..1 for a small bar, null when there is no evidence. */
  bar: number | null
}

const pct = (v: number | null) => (v === null ? 'no evidence' : formatPercent(v))

/** The components of a cell in reading order, each with its evidence count. */
export function componentRows(cell: FrictionCell): ComponentRow[] {
  const c = cell.components
  const e = cell.evidence
  const clamp = (v: number | null) => (v === null ? null : Math.min(1, Math.max(0, v)))
  return [
    { key: 'exitRate', label: 'Exits', hint: 'journeys that end here without buying', value: pct(c.exitRate), evidence: plural(e.exits, 'exit'), bar: clamp(c.exitRate) },
    { key: 'loopRate', label: 'Loops', hint: 'the same step repeated', value: pct(c.loopRate), evidence: plural(e.loops, 'loop'), bar: clamp(c.loopRate) },
    { key: 'backtrackRate', label: 'Backtracks', hint: 'back to an earlier stage', value: pct(c.backtrackRate), evidence: plural(e.backtracks, 'backtrack'), bar: clamp(c.backtrackRate) },
    { key: 'stallRatio', label: 'Stall', hint: 'steps more than twice as slow as the same step usually is', value: pct(c.stallRatio), evidence: plural(e.steps, 'step'), bar: clamp(c.stallRatio) },
    { key: 'supportRate', label: 'Support contacts', hint: 'customers contacting support soon after', value: pct(c.supportRate), evidence: plural(e.support, 'contact'), bar: clamp(c.supportRate) },
    {
      key: 'meanRating',
      label: 'Mean rating',
      hint: 'on the rating’s own scale, 0 = worst, 1 = best',
      value: c.meanRating === null ? 'no ratings' : `${c.meanRating.toFixed(2)} of 1`,
      evidence: plural(e.ratings, 'rating'),
      bar: c.meanRating === null ? null : clamp(1 - c.meanRating),
    },
    { key: 'lowRatingShare', label: 'Low ratings', hint: 'share of ratings at or below the low mark', value: pct(c.lowRatingShare), evidence: plural(e.ratings, 'rating'), bar: clamp(c.lowRatingShare) },
    {
      key: 'effort',
      label: 'Effort',
      hint: 'touches to reach the next stage: how far the average customer needs more than the typical one (1 − median/mean)',
      value: pct(c.effort),
      evidence: plural(e.steps, 'step'),
      bar: clamp(c.effort),
    },
  ]
}

/** The strongest component of a cell, for a one-line summary: "exits 34 %". */
export function mainComponent(cell: FrictionCell): string {
  const rows = componentRows(cell).filter((r) => r.bar !== null)
  if (rows.length === 0) return ''
  const top = rows.reduce((a, b) => ((b.bar ?? 0) > (a.bar ?? 0) ? b : a))
  return `${top.label.toLowerCase()} ${top.value}`
}

/** The name of what a cell measures: its touchpoint, or its stage. */
export const cellName = (cell: FrictionCell) => cell.touchpoint || cell.stage

/** A plain-text summary for hover titles: score, interval and evidence; the reason when there is no score. */
export function cellTitle(cell: FrictionCell, minCustomers?: number): string {
  const who = `${formatInt(cell.customers)} customers · ${plural(cell.events, 'event')} · ${plural(cell.sources, 'source')}`
  if (!cell.enough) {
    const need = minCustomers ? ` (needs ${formatInt(minCustomers)})` : ''
    return `${cellName(cell)}: ${notEnoughText.toLowerCase()} — ${formatInt(cell.customers)} customers${need}`
  }
  const main = mainComponent(cell)
  return `${cellName(cell)}: friction ${scoreText(cell.score)} (95 % interval ${intervalText(cell)})${main ? ` · ${main}` : ''}\n${who}`
}

/** The customers behind a cell (notes/api6.md): its touchpoint as a node, or its stage. */
export function cellCohort(cell: FrictionCell): Cohort {
  return cell.touchpoint ? cohort('node', { level: 'touchpoint', node: cell.touchpoint }) : cohort('stage', { node: cell.stage })
}

/** The filter for a cell's customers: a persona cell keeps only that persona, an all-customers cell the filter as it is. */
export function cellFilter(filter: Filter, cell: FrictionCell): Filter {
  return cell.persona ? { ...filter, personas: [cell.persona] } : filter
}
