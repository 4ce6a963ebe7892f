import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Stages, StagesUpdate } from '../../api/types'
import { installFakeGo, type FakeGo } from '../../test/fakeGo'
import { stagesFixture } from './fixtures'
import StagesView from './StagesView.svelte'

let go: FakeGo | undefined
afterEach(() => {
  go?.restore()
  go = undefined
})

// SetStages answers as Go would: the saved stages, every touchpoint no longer guessed.
function fakeIdentity(setStages = async (u: unknown): Promise<Stages> => {
  const update = u as StagesUpdate
  const stageOf = new Map(update.mapping.map((m) => [m.touchpoint, m.stage]))
  return {
    stages: update.stages,
    touchpoints: stagesFixture.touchpoints.map((t) => ({ ...t, stage: stageOf.get(t.touchpoint) ?? t.stage, guessed: false })),
    goal: update.goal,
    goalGuessed: false,
  }
}) {
  return installFakeGo({ Identity: { Stages: async () => stagesFixture, SetStages: setStages } })
}

const column = (stage: string) => screen.getByRole('region', { name: `Stage ${stage}` })
const cardsIn = (stage: string) => [...column(stage).querySelectorAll('[data-touchpoint]')].map((el) => el.getAttribute('data-touchpoint'))

async function shown() {
  await screen.findByRole('region', { name: 'Stage Awareness' })
}

