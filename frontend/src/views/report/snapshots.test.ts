import { get } from 'svelte/store'
import { afterEach, describe, expect, it } from 'vitest'
import { emptyFilter } from '../../api/explore'
import type { Snapshot } from '../../api/views'
import { filter } from '../../lib/filter'
import { requestedView, takeRequestedView } from '../../lib/selection'
import { flowState, initialFlowState } from '../flow/state'
import { frictionState, initialFrictionState } from '../friction/state'
import { capture, completeFilter, restore, snapshotPlace } from './snapshots'

afterEach(() => {
  filter.set(emptyFilter())
  flowState.set(initialFlowState())
  frictionState.set(initialFrictionState())
  requestedView.set(null)
})

const snap = (fields: Partial<Snapshot>): Snapshot => ({ id: 'view-1', name: 'x', view: 'flow', tab: '', filter: emptyFilter(), options: {}, created: '', ...fields })

describe('capture', () => {
  it('keeps the filter and the whole store of a view that has one', () => {
    filter.set({ ...emptyFilter(), channels: ['web'], from: '2024-01-01T00:00:00Z' })
    flowState.update((s) => ({ ...s, tab: 'variants', variants: { collapseRepeats: true, limit: 50 } }))
    const s = capture('  Web only  ', 'flow')
    expect(s.name).toBe('Web only')
    expect(s.view).toBe('flow')
    expect(s.tab).toBe('variants')
    expect(s.filter.channels).toEqual(['web'])
    expect((s.options.state as { variants: { collapseRepeats: boolean } }).variants.collapseRepeats).toBe(true)
  })

  it('keeps the filter only for a view without a store', () => {
    filter.set({ ...emptyFilter(), devices: ['mobile'] })
    const s = capture('Map', 'map')
    expect(s).toEqual({ name: 'Map', view: 'map', tab: '', filter: { ...emptyFilter(), devices: ['mobile'] }, options: {} })
  })

  it('copies, so later changes do not alter the snapshot', () => {
    filter.set({ ...emptyFilter(), channels: ['web'] })
    const s = capture('a', 'flow')
    filter.update((f) => ({ ...f, channels: ['email'] }))
    expect(s.filter.channels).toEqual(['web'])
  })
})

describe('restore', () => {
  it('sets the filter, the view store and asks for the view', () => {
    const state = { ...initialFrictionState(), tab: 'moments', rows: 'touchpoint' }
    const ok = restore(snap({ view: 'friction', tab: 'moments', filter: { ...emptyFilter(), personas: ['persona-2'] }, options: { state } }))
    expect(ok).toBe(true)
    expect(get(filter).personas).toEqual(['persona-2'])
    expect(get(frictionState)).toEqual(state)
    expect(takeRequestedView()).toBe('friction')
  })

  it('sets the tab alone when the snapshot has no state', () => {
    restore(snap({ view: 'flow', tab: 'funnel' }))
    expect(get(flowState).tab).toBe('funnel')
    expect(get(flowState).map).toEqual(initialFlowState().map)
  })

  it('refuses a view the app does not have, changing nothing', () => {
    filter.set({ ...emptyFilter(), channels: ['web'] })
    expect(restore(snap({ view: 'timeline', filter: emptyFilter() }))).toBe(false)
    expect(get(filter).channels).toEqual(['web'])
    expect(get(requestedView)).toBe(null)
  })

  it('completes a filter an older version stored without every field', () => {
    expect(completeFilter({ channels: ['web'] })).toEqual({ ...emptyFilter(), channels: ['web'] })
    expect(completeFilter(null)).toEqual(emptyFilter())
  })

  it('says where a snapshot goes', () => {
    expect(snapshotPlace({ view: 'flow', tab: 'map' })).toBe('Flow · map')
    expect(snapshotPlace({ view: 'customers', tab: '' })).toBe('Customers')
  })
})
