import { describe, expect, it } from 'vitest'
import type { PeriodChange } from '../../api/views'
import { arrow, changeColour, changesTable, halves, kindName, largestChange, neutralColour, periodBounds, periodProblem, pointsText, shareText } from './periods'

const change = (delta: number | null, fields: Partial<PeriodChange> = {}): PeriodChange => ({
  kind: 'path',
  label: 'web → store',
  before: 0.1,
  after: delta === null ? null : 0.1 + delta,
  delta,
  customersBefore: 100,
  customersAfter: 120,
  enough: true,
  ...fields,
})

describe('halves', () => {
  it.each([
    ['an even range', '2024-01-01T00:00:00Z', '2024-01-10T23:59:59Z', [{ from: '2024-01-01', to: '2024-01-05' }, { from: '2024-01-06', to: '2024-01-10' }]],
    ['an odd range', '2024-01-01T00:00:00Z', '2024-01-03T12:00:00Z', [{ from: '2024-01-01', to: '2024-01-02' }, { from: '2024-01-03', to: '2024-01-03' }]],
    ['two days', '2024-03-01', '2024-03-02', [{ from: '2024-03-01', to: '2024-03-01' }, { from: '2024-03-02', to: '2024-03-02' }]],
    ['one day', '2024-03-01T08:00:00Z', '2024-03-01T18:00:00Z', [{ from: '2024-03-01', to: '2024-03-01' }, { from: '2024-03-01', to: '2024-03-01' }]],
    ['no range', '', '', [{ from: '', to: '' }, { from: '', to: '' }]],
    ['a reversed range', '2024-03-05', '2024-03-01', [{ from: '', to: '' }, { from: '', to: '' }]],
  ])('%s', (_name, from, to, want) => {
    expect(halves(from, to)).toEqual(want)
  })

  it('never counts a day twice and leaves none out', () => {
    const [a, b] = halves('2023-12-30T00:00:00Z', '2024-02-02T00:00:00Z')
    expect(Date.parse(b.from) - Date.parse(a.to)).toBe(86_400_000)
    expect(a.from).toBe('2023-12-30')
    expect(b.to).toBe('2024-02-02')
  })
})

describe('periodBounds and periodProblem', () => {
  it('keeps the whole last day', () => {
    expect(periodBounds({ from: '2024-01-01', to: '2024-01-05' })).toEqual({ from: '2024-01-01T00:00:00Z', to: '2024-01-05T23:59:59.999999Z' })
  })
  it.each([
    [{ from: '', to: '2024-01-01' }, 'Period A needs a start and an end day.'],
    [{ from: '2024-02-01', to: '2024-01-01' }, 'Period A ends before it starts: swap its days.'],
    [{ from: '2024-01-01', to: '2024-01-01' }, ''],
  ])('%j → %s', (p, want) => {
    expect(periodProblem(p, 'Period A')).toBe(want)
  })
})

describe('change text', () => {
  it.each([
    [0.032, '+3.2 pts'],
    [-0.004, '−0.4 pts'],
    [0.00001, '±0 pts'],
    [null, '–'],
    [Number.NaN, '–'],
  ])('pointsText(%s) = %s', (d, want) => {
    expect(pointsText(d)).toBe(want)
  })
  it.each([
    [0.4125, '41.3 %'],
    [0, '0.0 %'],
    [null, '–'],
  ])('shareText(%s) = %s', (v, want) => {
    expect(shareText(v)).toBe(want)
  })
  it.each([
    [0.05, '▲'],
    [-0.05, '▼'],
    [0.0001, '='],
    [null, '='],
  ])('arrow(%s) = %s', (d, want) => {
    expect(arrow(d)).toBe(want)
  })
  it('names the kinds', () => {
    expect([kindName('path'), kindName('friction'), kindName('persona'), kindName('stage')]).toEqual(['Path', 'Friction', 'Persona', 'Stage'])
  })
})

describe('changeColour', () => {
  it('gives rises and falls different hue families, never the neutral one, and darker for larger changes', () => {
    const up = [0.01, 0.05, 0.09].map((d) => changeColour(d, 0.1))
    const down = [-0.01, -0.05, -0.09].map((d) => changeColour(d, 0.1))
    expect(new Set(up).size).toBe(3)
    expect(new Set(down).size).toBe(3)
    for (const c of [...up, ...down]) expect(c).not.toBe(neutralColour)
    expect(up.some((c) => down.includes(c))).toBe(false)
    // Purple for a rise, orange for a fall: blue channel above red for the rise, red above blue for the fall.
    const rgb = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16))
    for (const c of up) expect(rgb(c)[2]).toBeGreaterThan(rgb(c)[0])
    for (const c of down) expect(rgb(c)[0]).toBeGreaterThan(rgb(c)[2])
  })
  it('is neutral without a change or a scale', () => {
    expect(changeColour(0, 0.1)).toBe(neutralColour)
    expect(changeColour(null, 0.1)).toBe(neutralColour)
    expect(changeColour(0.1, 0)).toBe(neutralColour)
  })
})

describe('largestChange and changesTable', () => {
  it('finds the largest absolute change, skipping missing ones', () => {
    expect(largestChange([change(0.02), change(-0.07), change(null)])).toBe(0.07)
    expect(largestChange([])).toBe(0)
  })
  it('writes one row per change with exact figures', () => {
    const rows = changesTable([change(0.05, { label: '=SUM(A1)' })])
    expect(rows[0]).toEqual(['kind', 'label', 'before', 'after', 'delta', 'customers before', 'customers after', 'enough data'])
    expect(rows[1]).toEqual(['path', '=SUM(A1)', 0.1, 0.15000000000000002, 0.05, 100, 120, true])
  })
})
