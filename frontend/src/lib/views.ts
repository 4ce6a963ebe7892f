// The views of the navigation rail, in order; number keys 1–9 follow this order.

export type ViewId =
  | 'overview'
  | 'import'
  | 'map'
  | 'flow'
  | 'personas'
  | 'friction'
  | 'customers'
  | 'workshop'
  | 'report'

export interface ViewEntry {
  id: ViewId
  label: string
  /** False for views this version does not have; the rail shows them greyed out. */
  available: boolean
}

export const views: readonly ViewEntry[] = [
  { id: 'overview', label: 'Overview', available: true },
  { id: 'import', label: 'Import', available: true },
  { id: 'map', label: 'Map', available: true },
  { id: 'flow', label: 'Flow', available: true },
  { id: 'personas', label: 'Personas', available: true },
  { id: 'friction', label: 'Friction', available: true },
  { id: 'customers', label: 'Customers', available: true },
  { id: 'workshop', label: 'Workshop', available: true },
  { id: 'report', label: 'Report', available: true },
]

/** Views that analyse customers: the shared filter bar sits on top of them. */
export const analyticViews: ReadonlySet<ViewId> = new Set<ViewId>(['map', 'flow', 'personas', 'friction', 'customers', 'workshop'])

export const unavailableHint = 'Not in this version yet'

/** The view a number key selects ("1" → overview), or null for other keys and unavailable views. */
export function viewForKey(key: string): ViewId | null {
  if (!/^[1-9]$/.test(key)) return null
  const entry = views[Number(key) - 1]
  return entry?.available ? entry.id : null
}

/** True when a key press belongs to a text field or carries a modifier, so shortcuts must ignore it. */
export function isTypingTarget(e: Pick<KeyboardEvent, 'target' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return true
  const t = e.target as HTMLElement | null
  if (!t || typeof t.tagName !== 'string') return false
  return t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName)
}
