// What the Personas view is set to (tab, compared personas, highlighted persona), kept in a store so
// it survives switching views, like the filter.
import { writable } from 'svelte/store'

export type PersonasTab = 'gallery' | 'map' | 'compare'

export interface PersonasState {
  tab: PersonasTab
  /** Persona ids chosen for the comparison, 2..4 of them. */
  compare: string[]
  /** The persona highlighted on the map, or null. */
  highlighted: string | null
}

export function initialPersonasState(): PersonasState {
  return { tab: 'gallery', compare: [], highlighted: null }
}

export const personasState = writable<PersonasState>(initialPersonasState())

export const maxCompared = 4

/** The comparison after clicking a persona: toggled, at most maxCompared, in the gallery's order. */
export function toggleCompared(chosen: readonly string[], id: string, order: readonly string[]): string[] {
  const has = chosen.includes(id)
  if (!has && chosen.length >= maxCompared) return [...chosen]
  return order.filter((o) => (o === id ? !has : chosen.includes(o)))
}

/** The chosen ids that still exist (a re-run may drop one), or the two largest personas to start. */
export function comparedOrDefault(chosen: readonly string[], order: readonly string[]): string[] {
  const kept = order.filter((o) => chosen.includes(o))
  return kept.length ? kept : order.slice(0, 2)
}
