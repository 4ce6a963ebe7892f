// The comparison's feature table: one row per feature with each persona's raw mean, and the rows where
// the personas differ most marked. Means come in different units, so "difference" is relative: the
// spread between the highest and lowest mean over the larger of their magnitudes (0 = identical,
// 1 = one of them is zero, up to 2 when the signs differ).
import type { PersonaComparison } from '../../api/personas'
import { formatMean } from './means'

export interface CompareCell {
  text: string
  /** The highest and lowest mean of the row (only on rows with a spread). */
  high: boolean
  low: boolean
}

export interface CompareRow {
  feature: string
  label: string
  cells: CompareCell[]
  spread: number
  /** Among the largest differences. */
  marked: boolean
}

/** Relative spread of a row's means; 0 for fewer than two finite values or all (near) zero. */
export function relativeSpread(values: readonly number[]): number {
  const v = values.filter(Number.isFinite)
  if (v.length < 2) return 0
  const hi = Math.max(...v)
  const lo = Math.min(...v)
  const mag = Math.max(Math.abs(hi), Math.abs(lo))
  return mag < 1e-12 ? 0 : (hi - lo) / mag
}

export interface CompareOptions {
  /** How many rows to mark as the largest differences; by default a third of them, at most 5. */
  marks?: number
  /** Largest differences first; otherwise Go's order. */
  byDifference?: boolean
}

export function compareRows(c: PersonaComparison, opts: CompareOptions = {}): CompareRow[] {
  const { marks = Math.min(5, Math.ceil(c.features.length / 3)), byDifference = true } = opts
  const rows = c.features.map((f) => {
    const spread = relativeSpread(f.values)
    const finite = f.values.filter(Number.isFinite)
    const hi = Math.max(...finite)
    const lo = Math.min(...finite)
    return {
      feature: f.feature,
      label: f.label || f.feature,
      cells: c.personas.map((_, i) => {
        const v = f.values[i]
        const ok = spread > 0 && Number.isFinite(v)
        return { text: formatMean(v), high: ok && v === hi, low: ok && v === lo }
      }),
      spread,
      marked: false,
    }
  })
  const ranked = rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.spread > 0)
    .sort((a, b) => b.r.spread - a.r.spread || a.i - b.i)
  for (const { r } of ranked.slice(0, marks)) r.marked = true
  return byDifference ? [...ranked.map(({ r }) => r), ...rows.filter((r) => r.spread === 0)] : rows
}
