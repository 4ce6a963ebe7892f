// Typed calls to the bound Personas struct (notes/api5.md) and the DTOs it sends. The types live here,
// not in types.ts, so the persona work stays in one file until the contract settles.
import { categorical } from '../lib/palette'
import { call } from './transport'

export type PersonaMethod = 'features' | 'sequences' | 'auto'

export interface PersonaRunOptions {
  /** 0 = choose k automatically; otherwise 2..10. */
  k: number
  method: PersonaMethod
  /** Feature names to include; [] = Go's default set. */
  features: string[]
  seed: number
}

export type PersonaStatus = 'new' | 'changed' | 'stable'

export interface PersonaFeature {
  name: string
  label: string
  included: boolean
  /** e.g. "Channels", "Stages", "Value": the checkbox group. */
  group: string
}

export interface KScore {
  k: number
  silhouette: number
  bic: number
}

export interface Distinguishing {
  feature: string
  label: string
  personaMean: number
  restMean: number
  /** Standardised difference (persona vs the rest); the sign says which way. */
  effectSize: number
}

export interface Persona {
  /** Stable across re-runs, e.g. "persona-1". */
  id: string
  name: string
  /** The name Wayline built from the distinguishing features. */
  autoName: string
  /** #rrggbb, or "" before one is set. */
  color: string
  notes: string
  size: number
  share: number
  conversionRate: number
  /** Mean order value per customer. */
  value: number
  topChannels: { name: string; share: number }[]
  distinguishing: Distinguishing[]
  /** Readable rules from the decision tree. */
  rules: string[]
  medoidPath: string[]
  commonVariant: string[]
  /** null until friction exists. */
  friction: number | null
  status: PersonaStatus
}

export interface PersonaResult {
  k: number
  method: string
  quality: { method: string; score: number; criterion: string }
  alternatives: { method: string; k: number; score: number }[]
  personas: Persona[]
  features: PersonaFeature[]
  kScores: KScore[]
  /** RFC3339, "" before any run. */
  ranAt: string
  /** Compared with the previous run, some persona is new, changed or gone. */
  changed: boolean
  /** What the run had to adjust or warn about ("k clipped to 6: only 6 distinct customers"), if Go says. */
  notes?: string[]
  /** The seed the run used, if Go says. */
  seed?: number
}

export interface MapPoint {
  profile: string
  x: number
  y: number
  persona: string
}

export interface PersonaMap {
  /** PCA coordinates of at most 5,000 sampled customers. */
  points: MapPoint[]
  /** Share of the variance each axis explains, 0..1. */
  explained: [number, number]
}

export interface PersonaComparison {
  personas: Persona[]
  features: { feature: string; label: string; values: number[] }[]
}

export interface PersonaOption {
  id: string
  name: string
  color: string
}

const ps = <T>(method: string, ...args: unknown[]) => call<T>('Personas', method, ...args)

// Rules are readable strings in the contract; the persona package's Rule carries its text in a field.
type WireRule = string | { text?: string }
const ruleText = (r: WireRule) => (typeof r === 'string' ? r : (r?.text ?? ''))

/** A persona with every list present and rules as plain text. */
export function normalisePersona(p: Persona): Persona {
  return {
    ...p,
    topChannels: p.topChannels ?? [],
    distinguishing: p.distinguishing ?? [],
    rules: ((p.rules ?? []) as WireRule[]).map(ruleText).filter((t) => t !== ''),
    medoidPath: p.medoidPath ?? [],
    commonVariant: p.commonVariant ?? [],
  }
}

/** Go answers {personas: []} before any run; this fills in the rest so views need no guards. */
export function normaliseResult(r: Partial<PersonaResult> | null | undefined): PersonaResult {
  return {
    ...(r ?? {}),
    k: r?.k ?? 0,
    method: r?.method ?? '',
    quality: r?.quality ?? { method: '', score: Number.NaN, criterion: '' },
    alternatives: r?.alternatives ?? [],
    personas: (r?.personas ?? []).map(normalisePersona),
    features: r?.features ?? [],
    kScores: r?.kScores ?? [],
    ranAt: r?.ranAt ?? '',
    changed: r?.changed ?? false,
  }
}

/** The colour a persona is drawn in: its own, or the palette's hue for its position. */
export function personaColour(p: Pick<Persona, 'color'>, index: number): string {
  return p.color || categorical[index % categorical.length]
}

/** Typed calls to the bound Personas struct. */
export const personas = {
  run: async (opts: PersonaRunOptions) => normaliseResult(await ps<PersonaResult>('Run', opts)),
  current: async () => normaliseResult(await ps<PersonaResult>('Current')),
  map: async () => {
    const m = await ps<PersonaMap>('Map')
    return { points: m?.points ?? [], explained: m?.explained ?? [Number.NaN, Number.NaN] } as PersonaMap
  },
  compare: async (ids: string[]) => {
    const c = await ps<PersonaComparison>('Compare', ids)
    return { personas: (c?.personas ?? []).map(normalisePersona), features: c?.features ?? [] }
  },
  rename: async (id: string, name: string) => normalisePersona(await ps<Persona>('Rename', id, name)),
  setNotes: async (id: string, notes: string) => normalisePersona(await ps<Persona>('SetNotes', id, notes)),
  setColor: async (id: string, color: string) => normalisePersona(await ps<Persona>('SetColor', id, color)),
  /** Stops the running discovery; true when there was one to stop (its Run then rejects, storing nothing). */
  cancel: async () => (await ps<boolean>('Cancel')) === true,
}

/** The personas as the filter bar lists them (id, name, colour), in Go's order; [] before any run. */
export async function personaOptions(): Promise<PersonaOption[]> {
  const r = await personas.current()
  return r.personas.map((p, i) => ({ id: p.id, name: p.name || p.autoName || p.id, color: personaColour(p, i) }))
}
