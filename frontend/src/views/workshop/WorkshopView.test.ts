import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { NotesChangedEvent } from '../../api/events'
import { emptyFilter } from '../../api/explore'
import type { Note } from '../../api/notes'
import type { Assumed } from '../../api/workshop'
import { customerPage, filterOptions } from '../../test/exploreFixtures'
import { installFakeGo, type FakeGo } from '../../test/fakeGo'
import { comparison, currentState, futureState, hypothesisNote, ideaNote, painNote, personaMatches, stages, supported } from './fixtures'
import { initialWorkshopState, workshopState } from './state'
import WorkshopView from './WorkshopView.svelte'

let go: FakeGo | undefined
afterEach(() => go?.restore())
beforeEach(() => {
  workshopState.set(initialWorkshopState())
  localStorage.clear()
})

type Fn = (...a: unknown[]) => Promise<unknown>
function fake({ maps = [currentState, futureState], noteList = [painNote, ideaNote, hypothesisNote], workshop = {}, notes = {} }: { maps?: Assumed[]; noteList?: Note[]; workshop?: Record<string, Fn>; notes?: Record<string, Fn> } = {}) {
  go = installFakeGo({
    Workshop: {
      AssumedMaps: async () => maps,
      Compare: async () => comparison,
      GapCustomers: async () => customerPage,
      PersonaMatches: async () => personaMatches,
      SaveAssumed: async (a) => [a, ...maps.filter((m) => m.id !== (a as Assumed).id)],
      DraftFromObserved: async () => ({ ...currentState, personas: [] }),
      ...workshop,
    },
    Notes: {
      List: async () => noteList,
      History: async () => [],
      Evaluate: async () => supported,
      ...notes,
    },
    Identity: { Stages: async () => stages },
    Explore: { FilterOptions: async () => filterOptions },
    Personas: { Current: async () => ({ personas: [], features: [{ name: 'channel.email', label: 'Email share', included: true, group: 'Channels' }] }) },
  })
  return go
}
const calls = (method: string) => go!.calls.filter((c) => c.method === method)
const column = (stage: string) => document.querySelector<HTMLElement>(`section.column[data-stage="${stage}"]`)!
const filter = emptyFilter()
/** Waits for an element to appear and returns it. */
const found = (sel: string) =>
  waitFor(() => {
    const el = document.querySelector<HTMLElement>(sel)
    expect(el, sel).toBeTruthy()
    return el!
  })

