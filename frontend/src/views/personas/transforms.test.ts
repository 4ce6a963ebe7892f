import { describe, expect, it } from 'vitest'
import type { PersonaResult } from '../../api/personas'
import { compareRows, relativeSpread } from './compare'
import { formatEffect, layoutEffects } from './effects'
import { comparison, kScores, personaFeatures, personaResult } from './fixtures'
import { layoutKScores } from './kScores'
import { formatMean } from './means'
import { groupFeatures, initialForm, runOptions } from './runOptions'
import { alternativeTexts, emptyText, progressText, qualityText } from './text'

describe('layoutKScores', () => {
  it('grows silhouette bars from zero, scales BIC to its own range and marks the chosen k', () => {
    const got = layoutKScores(
      [
        { k: 3, silhouette: 0.2, bic: 900 },
        { k: 2, silhouette: 0.4, bic: 1000 },
        { k: 4, silhouette: -0.2, bic: 800 },
      ],
      3,
      { width: 300, band: 60, gap: 20 },
    )
    expect(got.columns.map((c) => c.k)).toEqual([2, 3, 4])
    expect(got.columns.map((c) => c.x)).toEqual([50, 150, 250])
    expect(got.columns.map((c) => c.chosen)).toEqual([false, true, false])
    // Silhouette −0.2..0.4 over 60 px: 0 sits 40 px below the top (22).
    expect(got.silhouette.zero).toBe(62)
    expect(got.columns.map((c) => c.bar)).toEqual([
      { y: 22, h: 40, label: '0.40' },
      { y: 42, h: 20, label: '0.20' },
      { y: 62, h: 20, label: '-0.20' },
    ])
    // BIC band starts at 22 + 60 + 20 + 12 = 114; 1000 at the top, 800 at the bottom.
    expect(got.columns.map((c) => c.dot!.y)).toEqual([114, 144, 174])
    expect(got.bicPath).toBe('M50,114L150,144L250,174')
    expect(got.columns[0].dot!.label).toBe('1k')
    expect(got.height).toBe(194)
  })

  it('leaves out scores Go could not compute', () => {
    const got = layoutKScores(
      [
        { k: 2, silhouette: 0.3, bic: Number.NaN },
        { k: 3, silhouette: 0.5, bic: Number.NaN },
      ],
      0,
      { width: 200 },
    )
    expect(got.hasBic).toBe(false)
    expect(got.bicPath).toBe('')
    expect(got.columns.every((c) => c.dot === null && c.bar !== null && !c.chosen)).toBe(true)
  })

  it('lays out the fixture scores the same way every time', () => {
    expect(layoutKScores(kScores, 4, { width: 320 })).toMatchSnapshot()
  })
})

describe('layoutEffects', () => {
  it('keeps the strongest effects, left for lower and right for higher', () => {
    const got = layoutEffects(
      [
        { feature: 'a', label: 'A', personaMean: 1, restMean: 0, effectSize: 0.5 },
        { feature: 'b', label: 'B', personaMean: 0, restMean: 1, effectSize: -1.5 },
        { feature: 'c', label: 'C', personaMean: 3, restMean: 1, effectSize: 1.2 },
        { feature: 'd', label: 'D', personaMean: 3, restMean: 1, effectSize: Number.NaN },
      ],
      { width: 200, limit: 2 },
    )
    expect(got.domain).toBe(1.5)
    expect(got.rows.map((r) => [r.label, r.direction, r.x, r.w, r.valueLabel])).toEqual([
      ['B', 'lower', 0, 100, '−1.5'],
      ['C', 'higher', 100, 80, '+1.2'],
    ])
    expect(got.rows[0].title).toBe('B: 0 in this persona, 1.00 in the rest (effect −1.5)')
  })

  it('never lets a weak effect fill the bar', () => {
    const got = layoutEffects([{ feature: 'a', label: 'A', personaMean: 1, restMean: 0.9, effectSize: 0.2 }], { width: 100 })
    expect(got.domain).toBe(1)
    expect(got.rows[0].w).toBe(10)
  })

  it('formats effects with their sign', () => {
    expect([formatEffect(1.84), formatEffect(-0.25), formatEffect(0), formatEffect(Number.NaN)]).toEqual(['+1.8', '−0.3', '0.0', '–'])
  })
})

