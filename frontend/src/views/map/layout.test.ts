import { describe, expect, it } from 'vitest'
import type { MapEmotion } from '../../api/maps'
import { frictionColour } from '../../lib/frictionScale'
import { emotionGeometry, emotionY } from './emotion'
import { observedMap } from './fixtures'
import { laneLabelWidth, layoutMap, liftText } from './layout'
import { mapTable, mapTableHeader } from './table'
import { wrapText } from './wrap'

const emotion = (score: number | null, low: number | null = score, high: number | null = score, ratings = 50): MapEmotion => ({
  score,
  mean: null,
  lowShare: null,
  ratings,
  customers: ratings,
  low,
  high,
})

describe('emotion curve', () => {
  it('maps +2 to the top of the lane, −2 to the bottom and clamps beyond', () => {
    expect(emotionY(2, 100, 80)).toBe(100)
    expect(emotionY(0, 100, 80)).toBe(140)
    expect(emotionY(-2, 100, 80)).toBe(180)
    expect(emotionY(-5, 100, 80)).toBe(180)
    expect(emotionY(1, 100, 80)).toBe(120)
  })

  it('breaks the line at a stage without ratings instead of drawing it at zero', () => {
    const g = emotionGeometry([emotion(1), emotion(-1), emotion(null), emotion(2), emotion(0)], [10, 20, 30, 40, 50], 0, 40)
    expect(g.lines).toEqual(['M10 10 L20 30', 'M40 0 L50 20'])
    expect(g.gaps).toEqual([30])
    expect(g.points.map((p) => [p.x, p.y])).toEqual([
      [10, 10],
      [20, 30],
      [40, 0],
      [50, 20],
    ])
    expect(g.grid).toEqual([
      { value: 2, y: 0 },
      { value: 0, y: 20 },
      { value: -2, y: 40 },
    ])
  })

  it('draws the band from the interval: high along the run, low back', () => {
    const g = emotionGeometry([emotion(0, -1, 1), emotion(1, 0, 2)], [10, 20], 0, 40)
    expect(g.bands).toEqual(['M10 10 L20 0 L20 20 L10 30 Z'])
  })

  it('gives a lone rated stage a point and a short band, but no line', () => {
    const g = emotionGeometry([emotion(null), emotion(0, -1, 1), emotion(null)], [10, 50, 90], 0, 40)
    expect(g.lines).toEqual([])
    expect(g.bands).toEqual(['M40 10 L60 10 L60 30 L40 30 Z'])
    expect(g.gaps).toEqual([10, 90])
  })
})

