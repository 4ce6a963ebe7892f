import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { afterEach, describe, expect, it } from 'vitest'
import { emptyFilter } from '../../api/explore'
import type { CustomerQuery, Filter } from '../../api/types'
import { selectedProfile } from '../../lib/selection'
import { installFakeGo, type FakeGo } from '../../test/fakeGo'
import { identityOverview } from '../identity/fixtures'
import { customerPage, profile } from './fixtures'
import CustomersView from './CustomersView.svelte'

let go: FakeGo | undefined
afterEach(() => {
  go?.restore()
  go = undefined
  selectedProfile.set(null)
})

const webOnly: Filter = { ...emptyFilter(), channels: ['web'] }

function fakeExplore(extra: Record<string, (...a: unknown[]) => Promise<unknown>> = {}) {
  return installFakeGo({
    Explore: {
      Customers: async (_f, q) => ((q as CustomerQuery).search === 'nobody' ? { total: 0, rows: [] } : customerPage),
      Profile: async (key) => (key === profile.id || key === 'C-10442' ? profile : Promise.reject(`no customer matches ${key}`)),
      ...extra,
    },
    Identity: { Overview: async () => identityOverview },
  })
}

const queries = () => go!.calls.filter((c) => c.method === 'Customers').map((c) => c.args as [Filter, CustomerQuery])
const cells = (row: HTMLElement) => [...row.querySelectorAll('td')].map((td) => td.textContent!.replace(/\s+/g, ' ').trim())

