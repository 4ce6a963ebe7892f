import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { get } from 'svelte/store'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { emptyFilter } from '../../api/explore'
import type { Filter, FlowOptions, FunnelSpec } from '../../api/types'
import { selectedProfile, takeRequestedView } from '../../lib/selection'
import { installFakeGo, type FakeGo } from '../../test/fakeGo'
import { customerPage, flow, funnel, movement, sankey, stageFlow, variants } from '../../test/exploreFixtures'
import FlowView from './FlowView.svelte'
import { flowState, initialFlowState } from './state'

let go: FakeGo | undefined
afterEach(() => go?.restore())
// The process map waits for the ELK layout, which takes well over waitFor's default second when the whole
// suite shares two busy cores.
const layout = { timeout: 8000 }
beforeEach(() => flowState.set(initialFlowState()))

const filter: Filter = { ...emptyFilter(), channels: ['web'] }

function fake() {
  go = installFakeGo({
    Explore: {
      Flow: async (_f, opts) => ((opts as FlowOptions).level === 'stage' ? stageFlow : flow),
      Paths: async () => sankey,
      Variants: async () => variants,
      Funnel: async () => funnel,
      Movement: async () => movement,
      Customers: async () => customerPage,
    },
  })
  return go
}
const calls = (method: string) => go!.calls.filter((c) => c.method === method)

describe('FlowView: process map', () => {
  it('draws the nodes and edges of the flow and says what was hidden', async () => {
    fake()
    const { container } = render(FlowView, { filter })
    await waitFor(() => expect(container.querySelectorAll('.process-map .node')).toHaveLength(flow.nodes.length), layout)
    expect(container.querySelectorAll('.process-map path.edge')).toHaveLength(flow.edges.length)
    expect(container.querySelector('[data-node="cart"]')!.textContent).toContain('500')
    expect(screen.getByText(/^Simplified: .*37 customers have part of their journey simplified/)).toBeTruthy()
    const mapCall = calls('Flow').find((c) => (c.args[1] as FlowOptions).maxNodes !== 0)!
    expect(mapCall.args).toEqual([filter, { level: 'touchpoint', minEdgeShare: 0.01, maxNodes: 20 }])
  })

  it('asks Go for the level picked and draws its answer', async () => {
    fake()
    const { container } = render(FlowView, { filter })
    await waitFor(() => expect(container.querySelector('[data-node="cart"]')).toBeTruthy(), layout)
    await fireEvent.click(screen.getByRole('radio', { name: 'Stage' }))
    await waitFor(() => expect(container.querySelector('[data-node="Decision"]')).toBeTruthy(), layout)
    expect(calls('Flow').at(-1)!.args).toEqual([filter, { level: 'stage', minEdgeShare: 0.01, maxNodes: 20 }])
    await fireEvent.change(screen.getByLabelText('Maximum nodes'), { target: { value: '8' } })
    await waitFor(() => expect(calls('Flow').at(-1)!.args[1]).toEqual({ level: 'stage', minEdgeShare: 0.01, maxNodes: 8 }))
  })

  it('switches edge labels to median time', async () => {
    fake()
    const { container } = render(FlowView, { filter })
    await waitFor(() => expect(container.querySelector('[data-edge="cart→checkout"]')).toBeTruthy(), layout)
    expect(container.querySelector('[data-edge="cart→checkout"] text')!.textContent).toBe('420')
    await fireEvent.click(screen.getByRole('radio', { name: 'Time' }))
    expect(container.querySelector('[data-edge="cart→checkout"] text')!.textContent).toBe('10 min')
    expect(container.querySelector('[data-edge="cart→checkout"] title')!.textContent).toContain('p90 2 h')
  })

  it('opens the customers behind an edge and then a profile', async () => {
    fake()
    const { container } = render(FlowView, { filter })
    await waitFor(() => expect(container.querySelector('[data-edge="cart→checkout"]')).toBeTruthy(), layout)
    await fireEvent.click(container.querySelector('[data-edge="cart→checkout"]')!)
    const panel = await screen.findByRole('dialog')
    expect(within(panel).getByText('cart → checkout')).toBeTruthy()
    await waitFor(() => expect(within(panel).getByText('ann@example.com')).toBeTruthy())
    const [f, query] = calls('Customers')[0].args as [Filter, { cohort: unknown; sort: string }]
    expect(f).toEqual(filter)
    expect(query.cohort).toEqual({ kind: 'edge', level: 'touchpoint', minEdgeShare: 0.01, maxNodes: 20, channel: '', node: '', from: 'cart', to: 'checkout', path: [], collapseRepeats: false, funnel: null, step: 0, movement: '', direction: '', depth: 0 })
    expect(within(panel).getByText('182.50')).toBeTruthy()
    await fireEvent.click(within(panel).getByText('ann@example.com'))
    expect(get(selectedProfile)).toBe('p-1a2b')
    expect(takeRequestedView()).toBe('customers')
  })

  it('opens the customers behind a node', async () => {
    fake()
    const { container } = render(FlowView, { filter })
    await waitFor(() => expect(container.querySelector('[data-node="cart"]')).toBeTruthy(), layout)
    await fireEvent.keyDown(container.querySelector('[data-node="cart"]')!, { key: 'Enter' })
    await waitFor(() => expect(calls('Customers')).toHaveLength(1))
    expect((calls('Customers')[0].args[1] as { cohort: { kind: string; node: string; level: string } }).cohort).toMatchObject({ kind: 'node', node: 'cart', level: 'touchpoint' })
  })
})

