import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { emptyFilter } from '../../api/explore'
import { NotesChangedEvent } from '../../api/events'
import type { Note } from '../../api/notes'
import { installFakeGo, type FakeGo } from '../../test/fakeGo'
import { mapNotes, observedMap } from './fixtures'
import MapView from './MapView.svelte'

// The map view's Notes lane against a fake Go side: the notes per stage, "+ Note", editing with the
// workshop's conflict handling, deleting, and the live refresh on notes:changed.
let go: FakeGo | undefined
beforeEach(() => localStorage.clear())
afterEach(() => go?.restore())

const filter = emptyFilter()
const calls = (method: string) => go!.calls.filter((c) => c.struct === 'Notes' && c.method === method)
const svgNote = (c: HTMLElement, id: string) => c.querySelector(`svg.journey-map .map-note[data-note="${id}"]`)

function fake(list: Note[] = mapNotes, more: Record<string, (...a: unknown[]) => Promise<unknown>> = {}) {
  let stored = [...list]
  go = installFakeGo({
    Maps: { Observed: async () => observedMap },
    Notes: {
      List: async () => stored,
      Add: async (n) => {
        const saved = { ...(n as Note), id: 'new1', version: 1, created: '2026-11-29T12:00:00Z', color: (n as Note).color || '#ccff90' }
        stored = [...stored, saved]
        return saved
      },
      Update: async (n) => ({ ...(n as Note), version: (n as Note).version + 1 }),
      Delete: async () => null,
      History: async () => [{ note: 'n1', version: 2, at: '2026-11-29T12:00:00Z', author: 'Sam', action: 'edited' }],
      ...more,
    },
  })
  return { set: (l: Note[]) => (stored = l) }
}