describe('WorkshopView: comparison', () => {
  it('shows the headline figures and the assumed map with the data over it', async () => {
    fake()
    render(WorkshopView, { filter })
    await waitFor(() => expect(column('Discover')).toBeTruthy())
    expect(calls('Compare')[0].args).toEqual([filter, 'current-state', { extraTouches: 0, allowSkips: 0 }])
    expect(screen.getByText('27 %')).toBeTruthy()
    expect(screen.getByText('1,350 of 5,000 customers')).toBeTruthy()
    expect(screen.getByText('2.1k')).toBeTruthy()
    expect(document.querySelector('[data-departure]')!.textContent).toBe('2,300 customers stop after Newsletter (Discover)')

    const discover = within(column('Discover'))
    expect(discover.getByText('65 %')).toBeTruthy() // 3,000 of 4,600 followed
    expect(discover.getByText('4,600 reached · 3,000 followed')).toBeTruthy()
    expect(discover.getByText('Most customers first leave the path here')).toBeTruthy()
    const ad = column('Discover').querySelector<HTMLElement>('[data-touchpoint="Ad click"]')!
    expect(ad.dataset.verdict).toBe('below')
    expect(within(ad).getByText('40 % vs 60 % expected')).toBeTruthy()
    expect(within(ad).getByText('20 pts below')).toBeTruthy()
    expect(within(ad).getByText('1.8k used it · 1.8k in order')).toBeTruthy()
    expect(column('Discover').querySelector('[data-unplanned="Live chat"]')!.textContent).toContain('600')
    expect(within(column('Buy')).getByText('Not in the data: check the name against the workspace\'s touchpoints.')).toBeTruthy()
    expect(within(column('Buy')).queryByText('Most customers first leave the path here')).toBeNull()
    expect(screen.getByText('Store locator')).toBeTruthy()
  })

  it('lists the gaps biggest first and opens the customers behind one', async () => {
    fake()
    render(WorkshopView, { filter })
    await waitFor(() => expect(document.querySelectorAll('ol.gaps li')).toHaveLength(6))
    const gaps = [...document.querySelectorAll<HTMLElement>('ol.gaps li')]
    expect(gaps.map((g) => g.querySelector('.n')!.textContent)).toEqual(['2.5k', '920', '700', '600', '400', '–'])
    await fireEvent.click(gaps[2].querySelector('button')!)
    const panel = await screen.findByRole('dialog', { name: 'Skipped' })
    await waitFor(() => expect(calls('GapCustomers')).toHaveLength(1))
    const [, id, tol, index, q] = calls('GapCustomers')[0].args as [unknown, string, unknown, number, { limit: number }]
    expect([id, tol, index, q.limit]).toEqual(['current-state', { extraTouches: 0, allowSkips: 0 }, 2, 50])
    await waitFor(() => expect(within(panel).getByText(`${customerPage.total.toLocaleString('en-US')} customers`)).toBeTruthy())
  })

  it('opens a figure on the map as its gap', async () => {
    fake()
    render(WorkshopView, { filter })
    await waitFor(() => expect(column('Discover')).toBeTruthy())
    await fireEvent.click(column('Discover').querySelector<HTMLElement>('[data-unplanned="Live chat"] button')!)
    await waitFor(() => expect(calls('GapCustomers')[0]?.args[3]).toBe(3))
  })

  it('compares again with a looser tolerance', async () => {
    fake()
    render(WorkshopView, { filter })
    await waitFor(() => expect(calls('Compare')).toHaveLength(1))
    await fireEvent.input(screen.getByLabelText('Unplanned touches allowed'), { target: { value: '2' } })
    await waitFor(() => expect(calls('Compare').at(-1)!.args[2]).toEqual({ extraTouches: 2, allowSkips: 0 }))
  })

  it('offers three ways to start when there is no map yet', async () => {
    fake({ maps: [] })
    render(WorkshopView, { filter })
    await screen.findByText('What does the room believe the journey is?')
    await fireEvent.click(screen.getByRole('button', { name: 'Start from the data' }))
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Assumed map' }).getAttribute('aria-selected')).toBe('true'))
    expect(calls('DraftFromObserved')).toHaveLength(1)
    expect((screen.getByLabelText('Map name') as HTMLInputElement).value).toBe('Current state')
    expect(screen.getByRole('option', { name: 'Current state (not saved)' })).toBeTruthy()
  })
})

