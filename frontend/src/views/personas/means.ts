// Raw feature means come in every unit (shares 0..1, counts, days, money): three significant figures
// read well for all of them.
import { formatCompact } from '../../lib/format'

/** 0.523 → "0.52", 14.21 → "14.2", 182.5 → "183", 12400 → "12.4k", NaN → "–". */
export function formatMean(v: number): string {
  if (!Number.isFinite(v)) return '–'
  const a = Math.abs(v)
  if (a >= 1000) return formatCompact(v)
  if (a >= 100) return String(Math.round(v))
  if (a >= 10) return v.toFixed(1)
  if (a === 0) return '0'
  return v.toFixed(2)
}
