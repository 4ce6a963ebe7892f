// Rows of the funnel chart: bar lengths relative to the customers who entered the first step, with the
// figures a reader needs beside each bar. Pure, so FunnelChart.svelte only draws.
import type { Funnel } from '../api/types'
import { formatCompact, formatDuration, formatInt, formatPercent } from '../lib/format'

export interface FunnelRow {
  index: number
  label: string
  touchpoints: string
  optional: boolean
  reached: number
  reachedLabel: string
  /** 0..1 of the first step's entrants: the bar's length. */
  bar: number
  fromPrev: string
  fromStart: string
  /** Median time from the previous step; "" for the first step. */
  time: string
  dropped: number
  droppedLabel: string
  /** Where the dropped customers went next, biggest first, at most `nextLimit`. */
  next: { touchpoint: string; customers: number; label: string; share: string }[]
  /** Customers in the droppedTo entries beyond the limit. */
  nextRest: number
  title: string
}

export function funnelRows(f: Funnel, nextLimit = 3): FunnelRow[] {
  const base = f.steps[0]?.entered || f.customers
  return f.steps.map((s, i) => {
    const next = [...s.droppedTo].sort((a, b) => b.customers - a.customers || a.touchpoint.localeCompare(b.touchpoint))
    const shown = next.slice(0, nextLimit)
    return {
      index: i,
      label: s.label || `Step ${i + 1}`,
      touchpoints: s.touchpoints.join(' or '),
      optional: s.optional,
      reached: s.reached,
      reachedLabel: formatCompact(s.reached),
      bar: base ? Math.min(1, s.reached / base) : 0,
      fromPrev: formatPercent(s.conversionFromPrev),
      fromStart: formatPercent(s.conversionFromStart),
      time: i === 0 ? '' : formatDuration(s.medianSecondsFromPrev),
      dropped: s.dropped,
      droppedLabel: formatCompact(s.dropped),
      next: shown.map((d) => ({
        touchpoint: d.touchpoint,
        customers: d.customers,
        label: d.touchpoint === '(left)' ? 'left' : d.touchpoint,
        share: s.dropped ? formatPercent(d.customers / s.dropped) : '',
      })),
      nextRest: next.slice(nextLimit).reduce((sum, d) => sum + d.customers, 0),
      // The step before is what conversionFromPrev divides by; the first step is measured on who entered.
      title: i === 0
        ? `${s.label}: ${formatInt(s.reached)} of ${formatInt(f.customers)} who entered (${formatPercent(s.conversionFromStart)})`
        : `${s.label}: ${formatInt(s.reached)} of ${formatInt(f.steps[i - 1].reached)} who reached ${f.steps[i - 1].label || `step ${i}`} (${formatPercent(s.conversionFromPrev)}); ${formatPercent(s.conversionFromStart)} of those who started`,
    }
  })
}
