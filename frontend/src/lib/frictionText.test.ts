import { describe, expect, it } from 'vitest'
import { emptyFilter } from '../api/explore'
import { payment, referral, stageCells } from '../views/friction/fixtures'
import { cellCohort, cellFilter, cellTitle, componentRows, intervalText, mainComponent, scoreText } from './frictionText'

describe('friction text', () => {
  it('reads scores as 0–100 with their interval', () => {
    expect(scoreText(0.714)).toBe('71')
    expect(scoreText(null)).toBe('–')
    expect(intervalText(payment)).toBe('68–75')
    expect(intervalText(referral)).toBe('')
  })

  it('lists every component with its evidence, and says when there is none', () => {
    const rows = componentRows(payment)
    expect(rows.map((r) => r.label)).toEqual(['Exits', 'Loops', 'Backtracks', 'Stall', 'Support contacts', 'Mean rating', 'Low ratings', 'Effort'])
    expect(rows.map((r) => r.value)).toEqual(['34 %', '41 %', '8 %', '26 %', '22 %', '0.31 of 1', '58 %', '42 %'])
    expect(rows[0].evidence).toBe('728 exits')
    expect(rows[6].evidence).toBe('212 ratings')
    const none = componentRows(referral)
    expect(none.find((r) => r.key === 'meanRating')!.value).toBe('no ratings')
    expect(none.find((r) => r.key === 'meanRating')!.bar).toBeNull()
  })

  it('names the strongest component', () => {
    expect(mainComponent(payment)).toBe('mean rating 0.31 of 1')
  })

  it('says why a cell has no score instead of showing zero', () => {
    expect(cellTitle(referral, 30)).toBe('=Referral shared: not enough data — 12 customers (needs 30)')
    expect(cellTitle(payment)).toBe('Checkout: payment: friction 71 (95 % interval 68–75) · mean rating 0.31 of 1\n2,140 customers · 5,870 events · 3 sources')
  })

  it('opens a touchpoint as a node cohort and a stage as a stage cohort, narrowed to the cell’s persona', () => {
    expect(cellCohort(payment)).toMatchObject({ kind: 'node', level: 'touchpoint', node: 'Checkout: payment' })
    expect(cellCohort(stageCells[2])).toMatchObject({ kind: 'stage', node: 'Decision' })
    const f = { ...emptyFilter(), channels: ['web'], personas: ['persona-1', 'persona-2'] }
    expect(cellFilter(f, { ...payment, persona: 'persona-2' })).toEqual({ ...f, personas: ['persona-2'] })
    expect(cellFilter(f, payment)).toBe(f)
  })
})
