import { get } from 'svelte/store'
import { describe, expect, it } from 'vitest'
import { emptyFilter } from '../api/explore'
import { attributeChoice, boundFromDate, clearFilter, dateInputValue, filter, isEmptyFilter, selectionLabel, toggleValue, withAttribute } from './filter'
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

  it('picks an attribute in two steps, name then value', () => {
    const attrs = [
      { name: 'plan', values: ['Trail', 'Summit', ''] },
      { name: 'region', values: ['South'] },
    ]
    const names = ['plan', 'region']
    expect(attributeChoice(attrs, null, '')).toEqual({ names, name: '', values: [], index: -1 })
    expect(attributeChoice(attrs, null, 'plan')).toEqual({ names, name: 'plan', values: ['Trail', 'Summit', ''], index: -1 })
    expect(attributeChoice(attrs, { name: 'plan', value: 'Summit' }, '')).toEqual({ names, name: 'plan', values: ['Trail', 'Summit', ''], index: 1 })
    expect(attributeChoice(attrs, { name: 'plan', value: '' }, 'region')).toEqual({ names, name: 'plan', values: ['Trail', 'Summit', ''], index: 2 })
    // A value outside the 50 most common (set before, or by another view) still shows, first.
    expect(attributeChoice(attrs, { name: 'plan', value: 'Basecamp' }, '')).toEqual({ names, name: 'plan', values: ['Basecamp', 'Trail', 'Summit', ''], index: 0 })
    expect(attributeChoice([], { name: 'tier', value: 'gold' }, '')).toEqual({ names: ['tier'], name: 'tier', values: ['gold'], index: 0 })
    expect(attributeChoice(attrs, null, 'gone')).toEqual({ names: ['gone', 'plan', 'region'], name: 'gone', values: [], index: -1 })
  })

  it('sets and removes the attribute restriction without touching the rest', () => {
    const base = { ...emptyFilter(), channels: ['web'] }
    expect(withAttribute(base, 'plan', 'Summit')).toEqual({ ...base, attribute: { name: 'plan', value: 'Summit' } })
    expect(withAttribute(base, 'plan', '')).toEqual({ ...base, attribute: { name: 'plan', value: '' } })
    expect(withAttribute(withAttribute(base, 'plan', 'Summit'), 'plan', null)).toEqual(base)
    expect(withAttribute(base, '', 'Summit')).toEqual(base)
    expect(base.attribute).toBeNull()
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
