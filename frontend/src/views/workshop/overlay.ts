// The comparison drawn as the assumed map's columns: per stage its conformance figures, its touchpoints
// in the expected order with observed against expected share, the unplanned touchpoints seen there, and
// whether most customers first leave the path here. Pure, so the numbers on the wall are tested.
import type { Comparison, Departure, StageConformance, TouchpointConformance, UnplannedTouchpoint } from '../../api/workshop'
import { formatInt, formatPercent, plural } from '../../lib/format'

/** Observed and expected shares closer than this read as "as assumed" (Go's ShareGapMin). */
export const shareGapMin = 0.1

export type ShareVerdict = 'as assumed' | 'below' | 'above' | 'not stated' | 'not in data'

export interface OverlayTouchpoint {
  /** 1-based position in the whole map's expected order. */
  position: number
  touchpoint: string
  optional: boolean
  observed: boolean
  customers: number
  reached: number
  share: number | null
  expectedShare: number
  /** share − expectedShare; null when no share is stated or nobody reached the stage. */
  delta: number | null
  verdict: ShareVerdict
  /** Used it in the assumed order: customers − outOfOrder. */
  inOrder: number
  skipped: number
  outOfOrder: number
  loops: number
}

export interface OverlayStage {
  stage: string
  figures: StageConformance
  /** followed / reached, null when nobody reached it. */
  followedShare: number | null
  touchpoints: OverlayTouchpoint[]
  unplanned: UnplannedTouchpoint[]
  /** The biggest first departure, when it happened at this stage. */
  firstExit: Departure | null
}

export interface Overlay {
  stages: OverlayStage[]
  /** Unplanned touchpoints used before the first planned step. */
  beforePath: UnplannedTouchpoint[]
  /** The departure with the most customers (Go sorts them), or null. */
  topDeparture: Departure | null
}

export function shareVerdict(t: Pick<TouchpointConformance, 'observed' | 'share' | 'expectedShare' | 'reached'>): ShareVerdict {
  if (!t.observed) return 'not in data'
  if (!t.expectedShare || t.share === null || t.reached === 0) return 'not stated'
  const d = t.share - t.expectedShare
  if (Math.abs(d) < shareGapMin - 1e-9) return 'as assumed'
  return d < 0 ? 'below' : 'above'
}

const ratio = (n: number, d: number) => (d > 0 ? n / d : null)

export function buildOverlay(c: Comparison): Overlay {
  const top = c.departures[0] ?? null
  const stageNames = c.stages.map((s) => s.stage)
  const stages = c.stages.map((figures, si): OverlayStage => ({
    stage: figures.stage,
    figures,
    followedShare: ratio(figures.followed, figures.reached),
    touchpoints: [],
    unplanned: c.unplanned.filter((u) => u.stage === figures.stage),
    firstExit: top && top.after !== '' && top.stage === figures.stage ? top : top && top.after === '' && si === 0 ? top : null,
  }))
  c.touchpoints.forEach((t, i) => {
    const col = stages[stageNames.indexOf(t.stage)]
    if (!col) return
    const stated = t.expectedShare > 0 && t.share !== null && t.reached > 0
    col.touchpoints.push({
      position: i + 1,
      touchpoint: t.touchpoint,
      optional: t.optional,
      observed: t.observed,
      customers: t.customers,
      reached: t.reached,
      share: t.share,
      expectedShare: t.expectedShare,
      delta: stated ? (t.share as number) - t.expectedShare : null,
      verdict: shareVerdict(t),
      inOrder: Math.max(0, t.customers - t.outOfOrder),
      skipped: t.skipped,
      outOfOrder: t.outOfOrder,
      loops: t.loops,
    })
  })
  return { stages, beforePath: c.unplanned.filter((u) => !u.stage || !stageNames.includes(u.stage)), topDeparture: top }
}

/** "27 % follow the assumed path end to end (1,350 of 5,000 customers)". */
export function followedText(c: Comparison): string {
  if (c.customers === 0) return 'No customers in the filter: widen it to compare.'
  return `${formatPercent(c.followedShare ?? 0)} follow the assumed path end to end (${formatInt(c.followed)} of ${plural(c.customers, 'customer')})`
}

/** Where the most customers first leave the path, as a sentence. */
export function departureText(d: Departure): string {
  const who0 = plural(d.customers, 'customer')
  if (!d.after && d.to) {
    // They never took the first planned step: say where they started instead of "after nothing".
    if (d.kind === 'unplanned') return `${who0} start off the path, at ${d.to}`
    if (d.kind === 'skip') return `${who0} start at ${d.to}, skipping the steps the map puts before it`
    if (d.kind === 'out of order') return `${who0} start at ${d.to}, out of the assumed order`
  }
  const after = d.after ? `after ${d.after} (${d.stage})` : 'before the first planned step'
  const who = plural(d.customers, 'customer')
  switch (d.kind) {
    case 'ended':
      return d.after ? `${who} stop ${after}` : `${who} never reach the first planned step`
    case 'unplanned':
      return `${who} leave the path ${after} for ${d.to}, which the map does not plan for`
    case 'out of order':
      return `${who} go ${after} to ${d.to}, out of the assumed order`
    case 'skip':
      return `${who} jump ${after} to ${d.to}, skipping required steps`
    default:
      return `${who} leave the path ${after}${d.to ? ` for ${d.to}` : ''}`
  }
}

/** Short labels for gap kinds, as badges in the gap list. */
export const gapKindLabel: Record<string, string> = {
  'stage skipped': 'Stage skipped',
  skipped: 'Skipped',
  'out of order': 'Out of order',
  loop: 'Loop',
  unplanned: 'Unplanned',
  left: 'Left the path',
  'share below': 'Fewer than expected',
  'share above': 'More than expected',
  'not in data': 'Not in the data',
}

/** "41 % vs 60 % expected", "41 %" (not stated), "not in the data". */
export function shareText(t: OverlayTouchpoint): string {
  if (!t.observed) return 'not in the data'
  const seen = t.share === null ? '–' : formatPercent(t.share)
  return t.expectedShare > 0 ? `${seen} vs ${formatPercent(t.expectedShare)} expected` : seen
}

/** The gap list as a CSV table. */
export function gapTable(c: Comparison): (string | number)[][] {
  return [['Customers', 'Kind', 'Stage', 'Touchpoint', 'What happened'], ...c.gaps.map((g) => [g.customers, gapKindLabel[g.kind] ?? g.kind, g.stage, g.touchpoint, g.text])]
}
