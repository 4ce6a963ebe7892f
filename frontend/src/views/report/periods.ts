// Pure helpers of the "Compare periods" tab: the default two periods, changes in points, and the
// diverging colours that say which way a figure moved without relying on red against green.
import type { Period, PeriodChange } from '../../api/views'

const dayMs = 86_400_000

function day(rfc3339: string): number | null {
  const t = Date.parse(rfc3339.length === 10 ? `${rfc3339}T00:00:00Z` : rfc3339)
  return Number.isFinite(t) ? Math.floor(t / dayMs) : null
}

const iso = (d: number) => new Date(d * dayMs).toISOString().slice(0, 10)

/**
 * The workspace's date range cut in two halves of whole days (YYYY-MM-DD): the first half ends the day
 * before the second begins, so no day is counted twice. A range of one day gives that day twice; no
 * range gives two open periods.
 */
export function halves(from: string, to: string): [Period, Period] {
  const a = day(from)
  const b = day(to)
  if (a === null || b === null || b < a) return [{ from: '', to: '' }, { from: '', to: '' }]
  if (a === b) return [{ from: iso(a), to: iso(a) }, { from: iso(a), to: iso(a) }]
  const mid = a + Math.floor((b - a) / 2)
  return [{ from: iso(a), to: iso(mid) }, { from: iso(mid + 1), to: iso(b) }]
}

/** The bounds Go reads: a "to" day keeps the whole day (its last microsecond). */
export function periodBounds(p: Period): Period {
  const whole = (d: string, end: 'from' | 'to') =>
    /^\d{4}-\d{2}-\d{2}$/.test(d) ? (end === 'from' ? `${d}T00:00:00Z` : `${d}T23:59:59.999999Z`) : d
  return { from: whole(p.from, 'from'), to: whole(p.to, 'to') }
}

/** "" when the period is usable, else what is wrong with it. */
export function periodProblem(p: Period, name: string): string {
  if (!p.from || !p.to) return `${name} needs a start and an end day.`
  if (p.from > p.to) return `${name} ends before it starts: swap its days.`
  return ''
}

const minus = '\u2212'

/** A change of a 0..1 figure in percentage points: 0.032 → "+3.2 pts", −0.004 → "−0.4 pts", null → "–". */
export function pointsText(delta: number | null): string {
  if (delta === null || !Number.isFinite(delta)) return '–'
  const pts = Math.round(delta * 1000) / 10
  if (pts === 0) return '±0 pts'
  return `${pts > 0 ? '+' : minus}${Math.abs(pts).toFixed(1)} pts`
}

/** A 0..1 figure as a percentage with one decimal: 0.4125 → "41.3 %"; null → "–". */
export function shareText(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '–'
  return `${(Math.round(v * 1000) / 10).toFixed(1)} %`
}

// PuOr (ColorBrewer), colour-blind safe: purple for a rise, orange for a fall, grey for no change. The
// arrow glyph beside it carries the direction too, so the colour is never the only difference.
const rise = ['#d8daeb', '#b2abd2', '#8073ac', '#542788']
const fall = ['#fee0b6', '#fdb863', '#e08214', '#b35806']
export const neutralColour = '#e0e0e0'

/** The diverging colour of a change: the stronger, the larger |delta| is against scale (the largest change). */
export function changeColour(delta: number | null, scale: number): string {
  if (delta === null || !Number.isFinite(delta) || delta === 0 || !(scale > 0)) return neutralColour
  const k = Math.min(3, Math.floor((Math.abs(delta) / scale) * 4))
  return delta > 0 ? rise[k] : fall[k]
}

/** Dark text on the light steps, white on the two darkest. */
export function changeInk(delta: number | null, scale: number): string {
  const c = changeColour(delta, scale)
  return c === rise[2] || c === rise[3] || c === fall[3] ? '#ffffff' : '#1f2328'
}

/** ▲ for a rise, ▼ for a fall, = for none. */
export function arrow(delta: number | null): string {
  if (delta === null || !Number.isFinite(delta) || Math.round(delta * 1000) === 0) return '='
  return delta > 0 ? '▲' : '▼'
}

/** The largest |delta| among changes (the colour scale's end), 0 when none has one. */
export function largestChange(changes: readonly PeriodChange[]): number {
  return changes.reduce((m, c) => (c.delta !== null && Number.isFinite(c.delta) ? Math.max(m, Math.abs(c.delta)) : m), 0)
}

const kindNames: Record<string, string> = { path: 'Path', friction: 'Friction', persona: 'Persona' }

/** "Path", "Friction", "Persona" for the kinds Go sends, the kind itself otherwise. */
export function kindName(kind: string): string {
  return kindNames[kind] ?? (kind ? kind[0].toUpperCase() + kind.slice(1) : '')
}

/** The rows of one change table as CSV cells (shares as 0..1 numbers, so a spreadsheet can compute). */
export function changesTable(changes: readonly PeriodChange[]): (string | number | boolean | null)[][] {
  return [
    ['kind', 'label', 'before', 'after', 'delta', 'customers before', 'customers after', 'enough data'],
    ...changes.map((c) => [c.kind, c.label, c.before, c.after, c.delta, c.customersBefore, c.customersAfter, c.enough]),
  ]
}
