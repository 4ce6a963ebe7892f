import { render } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import { funnel } from '../test/exploreFixtures'
import FunnelChart from './FunnelChart.svelte'
import { funnelRows } from './funnel'

describe('funnelRows', () => {
  it('scales bars to the first step and formats each figure', () => {
    const rows = funnelRows(funnel)
    expect(rows.map((r) => r.bar)).toEqual([1, 500 / 900, 400 / 900])
    expect(rows.map((r) => r.fromPrev)).toEqual(['100 %', '56 %', '80 %'])
    expect(rows.map((r) => r.fromStart)).toEqual(['100 %', '56 %', '44 %'])
    expect(rows.map((r) => r.time)).toEqual(['', '1 h', '2 h'])
    expect(rows[2].touchpoints).toBe('checkout or purchase')
    expect(rows[1].next).toEqual([
      { touchpoint: '(left)', customers: 250, label: 'left', share: '63 %' },
      { touchpoint: 'support_ticket', customers: 150, label: 'support_ticket', share: '38 %' },
    ])
    expect(rows[1].title).toBe('Cart: 500 of 900 who reached Visit (56 %); 56 % of those who started')
    expect(rows[0].title).toBe('Visit: 900 of 900 who entered (100 %)')
  })

  it('keeps the biggest next steps and counts the rest', () => {
    const many = { ...funnel, steps: [{ ...funnel.steps[1], droppedTo: [1, 5, 3, 2].map((c) => ({ touchpoint: `t${c}`, customers: c })) }] }
    const [row] = funnelRows(many, 2)
    expect(row.next.map((n) => n.touchpoint)).toEqual(['t5', 't3'])
    expect(row.nextRest).toBe(3)
    expect(row.bar).toBe(500 / 900)
  })
})

describe('FunnelChart', () => {
  it('renders the same markup for the same funnel', () => {
    const { container } = render(FunnelChart, { funnel, onReached: () => {}, onDropped: () => {} })
    expect(container.innerHTML).toMatchSnapshot()
  })
})