describe('FlowView: other tabs', () => {
  it('lists variants with their coverage and opens a variant cohort', async () => {
    fake()
    const { container } = render(FlowView, { filter })
    await fireEvent.click(screen.getByRole('tab', { name: 'Variants' }))
    expect(await screen.findByText('The 3 listed variants cover 73 % of customers (57 distinct variants in all).')).toBeTruthy()
    const rows = container.querySelectorAll('table.variants tbody tr')
    expect(rows).toHaveLength(3)
    expect([...rows[0].querySelectorAll('.pill')].map((p) => p.textContent)).toEqual(['ad_click', 'site_visit', 'product_view', 'cart', 'checkout', 'purchase'])
    expect(rows[0].textContent).toContain('1 d 2 h')
    await fireEvent.click(screen.getByLabelText(/Collapse repeats/))
    await waitFor(() => expect(calls('Variants').at(-1)!.args[1]).toEqual({ collapseRepeats: true, limit: 50 }))
    await fireEvent.click(within(rows[1] as HTMLElement).getByText('220'))
    await waitFor(() => expect(calls('Customers')).toHaveLength(1))
    expect((calls('Customers')[0].args[1] as { cohort: unknown }).cohort).toMatchObject({ kind: 'variant', path: ['site_visit', 'product_view'], collapseRepeats: true })
  })

  it('draws the top paths from the most common touchpoint', async () => {
    fake()
    const { container } = render(FlowView, { filter })
    await fireEvent.click(screen.getByRole('tab', { name: 'Paths' }))
    await waitFor(() => expect(container.querySelectorAll('svg.sankey .links path')).toHaveLength(4))
    expect(calls('Paths')[0].args).toEqual([filter, { anchor: 'site_visit', direction: 'from', depth: 4, limit: 20 }])
    expect(screen.getByText('Top paths starting at site_visit cover 900 of 900 customers (100 %).')).toBeTruthy()
    await fireEvent.change(screen.getByLabelText('Direction'), { target: { value: 'to' } })
    await fireEvent.change(screen.getByLabelText('Anchor touchpoint'), { target: { value: 'cart' } })
    await waitFor(() => expect(calls('Paths').at(-1)!.args[1]).toEqual({ anchor: 'cart', direction: 'to', depth: 4, limit: 20 }))
  })

  it('builds a funnel, sends its spec and opens the customers who dropped', async () => {
    fake()
    render(FlowView, { filter })
    await fireEvent.click(screen.getByRole('tab', { name: 'Funnel' }))
    expect(screen.getByText('Pick at least one touchpoint for step 1.')).toBeTruthy()
    const pick = async (step: number, touchpoint: string) => {
      const buttons = screen.getAllByRole('button', { name: /Touchpoints/ })
      await waitFor(() => expect(buttons[step].hasAttribute('disabled')).toBe(false))
      await fireEvent.click(buttons[step])
      await fireEvent.click(screen.getByRole('checkbox', { name: touchpoint }))
      await fireEvent.click(buttons[step])
    }
    await pick(0, 'site_visit')
    await pick(1, 'checkout')
    await pick(1, 'purchase')
    await fireEvent.input(screen.getByLabelText('Name of step 2'), { target: { value: 'Bought' } })
    await fireEvent.click(screen.getByText('+ Add step'))
    await pick(2, 'support_ticket')
    await fireEvent.click(screen.getAllByRole('checkbox', { name: 'optional' })[2])
    await fireEvent.click(screen.getByLabelText('Move step 3 up'))
    await fireEvent.click(screen.getByLabelText(/Open: enter at any step/))
    await fireEvent.change(screen.getByLabelText('Conversion window'), { target: { value: '604800' } })
    await waitFor(() => expect(calls('Funnel').length).toBeGreaterThan(0))
    const want: FunnelSpec = {
      steps: [
        { label: 'site_visit', touchpoints: ['site_visit'], optional: false },
        { label: 'support_ticket', touchpoints: ['support_ticket'], optional: true },
        { label: 'Bought', touchpoints: ['checkout', 'purchase'], optional: false },
      ],
      mode: 'open',
      windowSeconds: 604_800,
    }
    await waitFor(() => expect(calls('Funnel').at(-1)!.args).toEqual([filter, want]))
    // Debounced: not one query per change.
    expect(calls('Funnel').length).toBeLessThan(3)
    await screen.findByText(/customers who entered completed the funnel/)
    await fireEvent.click(screen.getByLabelText('400 customers went no further than Cart'))
    await waitFor(() => expect(calls('Customers')).toHaveLength(1))
    expect((calls('Customers')[0].args[1] as { cohort: unknown }).cohort).toMatchObject({ kind: 'funnelDrop', step: 1, funnel: want })
  })
})

