import { render } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import { personaMap } from '../views/personas/fixtures'
import PersonaMap from './PersonaMap.svelte'
import { axisTitle, dotTitle, layoutPersonaMap, niceStep, sampleNote, ticksBetween } from './personaMap'

const margin = { top: 0, right: 0, bottom: 0, left: 0 }
const two = [
  { id: 'a', name: 'Alpha', colour: '#0072B2' },
  { id: 'b', name: 'Beta', colour: '#E69F00' },
]

describe('layoutPersonaMap', () => {
  it('uses one scale for both axes, centres the narrower one and flips y', () => {
    // x spans 0..10 (padded to −0.5..10.5), y spans 0..2 (−0.1..2.1): x fills 220 px → 20 px per unit.
    const got = layoutPersonaMap(
      [
        { profile: 'p1', x: 0, y: 0, persona: 'a' },
        { profile: 'p2', x: 10, y: 2, persona: 'b' },
      ],
      two,
      [0.5, 0.25],
      { width: 220, height: 200, margin },
    )
    expect(got.scale).toBe(20)
    expect(got.dots.map((d) => [d.cx, d.cy])).toEqual([
      [10, 120],
      [210, 80],
    ])
    expect(got.dots.map((d) => d.colour)).toEqual(['#0072B2', '#E69F00'])
    expect(got.xTitle).toBe('PC 1 · 50 % of the variance')
    expect(got.yTitle).toBe('PC 2 · 25 % of the variance')
  })

  it('puts ticks on round values at their pixel positions, with a real minus sign', () => {
    // x spans −10..0 (padded to −10.5..0.5) over 460 px: 41.8 px per unit, centred on −5 at 230 px.
    const got = layoutPersonaMap(
      [
        { profile: 'p1', x: -10, y: 0, persona: 'a' },
        { profile: 'p2', x: 0, y: 2, persona: 'b' },
      ],
      two,
      [0.5, 0.25],
      { width: 460, height: 200, margin },
    )
    expect(got.xTicks.map((t) => t.label)).toEqual(['−10', '−8', '−6', '−4', '−2', '0'])
    expect(got.xTicks.map((t) => t.pos)).toEqual([20.9, 104.5, 188.2, 271.8, 355.5, 439.1])
    expect(got.yTicks.map((t) => t.label)).toEqual(['0', '2'])
    expect(got.yTicks.map((t) => t.pos)).toEqual([141.8, 58.2])
  })

  it('counts each persona in the legend and greys points of an unknown persona', () => {
    const got = layoutPersonaMap(
      [
        { profile: 'p1', x: 0, y: 0, persona: 'a' },
        { profile: 'p2', x: 1, y: 1, persona: 'a' },
        { profile: 'p3', x: 2, y: 0, persona: 'zz' },
        { profile: 'p4', x: Number.NaN, y: 0, persona: 'b' },
      ],
      two,
      [0.3, 0.2],
      { width: 300, height: 200 },
    )
    expect(got.dots).toHaveLength(3)
    expect(got.legend.map((l) => [l.name, l.count, l.shareLabel])).toEqual([
      ['Alpha', 2, '67 %'],
      ['Beta', 0, '0 %'],
      ['No persona', 1, '33 %'],
    ])
    expect(got.dots[2].colour).toBe('#BDBDBD')
  })

  it('gives a single point room instead of dividing by zero', () => {
    const got = layoutPersonaMap([{ profile: 'p1', x: 3, y: 3, persona: 'a' }], two, [], { width: 100, height: 100, margin })
    expect(got.scale).toBe(100)
    expect(got.dots[0]).toMatchObject({ cx: 50, cy: 50 })
    expect(got.xTitle).toBe('PC 1')
  })

  it('lays out the fixture map the same way every time', () => {
    const got = layoutPersonaMap(personaMap.points.slice(0, 6), two, personaMap.explained, { width: 480, height: 320 })
    expect({ ...got, dots: got.dots.slice(0, 3) }).toMatchSnapshot()
  })
})

describe('ticks', () => {
  it('steps by 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(10, 5)).toBe(2)
    expect(niceStep(1, 4)).toBe(0.2)
    expect(niceStep(1, 2)).toBe(0.5)
    expect(niceStep(0.07, 3)).toBe(0.02)
    expect(niceStep(80, 2)).toBe(50)
    expect(niceStep(0, 3)).toBe(1)
  })
  it('lists multiples without floating-point dust', () => {
    expect(ticksBetween(0.05, 0.55, 0.1)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5])
    expect(ticksBetween(-1.2, 1, 0.5)).toEqual([-1, -0.5, 0, 0.5, 1])
  })
})

describe('texts', () => {
  it('titles axes and dots, and says when the map is a sample', () => {
    expect(axisTitle(2, 0.213)).toBe('PC 2 · 21 % of the variance')
    expect(axisTitle(1, Number.NaN)).toBe('PC 1')
    expect(dotTitle({ profile: 'p-1', x: 1.234, y: -0.5 }, 'Alpha')).toBe('p-1 · Alpha · PC 1 1.23, PC 2 −0.50')
    expect(sampleNote(5000)).toBe('5,000 customers drawn (a random sample)')
    expect(sampleNote(125)).toBe('125 customers')
  })
})

describe('PersonaMap', () => {
  it('draws a dot per point, a legend entry per persona, and fades the others when one is highlighted', async () => {
    const personas = [
      { id: 'persona-1', name: 'Bargain hunters', colour: '#0072B2' },
      { id: 'persona-2', name: 'Store loyalists', colour: '#E69F00' },
      { id: 'persona-3', name: 'Mobile browsers', colour: '#009E73' },
      { id: 'persona-4', name: 'Support seekers', colour: '#CC79A7' },
    ]
    const { container, rerender } = render(PersonaMap, { points: personaMap.points, personas, explained: personaMap.explained, highlighted: null })
    expect(container.querySelectorAll('circle.dot')).toHaveLength(personaMap.points.length)
    expect(container.querySelectorAll('circle.dot.faded')).toHaveLength(0)
    expect(container.textContent).toContain('PC 1 · 34 % of the variance')
    await rerender({ points: personaMap.points, personas, explained: personaMap.explained, highlighted: 'persona-4' })
    expect(container.querySelectorAll('circle.dot.faded')).toHaveLength(personaMap.points.length - 20)
  })
})
