// Typed call to the bound Maps struct (notes/api6.md): the observed journey map. Go turns NaN into null.
import { nanIfNull, normaliseCell, type FrictionCell } from './friction'
import { call } from './transport'
import type { Filter } from './types'

export interface MapTouchpoint {
  touchpoint: string
  channels: string[]
  customers: number
  events: number
  /** Share of the stage's customers who used it, 0..1. */
  share: number
  sources: number
  friction: FrictionCell
}

export interface MapAction {
  /** "A → B", "moved on to <next>", "left without buying". */
  label: string
  customers: number
  share: number
}

export interface MapEmotion {
  /** −2…+2, null when the stage has no ratings or sentiment. */
  score: number | null
  /** Mean normalised rating 0..1. */
  mean: number | null
  lowShare: number | null
  ratings: number
  customers: number
  /** Interval of score. */
  low: number | null
  high: number | null
}

/** lift and removalEffect are NaN when Go could not compute them (null on the wire). */
export interface MapOpportunity {
  touchpoint: string
  text: string
  lift: number
  removalEffect: number
  customers: number
}

export interface MapStage {
  name: string
  customers: number
  /** Share of all customers who reached it, 0..1. */
  reached: number
  /** Customers who reached a later stage without passing this one. */
  skipped: number
  sources: number
  friction: FrictionCell
  /** By customers, most first. */
  touchpoints: MapTouchpoint[]
  actions: MapAction[]
  emotion: MapEmotion
  /** The highest-friction touchpoint cells with enough data, at most 3. */
  pains: FrictionCell[]
  opportunities: MapOpportunity[]
}

export interface ObservedMap {
  stages: MapStage[]
  customers: number
  converted: number
  goal: string[]
}

const num = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : null)

function normaliseStage(s: Partial<MapStage>): MapStage {
  const e: Partial<MapEmotion> = s.emotion ?? {}
  return {
    name: s.name ?? '',
    customers: s.customers ?? 0,
    reached: s.reached ?? 0,
    skipped: s.skipped ?? 0,
    sources: s.sources ?? 0,
    friction: normaliseCell(s.friction),
    touchpoints: (s.touchpoints ?? []).map((t) => ({ ...t, channels: t.channels ?? [], friction: normaliseCell(t.friction) })),
    actions: s.actions ?? [],
    emotion: {
      score: num(e.score),
      mean: num(e.mean),
      lowShare: num(e.lowShare),
      ratings: e.ratings ?? 0,
      customers: e.customers ?? 0,
      low: num(e.low),
      high: num(e.high),
    },
    pains: (s.pains ?? []).map(normaliseCell),
    opportunities: (s.opportunities ?? []).map((o) => ({ ...o, lift: nanIfNull(o.lift), removalEffect: nanIfNull(o.removalEffect) })),
  }
}

/** Every list present and every missing figure null, so the map needs no guards. */
export function normaliseMap(m: Partial<ObservedMap> | null | undefined): ObservedMap {
  return {
    stages: (m?.stages ?? []).map(normaliseStage),
    customers: m?.customers ?? 0,
    converted: m?.converted ?? 0,
    goal: m?.goal ?? [],
  }
}

/** Typed calls to the bound Maps struct. */
export const maps = {
  observed: async (filter: Filter) => normaliseMap(await call<Partial<ObservedMap>>('Maps', 'Observed', filter)),
}