describe('layoutMap', () => {
  const layout = layoutMap(observedMap, { width: 1400 })

  it('makes one column per stage, wide enough to read, in order', () => {
    expect(layout.columns.map((c) => c.stage.name)).toEqual(['Awareness', 'Consideration', 'Decision', 'Purchase', 'Retention', 'Advocacy'])
    expect(layout.columns[0].x).toBe(laneLabelWidth)
    expect(layout.columns[1].x - layout.columns[0].x).toBe(214)
    expect(layout.width).toBe(laneLabelWidth + 6 * 214)
    // Never narrower than the minimum: a small window scrolls instead.
    expect(layoutMap(observedMap, { width: 600 }).columns[0].width).toBe(196)
  })

  it('heads each stage with customers reached and skipped', () => {
    const c = layout.columns[1]
    expect(c.reachedText).toBe('7.4k reached · 74 %')
    expect(c.skippedText).toBe('1.2k skipped it')
    expect(layout.columns[0].skippedText).toBe('none skipped it')
    expect(layout.columns[5].frictionText).toBe('friction: not enough data')
    expect(layout.columns[2].frictionText).toBe('friction 52 (50–55)')
  })

  it('stacks the lanes in order without overlap', () => {
    expect(layout.lanes.map((l) => l.id)).toEqual(['stages', 'touchpoints', 'actions', 'emotion', 'pains', 'opportunities', 'notes'])
    layout.lanes.slice(1).forEach((l, i) => expect(l.y).toBe(layout.lanes[i].y + layout.lanes[i].height))
    expect(layout.height).toBe(layout.lanes.at(-1)!.y + layout.lanes.at(-1)!.height)
  })

  it('sizes pills by customers against the biggest touchpoint on the map', () => {
    const home = layout.pills.find((p) => p.cell.touchpoint === 'Home page')!
    const email = layout.pills.find((p) => p.key === 'Awareness:Email sent')!
    const inner = 214 - 20
    // The count ("9.8k", "4.1k") sits right of the pill: 4 characters of 6.6 px and a 6 px gap.
    const max = inner - 4 * 6.6 - 6
    expect(home.width).toBe(Math.round(max)) // 9,800: the biggest
    expect(email.width).toBe(Math.round(inner * 0.32 + (max - inner * 0.32) * (4100 / 9800)))
    expect(email.y - home.y).toBe(34)
    expect(home.countText).toBe('9.8k')
    expect(home.kind).toBe('web')
    expect(email.kind).toBe('email')
  })

  it('keeps every pill\'s name inside it and its count clear of it', () => {
    for (const width of [600, 1000, 1400]) {
      for (const p of layoutMap(observedMap, { width }).pills) {
        // icon (30 px) + name at 6.3 px a character + 6 px pad
        expect(p.width).toBeGreaterThanOrEqual(Math.floor(30 + p.label.length * 6.3 + 6))
        expect(p.x + p.width + 6 + p.countText.length * 6.6).toBeLessThanOrEqual(p.right + 0.5)
      }
    }
  })

  it('shows at most six pills a stage and says how many more there are', () => {
    expect(layout.pills.filter((p) => p.key.startsWith('Consideration:'))).toHaveLength(6)
    expect(layout.more).toEqual([expect.objectContaining({ key: 'Consideration', text: '+2 more' })])
  })

  it('tints pills by friction, and draws a pill without enough data untinted and faint', () => {
    const payment = layout.pills.find((p) => p.cell.touchpoint === 'Checkout: payment')!
    expect(payment.fill).toBe(frictionColour(0.714))
    expect(payment.opacity).toBeGreaterThan(0.9)
    const referral = layout.pills.find((p) => p.cell.touchpoint === '=Referral shared')!
    expect(referral.fill).toBeNull()
    expect(referral.opacity).toBe(0.35)
    expect(referral.title).toContain('not enough data')
    const ticket = layout.pills.find((p) => p.cell.touchpoint === 'Ticket opened')!
    expect(ticket.opacity).toBeLessThan(payment.opacity) // 48 customers, a wide interval
    expect(ticket.kind).toBe('support')
  })

  it('puts the numbers behind each pain point', () => {
    const pain = layout.pains.find((p) => p.cell.touchpoint === 'Checkout: payment')!
    expect(pain.scoreLine).toBe('friction 71 · interval 68–75')
    expect(pain.mainLine).toBe('mean rating 0.31 of 1')
    expect(pain.evidenceLine).toBe('2.1k customers · 3 sources')
    expect(layout.empty.find((e) => e.key === 'pains:Awareness')!.text).toBe('no pain with enough data')
  })

  it('labels emotion points with their evidence and marks gaps', () => {
    const labels = Object.fromEntries(layout.emotionLabels.map((l) => [l.key, l]))
    expect(labels.Decision.text).toBe('−1.2 · 212 ratings')
    expect(labels.Decision.faint).toBe(false)
    expect(labels.Consideration.faint).toBe(true) // 22 ratings
    expect(labels.Retention.text).toBe('no ratings')
    // Clear of the gap marker (r = 4 on the zero line): the words end above it.
    expect(labels.Retention.y).toBeLessThanOrEqual(layout.emotion.grid[1].y - 4 - 3)
    expect(layout.emotion.gaps).toEqual([layout.columns[4].centre])
  })

  it('writes opportunities with their lift and removal effect', () => {
    expect(layout.opportunities).toHaveLength(1)
    expect(layout.opportunities[0].figures).toBe('lift +18 pts · removal 7 %')
    expect(layout.opportunities[0].lines.join(' ')).toBe('Customers who call the store convert more')
  })
})

describe('text helpers', () => {
  it('wraps text into lines and cuts the last with an ellipsis', () => {
    expect(wrapText('Customers who call the store convert more', 100, 3)).toEqual(['Customers who', 'call the store', 'convert more'])
    const two = wrapText('Customers who call the store convert more', 100, 2)
    expect(two).toHaveLength(2)
    expect(two[1].endsWith('…')).toBe(true)
  })

  it.each([
    [0.18, '+18 pts'],
    [-0.14, '−14 pts'],
    [0.052, '+5.2 pts'],
    [0, '0 pts'],
    [Number.NaN, '–'],
  ])('lift %s reads %s', (lift, want) => {
    expect(liftText(lift)).toBe(want)
  })
})

describe('mapTable', () => {
  it('has a row for every stage, touchpoint, action, emotion, pain and opportunity', () => {
    const t = mapTable(observedMap)
    expect(t[0]).toEqual(mapTableHeader)
    const kinds = t.slice(1).map((r) => r[1])
    expect(kinds.filter((k) => k === 'stage')).toHaveLength(6)
    expect(kinds.filter((k) => k === 'touchpoint')).toHaveLength(19)
    expect(kinds.filter((k) => k === 'emotion')).toHaveLength(6)
    const payment = t.find((r) => r[1] === 'touchpoint' && r[2] === 'Checkout: payment')!
    expect(payment).toEqual(['Decision', 'touchpoint', 'Checkout: payment', 2140, 0.52, 0.714, 0.68, 0.75, true, 1, 'organic'])
    const gap = t.find((r) => r[0] === 'Retention' && r[1] === 'emotion')!
    expect(gap[2]).toBe('no ratings')
    expect(gap[5]).toBeNull()
  })
})
