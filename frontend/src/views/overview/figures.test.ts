import { describe, expect, it } from 'vitest'
import { emptyOverview, overview } from '../../test/fixtures'
import { filterBatches } from './batches'
import { overviewFigures } from './figures'

describe('overviewFigures', () => {
  it('turns the overview into the six key figures', () => {
    const got = overviewFigures(overview).map(({ label, value, detail, tone }) => ({ label, value, detail, tone }))
    expect(got.slice(0, 4)).toEqual([
      { label: 'Events', value: '1.2 M', detail: 'from 1.2 M rows', tone: 'plain' },
      { label: 'Identifiers', value: '48.2k', detail: '30.1k anonymous ids · 12.4k emails', tone: 'plain' },
      { label: 'Sources', value: '4', detail: 'in 5 files', tone: 'plain' },
      { label: 'Date range', value: '3 Jan – 28 Nov 2024', detail: '331 days', tone: 'plain' },
    ])
    expect(got[4].value).toBe('2')
    expect(got[5]).toEqual({ label: 'Rejected rows', value: '23', detail: '<0.1 % of rows read', tone: 'warn' })
  })

  it('keeps exact values for the hover title', () => {
    expect(overviewFigures(overview)[0].exact).toBe('1,234,567 events')
  })

  it('reads sensibly for an empty workspace', () => {
    const got = overviewFigures(emptyOverview)
    expect(got.map((f) => f.value)).toEqual(['0', '0', '0', '—', '0', '0'])
    expect(got[3].detail).toBe('no events yet')
    expect(got[5].tone).toBe('plain')
  })
})

describe('filterBatches', () => {
  it('lists newest first and matches ids, file names and sources', () => {
    expect(filterBatches(overview.batches, '').map((b) => b.id)).toEqual([2, 1])
    expect(filterBatches(overview.batches, 'ORDERS').map((b) => b.id)).toEqual([2])
    expect(filterBatches(overview.batches, 'web analytics').map((b) => b.id)).toEqual([1])
    expect(filterBatches(overview.batches, '#1').map((b) => b.id)).toEqual([1])
    expect(filterBatches(overview.batches, 'nothing')).toEqual([])
  })
})
