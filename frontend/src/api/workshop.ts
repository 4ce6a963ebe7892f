// Typed calls to the bound Workshop struct (notes/api7-app.md): assumed maps, the comparison of the data
// with one of them, the customers behind a gap and assumed personas against the discovered ones. The
// JSON shapes follow internal/maps (assumed.go, conform.go, personas_assumed.go). Go turns NaN into null;
// normaliseComparison fills in lists Go may omit so views need no guards.
import { call } from './transport'
import type { CustomerPage, CustomerQuery, Filter } from './types'

export type ExpectationLevel = 'high' | 'low'

export interface Expectation {
  /** A persona feature name, e.g. "channel.email", "support", "orders". */
  feature: string
  level: ExpectationLevel
}

export interface AssumedPersona {
  name: string
  description?: string
  expect?: Expectation[]
}

export interface AssumedTouchpoint {
  touchpoint: string
  /** 0..1; 0 or absent = not stated. */
  expectedShare?: number
}

export interface AssumedStage {
  name: string
  /** In the expected order. */
  touchpoints: AssumedTouchpoint[]
}

/** A map the workshop believes in. kind: "current", "future" or free text; persona "" = all customers. */
export interface Assumed {
  id: string
  name: string
  kind?: string
  persona?: string
  stages: AssumedStage[]
  personas?: AssumedPersona[]
  /** RFC 3339, set by Go when saved. */
  updated?: string
}

/** How forgiving "follows the map end to end" is. */
export interface Tolerance {
  /** Unplanned touches allowed before a journey stops following. */
  extraTouches: number
  /** Required steps that may be skipped. */
  allowSkips: number
}

export interface StageConformance {
  stage: string
  reached: number
  entered: number
  followed: number
  skipped: number
  outOfOrder: number
  loops: number
  unplanned: number
  left: number
}

export interface TouchpointConformance {
  touchpoint: string
  stage: string
  observed: boolean
  optional: boolean
  customers: number
  events: number
  reached: number
  /** customers / reached, 0..1 (null when Go sent NaN). */
  share: number | null
  /** As assumed, 0 = not stated. */
  expectedShare: number
  skipped: number
  outOfOrder: number
  loops: number
}

export interface UnplannedTouchpoint {
  touchpoint: string
  /** The assumed stage most of its events happened at; "" = before the path. */
  stage: string
  modelStage: string
  customers: number
  events: number
}

export type DepartureKind = 'unplanned' | 'out of order' | 'skip' | 'ended'

export interface Departure {
  kind: DepartureKind | string
  /** The furthest planned step reached before leaving; "" = before the first. */
  after: string
  stage: string
  /** The touchpoint they went to; "" when the journey ended. */
  to: string
  customers: number
  share: number | null
}

export type GapKind =
  | 'stage skipped'
  | 'skipped'
  | 'out of order'
  | 'loop'
  | 'unplanned'
  | 'left'
  | 'share below'
  | 'share above'
  | 'not in data'

export interface Gap {
  /** Position in the comparison's gaps: what GapCustomers takes. */
  index: number
  kind: GapKind | string
  stage: string
  touchpoint: string
  customers: number
  text: string
}

export interface Comparison {
  mapId: string
  mapName: string
  tolerance: Tolerance
  customers: number
  followed: number
  followedShare: number | null
  reachedEnd: number
  offPath: number
  stages: StageConformance[]
  touchpoints: TouchpointConformance[]
  unplanned: UnplannedTouchpoint[]
  departures: Departure[]
  gaps: Gap[]
}

export interface ExpectationFact {
  feature: string
  level: ExpectationLevel | string
  effect: number | null
  known: boolean
  score: number | null
}

export interface PersonaMatch {
  /** The assumed persona's name. */
  assumed: string
  /** The discovered persona's id; "" when there are none. */
  discovered: string
  name: string
  /** −1..1 (0..1 when compared by name). */
  similarity: number | null
  matched: boolean
  evidence: ExpectationFact[]
}

