// Typed calls to the bound Friction struct (notes/api6.md) and the DTOs it sends. Go turns NaN into null,
// so every figure that can be missing is `number | null` here; normaliseCell fills in lists Go may omit.
import { call } from './transport'
import type { Filter } from './types'

export interface FrictionWeights {
  exit: number
  loop: number
  stall: number
  support: number
  sentiment: number
  effort: number
}

export interface FrictionSettings {
  weights: FrictionWeights
  /** Below this many customers a cell is "not enough data". */
  minCustomers: number
  supportWindowHours: number
  /** 0..1 on the normalised rating scale: at or below it a rating counts as low. */
  lowRating: number
}

/** Each 0..1 (stallRatio and effort are ratios/counts), null when there is no evidence for it. */
export interface FrictionComponents {
  exitRate: number | null
  loopRate: number | null
  backtrackRate: number | null
  stallRatio: number | null
  supportRate: number | null
  meanRating: number | null
  lowRatingShare: number | null
  effort: number | null
}

export interface FrictionEvidence {
  exits: number
  loops: number
  backtracks: number
  steps: number
  support: number
  ratings: number
}

export interface FrictionCell {
  /** "" for a stage cell. */
  touchpoint: string
  stage: string
  /** "" for all customers, else a persona id. */
  persona: string
  /** 0..1, null when there is not enough data. */
  score: number | null
  low: number | null
  high: number | null
  enough: boolean
  customers: number
  events: number
  sources: number
  components: FrictionComponents
  evidence: FrictionEvidence
}

/** Rates Go cannot compute arrive as null and are NaN here (formatted as "–"). */
export interface Moment {
  touchpoint: string
  stage: string
  with: number
  without: number
  convWith: number
  convWithout: number
  /** convWith − convWithout, matched on stage reached. */
  lift: number
  /** 0..1 share of conversions lost without the touchpoint (first-order Markov). */
  removalEffect: number
}

export interface WastedTouchpoint {
  touchpoint: string
  channel: string
  touches: number
  customers: number
}

export interface Waste {
  touches: number
  customers: number
  touchpoints: WastedTouchpoint[]
}

export interface FrictionOverview {
  /** Worst first; cells without enough data after, by customers. */
  touchpoints: FrictionCell[]
  stages: FrictionCell[]
  moments: Moment[]
  wasted: Waste
  settings: FrictionSettings
  customers: number
}

export type HeatmapRows = 'stage' | 'touchpoint'

export interface HeatmapColumn {
  /** Persona id; "" = all customers. */
  id: string
  name: string
  color: string
  customers: number
}

export interface Heatmap {
  rows: { name: string; stage: string }[]
  columns: HeatmapColumn[]
  /** cells[row][column]. */
  cells: FrictionCell[][]
  settings: FrictionSettings
}

const emptyComponents: FrictionComponents = {
  exitRate: null,
  loopRate: null,
  backtrackRate: null,
  stallRatio: null,
  supportRate: null,
  meanRating: null,
  lowRatingShare: null,
  effort: null,
}
const emptyEvidence: FrictionEvidence = { exits: 0, loops: 0, backtracks: 0, steps: 0, support: 0, ratings: 0 }

/** A cell with every field present: a missing number is null, missing counts are 0. */
export function normaliseCell(c: Partial<FrictionCell> | null | undefined): FrictionCell {
  const num = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : null)
  return {
    touchpoint: c?.touchpoint ?? '',
    stage: c?.stage ?? '',
    persona: c?.persona ?? '',
    score: num(c?.score),
    low: num(c?.low),
    high: num(c?.high),
    enough: (c?.enough ?? false) && num(c?.score) !== null,
    customers: c?.customers ?? 0,
    events: c?.events ?? 0,
    sources: c?.sources ?? 0,
    components: { ...emptyComponents, ...(c?.components ?? {}) },
    evidence: { ...emptyEvidence, ...(c?.evidence ?? {}) },
  }
}

/** Go sends null for a rate it cannot compute; NaN keeps the type a number and formats as "–". */
export const nanIfNull = (v: number | null | undefined): number => (typeof v === 'number' ? v : Number.NaN)

function normaliseMoment(m: Moment): Moment {
  return { ...m, convWith: nanIfNull(m.convWith), convWithout: nanIfNull(m.convWithout), lift: nanIfNull(m.lift), removalEffect: nanIfNull(m.removalEffect) }
}

function normaliseOverview(o: Partial<FrictionOverview>): FrictionOverview {
  return {
    touchpoints: (o.touchpoints ?? []).map(normaliseCell),
    stages: (o.stages ?? []).map(normaliseCell),
    moments: (o.moments ?? []).map(normaliseMoment),
    wasted: { touches: o.wasted?.touches ?? 0, customers: o.wasted?.customers ?? 0, touchpoints: o.wasted?.touchpoints ?? [] },
    settings: o.settings as FrictionSettings,
    customers: o.customers ?? 0,
  }
}

function normaliseHeatmap(h: Partial<Heatmap>): Heatmap {
  return {
    rows: h.rows ?? [],
    columns: h.columns ?? [],
    cells: (h.cells ?? []).map((row) => (row ?? []).map(normaliseCell)),
    settings: h.settings as FrictionSettings,
  }
}

const fr = <T>(method: string, ...args: unknown[]) => call<T>('Friction', method, ...args)

/** Typed calls to the bound Friction struct. */
export const friction = {
  settings: () => fr<FrictionSettings>('Settings'),
  /** Rejects with Go's validation text (negative or all-zero weights, …). */
  setSettings: (s: FrictionSettings) => fr<FrictionSettings>('SetSettings', s),
  /** Stores Go's documented defaults (friction.DefaultSettings) and returns them. */
  resetSettings: () => fr<FrictionSettings>('ResetSettings'),
  overview: async (filter: Filter) => normaliseOverview((await fr<Partial<FrictionOverview>>('Overview', filter)) ?? {}),
  heatmap: async (filter: Filter, rows: HeatmapRows) => normaliseHeatmap((await fr<Partial<Heatmap>>('Heatmap', filter, rows)) ?? {}),
}
