import { describe, expect, it } from 'vitest'
import { normaliseCell } from '../../api/friction'
import { frictionColour } from '../../lib/frictionScale'
import { overview, stageHeatmap, touchpointHeatmap } from './fixtures'
import { headLines, layoutHeatmap } from './heatmap'
import { heatmapTable, momentsTable, rankingTable, wastedTable } from './tables'

describe('layoutHeatmap', () => {
  const layout = layoutHeatmap(stageHeatmap, { minCustomers: 30 })

  it('lays rows against all customers and each persona', () => {
    expect(layout.columns.map((c) => c.name)).toEqual(['All customers', 'Bargain hunters', 'Support seekers'])
    expect(layout.columns.map((c) => c.customersText)).toEqual(['10k customers', '3.1k customers', '1.3k customers'])
    expect(layout.cells).toHaveLength(6 * 3)
    expect(layout.width).toBe(210 + 3 * 128)
    const decision = layout.cells.find((c) => c.row === 2 && c.column === 0)!
    expect([decision.x, decision.y]).toEqual([210, 58 + 2 * 46])
  })

  it('colours a scored cell by its score and labels it 0–100', () => {
    const decision = layout.cells.find((c) => c.row === 2 && c.column === 0)!
    expect(decision.fill).toBe(frictionColour(0.52))
    expect(decision.label).toBe('52')
    expect(decision.title).toBe('All customers · Decision: friction 52 (95 % interval 50–55) · effort 20 %\n4,100 customers · 8,200 events · 2 sources')
  })

  it('hatches a cell without enough data and says so, never painting it as zero', () => {
    const advocacy = layout.cells.filter((c) => c.row === 5)
    for (const c of advocacy) {
      expect(c.fill).toBeNull()
      expect(c.label).toBe('not enough data')
      expect(c.interval).toBeNull()
    }
    expect(advocacy[1].title).toBe('Bargain hunters · Advocacy: not enough data — 8 customers (needs 30)')
  })

  it('draws the interval as a bar across the cell', () => {
    const decision = layout.cells.find((c) => c.row === 2 && c.column === 0)!
    // 104 px of span from x + 12 = 222: 0.50 → 274, 0.55 → 279.2, the score 0.52 → 276.1
    expect(decision.interval).toEqual({ x1: 274, x2: 279.2, tick: 276.1, y: 150 + 46 - 10 })
  })

  it('gives a persona without a colour the palette hue of its place', () => {
    const h = { ...stageHeatmap, columns: stageHeatmap.columns.map((c) => ({ ...c, color: '' })) }
    expect(layoutHeatmap(h).columns.map((c) => c.colour)).toEqual(['#1f2328', '#0072B2', '#E69F00'])
  })

  it('writes a long column name on more lines and makes the head taller, never cutting a name that fits', () => {
    expect(headLines('Bargain hunters', 106)).toEqual(['Bargain hunters'])
    expect(headLines('Email converters', 106)).toEqual(['Email', 'converters'])
    expect(headLines('Desktop comparison shoppers', 106)).toEqual(['Desktop', 'comparison', 'shoppers'])
    expect(headLines('Support-heavy at-risk customers', 106)).toEqual(['Support-heavy', 'at-risk', 'customers'])
    expect(headLines('one two three four five six seven', 75)).toEqual(['one two', 'three four', 'five six s…'])
    expect(headLines('Supercalifragilisticexpialidocious', 106)).toEqual(['Supercalifragi…'])
    expect(layout.nameY).toEqual([26])
    expect(layout.customersY).toBe(43)
    const long = { ...stageHeatmap, columns: stageHeatmap.columns.map((c, j) => (j === 1 ? { ...c, name: 'Email converters' } : c)) }
    const l = layoutHeatmap(long)
    expect(l.columns.map((c) => c.lines)).toEqual([['All customers'], ['Email', 'converters'], ['Support seekers']])
    expect(l.columns[1].name).toBe('Email converters')
    expect([l.headerHeight, l.nameY, l.customersY]).toEqual([58 + 15, [18, 33], 50])
    expect(l.cells.find((c) => c.row === 0 && c.column === 0)!.y).toBe(58 + 15)
  })

  it('shows the stage under a touchpoint row when asked', () => {
    const t = layoutHeatmap(touchpointHeatmap, { showStage: true })
    expect(t.rows[0]).toMatchObject({ name: 'Checkout: payment', stage: 'Decision' })
  })
})

describe('normaliseCell', () => {
  it('turns missing numbers into null and a score-less cell into not enough data', () => {
    const c = normaliseCell({ touchpoint: 'x', score: null, enough: true, customers: 3, components: { exitRate: 0.2 } as never })
    expect(c.enough).toBe(false)
    expect(c.low).toBeNull()
    expect(c.components.exitRate).toBe(0.2)
    expect(c.components.effort).toBeNull()
    expect(c.evidence).toEqual({ exits: 0, loops: 0, backtracks: 0, steps: 0, support: 0, ratings: 0 })
  })
})

describe('CSV tables', () => {
  it('has a row per heatmap cell with its persona', () => {
    const t = heatmapTable(stageHeatmap)
    expect(t[0].slice(0, 8)).toEqual(['row', 'stage', 'column', 'persona_id', 'score', 'low', 'high', 'enough_data'])
    expect(t).toHaveLength(1 + 18)
    expect(t[2].slice(0, 8)).toEqual(['Awareness', 'Awareness', 'Bargain hunters', 'persona-1', 0.05, 0, 0.1, true].map((v) => (typeof v === 'number' ? expect.closeTo(v, 10) : v)))
  })

  it('ranks only scored touchpoints', () => {
    const t = rankingTable(overview.touchpoints)
    expect(t.slice(1).map((r) => r[0])).toEqual([1, 2, 3, 4, 5, null])
    expect(t[1].slice(1, 4)).toEqual(['Checkout: payment', 'Decision', 0.714])
  })

  it('lists moments and wasted touches', () => {
    expect(momentsTable(overview.moments)[1]).toEqual(['Store call', 'Decision', 640, 3460, 0.61, 0.43, 0.18, 0.07])
    expect(wastedTable(overview.wasted)[1]).toEqual(['Retargeting ad', 'display', 4700, 1500])
  })
})
