import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { emptyFilter } from '../../api/explore'
import type { FrictionSettings } from '../../api/friction'
import type { Filter } from '../../api/types'
import { installFakeGo, type FakeGo } from '../../test/fakeGo'
import { customerPage } from '../../test/exploreFixtures'
import { overview, settings, stageHeatmap, touchpointHeatmap } from './fixtures'
import FrictionView from './FrictionView.svelte'
import { frictionState, initialFrictionState } from './state'

let go: FakeGo | undefined
afterEach(() => go?.restore())
beforeEach(() => frictionState.set(initialFrictionState()))

const filter: Filter = { ...emptyFilter(), channels: ['web'] }
const defaults: FrictionSettings = {
  weights: { exit: 3, loop: 1, stall: 1, support: 2, sentiment: 1, effort: 1 },
  minCustomers: 30,
  supportWindowHours: 72,
  lowRating: 0.4,
}

function fake(extra: Record<string, (...a: unknown[]) => Promise<unknown>> = {}) {
  go = installFakeGo({
    Friction: {
      Heatmap: async (_f, rows) => (rows === 'touchpoint' ? touchpointHeatmap : stageHeatmap),
      Overview: async () => overview,
      Settings: async () => settings,
      SetSettings: async (s) => s,
      ResetSettings: async () => defaults,
      ...extra,
    },
    Explore: { Customers: async () => customerPage },
  })
  return go
}
const calls = (method: string) => go!.calls.filter((c) => c.method === method)
const cell = (row: string, column: string) => document.querySelector(`.cell[data-row="${row}"][data-column="${column}"]`)!

describe('FrictionView: heatmap', () => {
  it('shows stages against all customers and each persona, scores 0–100, hatched cells without enough data', async () => {
    fake()
    const { container } = render(FrictionView, { filter })
    await waitFor(() => expect(container.querySelectorAll('svg.heatmap .cell')).toHaveLength(18))
    expect(calls('Heatmap')[0].args).toEqual([filter, 'stage'])
    expect([...container.querySelectorAll('.column-head')].map((h) => h.textContent)).toEqual([
      'All customers: 10,000 customersAll customers10k customers',
      'Bargain hunters: 3,120 customersBargain hunters3.1k customers',
      'Support seekers: 1,300 customersSupport seekers1.3k customers',
    ])
    expect(cell('Decision', 'all').querySelector('.score')!.textContent).toBe('52')
    expect(cell('Decision', 'persona-2').querySelector('.score')!.textContent).toBe('72')
    expect(cell('Decision', 'all').querySelector('line.interval')).toBeTruthy()
    const thin = cell('Advocacy', 'persona-1')
    expect(thin.querySelector('.score')!.textContent).toBe('not enough data')
    expect(thin.querySelector('rect')!.getAttribute('fill')).toBe('url(#heat-hatch)')
    expect(thin.querySelector('title')!.textContent).toBe('Bargain hunters · Advocacy: not enough data — 8 customers (needs 30)')
    expect(container.querySelector('svg.heatmap .friction-legend')!.textContent).toContain('Friction score (0–100)')
    expect(container.querySelector('svg.heatmap .friction-legend')!.textContent).toContain('not enough data')
  })

  it('breaks a cell down on hover', async () => {
    fake()
    render(FrictionView, { filter })
    await waitFor(() => expect(cell('Decision', 'all')).toBeTruthy())
    await fireEvent.mouseEnter(cell('Decision', 'all'))
    const tip = screen.getByRole('tooltip')
    expect(tip.textContent).toContain('Friction 52 (95 % interval 50–55)')
    expect(within(tip).getByText('10 %')).toBeTruthy() // exits
    expect(within(tip).getByText('10 exits')).toBeTruthy()
    await fireEvent.mouseLeave(cell('Decision', 'all'))
    expect(screen.queryByRole('tooltip')).toBeNull()
  })

  it('opens the customers behind a persona cell with that persona and the stage cohort', async () => {
    fake()
    render(FrictionView, { filter })
    await waitFor(() => expect(cell('Decision', 'persona-2')).toBeTruthy())
    await fireEvent.click(cell('Decision', 'persona-2'))
    await waitFor(() => expect(calls('Customers')).toHaveLength(1))
    const [f, q] = calls('Customers')[0].args as [Filter, { cohort: unknown }]
    expect(f).toEqual({ ...filter, personas: ['persona-2'] })
    expect(q.cohort).toMatchObject({ kind: 'stage', node: 'Decision' })
    expect(within(screen.getByRole('dialog')).getByText('Decision · Support seekers')).toBeTruthy()
  })

  it('switches rows to touchpoints and opens a touchpoint cell as a node cohort', async () => {
    fake()
    render(FrictionView, { filter })
    await waitFor(() => expect(cell('Decision', 'all')).toBeTruthy())
    await fireEvent.click(screen.getByLabelText('Touchpoints'))
    await waitFor(() => expect(cell('Checkout: payment', 'all')).toBeTruthy())
    expect(calls('Heatmap').at(-1)!.args).toEqual([filter, 'touchpoint'])
    expect(cell('Checkout: payment', 'all').querySelector('.score')!.textContent).toBe('71')
    await fireEvent.keyDown(cell('Checkout: payment', 'all'), { key: 'Enter' })
    await waitFor(() => expect(calls('Customers')).toHaveLength(1))
    const [f, q] = calls('Customers')[0].args as [Filter, { cohort: unknown }]
    expect(f).toEqual(filter)
    expect(q.cohort).toMatchObject({ kind: 'node', level: 'touchpoint', node: 'Checkout: payment' })
  })

  it('fetches again when the filter changes', async () => {
    fake()
    const { rerender } = render(FrictionView, { filter })
    await waitFor(() => expect(calls('Heatmap')).toHaveLength(1))
    const next = { ...filter, devices: ['mobile'] }
    await rerender({ filter: next })
    await waitFor(() => expect(calls('Heatmap')).toHaveLength(2))
    expect(calls('Heatmap')[1].args).toEqual([next, 'stage'])
  })
})