describe('FlowView: movement', () => {
  const cohortOf = (i: number) => (calls('Customers')[i].args[1] as { cohort: unknown }).cohort
  const blank = { level: '', minEdgeShare: 0, maxNodes: 0, channel: '', node: '', from: '', to: '', path: [], collapseRepeats: false, funnel: null, step: 0, direction: '', depth: 0 }

  it('sits between Funnel and Stages and draws every part of the movement', async () => {
    fake()
    const { container } = render(FlowView, { filter })
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Process map', 'Paths', 'Variants', 'Funnel', 'Movement', 'Stages'])
    await fireEvent.click(screen.getByRole('tab', { name: 'Movement' }))
    const figures = await screen.findByRole('list', { name: 'Movement in figures' })
    expect(calls('Movement')[0].args).toEqual([filter])
    const cards = [...figures.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim())
    expect(cards[0]).toBe('Converted 400 40 % of customers')
    expect(cards).toHaveLength(6)
    expect(cards[5]).toBe('Paid after converting 90 23 % of the converted 160 paid touches')
    expect(figures.querySelectorAll('li.warn')).toHaveLength(1)

    const rowsOf = (name: string) => [...screen.getByRole('list', { name }).querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim())
    expect(rowsOf('Stage skips')).toEqual(['Awareness → Decision 120 12 % 150 times', 'Consideration → Purchase 60 6 %'])
    expect(rowsOf('Backtracks')).toEqual(['Decision → Consideration 200 20 % 340 times'])
    expect(rowsOf('Revisits')).toHaveLength(2)
    expect(rowsOf('Entry points')[2]).toBe('site_visit no channel 100 10 %')
    expect(rowsOf('Exits')[3]).toBe('support_ticket 120 12 % 58 % converted')

    expect(screen.getByText(/^520 touches reached 210 of 400 converted customers/)).toBeTruthy()
    const after = [...container.querySelectorAll('table.after-table tbody tr')] as HTMLElement[]
    expect(after).toHaveLength(5)
    expect(after.filter((tr) => tr.querySelector('.paid-tag')).map((tr) => tr.querySelector('td')!.textContent)).toEqual(['retargeting_ad', 'retargeting_ad'])
    await fireEvent.click(screen.getByLabelText('Paid only'))
    await waitFor(() => expect(container.querySelectorAll('table.after-table tbody tr')).toHaveLength(2))
    expect(get(flowState).movement.paidOnly).toBe(true)
  })

  it('opens the customers behind each count with the movement cohort Go reads', async () => {
    fake()
    render(FlowView, { filter })
    await fireEvent.click(screen.getByRole('tab', { name: 'Movement' }))
    await screen.findByRole('list', { name: 'Movement in figures' })

    await fireEvent.click(screen.getByLabelText('90 customers: Paid after converting'))
    const panel = await screen.findByRole('dialog')
    expect(within(panel).getByText('Paid after converting')).toBeTruthy()
    await waitFor(() => expect(calls('Customers')).toHaveLength(1))
    expect(calls('Customers')[0].args[0]).toEqual(filter)
    expect(cohortOf(0)).toEqual({ ...blank, kind: 'movement', movement: 'paidAfterConversion' })

    await fireEvent.click(screen.getByLabelText('120 customers: Skipped Awareness → Decision'))
    await waitFor(() => expect(calls('Customers')).toHaveLength(2))
    expect(cohortOf(1)).toEqual({ ...blank, kind: 'movement', movement: 'stageSkips', from: 'Awareness', to: 'Decision' })
    expect(within(screen.getByRole('dialog')).getByText('Skipped Awareness → Decision')).toBeTruthy()

    await fireEvent.click(screen.getByLabelText('300 customers: Started at site_visit · organic'))
    await waitFor(() => expect(calls('Customers')).toHaveLength(3))
    expect(cohortOf(2)).toEqual({ ...blank, kind: 'movement', movement: 'entries', node: 'site_visit', channel: 'organic' })

    await fireEvent.click(screen.getByLabelText('120 customers: Ended at support_ticket'))
    await waitFor(() => expect(calls('Customers')).toHaveLength(4))
    expect(cohortOf(3)).toEqual({ ...blank, kind: 'movement', movement: 'exits', node: 'support_ticket' })

    await fireEvent.click(screen.getByLabelText('180 customers: Revisited Consideration'))
    await waitFor(() => expect(calls('Customers')).toHaveLength(5))
    expect(cohortOf(4)).toEqual({ ...blank, kind: 'movement', movement: 'revisits', node: 'Consideration' })

    await fireEvent.click(screen.getByLabelText('480 customers: Switched channel'))
    await waitFor(() => expect(calls('Customers')).toHaveLength(6))
    expect(cohortOf(5)).toEqual({ ...blank, kind: 'movement', movement: 'channelSwitches' })

    await fireEvent.click(screen.getByLabelText('120 touches: After converting: retargeting_ad · display'))
    await waitFor(() => expect(calls('Customers')).toHaveLength(7))
    expect(cohortOf(6)).toEqual({ ...blank, kind: 'movement', movement: 'touchesAfterConversion', node: 'retargeting_ad', channel: 'display' })
  })

  it('says what to do when no journey matches, and when Go fails', async () => {
    fake()
    go!.restore()
    go = installFakeGo({
      Explore: {
        Flow: async () => flow,
        Movement: async (f) => ((f as Filter).devices.length ? Promise.reject('no workspace is open') : { ...movement, customers: 0 }),
      },
    })
    const { rerender } = render(FlowView, { filter })
    await fireEvent.click(screen.getByRole('tab', { name: 'Movement' }))
    expect(await screen.findByText(/No journeys match the filter/)).toBeTruthy()
    await rerender({ filter: { ...filter, devices: ['mobile'] } })
    expect((await screen.findByRole('alert')).textContent).toBe('Could not compute the movement: no workspace is open')
  })
})
