import { describe, expect, it } from 'vitest'
import { evidenceOpacity, frictionColour, inkOn, legendStops, luminance } from './frictionScale'

describe('frictionColour', () => {
  it('runs from magma’s light end at 0 towards its dark end at 1', () => {
    expect(frictionColour(0)).toBe('#fcfdbf')
    // 1 stops at 15 % of magma: between #140e36 (10 %) and #3b0f70 (20 %).
    expect(frictionColour(1)).toBe('#280f53')
    expect(frictionColour(0.5)).toBe(frictionColour(0.5))
  })

  it('gets darker as friction grows, so it reads without hue (greyscale, colour-blind)', () => {
    const lum = Array.from({ length: 21 }, (_, i) => luminance(frictionColour(i / 20)!))
    for (let i = 1; i < lum.length; i++) expect(lum[i]).toBeLessThan(lum[i - 1])
  })

  it('never colours a missing score, and clamps out-of-range scores', () => {
    expect(frictionColour(null)).toBeNull()
    expect(frictionColour(Number.NaN)).toBeNull()
    expect(frictionColour(-0.2)).toBe(frictionColour(0))
    expect(frictionColour(1.4)).toBe(frictionColour(1))
  })

  it('picks white text on dark cells and ink on light ones', () => {
    expect(inkOn(frictionColour(0.9)!)).toBe('#ffffff')
    expect(inkOn(frictionColour(0.1)!)).toBe('#1f2328')
  })

  it('gives the legend evenly spaced stops from 0 to 1', () => {
    const stops = legendStops(5)
    expect(stops.map(([o]) => o)).toEqual([0, 0.25, 0.5, 0.75, 1])
    expect(stops[0][1]).toBe(frictionColour(0))
  })
})

describe('evidenceOpacity', () => {
  it.each([
    [{ enough: false, low: null, high: null }, 0.35],
    [{ enough: true, low: 0.5, high: 0.5 }, 1],
    [{ enough: true, low: 0.4, high: 0.6 }, 0.78],
    [{ enough: true, low: 0.1, high: 0.9 }, 0.55],
  ])('%j → %s', (cell, want) => {
    expect(evidenceOpacity(cell)).toBe(want)
  })
})
