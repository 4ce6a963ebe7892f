import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { afterEach, describe, expect, it } from 'vitest'
import { emptyFilter } from '../../api/explore'
import { installFakeGo, type FakeGo } from '../../test/fakeGo'
import ReportView from './ReportView.svelte'
import { initialReportState, reportState } from './state'

let go: FakeGo | undefined
afterEach(() => {
  go?.restore()
  reportState.set(initialReportState())
})

const html = '<!doctype html><title>R</title><h1>Acme</h1><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'
const diff = {
  a: { from: '2024-01-01T00:00:00Z', to: '2024-01-15T23:59:59Z', customers: 400, events: 2000, converted: 100, conversionRate: 0.25 },
  b: { from: '2024-01-16T00:00:00Z', to: '2024-01-31T23:59:59Z', customers: 500, events: 2600, converted: 150, conversionRate: 0.3 },
  paths: [{ kind: 'path', label: 'web → store', before: 0.2, after: 0.28, delta: 0.08, customersBefore: 80, customersAfter: 140, enough: true }],
  friction: [{ kind: 'friction', label: 'Checkout', before: 0.5, after: 0.41, delta: -0.09, customersBefore: 80, customersAfter: 90, enough: true }],
  personas: null,
  biggest: [
    { kind: 'friction', label: 'Checkout', before: 0.5, after: 0.41, delta: -0.09, customersBefore: 80, customersAfter: 90, enough: true },
    { kind: 'path', label: 'web → store', before: 0.2, after: 0.28, delta: 0.08, customersBefore: 80, customersAfter: 140, enough: true },
  ],
  frictionNotEnough: [],
  minCustomers: 30,
}

function fake() {
  go = installFakeGo({
    Reports: { HTML: async () => ({ html, bytes: 48_200 }) },
    Workshop: { AssumedMaps: async () => [{ id: 'current-state', name: 'Current state', stages: [] }] },
    Files: { Save: async () => ({ path: '/tmp/client-report.html' }) },
    Explore: {
      FilterOptions: async () => ({ sources: [], channels: [], devices: [], personas: [], from: '2024-01-01T00:00:00Z', to: '2024-01-31T20:00:00Z', attributes: [] }),
      Summary: async () => ({ customers: 900, totalCustomers: 900, events: 4600, totalEvents: 4600, converted: 250, conversionRate: 0.28 }),
    },
    Views: { ComparePeriods: async () => diff },
  })
  return go
}
const calls = (method: string) => go!.calls.filter((c) => c.method === method)

describe('ReportView: client report', () => {
  it('builds a redacted report by default and previews it in a sandbox that runs nothing', async () => {
    fake()
    const { container } = render(ReportView, { filter: emptyFilter(), workspaceName: 'acme.wayline' })
    await waitFor(() => expect(container.querySelector('iframe')).toBeTruthy())
    const frame = container.querySelector('iframe')!
    expect(frame.getAttribute('sandbox')).toBe('')
    expect(frame.getAttribute('srcdoc')).toBe(html)
    expect(calls('HTML')[0].args).toEqual([{ redact: true, title: 'acme — customer journeys', assumed: '' }])
    expect((screen.getByRole('switch', { name: 'Redact customer data' }) as HTMLInputElement).checked).toBe(true)
    expect(screen.getByText('client-report.html · 48 KB')).toBeTruthy()
  })

  it('offers the assumed maps and rebuilds with the choices', async () => {
    fake()
    render(ReportView, { filter: emptyFilter() })
    await waitFor(() => expect(screen.getByRole('option', { name: 'Current state' })).toBeTruthy())
    await fireEvent.change(screen.getByLabelText('Assumed map'), { target: { value: 'current-state' } })
    await fireEvent.click(screen.getByRole('switch', { name: 'Redact customer data' }))
    await waitFor(() => expect(calls('HTML').at(-1)!.args).toEqual([{ redact: false, title: 'Customer journeys', assumed: 'current-state' }]))
    expect(screen.getByText(/Only for internal use/)).toBeTruthy()
  })

  it('saves the report as client-report.html through the desktop save dialog', async () => {
    fake()
    render(ReportView, { filter: emptyFilter() })
    await fireEvent.click(screen.getByRole('button', { name: 'Export report' }))
    await waitFor(() => expect(calls('Save')).toHaveLength(1))
    const [name, mime, data] = calls('Save')[0].args as string[]
    expect(name).toBe('client-report.html')
    expect(mime).toMatch(/^text\/html/)
    expect(new TextDecoder().decode(Uint8Array.from(atob(data), (c) => c.charCodeAt(0)))).toBe(html)
    await waitFor(() => expect(screen.getByText('Saved /tmp/client-report.html')).toBeTruthy())
  })

  it('says what went wrong when the report cannot be built', async () => {
    go = installFakeGo({
      Reports: { HTML: async () => Promise.reject('no workspace is open') },
      Workshop: { AssumedMaps: async () => [] },
    })
    render(ReportView, { filter: emptyFilter() })
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Could not build the report: no workspace is open'))
    expect(screen.getByText('No assumed map yet: draw one in Workshop.')).toBeTruthy()
  })
})

describe('ReportView: compare periods', () => {
  it('compares the two halves of the workspace range and lists the biggest changes with direction', async () => {
    fake()
    reportState.update((s) => ({ ...s, tab: 'periods' }))
    const filter = { ...emptyFilter(), channels: ['web'] }
    const { container } = render(ReportView, { filter })
    await waitFor(() => expect(calls('ComparePeriods')).toHaveLength(1))
    expect(calls('ComparePeriods')[0].args).toEqual([
      filter,
      { from: '2024-01-01T00:00:00Z', to: '2024-01-16T23:59:59.999999Z' },
      { from: '2024-01-17T00:00:00Z', to: '2024-01-31T23:59:59.999999Z' },
    ])
    await waitFor(() => expect(screen.getByRole('region', { name: 'Biggest changes' })).toBeTruthy())
    const rows = [...screen.getByRole('region', { name: 'Biggest changes' }).querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent!.replace(/\s+/g, ' ').trim()),
    )
    expect(rows).toEqual([
      ['Friction', 'Checkout', '50.0 %', '41.0 %', '▼ −9.0 pts'],
      ['Path', 'web → store', '20.0 %', '28.0 %', '▲ +8.0 pts'],
    ])
    expect(container.textContent).toContain('Conversion25 %30 % (+5.0 pts)')
    expect(screen.getByText('No personas yet: discover them in Personas.')).toBeTruthy()
  })

  it('refuses a period that ends before it starts', async () => {
    fake()
    reportState.update((s) => ({ ...s, tab: 'periods', a: { from: '2024-02-01', to: '2024-01-01' }, b: { from: '2024-01-01', to: '2024-01-31' } }))
    render(ReportView, { filter: emptyFilter() })
    await waitFor(() => expect(screen.getByText('Period A ends before it starts: swap its days.')).toBeTruthy())
    expect(calls('ComparePeriods')).toHaveLength(0)
  })
})