export interface PersonaMatches {
  matches: PersonaMatch[]
  unassumed: { id: string; name: string }[]
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

/** Every list present, NaN figures null, gaps indexed by position when Go left the index out. */
export function normaliseComparison(c: Partial<Comparison> | null | undefined): Comparison {
  return {
    mapId: c?.mapId ?? '',
    mapName: c?.mapName ?? '',
    tolerance: c?.tolerance ?? { extraTouches: 0, allowSkips: 0 },
    customers: c?.customers ?? 0,
    followed: c?.followed ?? 0,
    followedShare: num(c?.followedShare),
    reachedEnd: c?.reachedEnd ?? 0,
    offPath: c?.offPath ?? 0,
    stages: c?.stages ?? [],
    touchpoints: (c?.touchpoints ?? []).map((t) => ({ ...t, share: num(t.share), expectedShare: num(t.expectedShare) ?? 0 })),
    unplanned: c?.unplanned ?? [],
    departures: (c?.departures ?? []).map((d) => ({ ...d, share: num(d.share) })),
    gaps: (c?.gaps ?? []).map((g, i) => ({ ...g, index: typeof g.index === 'number' ? g.index : i })),
  }
}

/** Every list of a map present, so the editor can push into them. */
export function normaliseAssumed(a: Partial<Assumed> | null | undefined): Assumed {
  return {
    ...a,
    id: a?.id ?? '',
    name: a?.name ?? '',
    kind: a?.kind ?? '',
    persona: a?.persona ?? '',
    stages: (a?.stages ?? []).map((s) => ({ name: s.name ?? '', touchpoints: (s.touchpoints ?? []).map((t) => ({ touchpoint: t.touchpoint ?? '', expectedShare: t.expectedShare ?? 0 })) })),
    personas: (a?.personas ?? []).map((p) => ({ name: p.name ?? '', description: p.description ?? '', expect: p.expect ?? [] })),
  }
}

export function normaliseMatches(m: Partial<PersonaMatches> | null | undefined): PersonaMatches {
  return {
    matches: (m?.matches ?? []).map((x) => ({
      ...x,
      similarity: num(x.similarity),
      evidence: (x.evidence ?? []).map((e) => ({ ...e, effect: num(e.effect), score: num(e.score) })),
    })),
    unassumed: m?.unassumed ?? [],
  }
}

const ws = <T>(method: string, ...args: unknown[]) => call<T>('Workshop', method, ...args)
const maps = async (p: Promise<Partial<Assumed>[] | null>) => ((await p) ?? []).map(normaliseAssumed)

/** Typed calls to the bound Workshop struct. */
export const workshop = {
  /** Saved maps, sorted by id. */
  assumedMaps: () => maps(ws<Assumed[]>('AssumedMaps')),
  /** Validates and saves; rejects with a message naming the field ("assumed map: stages[1].name: …"). */
  saveAssumed: (a: Assumed) => maps(ws<Assumed[]>('SaveAssumed', a)),
  deleteAssumed: (id: string) => maps(ws<Assumed[]>('DeleteAssumed', id)),
  /** Parses and saves; errors say the field and line:column. */
  importAssumed: async (json: string) => normaliseAssumed(await ws<Assumed>('ImportAssumed', json)),
  exportAssumed: (id: string) => ws<string>('ExportAssumed', id),
  /** The observed stages with their top touchpoints and shares, id "current-state"; not saved. */
  draftFromObserved: async (filter: Filter) => normaliseAssumed(await ws<Assumed>('DraftFromObserved', filter)),
  compare: async (filter: Filter, id: string, tolerance: Tolerance) => normaliseComparison(await ws<Comparison>('Compare', filter, id, tolerance)),
  gapCustomers: (filter: Filter, id: string, tolerance: Tolerance, gapIndex: number, query: CustomerQuery) =>
    ws<CustomerPage>('GapCustomers', filter, id, tolerance, gapIndex, query),
  /** Rejects with "discover personas first" before a persona run. */
  personaMatches: async (id: string) => normaliseMatches(await ws<PersonaMatches>('PersonaMatches', id)),
}
