import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { emptyOverview, overview, rejections } from '../../test/fixtures'
import { installFakeGo, type FakeGo } from '../../test/fakeGo'
import OverviewView from './OverviewView.svelte'

let go: FakeGo | undefined
afterEach(() => go?.restore())

function figure(label: string) {
  const el = screen.getByText(label, { selector: '.label' }).closest('.figure') as HTMLElement
  return { value: el.querySelector('.value')!, detail: el.querySelector('.detail')!.textContent }
}

describe('OverviewView', () => {
  it('shows the key figures with exact values on hover', () => {
    render(OverviewView, { overview, readOnly: false, onChanged: vi.fn(), onImport: vi.fn() })
    expect(screen.getByRole('heading', { name: 'Overview' })).toBeTruthy()
    expect(screen.getByText('Acme retail · 185 MB on disk')).toBeTruthy()
    const events = figure('Events')
    expect(events.value.textContent).toBe('1.2 M')
    expect(events.value.getAttribute('title')).toBe('1,234,567 events')
    expect(figure('Identifiers').value.textContent).toBe('48.2k')
    expect(figure('Sources').detail).toBe('in 5 files')
    expect(figure('Date range').value.textContent).toBe('3 Jan – 28 Nov 2024')
    expect(figure('Rejected rows').value.textContent).toBe('23')
  })

  it('lists sources by events with share and dates', () => {
    const { container } = render(OverviewView, { overview, readOnly: false, onChanged: vi.fn(), onImport: vi.fn() })
    const rows = [...container.querySelectorAll('table.sources tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()),
    )
    expect(rows[0]).toEqual(['Web analytics', '910k', '74 %', '1', '3 Jan – 28 Nov 2024'])
    expect(rows.map((r) => r[0])).toEqual(['Web analytics', 'Email', 'Support', 'Shop orders'])
  })

  it('draws channel, device and touchpoint charts', () => {
    render(OverviewView, { overview, readOnly: false, onChanged: vi.fn(), onImport: vi.fn() })
    const channels = screen.getByRole('img', { name: 'Events per channel' })
    expect([...channels.querySelectorAll('text.value')].map((t) => t.textContent)).toEqual(['910k · 74 %', '250k · 20 %', '42.9k · 3.5 %', '31.2k · 2.5 %'])
    expect(within(screen.getByRole('img', { name: 'Events per device' })).getByText('Not set')).toBeTruthy()
    expect(screen.getByRole('img', { name: 'Events per touchpoint' }).querySelectorAll('g')).toHaveLength(5)
  })

  it('lists import batches newest first and filters them', async () => {
    const { container } = render(OverviewView, { overview, readOnly: false, onChanged: vi.fn(), onImport: vi.fn() })
    const ids = () => [...container.querySelectorAll('table.batches tbody tr')].map((tr) => tr.querySelector('td')!.textContent)
    expect(ids()).toEqual(['2', '1'])
    const row = container.querySelector('table.batches tbody tr')!
    expect(row.textContent).toContain('orders.csv')
    expect(row.textContent).toContain('31,250')
    await fireEvent.input(screen.getByLabelText('Filter imports'), { target: { value: 'web-sessions' } })
    expect(ids()).toEqual(['1'])
  })

  it('opens the rejected rows of a batch in the side panel', async () => {
    go = installFakeGo({ Imports: { Rejections: async () => rejections } })
    render(OverviewView, { overview, readOnly: false, onChanged: vi.fn(), onImport: vi.fn() })
    await fireEvent.click(screen.getByTitle('Show the rejected rows'))
    const panel = await screen.findByRole('dialog', { name: 'Rejected rows · import #2' })
    await waitFor(() => expect(within(panel).getByText('orders.csv:14')).toBeTruthy())
    expect(within(panel).getByText('cannot read "31/02/2024" as a date')).toBeTruthy()
    expect(go.calls).toEqual([{ struct: 'Imports', method: 'Rejections', args: [2] }])
    await fireEvent.click(within(panel).getByLabelText('Close panel'))
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('removes a batch only after confirmation', async () => {
    go = installFakeGo({ Imports: { Remove: async () => undefined } })
    const onChanged = vi.fn()
    render(OverviewView, { overview, readOnly: false, onChanged, onImport: vi.fn() })
    await fireEvent.click(screen.getAllByRole('button', { name: 'Remove' })[0])
    const dialog = screen.getByRole('alertdialog', { name: 'Remove import #2?' })
    expect(dialog.textContent).toContain('31,248 events')
    expect(go.calls).toEqual([])
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Remove import' }))
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1))
    expect(go.calls).toEqual([{ struct: 'Imports', method: 'Remove', args: [2] }])
    expect(screen.queryByRole('alertdialog')).toBeNull()
  })

  it('shows the Go error when removing fails', async () => {
    go = installFakeGo({ Imports: { Remove: () => Promise.reject('workspace is read-only') } })
    render(OverviewView, { overview, readOnly: false, onChanged: vi.fn(), onImport: vi.fn() })
    await fireEvent.click(screen.getAllByRole('button', { name: 'Remove' })[1])
    await fireEvent.click(screen.getByRole('button', { name: 'Remove import' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('workspace is read-only')
  })

  it('says what to do in an empty workspace', async () => {
    const onImport = vi.fn()
    render(OverviewView, { overview: emptyOverview, readOnly: false, onChanged: vi.fn(), onImport })
    expect(screen.getByRole('heading', { name: 'Import your first export' })).toBeTruthy()
    const formats = within(screen.getByRole('list', { name: 'Formats Wayline reads' })).getAllByRole('listitem')
    expect(formats.map((li) => li.textContent)).toEqual(['CSV', 'TSV', 'JSON', 'JSON Lines', 'XLSX', 'XES'])
    await fireEvent.click(screen.getByRole('button', { name: 'Import files' }))
    expect(onImport).toHaveBeenCalled()
  })
})
