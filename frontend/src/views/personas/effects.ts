// Layout for a persona's distinguishing features as diverging bars: effect size left (lower than the
// rest) or right (higher) of a centre line, strongest first. Pure; EffectBars draws it.
import type { Distinguishing } from '../../api/personas'
import { formatMean } from './means'

export interface EffectRow {
  feature: string
  label: string
  effect: number
  /** Bar start and width in pixels, on the side its sign says. */
  x: number
  w: number
  direction: 'higher' | 'lower'
  /** "+1.8" / "−0.9": the sign in text, so the bars do not rely on colour. */
  valueLabel: string
  title: string
}

export interface EffectLayout {
  rows: EffectRow[]
  /** x of the centre line. */
  centre: number
  /** Effect size the half-width stands for (at least 1). */
  domain: number
  width: number
}

export function formatEffect(e: number): string {
  if (!Number.isFinite(e)) return '–'
  const v = Math.abs(e).toFixed(1)
  return e > 0 ? `+${v}` : e < 0 ? `−${v}` : '0.0'
}

export function layoutEffects(items: readonly Distinguishing[], opts: { width: number; limit?: number }): EffectLayout {
  const { width, limit = 5 } = opts
  const kept = items
    .filter((d) => Number.isFinite(d.effectSize))
    .sort((a, b) => Math.abs(b.effectSize) - Math.abs(a.effectSize) || a.label.localeCompare(b.label))
    .slice(0, limit)
  // Half a unit at a time, never below 1, so a weak effect looks weak rather than filling the bar.
  const domain = Math.max(1, Math.ceil(Math.max(0, ...kept.map((d) => Math.abs(d.effectSize))) * 2) / 2)
  const centre = width / 2
  const rows = kept.map((d) => {
    const w = Math.round((Math.abs(d.effectSize) / domain) * centre * 10) / 10
    const direction: EffectRow['direction'] = d.effectSize < 0 ? 'lower' : 'higher'
    return {
      feature: d.feature,
      label: d.label || d.feature,
      effect: d.effectSize,
      x: direction === 'lower' ? Math.round((centre - w) * 10) / 10 : centre,
      w,
      direction,
      valueLabel: formatEffect(d.effectSize),
      title: `${d.label || d.feature}: ${formatMean(d.personaMean)} in this persona, ${formatMean(d.restMean)} in the rest (effect ${formatEffect(d.effectSize)})`,
    }
  })
  return { rows, centre, domain, width }
}
