// Pure operations of the assumed-map editor. Each returns a new map (the editor keeps the one it shows in
// $state and replaces it), so undo-free editing stays simple and every operation is testable alone.
import type { Assumed, AssumedPersona, AssumedStage, ExpectationLevel } from '../../api/workshop'

/** A blank map: one empty stage to start typing into. */
export function blankMap(existingIds: readonly string[], name = 'Current state'): Assumed {
  return { id: uniqueId(slug(name), existingIds), name, kind: 'current', persona: '', stages: [{ name: 'Stage 1', touchpoints: [] }], personas: [] }
}

/** "Future state (v2)" → "future-state-v2": the characters Go accepts in an id. */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
  return s || 'map'
}

/** base, or base-2, base-3… whichever is not taken. */
export function uniqueId(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base
  for (let i = 2; ; i++) {
    const id = `${base.slice(0, 60)}-${i}`
    if (!taken.includes(id)) return id
  }
}

const withStages = (a: Assumed, stages: AssumedStage[]): Assumed => ({ ...a, stages })
const replaceAt = <T>(list: readonly T[], i: number, v: T): T[] => list.map((x, k) => (k === i ? v : x))

/** Moves item from → to (clamped), keeping the others in order. */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list]
  if (from < 0 || from >= out.length) return out
  const target = Math.max(0, Math.min(out.length - 1, to))
  const [item] = out.splice(from, 1)
  out.splice(target, 0, item)
  return out
}

export function addStage(a: Assumed, name = ''): Assumed {
  const taken = new Set(a.stages.map((s) => s.name.toLowerCase()))
  let n = a.stages.length + 1
  let fallback = `Stage ${n}`
  while (taken.has(fallback.toLowerCase())) fallback = `Stage ${++n}`
  return withStages(a, [...a.stages, { name: name.trim() || fallback, touchpoints: [] }])
}

export const renameStage = (a: Assumed, i: number, name: string): Assumed => withStages(a, replaceAt(a.stages, i, { ...a.stages[i], name }))
export const moveStage = (a: Assumed, from: number, to: number): Assumed => withStages(a, move(a.stages, from, to))
export const removeStage = (a: Assumed, i: number): Assumed => withStages(a, a.stages.filter((_, k) => k !== i))

/** Every touchpoint the map lists, lower-cased: a touchpoint has one place in the expected order. */
export function listedTouchpoints(a: Assumed): Set<string> {
  return new Set(a.stages.flatMap((s) => s.touchpoints.map((t) => t.touchpoint.trim().toLowerCase())))
}

/**
 * Adds a touchpoint at the end of stage i. Blank names and names already in the map (ignoring case) are
 * refused with a reason, so the editor can say why instead of letting Save fail later.
 */
export function addTouchpoint(a: Assumed, i: number, touchpoint: string, expectedShare = 0): { map: Assumed; error: string } {
  const name = touchpoint.trim()
  if (!name) return { map: a, error: 'Type or pick a touchpoint first.' }
  if (listedTouchpoints(a).has(name.toLowerCase())) {
    const where = a.stages.find((s) => s.touchpoints.some((t) => t.touchpoint.trim().toLowerCase() === name.toLowerCase()))
    return { map: a, error: `${name} is already in ${where?.name || 'the map'}: a touchpoint has one place in the expected order.` }
  }
  const stage = a.stages[i]
  return { map: withStages(a, replaceAt(a.stages, i, { ...stage, touchpoints: [...stage.touchpoints, { touchpoint: name, expectedShare: clampShare(expectedShare) }] })), error: '' }
}

function updateStage(a: Assumed, i: number, f: (s: AssumedStage) => AssumedStage): Assumed {
  return withStages(a, replaceAt(a.stages, i, f(a.stages[i])))
}

export const moveTouchpoint = (a: Assumed, stage: number, from: number, to: number): Assumed =>
  updateStage(a, stage, (s) => ({ ...s, touchpoints: move(s.touchpoints, from, to) }))
