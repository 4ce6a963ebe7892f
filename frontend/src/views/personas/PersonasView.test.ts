import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { emptyFilter } from '../../api/explore'
import type { Persona, PersonaResult, PersonaRunOptions } from '../../api/personas'
import type { Filter } from '../../api/types'
import { installFakeGo, type FakeGo } from '../../test/fakeGo'
import { customerPage, summary } from '../../test/exploreFixtures'
import { bargainHunters, comparison, emptyResult, mobileBrowsers, personaMap, personaResult, storeLoyalists, supportSeekers } from './fixtures'
import PersonasView from './PersonasView.svelte'
import { initialPersonasState, personasState } from './state'

let go: FakeGo | undefined
afterEach(() => go?.restore())
beforeEach(() => personasState.set(initialPersonasState()))

const filter: Filter = emptyFilter()

function fake(current: PersonaResult = personaResult, extra: Record<string, (...a: unknown[]) => Promise<unknown>> = {}) {
  go = installFakeGo({
    Personas: {
      Current: async () => current,
      Run: async () => personaResult,
      Map: async () => personaMap,
      Compare: async (ids) => ({
        personas: (ids as string[]).map((id) => personaResult.personas.find((p) => p.id === id)!),
        features: comparison.features.map((f) => ({ ...f, values: (ids as string[]).map((_, i) => f.values[i % 2] * (i + 1)) })),
      }),
      Rename: async (id, name) => ({ ...personaResult.personas.find((p) => p.id === id)!, name: name as string }),
      SetNotes: async (id, notes) => ({ ...personaResult.personas.find((p) => p.id === id)!, notes: notes as string }),
      SetColor: async (id, color) => ({ ...personaResult.personas.find((p) => p.id === id)!, color: color as string }),
      ...extra,
    },
    Explore: { Summary: async () => summary, Customers: async () => customerPage },
  })
  return go
}
const calls = (method: string) => go!.calls.filter((c) => c.method === method)
const card = (id: string) => document.querySelector<HTMLElement>(`article[data-persona="${id}"]`)!

