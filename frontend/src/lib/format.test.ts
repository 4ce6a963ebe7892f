import { describe, expect, it } from 'vitest'
import { formatBytes, formatCompact, formatDuration, formatElapsed, formatInt, formatPercent, formatValue, plural } from './format'

function table<I, O>(name: string, fn: (i: I) => O, cases: [I, O][]) {
  describe(name, () => {
    for (const [input, want] of cases) {
      it(`${JSON.stringify(input)} → ${JSON.stringify(want)}`, () => {
        const got = fn(input)
        expect(got, `got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`).toBe(want)
      })
    }
  })
}

table('formatInt', formatInt, [
  [0, '0'],
  [999, '999'],
  [31204, '31,204'],
  [100000, '100,000'],
  [1234567.6, '1,234,568'],
  [-4200, '-4,200'],
  [NaN, '–'],
])

table('formatCompact', formatCompact, [
  [0, '0'],
  [834, '834'],
  [999, '999'],
  [1000, '1k'],
  [1234, '1.2k'],
  [12_400, '12.4k'],
  [99_960, '100k'],
  [124_000, '124k'],
  [999_960, '1 M'],
  [1_200_000, '1.2 M'],
  [1_234_567, '1.2 M'],
  [45_000_000, '45 M'],
  [3_100_000_000, '3.1 B'],
  [-12_400, '-12.4k'],
])

table('formatPercent', formatPercent, [
  [0, '0 %'],
  [0.31, '31 %'],
  [0.312, '31 %'],
  [0.042, '4.2 %'],
  [0.05, '5 %'],
  [0.0004, '<0.1 %'],
  [0.996, '99.6 %'],
  [0.9999, '>99.9 %'],
  [1, '100 %'],
])

table('formatDuration', formatDuration, [
  [0, '0 s'],
  [0.4, '<1 s'],
  [45, '45 s'],
  [270, '4 min 30 s'],
  [3600, '1 h'],
  [3720, '1 h 2 min'],
  [187_200, '2 d 4 h'],
  [172_800 + 300, '2 d'],
  [-1, '–'],
])

table('formatElapsed', formatElapsed, [
  [0.042, '0.04 s'],
  [0.42, '0.4 s'],
  [1.234, '1.2 s'],
  [125, '2 min 5 s'],
])

table('formatBytes', formatBytes, [
  [0, '0 B'],
  [512, '512 B'],
  [1234, '1.2 KB'],
  [131_072, '131 KB'],
  [1_234_567, '1.2 MB'],
  [48_211_322, '48 MB'],
  [184_500_000, '185 MB'],
  [2_500_000_000, '2.5 GB'],
])

describe('plural', () => {
  it('uses the singular for one and groups digits', () => {
    expect(plural(1, 'source')).toBe('1 source')
    expect(plural(5, 'source')).toBe('5 sources')
    expect(plural(1200, 'batch', 'batches')).toBe('1,200 batches')
  })
})

describe('formatValue', () => {
  it('shows cents below a thousand and compact figures above', () => {
    expect(formatValue(182.5)).toBe('182.50')
    expect(formatValue(0)).toBe('0')
    expect(formatValue(12_400)).toBe('12.4k')
    expect(formatValue(Number.NaN)).toBe('–')
  })
})