describe('FrictionView: ranking, moments, waste', () => {
  it('ranks touchpoints worst first with score, interval, customers and components', async () => {
    fake()
    const { container } = render(FrictionView, { filter })
    await fireEvent.click(screen.getByRole('tab', { name: 'Ranking' }))
    await waitFor(() => expect(container.querySelectorAll('table.ranking tbody tr')).toHaveLength(6))
    expect(calls('Overview')[0].args).toEqual([filter])
    const first = container.querySelector('table.ranking tbody tr')!
    expect([...first.querySelectorAll('td')].map((td) => td.textContent!.replace(/\s+/g, ' ').trim())).toEqual([
      '1',
      'Checkout: payment Decision',
      '71 68–75',
      '2,140',
      '34 %',
      '41 %',
      '26 %',
      '22 %',
      '58 %',
      '42 %',
    ])
    const last = container.querySelector('tr[data-touchpoint="=Referral shared"]')!
    expect(last.textContent).toContain('not enough data')
    expect(last.querySelector('td')!.textContent).toBe('')
    await fireEvent.click(within(first as HTMLElement).getByRole('button', { name: 'Checkout: payment' }))
    const panel = await screen.findByRole('dialog')
    expect(within(panel).getByText('Touchpoint in Decision')).toBeTruthy()
    expect(within(panel).getByText('877 loops')).toBeTruthy()
  })

  it('lists moments of truth with lift and removal effect', async () => {
    fake()
    const { container } = render(FrictionView, { filter })
    await fireEvent.click(screen.getByRole('tab', { name: 'Moments of truth' }))
    await waitFor(() => expect(container.querySelectorAll('table.moments tbody tr')).toHaveLength(3))
    const row = container.querySelector('tr[data-touchpoint="Checkout: payment"]')!
    expect([...row.querySelectorAll('td')].map((td) => td.textContent!.trim())).toEqual(['Checkout: paymentDecision', '2,140', '1,960', '38 %', '52 %', '−14 pts', '21 %'])
    expect(container.querySelector('tr[data-touchpoint="Store call"] .lift')!.textContent).toBe('+18 pts')
    await fireEvent.click(screen.getByRole('button', { name: '640' }))
    await waitFor(() => expect(calls('Customers')).toHaveLength(1))
    expect((calls('Customers')[0].args[1] as { cohort: unknown }).cohort).toMatchObject({ kind: 'node', node: 'Store call' })
  })

  it('counts paid touches after conversion and opens those customers', async () => {
    fake()
    const { container } = render(FrictionView, { filter })
    await fireEvent.click(screen.getByRole('tab', { name: 'Wasted touches' }))
    expect(await screen.findByText(/paid touches reached/)).toBeTruthy()
    expect(container.querySelector('.headline')!.textContent!.replace(/\s+/g, ' ').trim()).toBe('4,812 paid touches reached 1,530 customers after they had already bought.')
    expect(container.querySelectorAll('table.wasted tbody tr')).toHaveLength(2)
    await fireEvent.click(screen.getByRole('button', { name: '1,530' }))
    await waitFor(() => expect(calls('Customers')).toHaveLength(1))
    expect((calls('Customers')[0].args[1] as { cohort: unknown }).cohort).toMatchObject({ kind: 'movement', movement: 'paidAfterConversion' })
  })
})