describe('StagesView', () => {
  it('shows the stages in order with their touchpoints, guessed markers and the guessed goal', async () => {
    go = fakeIdentity()
    render(StagesView, {})
    await shown()
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)
    expect(headings).toEqual(['Awareness', 'Consideration', 'Decision', 'Purchase', 'Retention', 'Unassigned'])
    expect(cardsIn('Awareness')).toEqual(['Home page', 'Ad click'])
    expect(cardsIn('Decision')).toEqual(['Add to cart', 'Checkout'])
    expect(within(column('Decision')).getAllByText('guessed')).toHaveLength(1)
    expect(within(column('Awareness')).getByTitle('131,600 events').textContent!.replace(/\s+/g, ' ').trim()).toBe('2 touchpoints 132k events')
    expect(screen.getByText('Goal guessed from purchase-like touchpoints; star or unstar to change it.')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Goal: Order placed' }).getAttribute('aria-pressed')).toBe('true')
    expect(screen.getByText('All changes saved. Analyses use these stages and this goal.')).toBeTruthy()
    const product = column('Consideration').querySelector('[data-touchpoint="Product page"]')!
    expect([...product.querySelectorAll('.chip')].map((c) => c.textContent)).toEqual(['web', 'app', 'email', '+2'])
    expect(within(product as HTMLElement).getByText('+2').getAttribute('title')).toBe('web, app, email, ads, store')
  })

  it('moves a touchpoint with the stage menu and saves the whole mapping', async () => {
    go = fakeIdentity()
    const onSaved = vi.fn()
    render(StagesView, { onSaved })
    await shown()
    await fireEvent.change(screen.getByLabelText('Stage of Checkout'), { target: { value: 'Purchase' } })
    expect(cardsIn('Purchase')).toEqual(['Checkout', 'Order placed'])
    expect(cardsIn('Decision')).toEqual(['Add to cart'])
    expect(screen.getByText('1 unsaved change:')).toBeTruthy()
    expect(screen.getByText(/Checkout → Purchase/)).toBeTruthy()
    expect(go.calls.filter((c) => c.method === 'SetStages')).toEqual([])

    await fireEvent.click(screen.getByRole('button', { name: 'Save stages' }))
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1))
    const sent = go.calls.find((c) => c.method === 'SetStages')!.args[0] as StagesUpdate
    expect(sent.stages).toEqual(['Awareness', 'Consideration', 'Decision', 'Purchase', 'Retention'])
    expect(sent.mapping).toContainEqual({ touchpoint: 'Checkout', stage: 'Purchase' })
    expect(sent.mapping).toContainEqual({ touchpoint: 'Add to cart', stage: 'Decision' })
    expect(sent.mapping).toHaveLength(7)
    expect(sent.goal).toEqual(['Order placed'])
    expect(await screen.findByText('All changes saved. Analyses use these stages and this goal.')).toBeTruthy()
    expect(screen.queryAllByText('guessed')).toHaveLength(0)
  })

  it('moves a touchpoint by dragging it onto another stage', async () => {
    go = fakeIdentity()
    render(StagesView, {})
    await shown()
    const data = new Map<string, string>()
    const dataTransfer = { setData: (k: string, v: string) => data.set(k, v), getData: (k: string) => data.get(k) ?? '', effectAllowed: '', dropEffect: '' }
    const card = column('Awareness').querySelector('[data-touchpoint="Ad click"]')!
    await fireEvent.dragStart(card, { dataTransfer })
    await fireEvent.dragOver(column('Consideration'), { dataTransfer })
    await fireEvent.drop(column('Consideration'), { dataTransfer })
    await fireEvent.dragEnd(card, { dataTransfer })
    expect(cardsIn('Consideration')).toEqual(['Product page', 'Ad click'])
    expect(cardsIn('Awareness')).toEqual(['Home page'])
  })

  it('toggles goal touchpoints and sends them', async () => {
    go = fakeIdentity()
    render(StagesView, {})
    await shown()
    await fireEvent.click(screen.getByRole('button', { name: 'Goal: Checkout' }))
    await fireEvent.click(screen.getByRole('button', { name: 'Goal: Order placed' }))
    expect(screen.getByRole('button', { name: 'Goal: Checkout' }).getAttribute('aria-pressed')).toBe('true')
    expect(screen.getByRole('button', { name: 'Goal: Order placed' }).getAttribute('aria-pressed')).toBe('false')
    expect(screen.getByText('Goal: Checkout.')).toBeTruthy()
    expect(screen.queryByText(/Goal guessed/)).toBeNull()
    expect(screen.getByText('2 unsaved changes:')).toBeTruthy()
    await fireEvent.click(screen.getByRole('button', { name: 'Save stages' }))
    await waitFor(() => expect(go!.calls.some((c) => c.method === 'SetStages')).toBe(true))
    expect((go.calls.find((c) => c.method === 'SetStages')!.args[0] as StagesUpdate).goal).toEqual(['Checkout'])
  })

  it('asks for a goal when none is starred', async () => {
    go = fakeIdentity()
    render(StagesView, {})
    await shown()
    await fireEvent.click(screen.getByRole('button', { name: 'Goal: Order placed' }))
    expect(screen.getByText('No goal starred.')).toBeTruthy()
  })

  it('renames, adds, reorders and removes stages', async () => {
    go = fakeIdentity()
    render(StagesView, {})
    await shown()
    await fireEvent.click(screen.getByRole('button', { name: 'Rename Decision' }))
    const input = screen.getByLabelText('New name for Decision')
    await fireEvent.input(input, { target: { value: 'purchase' } })
    expect(screen.getByText('There is already a stage called “Purchase”.')).toBeTruthy()
    await fireEvent.input(input, { target: { value: 'Choice' } })
    await fireEvent.keyDown(input, { key: 'Enter' })
    expect(cardsIn('Choice')).toEqual(['Add to cart', 'Checkout'])

    await fireEvent.input(screen.getByLabelText('Add a stage'), { target: { value: 'Advocacy' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Add stage' }))
    expect(cardsIn('Advocacy')).toEqual([])
    await fireEvent.click(screen.getByRole('button', { name: 'Move Advocacy left' }))
    await fireEvent.click(screen.getByRole('button', { name: 'Remove Awareness' }))
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Consideration', 'Choice', 'Purchase', 'Advocacy', 'Retention', 'Unassigned'])
    expect(cardsIn('Consideration')).toEqual(['Product page', 'Home page', 'Ad click'])

    await fireEvent.click(screen.getByRole('button', { name: 'Save stages' }))
    await waitFor(() => expect(go!.calls.some((c) => c.method === 'SetStages')).toBe(true))
    const sent = go.calls.find((c) => c.method === 'SetStages')!.args[0] as StagesUpdate
    expect(sent.stages).toEqual(['Consideration', 'Choice', 'Purchase', 'Advocacy', 'Retention'])
    expect(sent.mapping).toContainEqual({ touchpoint: 'Home page', stage: 'Consideration' })
    expect(sent.mapping).toContainEqual({ touchpoint: 'Checkout', stage: 'Choice' })
  })

  it('discards unsaved changes', async () => {
    go = fakeIdentity()
    render(StagesView, {})
    await shown()
    await fireEvent.change(screen.getByLabelText('Stage of Checkout'), { target: { value: 'Retention' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Discard' }))
    expect(cardsIn('Decision')).toEqual(['Add to cart', 'Checkout'])
    expect(go.calls.map((c) => c.method)).toEqual(['Stages'])
  })

  it('resets to the guess only after confirming: default stages, no mapping, no goal', async () => {
    go = fakeIdentity(async () => stagesFixture)
    render(StagesView, {})
    await shown()
    await fireEvent.click(screen.getByRole('button', { name: 'Reset to guessed' }))
    const dialog = screen.getByRole('alertdialog', { name: "Reset stages to Wayline's guess?" })
    expect(go.calls.map((c) => c.method)).toEqual(['Stages'])
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Reset stages' }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    expect(go.calls[1]).toEqual({ struct: 'Identity', method: 'SetStages', args: [{ stages: ['Awareness', 'Consideration', 'Decision', 'Purchase', 'Retention', 'Advocacy'], mapping: [], goal: [] }] })
  })

  it('shows the Go error when saving fails and keeps the edits', async () => {
    go = fakeIdentity(() => Promise.reject('stage "Purchase" is listed twice'))
    render(StagesView, {})
    await shown()
    await fireEvent.change(screen.getByLabelText('Stage of Checkout'), { target: { value: 'Purchase' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Save stages' }))
    expect((await screen.findByRole('alert')).textContent).toContain('stage "Purchase" is listed twice')
    expect(cardsIn('Purchase')).toEqual(['Checkout', 'Order placed'])
    expect(screen.getByText('1 unsaved change:')).toBeTruthy()
  })

  it('leaves the title to a surrounding view when asked', async () => {
    go = fakeIdentity()
    render(StagesView, { heading: false })
    await shown()
    expect(screen.queryByRole('heading', { level: 1 })).toBeNull()
  })

  it('reloads after new data unless there are unsaved edits', async () => {
    go = fakeIdentity()
    render(StagesView, {})
    await shown()
    go.emit('workspace:changed', null)
    await waitFor(() => expect(go!.calls.filter((c) => c.method === 'Stages')).toHaveLength(2))
    await fireEvent.change(screen.getByLabelText('Stage of Checkout'), { target: { value: 'Purchase' } })
    go.emit('workspace:changed', null)
    await new Promise((r) => setTimeout(r, 20))
    expect(go.calls.filter((c) => c.method === 'Stages')).toHaveLength(2)
    expect(cardsIn('Purchase')).toEqual(['Checkout', 'Order placed'])
  })

  it('says what to do when there are no touchpoints', async () => {
    go = installFakeGo({ Identity: { Stages: async () => ({ ...stagesFixture, touchpoints: [], goal: [] }) } })
    render(StagesView, {})
    expect(await screen.findByRole('heading', { name: 'No touchpoints yet' })).toBeTruthy()
  })
})