describe('CustomersView', () => {
  it('lists the customers the filter keeps, with the total', async () => {
    go = fakeExplore()
    const { container } = render(CustomersView, { filter: webOnly })
    expect(await screen.findByText('12,480 customers match')).toBeTruthy()
    const rows = [...container.querySelectorAll('table.customers tbody tr')] as HTMLElement[]
    expect(rows).toHaveLength(2)
    expect(cells(rows[0])).toEqual([
      'ann.lee@example.com p-7f3a9c',
      '214',
      '4,813',
      '4 Jan 2024',
      '27 Nov 2024',
      'Web analytics, Shop orders, CRM',
      '✓ yes',
      'Retention',
    ])
    expect(cells(rows[1])[6]).toBe('no')
    expect(rows[0].querySelectorAll('td')[2].getAttribute('title')).toBe('4,812.50')
    expect(screen.getByText('1–2 of 12,480')).toBeTruthy()
    expect(queries()).toEqual([[webOnly, { search: '', sort: 'value', desc: true, offset: 0, limit: 50, cohort: null }]])
  })

  it('searches any identifier and sorts through Explore.Customers', async () => {
    go = fakeExplore()
    render(CustomersView, { filter: emptyFilter() })
    await screen.findByText('12,480 customers match')
    const search = screen.getByLabelText('Search customers by any identifier')
    await fireEvent.input(search, { target: { value: ' C-104 ' } })
    await fireEvent.keyDown(search, { key: 'Enter' })
    await waitFor(() => expect(queries()).toHaveLength(2))
    expect(queries()[1][1]).toMatchObject({ search: 'C-104', sort: 'value', desc: true, offset: 0 })

    await fireEvent.click(screen.getByRole('button', { name: 'Last seen' }))
    await waitFor(() => expect(queries()).toHaveLength(3))
    expect(queries()[2][1]).toMatchObject({ search: 'C-104', sort: 'lastSeen', desc: true })
    expect(screen.getByRole('columnheader', { name: /Last seen/ }).getAttribute('aria-sort')).toBe('descending')

    await fireEvent.click(screen.getByRole('button', { name: /Last seen/ }))
    await waitFor(() => expect(queries()).toHaveLength(4))
    expect(queries()[3][1]).toMatchObject({ sort: 'lastSeen', desc: false })

    await fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'events' } })
    await waitFor(() => expect(queries()).toHaveLength(5))
    expect(queries()[4][1]).toMatchObject({ sort: 'events', desc: false, offset: 0 })
  })

  it('debounces typing into one query', async () => {
    go = fakeExplore()
    render(CustomersView, { filter: emptyFilter() })
    await screen.findByText('12,480 customers match')
    const search = screen.getByLabelText('Search customers by any identifier')
    for (const v of ['a', 'an', 'ann']) await fireEvent.input(search, { target: { value: v } })
    await waitFor(() => expect(queries()).toHaveLength(2), { timeout: 1000 })
    expect(queries()[1][1].search).toBe('ann')
  })

  it('pages through the list', async () => {
    go = fakeExplore()
    render(CustomersView, { filter: emptyFilter() })
    await screen.findByText('12,480 customers match')
    expect((screen.getByRole('button', { name: '← Previous' }) as HTMLButtonElement).disabled).toBe(true)
    await fireEvent.click(screen.getByRole('button', { name: 'Next →' }))
    await waitFor(() => expect(queries()).toHaveLength(2))
    expect(queries()[1][1]).toMatchObject({ offset: 50, limit: 50 })
  })

  it('asks again from the first page when the shared filter changes', async () => {
    go = fakeExplore()
    const { rerender } = render(CustomersView, { filter: emptyFilter() })
    await screen.findByText('12,480 customers match')
    await fireEvent.click(screen.getByRole('button', { name: 'Next →' }))
    await waitFor(() => expect(queries()).toHaveLength(2))
    await rerender({ filter: webOnly })
    await waitFor(() => expect(queries().at(-1)![0]).toEqual(webOnly))
    expect(queries().at(-1)![1].offset).toBe(0)
    expect(queries()).toHaveLength(3)
  })

  it('says so when nothing matches the search', async () => {
    go = fakeExplore()
    render(CustomersView, { filter: emptyFilter() })
    await screen.findByText('12,480 customers match')
    const search = screen.getByLabelText('Search customers by any identifier')
    await fireEvent.input(search, { target: { value: 'nobody' } })
    await fireEvent.keyDown(search, { key: 'Enter' })
    expect(await screen.findByRole('heading', { name: 'No customer matches “nobody”' })).toBeTruthy()
    expect(screen.getByText('No customer matches “nobody”', { selector: 'strong' })).toBeTruthy()
  })

  it('focuses the search with /', async () => {
    go = fakeExplore()
    render(CustomersView, { filter: emptyFilter() })
    await screen.findByText('12,480 customers match')
    await fireEvent.keyDown(window, { key: '/' })
    expect(document.activeElement).toBe(screen.getByLabelText('Search customers by any identifier'))
  })

  it('opens a profile with its merges, evidence and timeline', async () => {
    go = fakeExplore()
    render(CustomersView, { filter: emptyFilter() })
    await fireEvent.click(await screen.findByRole('button', { name: 'ann.lee@example.com' }))
    const panel = await screen.findByRole('dialog', { name: 'ann.lee@example.com' })
    await within(panel).findByRole('heading', { name: 'Why merged' })
    expect(go.calls.find((c) => c.method === 'Profile')!.args).toEqual(['p-7f3a9c'])

    expect(within(panel).getByText('p-7f3a9c', { selector: 'code' })).toBeTruthy()
    expect(within(panel).getByRole('list', { name: 'Flags' }).textContent).toContain('5 emails: more than the limit of 3')
    const moves = within(panel).getByRole('list', { name: 'Movement over the whole journey' })
    expect([...moves.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '1 stage skipped',
      '0 backtracks',
      '0 stage revisits',
      '3 channel switches',
      '0 device switches',
      '1 touch after converting',
      '0 paid touches after converting',
    ])
    expect(moves.querySelectorAll('li.zero')).toHaveLength(4)
    const ids = [...panel.querySelectorAll('section[aria-labelledby="ids-title"] tbody tr')].map((tr) => cells(tr as HTMLElement))
    expect(ids[0]).toEqual(['email', 'ann.lee@example.com', '180', '4 Jan 2024'])

    const merge = within(panel).getByText('asserted by 7 rows; the first 2 are listed').closest('li')!
    expect(merge.querySelector('.pair')!.textContent!.replace(/\s+/g, ' ').trim()).toBe('email ann.lee@example.com ↔ customer_id C-10442')
    expect([...merge.querySelectorAll('.evidence li')].map((li) => li.textContent)).toEqual([
      'batch 3 · crm_contacts.csv line 214',
      'batch 2 · orders.csv line 88',
    ])
    expect(within(panel).getByText('tier')).toBeTruthy()

    const timeline = within(panel).getByRole('list', { name: 'Timeline' })
    const heads = [...timeline.querySelectorAll('h4')].map((h) => h.textContent)
    expect(heads).toEqual([
      'Session 1 · 4 Jan 2024, 09:58 · 2 events over 8 min',
      'Session 2 · 11 Feb 2024, 12:00 · 1 event',
      'Session 3 · 1 Mar 2024, 15:20 · 1 event',
    ])
    const order = timeline.querySelectorAll('.event')[2]
    expect(order.textContent).toContain('Order placed')
    expect(order.textContent).toContain('Purchase')
    expect(order.textContent).toContain('129.90')
    expect(order.textContent).toContain('orders.csv:88')
    expect(timeline.querySelectorAll('.event')[3].textContent).toContain('rating 75 %')

    await fireEvent.click(within(panel).getByLabelText('Close panel'))
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('opens the profile another view selected, and explains an unknown key', async () => {
    go = fakeExplore()
    selectedProfile.set('C-10442')
    render(CustomersView, { filter: emptyFilter() })
    expect(await screen.findByRole('dialog', { name: 'ann.lee@example.com' })).toBeTruthy()
    selectedProfile.set('zzz')
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('no customer matches zzz')
  })

  it('marks paid touches after converting in the profile, and shows none for a customer who never converted', async () => {
    const paid = { ...profile, movement: { ...profile.movement, touchesAfterConversion: 4, paidAfterConversion: 2 } }
    go = fakeExplore({ Profile: async (key) => (key === 'never' ? { ...profile, converted: false, movement: { ...profile.movement, touchesAfterConversion: 0 } } : paid) })
    selectedProfile.set(profile.id)
    render(CustomersView, { filter: emptyFilter() })
    let panel = await screen.findByRole('dialog', { name: 'ann.lee@example.com' })
    const warn = (await within(panel).findByRole('list', { name: 'Movement over the whole journey' })).querySelector('li.warn')!
    expect(warn.textContent).toBe('2 paid touches after converting')
    selectedProfile.set('never')
    await waitFor(() => expect(within(screen.getByRole('dialog')).queryByText(/after converting/)).toBeNull())
    panel = screen.getByRole('dialog')
    expect(within(panel).getByRole('list', { name: 'Movement over the whole journey' }).querySelectorAll('li')).toHaveLength(5)
  })

  it('pages a long timeline instead of drawing every event', async () => {
    const long = {
      ...profile,
      timeline: Array.from({ length: 450 }, (_, i) => ({ ...profile.timeline[0], time: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString(), session: Math.floor(i / 100) + 1 })),
    }
    go = fakeExplore({ Profile: async () => long })
    selectedProfile.set(profile.id)
    render(CustomersView, { filter: emptyFilter() })
    const panel = await screen.findByRole('dialog', { name: 'ann.lee@example.com' })
    await within(panel).findByRole('list', { name: 'Timeline' })
    expect(panel.querySelectorAll('.event')).toHaveLength(200)
    expect(within(panel).getByText('250 of 450 events not shown yet')).toBeTruthy()
    await fireEvent.click(within(panel).getByRole('button', { name: 'Show 200 more' }))
    expect(panel.querySelectorAll('.event')).toHaveLength(400)
    await fireEvent.click(within(panel).getByRole('button', { name: 'Show 50 more' }))
    expect(panel.querySelectorAll('.event')).toHaveLength(450)
  })

  it('shows the Identity screen in its tab and opens flagged profiles in the panel', async () => {
    go = fakeExplore()
    render(CustomersView, { filter: emptyFilter() })
    await fireEvent.click(screen.getByRole('tab', { name: 'Identity' }))
    expect(screen.getByRole('heading', { level: 1, name: 'Identity' })).toBeTruthy()
    await fireEvent.click(await screen.findByRole('button', { name: 'C-20001' }))
    await waitFor(() => expect(go!.calls.some((c) => c.method === 'Profile' && c.args[0] === 'p-88aa01')).toBe(true))
  })

  it('asks again after an import elsewhere and after a block in the Identity tab', async () => {
    go = installFakeGo({
      Explore: { Customers: async () => customerPage },
      Identity: { Overview: async () => identityOverview, BlockValue: async () => ({ ...identityOverview, overStitched: [] }) },
    })
    render(CustomersView, { filter: emptyFilter() })
    await screen.findByText('12,480 customers match')
    go.emit('workspace:changed', null)
    await waitFor(() => expect(queries()).toHaveLength(2))
    await fireEvent.click(screen.getByRole('tab', { name: 'Identity' }))
    await fireEvent.click(await screen.findByRole('button', { name: 'Block phone 0000000000' }))
    await fireEvent.click(screen.getByRole('button', { name: 'Block and rebuild' }))
    await waitFor(() => expect(queries()).toHaveLength(3))
  })

  it('shows the Go error when the list fails', async () => {
    go = fakeExplore({ Customers: () => Promise.reject('no workspace is open') })
    render(CustomersView, { filter: emptyFilter() })
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('Could not list the customers')
    expect(alert.textContent).toContain('no workspace is open')
  })
})