describe('WorkshopView: notes', () => {
  it('shows each note in its stage column, by kind and author', async () => {
    fake()
    render(WorkshopView, { filter })
    await waitFor(() => expect(column('Discover')?.querySelector('[data-note="n1"]')).toBeTruthy())
    const pain = column('Discover').querySelector<HTMLElement>('[data-note="n1"]')!
    expect(pain.dataset.kind).toBe('pain')
    expect(pain.style.background).toBe('rgb(242, 139, 130)')
    expect(within(pain).getByText('Dana')).toBeTruthy()
    const idea = column('Buy').querySelector<HTMLElement>('[data-note="n2"]')!
    expect(within(idea).getByText('Checkout')).toBeTruthy() // stuck to a touchpoint, shown in its stage
  })

  it('asks for the author once, adds the note where "+ Note" was pressed, and remembers the name', async () => {
    const added: Note[] = []
    fake({ notes: { Add: async (n) => (added.push(n as Note), { ...(n as Note), id: 'n9', version: 1 }) } })
    render(WorkshopView, { filter })
    await waitFor(() => expect(column('Buy')).toBeTruthy())
    await fireEvent.click(within(column('Buy')).getByRole('button', { name: '+ Note' }))
    const form = await screen.findByRole('form', { name: 'New note' })
    await fireEvent.input(within(form).getByLabelText('Note text'), { target: { value: 'Why no Apple Pay?' } })
    await fireEvent.click(within(form).getByLabelText('Question'))
    await fireEvent.click(within(form).getByRole('button', { name: 'Stick it on' }))
    expect(within(form).getByRole('alert').textContent).toBe('Say who is writing: your name goes on the note and in its history.')
    await fireEvent.input(within(form).getByLabelText('Your name'), { target: { value: 'Robin' } })
    await fireEvent.click(within(form).getByRole('button', { name: 'Stick it on' }))
    await waitFor(() => expect(added).toHaveLength(1))
    expect(added[0]).toMatchObject({ target: { kind: 'stage', map: 'current-state', stage: 'Buy' }, text: 'Why no Apple Pay?', kind: 'question', color: '', author: 'Robin', version: 0 })
    expect(added[0].created).toBe('0001-01-01T00:00:00Z')
    expect(localStorage.getItem('wayline.workshop.author')).toBe('Robin')
    await waitFor(() => expect(column('Buy').querySelector('[data-note="n9"]')).toBeTruthy())
  })

  it('on a conflicting edit shows the other version and says who changed it', async () => {
    const theirs = { ...painNote, text: 'Ads are fine, the site is wrong', version: 2 }
    let listed = [painNote]
    fake({
      noteList: listed,
      notes: {
        List: async () => listed,
        Update: async () => Promise.reject('conflict: note n1 changed'),
        History: async () => [{ note: 'n1', version: 2, at: '', author: 'Sam', action: 'edited', before: painNote, after: theirs }],
      },
    })
    render(WorkshopView, { filter })
    const note = await found('section.column[data-stage="Discover"] [data-note="n1"]')
    listed = [theirs]
    await fireEvent.click(within(note).getByRole('button', { name: 'Edit note' }))
    await fireEvent.input(within(note).getByLabelText('Note text'), { target: { value: 'My version' } })
    await fireEvent.click(within(note).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(within(column('Discover')).getByText('Ads are fine, the site is wrong')).toBeTruthy())
    const alert = within(column('Discover')).getByRole('alert')
    expect(alert.textContent).toContain('Sam edited this note while you were typing.')
    expect(alert.textContent).toContain('My version')
  })

  it('refreshes live when another client changes a note', async () => {
    let listed: Note[] = [painNote]
    const g = fake({ noteList: listed, notes: { List: async () => listed } })
    render(WorkshopView, { filter })
    await waitFor(() => expect(column('Discover')?.querySelector('[data-note="n1"]')).toBeTruthy())
    listed = [painNote, { ...painNote, id: 'n7', text: 'Added elsewhere' }]
    g.emit(NotesChangedEvent, { id: 'n7' })
    await waitFor(() => expect(within(column('Discover')).getByText('Added elsewhere')).toBeTruthy())
  })

  it('deletes a note as the remembered author', async () => {
    localStorage.setItem('wayline.workshop.author', 'Dana')
    fake({ notes: { Delete: async () => null } })
    render(WorkshopView, { filter })
    const note = await found('section.column[data-stage="Discover"] [data-note="n1"]')
    await fireEvent.click(within(note).getByRole('button', { name: 'Delete note' }))
    await waitFor(() => expect(column('Discover').querySelector('[data-note="n1"]')).toBeNull())
    expect(calls('Delete')[0].args).toEqual(['n1', 'Dana'])
  })
})