describe('compareRows', () => {
  it('orders rows by relative difference, marks the largest and their highest and lowest means', () => {
    const got = compareRows(comparison, { marks: 2 })
    expect(got.map((r) => r.feature)).toEqual(['share_store', 'share_email', 'share_web', 'touches', 'order_value', 'support_contacts'])
    expect(got.map((r) => r.marked)).toEqual([true, true, false, false, false, false])
    expect(got[0].cells).toEqual([
      { text: '0.06', high: false, low: true },
      { text: '0.81', high: true, low: false },
    ])
    expect(got[3].cells.map((c) => c.text)).toEqual(['14.2', '4.10'])
  })

  it("keeps Go's order on request", () => {
    expect(compareRows(comparison, { byDifference: false }).map((r) => r.feature)[0]).toBe('share_web')
  })

  it('marks a third of the rows by default, never more than five', () => {
    expect(compareRows(comparison).filter((r) => r.marked).map((r) => r.feature)).toEqual(['share_store', 'share_email'])
    const many = { ...comparison, features: Array.from({ length: 30 }, (_, i) => ({ feature: `f${i}`, label: `F${i}`, values: [i + 1, 1] })) }
    expect(compareRows(many).filter((r) => r.marked)).toHaveLength(5)
  })

  it('never marks identical or missing values', () => {
    const got = compareRows({
      personas: comparison.personas,
      features: [
        { feature: 'same', label: 'Same', values: [2, 2] },
        { feature: 'zero', label: 'Zero', values: [0, 0] },
        { feature: 'one', label: 'One', values: [1, Number.NaN] },
      ],
    })
    expect(got.every((r) => !r.marked && r.cells.every((c) => !c.high && !c.low))).toBe(true)
    expect(got[2].cells[1].text).toBe('–')
  })

  it('measures spread relative to the larger magnitude', () => {
    expect(relativeSpread([4, 2])).toBe(0.5)
    expect(relativeSpread([-1, 1])).toBe(2)
    expect(relativeSpread([0, 0, 0])).toBe(0)
    expect(relativeSpread([3])).toBe(0)
  })
})

describe('formatMean', () => {
  it('keeps about three significant figures in any unit', () => {
    expect([0.523, 14.21, 182.5, 12400, 0, -0.5, Number.NaN].map(formatMean)).toEqual(['0.52', '14.2', '183', '12.4k', '0', '-0.50', '–'])
  })
})

describe('run form', () => {
  it('starts from the last run: its method and ticked features, automatic k', () => {
    const f = initialForm(personaResult)
    expect(f).toEqual({
      auto: true,
      k: 4,
      method: 'features',
      features: ['share_web', 'share_email', 'share_store', 'share_mobile', 'touches', 'span_days', 'support_contacts', 'order_value'],
      seed: 1,
    })
  })

  it('sends k = 0 for automatic, a chosen k clamped to 2..10, and known features in Go order', () => {
    const form = { auto: false, k: 14, method: 'sequences' as const, features: ['rating', 'touches', 'nonsense'], seed: 7.9 }
    expect(runOptions(form, personaFeatures)).toEqual({ k: 10, method: 'sequences', features: ['touches', 'rating'], seed: 7 })
    expect(runOptions({ ...form, auto: true, seed: -3 }, personaFeatures)).toMatchObject({ k: 0, seed: 1 })
  })

  it('asks for the default features before Go has listed any', () => {
    const f = initialForm({ ...personaResult, personas: [], features: [], method: '' })
    expect(f.method).toBe('auto')
    expect(runOptions(f, [])).toEqual({ k: 0, method: 'auto', features: [], seed: 1 })
  })

  it('groups features in order', () => {
    expect(groupFeatures(personaFeatures).map((g) => [g.group, g.features.length])).toEqual([
      ['Channels', 3],
      ['Devices', 1],
      ['Journey', 2],
      ['Service', 2],
      ['Value', 1],
    ])
  })
})

describe('texts', () => {
  it('states the quality, the alternative, progress and the empty state', () => {
    expect(qualityText(personaResult)).toBe('4 personas from behaviour features · silhouette: 0.46')
    expect(alternativeTexts(personaResult)).toEqual(['Journey sequences scored 0.29 with 3 personas'])
    expect(progressText(10000, 12)).toBe('Discovering personas from 10,000 customers… 12 s')
    expect(progressText(null, 0)).toBe('Discovering personas… 0 s')
    expect(emptyText(10000)).toBe('No personas yet — Discover personas from 10,000 customers')
    const none = { ...personaResult, quality: { method: '', score: Number.NaN, criterion: '' } } as PersonaResult
    expect(qualityText(none)).toBe('4 personas from behaviour features · quality: –')
  })
})

describe('initialForm before and after a run', () => {
  it('offers seed 1 before any run and the run’s own seed and features after', () => {
    const before = initialForm({ ...personaResult, personas: [], seed: 0, features: [] })
    expect(before.seed).toBe(1)
    const after = initialForm({ ...personaResult, seed: 7 })
    expect(after.seed).toBe(7)
    expect(after.features).toEqual(personaResult.features.filter((f) => f.included).map((f) => f.name))
  })
})
