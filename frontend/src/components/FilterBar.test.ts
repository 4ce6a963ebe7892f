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
})
