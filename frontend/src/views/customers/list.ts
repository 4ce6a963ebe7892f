// The Customers list: what it asks Go for and how it words the answer. The list itself is computed in Go
// (search over every identifier, sort, paging); these helpers only build the query and the text.
import { customerQuery } from '../../api/explore'
import type { CustomerQuery, CustomerSort } from '../../api/types'
import { formatCompact, formatInt } from '../../lib/format'

export const pageSize = 50

export interface SortOption {
  id: CustomerSort
  label: string
}

/** The orders the list offers; "journey length" is the number of events. */
export const sortOptions: readonly SortOption[] = [
  { id: 'value', label: 'Value' },
  { id: 'events', label: 'Journey length' },
  { id: 'lastSeen', label: 'Last seen' },
  { id: 'firstSeen', label: 'First seen' },
]

export interface ListState {
  search: string
  sort: CustomerSort
  desc: boolean
  /** 0-based. */
  page: number
}

export const initialList: ListState = { search: '', sort: 'value', desc: true, page: 0 }

/** The Explore.Customers query for a state of the list. */
export function listQuery(s: ListState): CustomerQuery {
  return customerQuery({ search: s.search.trim(), sort: s.sort, desc: s.desc, offset: s.page * pageSize, limit: pageSize })
}

/** A click on a column heading: the same column flips the direction, another one starts descending. */
export function sortBy(s: ListState, sort: CustomerSort): ListState {
  return { ...s, sort, desc: s.sort === sort ? !s.desc : true, page: 0 }
}

/** "12,480 customers match", "1 customer matches", "No customer matches “ann@”". */
export function matchText(total: number, search: string): string {
  const q = search.trim()
  if (total === 0) return q ? `No customer matches “${q}”` : 'No customers in this filter'
  return total === 1 ? '1 customer matches' : `${formatInt(total)} customers match`
}

/** "1–50 of 12,480"; "" when there is nothing. */
export function rangeText(page: number, rows: number, total: number): string {
  if (rows === 0) return ''
  const first = page * pageSize + 1
  return `${formatInt(first)}–${formatInt(first + rows - 1)} of ${formatInt(total)}`
}

export function lastPage(total: number): number {
  return Math.max(0, Math.ceil(total / pageSize) - 1)
}

/** A value (revenue, usually) as people read it: 0 → "0", 129.9 → "129.90", 1234.5 → "1,235", 48200 → "48.2k". */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return '–'
  if (v === 0) return '0'
  const abs = Math.abs(v)
  if (abs < 1000) return v.toFixed(2)
  if (abs < 10_000) return formatInt(v)
  return formatCompact(v)
}

/** The exact value for the hover title: 1234.5 → "1,234.50". */
export function exactValue(v: number): string {
  if (!Number.isFinite(v)) return ''
  const [int, frac] = Math.abs(v).toFixed(2).split('.')
  return `${v < 0 ? '-' : ''}${formatInt(Number(int))}.${frac}`
}