describe('FrictionView: settings', () => {
  it('saves edited weights, recomputes, and resets to Go’s defaults', async () => {
    fake()
    render(FrictionView, { filter })
    await waitFor(() => expect(calls('Heatmap')).toHaveLength(1))
    await fireEvent.click(screen.getByRole('button', { name: 'Score settings' }))
    const exits = screen.getByLabelText('Exits') as HTMLInputElement
    expect(exits.value).toBe('2')
    await fireEvent.input(exits, { target: { value: '4' } })
    await fireEvent.input(screen.getByLabelText('Minimum customers'), { target: { value: '50' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Save and recompute' }))
    await waitFor(() => expect(calls('SetSettings')).toHaveLength(1))
    const sent = calls('SetSettings')[0].args[0] as FrictionSettings
    expect(sent).toEqual({ ...settings, weights: { ...settings.weights, exit: 4 }, minCustomers: 50 })
    await waitFor(() => expect(calls('Heatmap')).toHaveLength(2))
    await fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults' }))
    // Go owns the defaults: the button asks for them instead of sending a copy.
    await waitFor(() => expect(calls('ResetSettings')).toHaveLength(1))
    expect(calls('SetSettings')).toHaveLength(1)
    await waitFor(() => expect(calls('Heatmap')).toHaveLength(3)) // and the view recomputes with them
  })

  it('shows Go’s reason when the settings are refused', async () => {
    fake({ SetSettings: async () => Promise.reject('friction: every weight is 0: give at least one component a weight above 0') })
    render(FrictionView, { filter })
    await waitFor(() => expect(calls('Heatmap')).toHaveLength(1))
    await fireEvent.click(screen.getByRole('button', { name: 'Score settings' }))
    await fireEvent.input(screen.getByLabelText('Exits'), { target: { value: '0' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Save and recompute' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Could not save the settings: friction: every weight is 0: give at least one component a weight above 0')
  })

  it('keeps the settings read-only in a read-only workspace', async () => {
    fake()
    render(FrictionView, { filter, readOnly: true })
    await waitFor(() => expect(calls('Heatmap')).toHaveLength(1))
    await fireEvent.click(screen.getByRole('button', { name: 'Score settings' }))
    expect((screen.getByLabelText('Exits') as HTMLInputElement).disabled).toBe(true)
    expect((screen.getByRole('button', { name: 'Reset to defaults' }) as HTMLButtonElement).disabled).toBe(true)
  })
})
