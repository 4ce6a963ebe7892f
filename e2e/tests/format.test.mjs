// The e2e tests say what the page must show through lib/format.mjs; these pin it to the examples the
// interface brief and frontend/src/lib/format.ts document, so an expectation is wrong only if they are.

import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { formatCompact, formatDateRange, formatDayShort, formatInt, formatPercent, freshness, plural } from '../lib/format.mjs'

describe('formatting the tests expect', () => {
  const cases = [
    ['formatInt', formatInt, 31204, '31,204'],
    ['formatInt', formatInt, 0, '0'],
    ['formatInt', formatInt, -1234567, '-1,234,567'],
    ['formatCompact', formatCompact, 834, '834'],
    ['formatCompact', formatCompact, 12400, '12.4k'],
    ['formatCompact', formatCompact, 20060, '20.1k'],
    ['formatCompact', formatCompact, 124000, '124k'],
    ['formatCompact', formatCompact, 1000, '1k'],
    ['formatCompact', formatCompact, 1200000, '1.2 M'],
    ['formatCompact', formatCompact, 999960, '1 M'],
    ['formatPercent', formatPercent, 0.312, '31 %'],
    ['formatPercent', formatPercent, 0.042, '4.2 %'],
    ['formatPercent', formatPercent, 0.05, '5 %'],
    ['formatPercent', formatPercent, 0.0004, '<0.1 %'],
    ['formatPercent', formatPercent, 0, '0 %'],
    ['formatPercent', formatPercent, 0.9996, '>99.9 %'],
    ['formatPercent', formatPercent, 0.996, '99.6 %'],
    ['formatPercent', formatPercent, 1, '100 %'],
    ['formatPercent', formatPercent, 0.8679, '87 %'],
  ]
  for (const [name, fn, input, want] of cases) {
    it(`${name}(${input})`, () => assert.equal(fn(input), want, `${name}(${input}): got ${fn(input)}, want ${want}`))
  }

  it('plural', () => {
    assert.equal(plural(1, 'source'), '1 source')
    assert.equal(plural(6, 'source'), '6 sources')
    assert.equal(plural(2, 'import batch', 'import batches'), '2 import batches')
  })

  it('dates in UTC', () => {
    const now = new Date('2024-12-01T00:00:00Z')
    assert.equal(formatDayShort('2024-11-28T23:30:00Z', now), '28 Nov')
    assert.equal(formatDayShort('2023-11-28T23:30:00Z', now), '28 Nov 2023')
    assert.equal(formatDateRange('2024-01-03T10:00:00Z', '2024-11-28T09:00:00Z'), '3 Jan – 28 Nov 2024')
    assert.equal(formatDateRange('2023-01-03T10:00:00Z', '2024-11-28T09:00:00Z'), '3 Jan 2023 – 28 Nov 2024')
    assert.equal(formatDateRange('2024-11-28T01:00:00Z', '2024-11-28T09:00:00Z'), '28 Nov 2024')
  })

  it('the rail freshness line', () => {
    const now = new Date('2024-12-01T00:00:00Z')
    const o = { events: 1234567, sources: [{}, {}, {}, {}, {}], to: '2024-11-28T12:00:00Z' }
    assert.equal(freshness(o, now), '5 sources · 1.2 M events · to 28 Nov')
    assert.equal(freshness({ events: 0, sources: [], to: '' }, now), 'No data yet')
  })
})