describe('MapView: notes', () => {
  it('shows notes but offers no "+ Note" and opens nothing on a read-only workspace', async () => {
    fake()
    const { container } = render(MapView, { filter, readOnly: true })
    await waitFor(() => expect(svgNote(container, 'n1')).toBeTruthy())
    expect(container.querySelector('svg.journey-map .add-note')).toBeNull()
    await fireEvent.click(svgNote(container, 'n1')!)
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('shows the notes of each stage in its column, the whole map\'s on top, and none from elsewhere', async () => {
    fake()
    const { container } = render(MapView, { filter })
    await waitFor(() => expect(svgNote(container, 'n1')).toBeTruthy())
    const stageOf = (id: string) => svgNote(container, id)!.getAttribute('data-stage')
    expect(['n1', 'n2', 'n3', 'n4', 'n5'].map(stageOf)).toEqual(['Decision', 'Decision', 'Decision', 'Awareness', ''])
    expect(svgNote(container, 'n6')).toBeNull()
    expect(svgNote(container, 'n7')).toBeNull()
    const n2 = svgNote(container, 'n2')!
    expect(n2.querySelector('.kind')!.textContent).toBe('QUESTION')
    expect(n2.querySelector('.byline')!.textContent).toBe('Sam · Store call')
    expect([...n2.querySelectorAll('.text')].map((t) => t.textContent).join(' ')).toBe('Why do callers convert more?')
    expect(n2.querySelector('rect.paper')!.getAttribute('fill')).toBe('#aecbfa')
    expect(n2.getAttribute('opacity')).toBeNull()
    // The lane is in the SVG, so it exports; "+ Note" is marked to be left out.
    expect(container.querySelector('svg.journey-map .lane[data-lane="notes"]')).toBeTruthy()
    const add = container.querySelector('svg.journey-map .add-note[data-stage="Decision"]')!
    expect(add.getAttribute('data-export')).toBe('skip')
  })

  it('adds a note on a stage with Notes.Add: an opportunity by default, the author asked once and remembered', async () => {
    fake()
    const { container } = render(MapView, { filter })
    await waitFor(() => expect(svgNote(container, 'n1')).toBeTruthy())
    await fireEvent.click(screen.getByRole('button', { name: 'Add a note on Decision' }))
    const dialog = screen.getByRole('dialog')
    expect(within(dialog).getByText('Stage: Decision')).toBeTruthy()
    expect((within(dialog).getByRole('radio', { name: 'Opportunity' }) as HTMLInputElement).checked).toBe(true)
    await fireEvent.input(within(dialog).getByLabelText('Note text'), { target: { value: 'Offer a call-back at checkout' } })
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Stick it on' }))
    expect(await within(dialog).findByRole('alert')).toBeTruthy() // no name yet
    expect(calls('Add')).toHaveLength(0)
    await fireEvent.input(within(dialog).getByPlaceholderText('e.g. Dana'), { target: { value: ' Robin ' } })
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Stick it on' }))
    await waitFor(() => expect(calls('Add')).toHaveLength(1))
    const sent = calls('Add')[0].args[0] as Note
    expect(sent.target).toEqual({ kind: 'stage', stage: 'Decision' })
    expect([sent.text, sent.kind, sent.color, sent.author]).toEqual(['Offer a call-back at checkout', 'opportunity', '', 'Robin'])
    await waitFor(() => expect(svgNote(container, 'new1')?.getAttribute('data-stage')).toBe('Decision'))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(localStorage.getItem('wayline.workshop.author')).toBe('Robin')

    // The next note does not ask again; the kind and colour can be changed.
    await fireEvent.click(screen.getByRole('button', { name: 'Add a note on Purchase' }))
    const again = screen.getByRole('dialog')
    expect(within(again).queryByPlaceholderText('e.g. Dana')).toBeNull()
    expect(within(again).getByText('as Robin')).toBeTruthy()
    await fireEvent.click(within(again).getByRole('radio', { name: 'Question' }))
    await fireEvent.input(within(again).getByLabelText('Colour'), { target: { value: '#123456' } })
    await fireEvent.input(within(again).getByLabelText('Note text'), { target: { value: 'Who orders twice?' } })
    await fireEvent.click(within(again).getByRole('button', { name: 'Stick it on' }))
    await waitFor(() => expect(calls('Add')).toHaveLength(2))
    expect(calls('Add')[1].args[0]).toMatchObject({ target: { kind: 'stage', stage: 'Purchase' }, kind: 'question', color: '#123456', author: 'Robin' })
  })

  it('opens a note to edit it with Notes.Update at the version it showed', async () => {
    fake()
    const { container } = render(MapView, { filter })
    await waitFor(() => expect(svgNote(container, 'n1')).toBeTruthy())
    await fireEvent.click(svgNote(container, 'n1')!)
    const dialog = screen.getByRole('dialog')
    expect((within(dialog).getByLabelText('Note text') as HTMLTextAreaElement).value).toBe('Show delivery costs before the payment step')
    expect(within(dialog).getByText('by Dana · version 1')).toBeTruthy()
    await fireEvent.input(within(dialog).getByLabelText('Note text'), { target: { value: 'Show delivery costs on the product page' } })
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(calls('Update')).toHaveLength(1))
    expect(calls('Update')[0].args[0]).toMatchObject({ id: 'n1', text: 'Show delivery costs on the product page', kind: 'opportunity', version: 1, author: 'Dana' })
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(svgNote(container, 'n1')!.textContent).toContain('Show delivery costs on the')
  })

  it('says who won a conflicting edit, shows their version and keeps the text typed here', async () => {
    const theirs: Note = { ...mapNotes[0], text: 'Theirs: free delivery over 50', version: 2 }
    const lists = fake(mapNotes, { Update: async () => Promise.reject('conflict: the note was changed by someone else') })
    const { container } = render(MapView, { filter })
    await waitFor(() => expect(svgNote(container, 'n1')).toBeTruthy())
    await fireEvent.click(svgNote(container, 'n1')!)
    const dialog = screen.getByRole('dialog')
    lists.set([theirs, ...mapNotes.slice(1)])
    await fireEvent.input(within(dialog).getByLabelText('Note text'), { target: { value: 'Mine: show costs early' } })
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }))
    const alert = await within(dialog).findByRole('alert')
    expect(alert.textContent).toContain('Sam edited this note while you were typing')
    expect(alert.querySelector('blockquote')!.textContent).toBe('Mine: show costs early')
    expect((within(dialog).getByLabelText('Note text') as HTMLTextAreaElement).value).toBe('Theirs: free delivery over 50')
    expect(within(dialog).getByText('by Dana · version 2')).toBeTruthy()
    await waitFor(() => expect(svgNote(container, 'n1')!.textContent).toContain('Theirs: free delivery'))
  })

  it('deletes a note with Notes.Delete as the remembered author', async () => {
    localStorage.setItem('wayline.workshop.author', 'Robin')
    fake()
    const { container } = render(MapView, { filter })
    await waitFor(() => expect(svgNote(container, 'n3')).toBeTruthy())
    await fireEvent.keyDown(svgNote(container, 'n3')!, { key: 'Enter' })
    await fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(calls('Delete')).toHaveLength(1))
    expect(calls('Delete')[0].args).toEqual(['n3', 'Robin'])
    await waitFor(() => expect(svgNote(container, 'n3')).toBeNull())
  })

  it('refreshes live when notes:changed arrives', async () => {
    const lists = fake(mapNotes.slice(0, 1))
    const { container } = render(MapView, { filter })
    await waitFor(() => expect(svgNote(container, 'n1')).toBeTruthy())
    expect(svgNote(container, 'n4')).toBeNull()
    lists.set(mapNotes)
    go!.emit(NotesChangedEvent, { id: 'n4' })
    await waitFor(() => expect(svgNote(container, 'n4')?.getAttribute('data-stage')).toBe('Awareness'))
    expect(calls('List')).toHaveLength(2)
  })

  it('still draws the map when the notes cannot be read, and says so', async () => {
    fake(mapNotes, { List: async () => Promise.reject('the workspace is locked') })
    const { container } = render(MapView, { filter })
    await waitFor(() => expect(container.querySelectorAll('svg.journey-map .stage')).toHaveLength(6))
    expect((await screen.findByRole('alert')).textContent).toBe('Could not read the notes: the workspace is locked')
  })
})