export const removeTouchpoint = (a: Assumed, stage: number, k: number): Assumed =>
  updateStage(a, stage, (s) => ({ ...s, touchpoints: s.touchpoints.filter((_, j) => j !== k) }))

/** Moves a touchpoint to the end of another stage (its place in the expected order changes with it). */
export function moveTouchpointToStage(a: Assumed, from: number, k: number, to: number): Assumed {
  if (from === to || !a.stages[to]) return a
  const tp = a.stages[from].touchpoints[k]
  const removed = removeTouchpoint(a, from, k)
  return updateStage(removed, to, (s) => ({ ...s, touchpoints: [...s.touchpoints, tp] }))
}

/** A percentage typed in the editor (0–100) as the 0..1 share Go keeps; out of range is clamped. */
export function shareFromPercent(text: string | number): number {
  const n = typeof text === 'number' ? text : Number(String(text).replace(',', '.').replace('%', '').trim())
  if (!Number.isFinite(n)) return 0
  return clampShare(n / 100)
}

/** The share as the editor shows it: 0.25 → 25, 0 → "" (not stated). */
export function percentFromShare(share: number | undefined): string {
  if (!share) return ''
  return String(Math.round(share * 1000) / 10)
}

const clampShare = (s: number) => Math.max(0, Math.min(1, Number.isFinite(s) ? s : 0))

export const setShare = (a: Assumed, stage: number, k: number, share: number): Assumed =>
  updateStage(a, stage, (s) => ({ ...s, touchpoints: replaceAt(s.touchpoints, k, { ...s.touchpoints[k], expectedShare: clampShare(share) }) }))

// Assumed personas.

const personasOf = (a: Assumed) => a.personas ?? []

export function addPersona(a: Assumed): Assumed {
  const taken = new Set(personasOf(a).map((p) => p.name.toLowerCase()))
  let n = personasOf(a).length + 1
  while (taken.has(`persona ${n}`)) n++
  return { ...a, personas: [...personasOf(a), { name: `Persona ${n}`, description: '', expect: [] }] }
}

export const updatePersona = (a: Assumed, i: number, patch: Partial<AssumedPersona>): Assumed => ({
  ...a,
  personas: replaceAt(personasOf(a), i, { ...personasOf(a)[i], ...patch }),
})
export const removePersona = (a: Assumed, i: number): Assumed => ({ ...a, personas: personasOf(a).filter((_, k) => k !== i) })

/** Sets feature's expected level for persona i (replacing an earlier one for the same feature); null removes it. */
export function setExpectation(a: Assumed, i: number, feature: string, level: ExpectationLevel | null): Assumed {
  const expect = personasOf(a)[i].expect ?? []
  if (level === null) return updatePersona(a, i, { expect: expect.filter((e) => e.feature !== feature) })
  if (expect.some((e) => e.feature === feature)) return updatePersona(a, i, { expect: expect.map((e) => (e.feature === feature ? { feature, level } : e)) })
  return updatePersona(a, i, { expect: [...expect, { feature, level }] })
}

/**
 * Where a save error points: Go's message reads "assumed map: stages[1].touchpoints[0].touchpoint: …"
 * (with " at L:C" after imports). Returns the field path and the message without the prefix, so the
 * editor can show it next to that field; field "" when the message names none.
 */
export function errorField(message: string): { field: string; text: string } {
  const m = /^(?:assumed map:\s*)?((?:id|name|kind|persona|stages|personas)(?:\[\d+\])?(?:\.[a-zA-Z]+(?:\[\d+\])?)*)(?: at \d+:\d+)?:\s*(.*)$/s.exec(message.trim())
  if (!m) return { field: '', text: message.replace(/^assumed map:\s*/, '') }
  return { field: m[1], text: m[2] }
}

/** True when an error's field is this one or lies inside it ("stages[1]" owns "stages[1].name"). */
export function fieldWithin(errorAt: string, field: string): boolean {
  return errorAt === field || errorAt.startsWith(`${field}.`) || errorAt.startsWith(`${field}[`)
}
