// The filter shared by every analytic view (persona, date range, channel, source, device, a profile
// attribute): one store, so it survives switching views, plus pure helpers the filter bar and tests use.
import { writable } from 'svelte/store'
import { emptyFilter } from '../api/explore'
import type { AttributeMatch, AttributeOptions, Filter } from '../api/types'

/** The current filter; views read it and pass it to every Explore call. */
export const filter = writable<Filter>(emptyFilter())

/** Back to "everyone". */
export function clearFilter(): void {
  filter.set(emptyFilter())
}

/** True when the filter restricts nothing. */
export function isEmptyFilter(f: Filter): boolean {
  return (
    !f.from &&
    !f.to &&
    f.sources.length === 0 &&
    f.channels.length === 0 &&
    f.devices.length === 0 &&
    f.personas.length === 0 &&
    f.attribute === null
  )
}

export type ListField = 'sources' | 'channels' | 'devices' | 'personas'

/** A copy of f with value added to or removed from one list, keeping the options' order stable. */
export function toggleValue(f: Filter, field: ListField, value: string): Filter {
  const has = f[field].includes(value)
  return { ...f, [field]: has ? f[field].filter((v) => v !== value) : [...f[field], value] }
}

/** "2024-03-01" for an RFC3339 time, "" for none: what an <input type="date"> holds. */
export function dateInputValue(rfc3339: string): string {
  return rfc3339 ? rfc3339.slice(0, 10) : ''
}

/**
 * The RFC3339 bound for a picked day: the start of the day for "from", the last microsecond of it for
 * "to", so a range of one day keeps that whole day. "" stays "" (no bound).
 */
export function boundFromDate(day: string, end: 'from' | 'to'): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return ''
  return end === 'from' ? `${day}T00:00:00Z` : `${day}T23:59:59.999999Z`
}

/** The short summary of one multi-select: "All", "web", "web, email", "3 of 5". */
export function selectionLabel(selected: readonly string[], options: readonly string[]): string {
  if (selected.length === 0) return 'All'
  if (selected.length <= 2) return selected.join(', ')
  return `${selected.length} of ${options.length}`
}

/** What the attribute picker shows: the attribute's name, its values to choose from, and which one is chosen. */
export interface AttributeChoice {
  /** The attribute names to pick from. */
  names: string[]
  /** "" when no attribute is picked. */
  name: string
  values: string[]
  /** Index of the chosen value in values, -1 when none is chosen yet. */
  index: number
}

/**
 * The attribute picker's state: the filter's attribute when it has one, else the name picked and waiting
 * for a value. A value set elsewhere that is not among the 50 most common still shows, first.
 */
export function attributeChoice(attributes: readonly AttributeOptions[], current: AttributeMatch | null, pendingName: string): AttributeChoice {
  const all = attributes.map((a) => a.name)
  const name = current?.name ?? pendingName
  const names = name && !all.includes(name) ? [name, ...all] : all
  if (!name) return { names, name: '', values: [], index: -1 }
  let values = [...(attributes.find((a) => a.name === name)?.values ?? [])]
  if (current && !values.includes(current.value)) values = [current.value, ...values]
  return { names, name, values, index: current ? values.indexOf(current.value) : -1 }
}

/** A copy of f restricted to profiles with name = value; no name (or no value) removes the restriction. */
export function withAttribute(f: Filter, name: string, value: string | null): Filter {
  return { ...f, attribute: name && value !== null ? { name, value } : null }
}
