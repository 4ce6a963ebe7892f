import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { get } from 'svelte/store'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { emptyFilter } from '../api/explore'
import type { Filter } from '../api/types'
import { clearFilter, filter } from '../lib/filter'
import { filterOptions, summary } from '../test/exploreFixtures'
import { installFakeGo, type FakeGo } from '../test/fakeGo'
import FilterBar from './FilterBar.svelte'

let go: FakeGo | undefined
afterEach(() => go?.restore())
beforeEach(() => clearFilter())

describe('FilterBar', () => {
  it('shows how many customers the filter keeps and refilters on every change', async () => {
    go = installFakeGo({ Explore: { FilterOptions: async () => filterOptions, Summary: async () => summary } })
    const onShowCustomers = vi.fn()
    render(FilterBar, { onShowCustomers })
    const count = await screen.findByText((_, el) => el?.tagName === 'BUTTON' && el.textContent?.trim() === '31,204 of 100,000 customers')
    await fireEvent.click(count)
    expect(onShowCustomers).toHaveBeenCalledTimes(1)
    expect(screen.getByRole('button', { name: /Persona/ }).textContent).toContain('no personas yet')
    expect(screen.getByRole('button', { name: /Persona/ }).hasAttribute('disabled')).toBe(true)

    await waitFor(() => expect(screen.getByRole('button', { name: /Channel/ }).hasAttribute('disabled')).toBe(false))
    await fireEvent.click(screen.getByRole('button', { name: /Channel/ }))
    await fireEvent.click(screen.getByRole('checkbox', { name: 'store' }))
    await fireEvent.click(screen.getByRole('checkbox', { name: 'web' }))
    expect(get(filter).channels).toEqual(['web', 'store'])
    expect(screen.getByRole('button', { name: /Channel/ }).textContent).toContain('web, store')
    await fireEvent.change(screen.getByLabelText('From'), { target: { value: '2024-03-01' } })
    const want: Filter = { ...emptyFilter(), channels: ['web', 'store'], from: '2024-03-01T00:00:00Z' }
    expect(get(filter)).toEqual(want)
    await waitFor(() => expect(go!.calls.filter((c) => c.method === 'Summary').at(-1)!.args).toEqual([want]))

    await fireEvent.click(screen.getByRole('button', { name: 'Clear' }))
    expect(get(filter)).toEqual(emptyFilter())
    expect(screen.queryByRole('button', { name: 'Clear' })).toBeNull()
  })

  it('filters by a profile attribute: a name, then one of its values; Clear removes it', async () => {
    go = installFakeGo({ Explore: { FilterOptions: async () => filterOptions, Summary: async () => summary } })
    render(FilterBar, {})
    const name = screen.getByLabelText('Attribute') as HTMLSelectElement
    await waitFor(() => expect(name.disabled).toBe(false))
    expect([...name.options].map((o) => o.textContent)).toEqual(['Any', 'tier', 'plan'])
    expect(screen.queryByLabelText(/Value of/)).toBeNull()

    await fireEvent.change(name, { target: { value: 'plan' } })
    const value = screen.getByLabelText('Value of plan') as HTMLSelectElement
    expect([...value.options].map((o) => o.textContent)).toEqual(['Pick a value', 'Basecamp', 'Summit', 'Not set'])
    expect(value.value).toBe('-1')
    // Nothing is filtered until a value is chosen, but Clear already undoes the half-made choice.
    expect(get(filter).attribute).toBeNull()
    expect(screen.getByRole('button', { name: 'Clear' })).toBeTruthy()

    await fireEvent.change(value, { target: { value: '1' } })
    expect(get(filter)).toEqual({ ...emptyFilter(), attribute: { name: 'plan', value: 'Summit' } })
    await waitFor(() => expect(go!.calls.filter((c) => c.method === 'Summary').at(-1)!.args).toEqual([{ ...emptyFilter(), attribute: { name: 'plan', value: 'Summit' } }]))
    await fireEvent.change(value, { target: { value: '2' } })
    expect(get(filter).attribute).toEqual({ name: 'plan', value: '' })

    // Another attribute name drops the old value at once: the filter never mixes a name with another's value.
    await fireEvent.change(name, { target: { value: 'tier' } })
    expect(get(filter).attribute).toBeNull()
    await fireEvent.change(screen.getByLabelText('Value of tier'), { target: { value: '0' } })
    expect(get(filter).attribute).toEqual({ name: 'tier', value: 'gold' })

    await fireEvent.click(screen.getByRole('button', { name: 'Clear' }))
    expect(get(filter)).toEqual(emptyFilter())
    expect(name.value).toBe('')
    expect(screen.queryByLabelText(/Value of/)).toBeNull()
    expect(screen.queryByRole('button', { name: 'Clear' })).toBeNull()
  })

  it('shows an attribute set before it was mounted, even one the options no longer list', async () => {
    go = installFakeGo({ Explore: { FilterOptions: async () => ({ ...filterOptions, attributes: [] }), Summary: async () => summary } })
    filter.set({ ...emptyFilter(), attribute: { name: 'tier', value: 'gold' } })
    render(FilterBar, {})
    await waitFor(() => expect(go!.calls.some((c) => c.method === 'FilterOptions')).toBe(true))
    const name = screen.getByLabelText('Attribute') as HTMLSelectElement
    expect(name.value).toBe('tier')
    expect((screen.getByLabelText('Value of tier') as HTMLSelectElement).value).toBe('0')
    await fireEvent.change(name, { target: { value: '' } })
    expect(get(filter).attribute).toBeNull()
    await waitFor(() => expect(name.disabled).toBe(true))
    expect(name.textContent).toBe('none imported')
  })

  it('keeps the filter when it is mounted again (switching views)', async () => {
    go = installFakeGo({ Explore: { FilterOptions: async () => filterOptions, Summary: async () => summary } })
    filter.set({ ...emptyFilter(), devices: ['mobile'] })
    const first = render(FilterBar, {})
    first.unmount()
    render(FilterBar, {})
    await waitFor(() => expect(screen.getByRole('button', { name: /Device/ }).textContent).toContain('mobile'))
    expect(go.calls.filter((c) => c.method === 'Summary').at(-1)!.args).toEqual([{ ...emptyFilter(), devices: ['mobile'] }])
  })

  it('says when Go cannot filter', async () => {
    go = installFakeGo({ Explore: { FilterOptions: async () => filterOptions, Summary: () => Promise.reject('no workspace is open') } })
    render(FilterBar, {})
    expect(await screen.findByText('Filter failed: no workspace is open')).toBeTruthy()
  })

  it('lists personas by name and filters by their ids', async () => {
    const withPersonas = {
      ...filterOptions,
      personas: ['persona-1', 'persona-2'],
      personaNames: [
        { id: 'persona-1', name: 'Email converters', color: '#0072B2' },
        { id: 'persona-2', name: 'Loyal repeat buyers', color: '#E69F00' },
      ],
    }
    go = installFakeGo({ Explore: { FilterOptions: async () => withPersonas, Summary: async () => summary } })
    render(FilterBar, { onShowCustomers: vi.fn() })
    await waitFor(() => expect(screen.getByRole('button', { name: /Persona/ }).hasAttribute('disabled')).toBe(false))
    await fireEvent.click(screen.getByRole('button', { name: /Persona/ }))
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Loyal repeat buyers' }))
    expect(get(filter).personas).toEqual(['persona-2'])
    expect(screen.getByRole('button', { name: /Persona/ }).textContent).toContain('Loyal repeat buyers')
  })
})