describe('WorkshopView: editor, personas and hypotheses', () => {
  it('shows a save error next to the field it names', async () => {
    workshopState.set({ ...initialWorkshopState(), tab: 'edit' })
    fake({ workshop: { SaveAssumed: async () => Promise.reject('assumed map: stages[1].name: stage "Discover" is listed twice (also stages[0]): merge the two or rename one') } })
    render(WorkshopView, { filter })
    const second = await found('[data-stage-index="1"]')
    await fireEvent.input(within(second).getByLabelText('Name of stage 2'), { target: { value: 'Discover' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Save map' }))
    await waitFor(() => expect(within(second).getByRole('alert').textContent).toBe('stage "Discover" is listed twice (also stages[0]): merge the two or rename one'))
    expect(document.querySelector('[data-stage-index="0"] [role="alert"]')).toBeNull()
    const sent = calls('SaveAssumed')[0].args[0] as Assumed
    expect(sent.stages.map((s) => s.name)).toEqual(['Discover', 'Discover'])
  })

  it('edits touchpoints and saves the map', async () => {
    workshopState.set({ ...initialWorkshopState(), tab: 'edit' })
    fake()
    render(WorkshopView, { filter })
    const buy = await found('[data-stage-index="1"]')
    await fireEvent.input(within(buy).getByLabelText('Touchpoint to add to Buy'), { target: { value: 'Store visit' } })
    await fireEvent.click(within(buy).getByRole('button', { name: 'Add' }))
    await fireEvent.change(within(buy).getByLabelText('Expected share of Store visit, percent'), { target: { value: '15' } })
    await fireEvent.click(within(buy).getByRole('button', { name: 'Move Store visit up' }))
    await fireEvent.click(screen.getByRole('button', { name: 'Save map' }))
    await waitFor(() => expect(calls('SaveAssumed')).toHaveLength(1))
    const sent = calls('SaveAssumed')[0].args[0] as Assumed
    expect(sent.stages[1].touchpoints).toEqual([
      { touchpoint: 'Checkout', expectedShare: 0.9 },
      { touchpoint: 'Store visit', expectedShare: 0.15 },
      { touchpoint: 'Pay in store', expectedShare: 0 },
    ])
    await screen.findByText('Saved')
  })

  it('sets each assumed persona beside the discovered one it resembles', async () => {
    workshopState.set({ ...initialWorkshopState(), tab: 'personas' })
    fake()
    render(WorkshopView, { filter })
    const card = await found('[data-assumed="Bargain hunter"]')
    await waitFor(() => expect(within(card).getByText('Resembles Email deal seekers')).toBeTruthy())
    expect(within(card).getByText('similarity 0.62 of 1 (a match from 0.30)')).toBeTruthy()
    expect(within(card).getByText('agrees (1.4)')).toBeTruthy()
    expect(within(card).getByText('▲ high')).toBeTruthy()
    expect(document.querySelector('[data-unassumed="persona-2"]')!.textContent).toBe('Store loyalists')
    expect(calls('PersonaMatches')[0].args).toEqual(['current-state'])
  })

  it('says to discover personas first when there is no run', async () => {
    workshopState.set({ ...initialWorkshopState(), tab: 'personas' })
    fake({ workshop: { PersonaMatches: async () => Promise.reject('discover personas first') } })
    render(WorkshopView, { filter })
    await screen.findByText('Discover personas in the Personas view first; then come back to compare.')
  })

  it('builds a hypothesis from the filters, tests it and shows the verdict with its numbers', async () => {
    workshopState.set({ ...initialWorkshopState(), tab: 'hypotheses' })
    const added: Note[] = []
    fake({ notes: { Add: async (n) => (added.push(n as Note), { ...(n as Note), id: 'h9', version: 1 }) } })
    render(WorkshopView, { filter })
    // The stored hypothesis is evaluated on display.
    const stored = await found('article.hyp[data-note="n3"]')
    await waitFor(() => expect(within(stored).getByText('Supported')).toBeTruthy())
    expect(within(stored).getByText('42 %')).toBeTruthy()
    expect(within(stored).getByText('30 %')).toBeTruthy()
    expect(within(stored).getByText('4,500')).toBeTruthy()
    expect(stored.querySelector('[data-difference]')!.textContent!.replace(/\s+/g, ' ').trim()).toBe(
      'Difference +12.0 pts · 95 % interval +7.5 pts to +16.5 pts · p < 0.001',
    )

    const builder = screen.getByRole('region', { name: 'New hypothesis' })
    expect(within(builder).getByRole('button', { name: 'Test on the data' }).hasAttribute('disabled')).toBe(true)
    await fireEvent.click(within(builder).getAllByRole('button', { name: /Channel/ })[0])
    await fireEvent.click(within(builder).getByRole('checkbox', { name: 'store' }))
    expect(builder.querySelector('[data-sentence]')!.textContent).toBe('Customers who came through store convert more often than everyone else.')
    await fireEvent.click(within(builder).getByRole('button', { name: 'Test on the data' }))
    await waitFor(() => expect(calls('Evaluate').some((c) => JSON.stringify(c.args[0]).includes('"channels":["store"]'))).toBe(true))
    await fireEvent.click(within(builder).getByRole('button', { name: 'Put it on the board' }))
    await waitFor(() => expect(added).toHaveLength(1))
    expect(added[0]).toMatchObject({ kind: 'hypothesis', target: { kind: 'map', map: 'current-state' }, text: 'Customers who came through store convert more often than everyone else.' })
    expect(added[0].hypothesis).toEqual({ a: { channels: ['store'] }, b: null, metric: 'conversion', direction: 'higher', claim: 'Customers who came through store convert more often than everyone else.' })
  })
})