describe('PersonasView: gallery', () => {
  it('shows a card per persona with its name, share, size, conversion and value', async () => {
    fake()
    render(PersonasView, { filter })
    await waitFor(() => expect(document.querySelectorAll('article.persona')).toHaveLength(4))
    const names = [...document.querySelectorAll('article.persona h2')].map((h) => h.textContent)
    expect(names).toEqual(['Bargain hunters', 'Mobile browsers', 'Store loyalists', 'Support seekers'])
    const first = within(card('persona-1'))
    expect(first.getByText('31 %')).toBeTruthy()
    expect(first.getByText('3,120 customers')).toBeTruthy()
    expect(first.getByText('41 %')).toBeTruthy()
    expect(first.getByText('64.50')).toBeTruthy()
    expect(first.getByText('Automatic name: Email-driven, many touches')).toBeTruthy()
    expect(first.getByText('email share > 0.35')).toBeTruthy()
    expect(first.getByText('+1.8')).toBeTruthy()
    expect(first.getByText('−0.9')).toBeTruthy()
    expect(within(first.getByLabelText('Typical journey')).getAllByRole('listitem')).toHaveLength(4)
    expect(first.getByLabelText('Most common variant')).toBeTruthy()
    expect(within(card('persona-3')).getByText('New')).toBeTruthy()
    expect(within(card('persona-2')).getByText('Changed')).toBeTruthy()
    expect(screen.getByText('4 personas from behaviour features · silhouette: 0.46')).toBeTruthy()
    expect(screen.getByText('Journey sequences scored 0.29 with 3 personas')).toBeTruthy()
    expect(document.querySelectorAll('svg.kscores .bar')).toHaveLength(5)
    expect(document.querySelector('svg.kscores .k.on')!.textContent).toBe('4')
  })

  it('invites to discover personas from the workspace customers when there are none', async () => {
    fake(emptyResult)
    render(PersonasView, { filter })
    expect(await screen.findByText('No personas yet — Discover personas from 100,000 customers')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Discover personas' })).toBeTruthy()
    expect(screen.getByText(/uses its default behaviour features/)).toBeTruthy()
  })

  it('renames inline, calls Rename and keeps the automatic name in view', async () => {
    fake()
    render(PersonasView, { filter })
    await waitFor(() => expect(card('persona-3')).toBeTruthy())
    await fireEvent.click(within(card('persona-3')).getByRole('button', { name: 'Rename Mobile browsers' }))
    const input = within(card('persona-3')).getByLabelText('Name of Mobile browsers')
    await fireEvent.input(input, { target: { value: '  Window shoppers ' } })
    await fireEvent.keyDown(input, { key: 'Enter' })
    await waitFor(() => expect(calls('Rename')).toHaveLength(1))
    expect(calls('Rename')[0].args).toEqual(['persona-3', 'Window shoppers'])
    await waitFor(() => expect(within(card('persona-3')).getByRole('heading', { name: 'Window shoppers' })).toBeTruthy())
    expect(within(card('persona-3')).getByText('Automatic name: Mobile browsers')).toBeTruthy()
  })

  it('saves notes on leaving the box and a colour from the palette', async () => {
    fake()
    render(PersonasView, { filter })
    await waitFor(() => expect(card('persona-4')).toBeTruthy())
    const notes = within(card('persona-4')).getByRole('textbox')
    await fireEvent.input(notes, { target: { value: 'Call twice before buying' } })
    await fireEvent.blur(notes)
    await waitFor(() => expect(calls('SetNotes')[0]?.args).toEqual(['persona-4', 'Call twice before buying']))
    await fireEvent.click(within(card('persona-4')).getByRole('button', { name: 'Colour vermillion' }))
    await waitFor(() => expect(calls('SetColor')[0]?.args).toEqual(['persona-4', '#D55E00']))
    await waitFor(() => expect(within(card('persona-4')).getByRole('button', { name: 'Colour vermillion' }).getAttribute('aria-pressed')).toBe('true'))
  })

  it('sends the chosen options to Run and shows progress until it answers', async () => {
    let finish: (r: PersonaResult) => void = () => {}
    fake(personaResult, { Run: () => new Promise((res) => (finish = res as (r: PersonaResult) => void)) })
    render(PersonasView, { filter })
    await waitFor(() => expect(card('persona-1')).toBeTruthy())
    await fireEvent.click(screen.getByRole('button', { name: 'Options' }))
    await fireEvent.click(screen.getByLabelText('Choose'))
    await fireEvent.input(screen.getByLabelText('Number of personas'), { target: { value: '6' } })
    await fireEvent.change(screen.getByLabelText('Method'), { target: { value: 'sequences' } })
    await fireEvent.input(screen.getByLabelText('Seed'), { target: { value: '42' } })
    await fireEvent.click(screen.getByLabelText('Mean rating'))
    await fireEvent.click(screen.getByLabelText('Touches'))
    await fireEvent.click(screen.getByRole('button', { name: 'Discover personas again' }))
    expect(calls('Run')[0].args).toEqual([
      {
        k: 6,
        method: 'sequences',
        features: ['share_web', 'share_email', 'share_store', 'share_mobile', 'span_days', 'support_contacts', 'rating', 'order_value'],
        seed: 42,
      } satisfies PersonaRunOptions,
    ])
    expect(await screen.findByText('Discovering personas from 100,000 customers… 0 s')).toBeTruthy()
    expect(screen.getByRole('progressbar')).toBeTruthy()
    const renamed: Persona = { ...bargainHunters, name: 'Deal seekers' }
    finish({ ...personaResult, personas: [renamed, mobileBrowsers, storeLoyalists] })
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull())
    expect(document.querySelectorAll('article.persona')).toHaveLength(3)
    expect(within(card('persona-1')).getByRole('heading', { name: 'Deal seekers' })).toBeTruthy()
  })

  it('cancels a running discovery and says the previous personas are unchanged', async () => {
    let stop: (e: unknown) => void = () => {}
    fake(personaResult, {
      Run: () => new Promise((_, reject) => (stop = reject)),
      Cancel: async () => {
        stop('persona discovery was cancelled: the previous personas are unchanged')
        return true
      },
    })
    render(PersonasView, { filter })
    await waitFor(() => expect(card('persona-1')).toBeTruthy())
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull()
    await fireEvent.click(screen.getByRole('button', { name: 'Discover personas again' }))
    expect(await screen.findByText('Discovering personas from 100,000 customers… 0 s')).toBeTruthy()
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(calls('Cancel')).toHaveLength(1)
    expect(await screen.findByText('Cancelled — the previous personas are unchanged')).toBeTruthy()
    expect(screen.queryByRole('progressbar')).toBeNull()
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull()
    expect(screen.queryByRole('alert')).toBeNull()
    expect(document.querySelectorAll('article.persona')).toHaveLength(4)
    // A new run clears the note.
    await fireEvent.click(screen.getByRole('button', { name: 'Discover personas again' }))
    await waitFor(() => expect(screen.queryByText('Cancelled — the previous personas are unchanged')).toBeNull())
    expect(calls('Run')).toHaveLength(2)
  })

  it('says there are no personas yet after cancelling the first discovery', async () => {
    let stop: (e: unknown) => void = () => {}
    fake(emptyResult, {
      Run: () => new Promise((_, reject) => (stop = reject)),
      Cancel: async () => {
        stop('persona discovery was cancelled: the previous personas are unchanged')
        return true
      },
    })
    render(PersonasView, { filter })
    await fireEvent.click(await screen.findByRole('button', { name: 'Discover personas' }))
    await fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }))
    expect(await screen.findByText('Cancelled — no personas yet')).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.getByText('No personas yet — Discover personas from 100,000 customers')).toBeTruthy()
  })

  it('keeps the result of a run that finished before Cancel reached it', async () => {
    let finish: (r: PersonaResult) => void = () => {}
    fake(personaResult, {
      Run: () => new Promise((res) => (finish = res as (r: PersonaResult) => void)),
      Cancel: async () => {
        finish({ ...personaResult, personas: [bargainHunters, mobileBrowsers] })
        return false
      },
    })
    render(PersonasView, { filter })
    await waitFor(() => expect(card('persona-1')).toBeTruthy())
    await fireEvent.click(screen.getByRole('button', { name: 'Discover personas again' }))
    await fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(document.querySelectorAll('article.persona')).toHaveLength(2))
    expect(screen.queryByText(/^Cancelled/)).toBeNull()
    expect(screen.queryByRole('progressbar')).toBeNull()
  })

  it('says what went wrong when Run fails', async () => {
    fake(personaResult, { Run: async () => Promise.reject('too few customers for 10 personas') })
    render(PersonasView, { filter })
    await waitFor(() => expect(card('persona-1')).toBeTruthy())
    await fireEvent.click(screen.getByRole('button', { name: 'Discover personas again' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('Could not discover personas')
    expect(alert.textContent).toContain('too few customers for 10 personas')
  })

  it("says what changed since the previous run and passes on the run's notes and seed", async () => {
    fake({ ...personaResult, changed: true, notes: ['k clipped to 4: too few distinct customers'], seed: 9 })
    render(PersonasView, { filter })
    expect(await screen.findByText(/Compared with the previous run, some personas are new or changed/)).toBeTruthy()
    expect(screen.getByText('k clipped to 4: too few distinct customers')).toBeTruthy()
    expect(screen.getByText(/seed 9$/)).toBeTruthy()
    await fireEvent.click(screen.getByRole('button', { name: 'Options' }))
    expect((screen.getByLabelText('Seed') as HTMLInputElement).value).toBe('9')
  })

  it('dims the personas the shared filter leaves out', async () => {
    fake()
    render(PersonasView, { filter: { ...filter, personas: ['persona-2'] } })
    await waitFor(() => expect(card('persona-1')).toBeTruthy())
    expect(card('persona-1').classList.contains('dimmed')).toBe(true)
    expect(card('persona-2').classList.contains('dimmed')).toBe(false)
  })

  it("lists a persona's customers under the filter narrowed to that persona", async () => {
    fake()
    render(PersonasView, { filter: { ...filter, channels: ['web'] } })
    await waitFor(() => expect(card('persona-2')).toBeTruthy())
    await fireEvent.click(within(card('persona-2')).getByRole('button', { name: '2,480 customers' }))
    const panel = await screen.findByRole('dialog')
    await waitFor(() => expect(within(panel).getByText('ann@example.com')).toBeTruthy())
    const [f, q] = calls('Customers')[0].args as [Filter, { cohort: unknown }]
    expect(f).toEqual({ ...filter, channels: ['web'], personas: ['persona-2'] })
    expect(q.cohort).toBeNull()
  })

  it('turns off every change in a read-only workspace', async () => {
    fake()
    render(PersonasView, { filter, readOnly: true })
    await waitFor(() => expect(card('persona-1')).toBeTruthy())
    expect((screen.getByRole('button', { name: 'Discover personas again' }) as HTMLButtonElement).disabled).toBe(true)
    expect(screen.queryByRole('button', { name: /^Rename/ })).toBeNull()
    expect(screen.queryByRole('button', { name: /^Colour/ })).toBeNull()
  })
})

describe('PersonasView: map', () => {
  it('draws the customers coloured by persona and highlights one from the legend', async () => {
    fake()
    personasState.set({ ...initialPersonasState(), tab: 'map' })
    const { container } = render(PersonasView, { filter })
    await waitFor(() => expect(container.querySelectorAll('circle.dot')).toHaveLength(personaMap.points.length))
    expect(calls('Map')).toHaveLength(1)
    const colours = new Set([...container.querySelectorAll('circle.dot')].map((c) => c.getAttribute('fill')))
    expect(colours).toEqual(new Set(['#0072B2', '#E69F00', '#009E73', '#CC79A7']))
    await fireEvent.click(screen.getByRole('button', { name: /Support seekers/ }))
    expect(container.querySelectorAll('circle.dot.faded')).toHaveLength(personaMap.points.length - 20)
    expect(screen.getByText('PC 2 · 21 % of the variance')).toBeTruthy()
  })

  it('points to the gallery before any run', async () => {
    fake(emptyResult)
    personasState.set({ ...initialPersonasState(), tab: 'map' })
    render(PersonasView, { filter })
    await fireEvent.click(await screen.findByRole('button', { name: 'Discover personas' }))
    expect(await screen.findByText('No personas yet — Discover personas from 100,000 customers')).toBeTruthy()
    expect(calls('Map')).toHaveLength(0)
  })
})

describe('PersonasView: compare', () => {
  it('compares the first two personas, then the ones chosen, side by side', async () => {
    fake()
    personasState.set({ ...initialPersonasState(), tab: 'compare' })
    const { container } = render(PersonasView, { filter })
    await waitFor(() => expect(container.querySelectorAll('section.column')).toHaveLength(2))
    expect(calls('Compare')[0].args).toEqual([['persona-1', 'persona-3']])
    await fireEvent.click(screen.getByRole('button', { name: 'Support seekers' }))
    await waitFor(() => expect(container.querySelectorAll('section.column')).toHaveLength(3))
    expect(calls('Compare').at(-1)!.args).toEqual([['persona-1', 'persona-3', 'persona-4']])
    const headings = [...container.querySelectorAll('section.column h2')].map((h) => h.textContent)
    expect(headings).toEqual(['Bargain hunters', 'Mobile browsers', 'Support seekers'])
    const col = within(container.querySelector<HTMLElement>('section.column[data-persona="persona-4"]')!)
    expect(col.getByText('15 % · 1,500 customers')).toBeTruthy()
    expect(col.getByText('support contacts ≥ 2')).toBeTruthy()
    expect(col.getByText('phone 60 %')).toBeTruthy()
    expect(container.querySelectorAll('table.features thead th')).toHaveLength(4)
    expect(container.querySelectorAll('table.features tr.marked')).toHaveLength(2)
    expect(container.querySelector('table.features tbody tr')!.getAttribute('data-feature')).toBe('share_store')
  })

  it('keeps at least two and at most four personas chosen', async () => {
    fake({ ...personaResult, personas: [bargainHunters, mobileBrowsers, storeLoyalists, supportSeekers, { ...supportSeekers, id: 'persona-5', name: 'Fifth' }] })
    personasState.set({ ...initialPersonasState(), tab: 'compare' })
    render(PersonasView, { filter })
    await waitFor(() => expect(calls('Compare')).toHaveLength(1))
    expect((screen.getByRole('button', { name: 'Bargain hunters' }) as HTMLButtonElement).disabled).toBe(true)
    await fireEvent.click(screen.getByRole('button', { name: 'Store loyalists' }))
    await fireEvent.click(screen.getByRole('button', { name: 'Support seekers' }))
    expect((screen.getByRole('button', { name: 'Fifth' }) as HTMLButtonElement).disabled).toBe(true)
  })
})
