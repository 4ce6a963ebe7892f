import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ImportResult, Inspection, Recipe } from '../../api/types'
import { installFakeGo, type FakeGo } from '../../test/fakeGo'
import { importResult, inspection } from '../../test/fixtures'
import ImportView from './ImportView.svelte'

const desktop = { desktop: true, readOnly: false, version: 'test' }
let go: FakeGo | undefined
afterEach(() => {
  go?.restore()
  go = undefined
  vi.unstubAllGlobals()
})

function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

// Inspect with a recipe answers as Go would after the user ignored "brand": the sample is re-applied.
const reinspected: Inspection = { ...inspection, sample: { rows: 1000, events: 1000, identifiers: 1820, rejected: 0, rejections: [] } }

function fakeImports(run: () => Promise<ImportResult>) {
  return installFakeGo({
    Imports: {
      Recipes: async () => [{ name: 'rees46', recipe: { source: 'REES46' } }],
      PickFiles: async () => ['/data/2019-Oct-sample.csv'],
      Inspect: async (_path, recipe) => (recipe ? reinspected : inspection),
      RecipeFromRoles: async (_path, base) => ({ ...(base as Recipe), attributes: [] }),
      Run: run,
      Cancel: async () => undefined,
    },
  })
}

async function chooseFile() {
  await fireEvent.click(screen.getByRole('button', { name: 'Choose files…' }))
  await screen.findByRole('heading', { name: 'What Wayline detected' })
}

const sampleValue = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling!.textContent

