import { get } from 'svelte/store'
import { describe, expect, it } from 'vitest'
import { emptyFilter } from '../api/explore'
import { boundFromDate, clearFilter, dateInputValue, filter, isEmptyFilter, selectionLabel, toggleValue } from './filter'
import { openProfile, requestedView, selectedProfile, takeRequestedView } from './selection'

describe('filter helpers', () => {
  it('toggles a value in and out of a list without touching the others', () => {
    const f = toggleValue(toggleValue(emptyFilter(), 'channels', 'web'), 'channels', 'email')
    expect(f.channels).toEqual(['web', 'email'])
    const g = toggleValue(f, 'channels', 'web')
    expect(g.channels).toEqual(['email'])
    expect(f.channels).toEqual(['web', 'email'])
    expect(g.devices).toEqual([])
  })

  it('knows an empty filter', () => {
    expect(isEmptyFilter(emptyFilter())).toBe(true)
    expect(isEmptyFilter({ ...emptyFilter(), to: '2024-01-01T23:59:59.999999Z' })).toBe(false)
    expect(isEmptyFilter({ ...emptyFilter(), attribute: { name: 'tier', value: 'gold' } })).toBe(false)
  })

  it('turns days into inclusive RFC3339 bounds and back', () => {
    expect(boundFromDate('2024-03-01', 'from')).toBe('2024-03-01T00:00:00Z')
    expect(boundFromDate('2024-03-01', 'to')).toBe('2024-03-01T23:59:59.999999Z')
    expect(boundFromDate('', 'to')).toBe('')
    expect(boundFromDate('1 March', 'from')).toBe('')
    expect(dateInputValue('2024-03-01T23:59:59.999999Z')).toBe('2024-03-01')
    expect(dateInputValue('')).toBe('')
  })

  it('summarises a selection', () => {
    expect(selectionLabel([], ['a', 'b'])).toBe('All')
    expect(selectionLabel(['web', 'email'], ['web', 'email', 'app'])).toBe('web, email')
    expect(selectionLabel(['a', 'b', 'c'], ['a', 'b', 'c', 'd', 'e'])).toBe('3 of 5')
  })

  it('clears the shared store', () => {
    filter.set({ ...emptyFilter(), sources: ['Shop'] })
    clearFilter()
    expect(get(filter)).toEqual(emptyFilter())
  })
})

describe('selection', () => {
  it('opening a profile selects it and asks for the Customers view once', () => {
    openProfile('p-42')
    expect(get(selectedProfile)).toBe('p-42')
    expect(get(requestedView)).toBe('customers')
    expect(takeRequestedView()).toBe('customers')
    expect(takeRequestedView()).toBeNull()
  })
})
