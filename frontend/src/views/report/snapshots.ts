// Snapshots: what is frozen and how it comes back. The filter always; the view; and, for views that keep
// their controls in a store (Flow, Personas, Friction, Workshop, Report), that whole store, so its tab and
// settings return too. Map, Customers and Overview keep no store: they come back with the filter only.
import { get, type Writable } from 'svelte/store'
import { emptyFilter } from '../../api/explore'
import type { Filter } from '../../api/types'
import type { Snapshot } from '../../api/views'
import { filter } from '../../lib/filter'
import { requestedView } from '../../lib/selection'
import { views as viewList, type ViewId } from '../../lib/views'
import { flowState } from '../flow/state'
import { frictionState } from '../friction/state'
import { personasState } from '../personas/state'
import { workshopState } from '../workshop/state'
import { reportState } from './state'

type TabStore = Writable<{ tab: string }>

/** The stores of the views that keep one, by view id. */
export function viewStores(): Partial<Record<ViewId, TabStore>> {
  const stores: Partial<Record<ViewId, TabStore>> = {
    flow: flowState as unknown as TabStore,
    personas: personasState as unknown as TabStore,
    friction: frictionState as unknown as TabStore,
    report: reportState as unknown as TabStore,
    workshop: workshopState as unknown as TabStore,
  }
  return stores
}

/** The snapshot of view as it is now (before Go gives it an id). */
export function capture(name: string, view: ViewId, stores = viewStores()): Omit<Snapshot, 'id' | 'created'> {
  const store = stores[view]
  const state = store ? structuredClone(get(store)) : null
  return { name: name.trim(), view, tab: state?.tab ?? '', filter: structuredClone(get(filter)), options: state ? { state } : {} }
}

/** A filter with every field present, whatever an older snapshot stored. */
export function completeFilter(f: Partial<Filter> | null | undefined): Filter {
  const e = emptyFilter()
  return {
    from: f?.from ?? e.from,
    to: f?.to ?? e.to,
    sources: f?.sources ?? [],
    channels: f?.channels ?? [],
    devices: f?.devices ?? [],
    personas: f?.personas ?? [],
    attribute: f?.attribute ?? null,
  }
}

/** True when the app has this view (an old snapshot may name one it no longer has). */
export function knownView(v: string): v is ViewId {
  return viewList.some((e) => e.id === v && e.available)
}

/**
 * Brings a snapshot back: the shared filter, the view's store (its tab at least), and a request for the
 * app to switch to the view. Returns false when the app has no such view (nothing changes then).
 */
export function restore(s: Snapshot, stores = viewStores()): boolean {
  if (!knownView(s.view)) return false
  filter.set(completeFilter(s.filter))
  const store = stores[s.view]
  const state = s.options?.state
  if (store) {
    if (state && typeof state === 'object') store.update((cur) => ({ ...cur, ...(state as object) }))
    else if (s.tab) store.update((cur) => ({ ...cur, tab: s.tab }))
  }
  requestedView.set(s.view)
  return true
}

/** "Flow · Process map"-like label of where a snapshot goes. */
export function snapshotPlace(s: Pick<Snapshot, 'view' | 'tab'>): string {
  const label = viewList.find((v) => v.id === s.view)?.label ?? s.view
  return s.tab ? `${label} · ${s.tab}` : label
}
