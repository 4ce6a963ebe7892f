import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { afterEach, describe, expect, it } from 'vitest'
import { emptyFilter } from '../../api/explore'
import type { Filter } from '../../api/types'
import { installFakeGo, type FakeGo } from '../../test/fakeGo'
import { customerPage } from '../../test/exploreFixtures'
import { observedMap } from './fixtures'
import MapView from './MapView.svelte'

let go: FakeGo | undefined
afterEach(() => go?.restore())

const filter: Filter = { ...emptyFilter(), channels: ['web'] }

function fake(map: unknown = observedMap) {
  go = installFakeGo({
    Maps: { Observed: async () => map },
    Notes: { List: async () => [] },
    Explore: { Customers: async () => customerPage },
    Files: { Save: async () => ({ path: '/tmp/journey-map.csv' }) },
  })
  return go
}
const calls = (method: string) => go!.calls.filter((c) => c.method === method)
const text = (el: Element | null) => el?.textContent ?? ''

describe('MapView', () => {
  it('draws the stages with customers reached and skipped, under the filter', async () => {
    fake()
    const { container } = render(MapView, { filter })
    await waitFor(() => expect(container.querySelectorAll('svg.journey-map .stage')).toHaveLength(6))
    expect(calls('Observed')[0].args).toEqual([filter])
    expect(screen.getByText(/Observed from 10,000 customers · 2,300 converted \(23 %\) · goal: Order completed, Store purchase/)).toBeTruthy()
    const decision = container.querySelector('[data-stage="Consideration"]')!
    expect(text(decision)).toContain('7.4k reached · 74 %')
    expect(text(decision)).toContain('1.2k skipped it · 2 sources')
  })

  it('sizes, tints and labels the touchpoint pills, with a channel icon each', async () => {
    fake()
    const { container } = render(MapView, { filter })
    await waitFor(() => expect(container.querySelector('.pill[data-touchpoint="Checkout: payment"]')).toBeTruthy())
    const payment = container.querySelector('.pill[data-touchpoint="Checkout: payment"]')!
    expect(text(payment)).toContain('Checkout: payment')
    expect(text(payment.querySelector('.count'))).toBe('2.1k')
    expect(payment.querySelector('title')!.textContent).toContain('friction 71 (95 % interval 68–75)')
    expect(payment.querySelector('.channel-icon')!.getAttribute('data-kind')).toBe('web')
    expect(container.querySelector('.pill[data-touchpoint="Ticket opened"] .channel-icon')!.getAttribute('data-kind')).toBe('support')
    // Not enough data: hatched and faint, never tinted as low friction.
    const referral = container.querySelector('.pill[data-touchpoint="=Referral shared"]')!
    expect(referral.classList.contains('thin')).toBe(true)
    expect(referral.getAttribute('opacity')).toBe('0.35')
    expect(referral.querySelector('rect')!.getAttribute('fill')).toBe('url(#map-hatch)')
    expect(screen.getByText('+2 more')).toBeTruthy()
  })

  it('shows the emotion curve with its evidence and a gap where there are no ratings', async () => {
    fake()
    const { container } = render(MapView, { filter })
    await waitFor(() => expect(container.querySelector('.emotion')).toBeTruthy())
    const labels = [...container.querySelectorAll('.emotion-label')].map((l) => l.textContent)
    expect(labels).toEqual(['+0.6 · 410 ratings', '+0.9 · 22 ratings', '−1.2 · 212 ratings', '+1.1 · 180 ratings', 'no ratings', '+1.6 · 9 ratings'])
    expect(container.querySelectorAll('.emotion path.line')).toHaveLength(1) // Awareness→Purchase; Advocacy stands alone
    expect(container.querySelectorAll('.emotion circle.gap')).toHaveLength(1)
  })

  it('opens a pain point’s breakdown and then the customers behind it', async () => {
    fake()
    const { container } = render(MapView, { filter })
    await waitFor(() => expect(container.querySelector('.pain[data-touchpoint="Checkout: payment"]')).toBeTruthy())
    const pain = container.querySelector('.pain[data-touchpoint="Checkout: payment"]')!
    expect(text(pain)).toContain('friction 71 · interval 68–75')
    await fireEvent.click(pain)
    const panel = await screen.findByRole('dialog')
    expect(within(panel).getByText('Checkout: payment')).toBeTruthy()
    expect(within(panel).getByText('71')).toBeTruthy()
    expect(within(panel).getByText('728 exits')).toBeTruthy()
    expect(within(panel).getByText('26 %')).toBeTruthy()
    await fireEvent.click(within(panel).getByRole('button', { name: 'Show the 2,140 customers behind it' }))
    await waitFor(() => expect(calls('Customers')).toHaveLength(1))
    const [f, q] = calls('Customers')[0].args as [Filter, { cohort: unknown }]
    expect(f).toEqual(filter)
    expect(q.cohort).toMatchObject({ kind: 'node', level: 'touchpoint', node: 'Checkout: payment' })
    expect(await screen.findByText('Customers at Checkout: payment')).toBeTruthy()
  })

  it('opens a touchpoint from the keyboard', async () => {
    fake()
    const { container } = render(MapView, { filter })
    await waitFor(() => expect(container.querySelector('.pill[data-touchpoint="Home page"]')).toBeTruthy())
    await fireEvent.keyDown(container.querySelector('.pill[data-touchpoint="Home page"]')!, { key: 'Enter' })
    expect(within(await screen.findByRole('dialog')).getByText('Home page')).toBeTruthy()
  })

  it('fetches again when the filter changes', async () => {
    fake()
    const { rerender } = render(MapView, { filter })
    await waitFor(() => expect(calls('Observed')).toHaveLength(1))
    const next = { ...filter, personas: ['persona-1'] }
    await rerender({ filter: next })
    await waitFor(() => expect(calls('Observed')).toHaveLength(2))
    expect(calls('Observed')[1].args).toEqual([next])
  })

  it('says what to do when no journeys match', async () => {
    fake({ stages: [], customers: 0, converted: 0, goal: [] })
    render(MapView, { filter })
    expect(await screen.findByText(/No journeys match the filter\. Widen the filter at the top/)).toBeTruthy()
  })

  it('exports the table as CSV through Files.Save in the desktop window', async () => {
    fake()
    const { container } = render(MapView, { filter })
    await waitFor(() => expect(container.querySelector('svg.journey-map')).toBeTruthy())
    await fireEvent.click(screen.getByRole('button', { name: 'CSV' }))
    await waitFor(() => expect(calls('Save')).toHaveLength(1))
    const [name, mime, data] = calls('Save')[0].args as [string, string, string]
    expect(name).toBe('journey-map.csv')
    expect(mime).toBe('text/csv')
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(Uint8Array.from(atob(data), (c) => c.charCodeAt(0)))
    expect(csv.startsWith('\ufeffstage,lane,item,customers')).toBe(true)
    expect(csv).toContain('Decision,touchpoint,Checkout: payment,2140,0.52,0.714,0.68,0.75,true,1,organic')
    // A touchpoint name that looks like a formula is neutralised.
    expect(csv).toContain("Advocacy,touchpoint,'=Referral shared,")
    expect(await screen.findByText('Saved /tmp/journey-map.csv')).toBeTruthy()
  })

  it('exports the map as a standalone SVG', async () => {
    fake()
    const { container } = render(MapView, { filter })
    await waitFor(() => expect(container.querySelector('svg.journey-map')).toBeTruthy())
    await fireEvent.click(screen.getByRole('button', { name: 'SVG' }))
    await waitFor(() => expect(calls('Save')).toHaveLength(1))
    const [name, mime, data] = calls('Save')[0].args as [string, string, string]
    expect([name, mime]).toEqual(['journey-map.svg', 'image/svg+xml'])
    const svg = new TextDecoder().decode(Uint8Array.from(atob(data), (c) => c.charCodeAt(0)))
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"')
    expect(svg).toContain('Checkout: payment')
    expect(svg).not.toContain('tabindex')
  })
})