describe('ImportView', () => {
  it('shows what was detected, the preview with roles and the sample figures', async () => {
    go = fakeImports(() => new Promise(() => {}))
    render(ImportView, { env: desktop, onImported: vi.fn(), onShowOverview: vi.fn() })
    await chooseFile()
    expect(go.calls.find((c) => c.method === 'Inspect')?.args).toEqual(['/data/2019-Oct-sample.csv', null])
    expect(screen.getByText('2019-Oct-sample.csv', { exact: false, selector: 'dd' })).toBeTruthy()
    expect(screen.getByText('csv', { selector: 'dd' })).toBeTruthy()
    expect(screen.getByText('comma')).toBeTruthy()
    expect(screen.getByText(/values read as UTC/)).toBeTruthy()
    expect(screen.getByText('brand is empty in 14 % of rows')).toBeTruthy()

    expect((screen.getByLabelText('Role of event_time') as HTMLSelectElement).value).toBe('event-time')
    expect((screen.getByLabelText('Role of user_id') as HTMLSelectElement).value).toBe('identifier')
    expect((screen.getByLabelText('Identifier type of user_session') as HTMLSelectElement).value).toBe('anonymous_id')
    expect(screen.getByText('95 % sure')).toBeTruthy()
    expect(screen.getByText('check · 30 % sure')).toBeTruthy()
    // Data is text, never markup.
    expect(screen.getByText('<b>not bold</b>')).toBeTruthy()
    expect(document.querySelector('td b')).toBeNull()

    expect(sampleValue('Events')).toBe('998')
    expect(sampleValue('Identifiers')).toBe('1,820')
    expect(sampleValue('Rejected')).toBe('2')
    expect(screen.getAllByText('orders.csv:14').length).toBeGreaterThan(0)
  })

  it('sends changed roles to Go and shows the re-applied sample', async () => {
    go = fakeImports(() => new Promise(() => {}))
    render(ImportView, { env: desktop, onImported: vi.fn(), onShowOverview: vi.fn() })
    await chooseFile()
    await fireEvent.change(screen.getByLabelText('Role of brand'), { target: { value: 'ignore' } })
    await waitFor(() => expect(sampleValue('Rejected')).toBe('0'))
    expect(sampleValue('Events')).toBe('1,000')
    const fromRoles = go.calls.find((c) => c.method === 'RecipeFromRoles')!
    expect(fromRoles.args[0]).toBe('/data/2019-Oct-sample.csv')
    expect(fromRoles.args[2]).toContainEqual({ column: 'brand', role: 'ignore', roleType: '' })
    expect(fromRoles.args[2]).toContainEqual({ column: 'user_id', role: 'identifier', roleType: 'customer_id' })
    const lastInspect = go.calls.filter((c) => c.method === 'Inspect').at(-1)!
    expect((lastInspect.args[1] as Recipe).attributes).toEqual([])
    expect((screen.getByLabelText('Role of brand') as HTMLSelectElement).value).toBe('ignore')
  })

  it('runs the import with progress, then shows the result', async () => {
    const run = deferred<ImportResult>()
    go = fakeImports(() => run.promise)
    const onImported = vi.fn()
    render(ImportView, { env: desktop, onImported, onShowOverview: vi.fn() })
    await chooseFile()
    await fireEvent.input(screen.getByLabelText(/Source name/), { target: { value: 'REES46 clickstream' } })
    await fireEvent.click(screen.getByLabelText(/Pseudonymize/))
    await fireEvent.input(screen.getByLabelText(/Save recipe as/), { target: { value: 'rees46-oct' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Import 1 file' }))

    const req = go.calls.find((c) => c.method === 'Run')!.args[0] as Record<string, unknown>
    expect(req.files).toEqual(['/data/2019-Oct-sample.csv'])
    expect((req.recipe as Recipe).source).toBe('REES46 clickstream')
    expect(req).toMatchObject({ strict: false, pseudonymize: true, saveRecipeAs: 'rees46-oct' })

    go.emit('import:progress', { file: '2019-Oct-sample.csv', fileIndex: 0, files: 1, bytesRead: 65_536, bytesTotal: 131_072, rows: 500, fraction: 0.5 })
    const bar = await screen.findByRole('progressbar', { name: 'Import progress' })
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('50'))
    expect(screen.getByText('Reading 2019-Oct-sample.csv · 500 rows · 66 KB of 131 KB')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy()

    run.resolve(importResult)
    const result = await screen.findByRole('heading', { name: 'Imported as #3' })
    const card = result.closest('section')!
    expect(within(card).getByText(/took 0.4 s/)).toBeTruthy()
    expect(within(card).getByText('Rows read').nextElementSibling!.textContent).toBe('1,000')
    expect(within(card).getByText('Identifier links').nextElementSibling!.textContent).toBe('1,820')
    expect(within(card).getByText('orders.csv:88')).toBeTruthy()
    expect(onImported).toHaveBeenCalledTimes(1)
  })

  it('cancels a running import and says nothing was stored', async () => {
    const run = deferred<ImportResult>()
    go = fakeImports(() => run.promise)
    render(ImportView, { env: desktop, onImported: vi.fn(), onShowOverview: vi.fn() })
    await chooseFile()
    await fireEvent.click(screen.getByRole('button', { name: 'Import 1 file' }))
    await fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }))
    expect(go.calls.some((c) => c.method === 'Cancel')).toBe(true)
    run.reject('import cancelled; nothing was stored')
    expect((await screen.findByRole('status')).textContent).toBe('Import cancelled. Nothing was stored.')
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.getByRole('button', { name: 'Import 1 file' })).toBeTruthy()
  })

  it('says when the file was already imported', async () => {
    go = fakeImports(async () => ({ ...importResult, batch: 0, duplicate: true, rejections: [] }))
    render(ImportView, { env: desktop, onImported: vi.fn(), onShowOverview: vi.fn() })
    await chooseFile()
    await fireEvent.click(screen.getByRole('button', { name: 'Import 1 file' }))
    expect(await screen.findByRole('heading', { name: 'Nothing new: this file was already imported' })).toBeTruthy()
  })

  it('shows the Go error when a file cannot be read', async () => {
    go = installFakeGo({
      Imports: {
        Recipes: async () => [],
        PickFiles: async () => ['/data/broken.xlsx'],
        Inspect: () => Promise.reject('broken.xlsx: not a ZIP archive; is it really an XLSX file?'),
      },
    })
    render(ImportView, { env: desktop, onImported: vi.fn(), onShowOverview: vi.fn() })
    await fireEvent.click(screen.getByRole('button', { name: 'Choose files…' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('Could not read broken.xlsx')
    expect(alert.textContent).toContain('not a ZIP archive')
    expect(screen.getByRole('button', { name: 'Choose files…' })).toBeTruthy()
  })

  it('uploads dropped files in a browser, then inspects the server-side copy', async () => {
    const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
      if (url === '/api/upload') return new Response(JSON.stringify({ path: '/srv/up/1-orders.csv', name: 'orders.csv', size: 4 }))
      if (url === '/api/call/Imports.Recipes') return new Response('[]')
      if (url === '/api/call/Imports.Inspect') {
        expect(JSON.parse(String(init.body))).toEqual(['/srv/up/1-orders.csv', null])
        return new Response(JSON.stringify(inspection))
      }
      return new Response(JSON.stringify({ error: `unexpected ${url}` }), { status: 404 })
    })
    vi.stubGlobal('fetch', fetchMock)
    render(ImportView, { env: { ...desktop, desktop: false }, onImported: vi.fn(), onShowOverview: vi.fn() })
    const file = new File(['a,b\n'], 'orders.csv', { type: 'text/csv' })
    await fireEvent.drop(screen.getByRole('region', { name: 'Drop files to import' }), { dataTransfer: { files: [file] } })
    await screen.findByRole('heading', { name: 'What Wayline detected' })
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/api/call/Imports.Recipes', '/api/upload', '/api/call/Imports.Inspect'])
  })
})
