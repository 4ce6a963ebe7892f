import { describe, expect, it } from 'vitest'
import { categorical, colourFor, otherColour, sequentialColour } from './palette'

describe('palette', () => {
  it('has eight distinct colours, none of them the "other" grey', () => {
    expect(new Set(categorical).size).toBe(8)
    expect(categorical).not.toContain(otherColour)
  })

  it('colours by position in the domain', () => {
    const domain = ['web', 'email', 'store']
    expect(domain.map((n) => colourFor(n, domain))).toEqual([categorical[0], categorical[1], categorical[2]])
    expect(colourFor('email', ['email', 'email', 'web'])).toBe(categorical[0])
  })

  it('wraps after eight and uses the neutral colour for names outside the domain', () => {
    const domain = Array.from({ length: 9 }, (_, i) => `c${i}`)
    expect(colourFor('c8', domain)).toBe(categorical[0])
    expect(colourFor('fax', ['web'])).toBe(otherColour)
  })
})

describe('sequentialColour', () => {
  it('runs from light to dark and clamps', () => {
    expect(sequentialColour(0)).toBe('#fee6ce')
    expect(sequentialColour(1)).toBe('#a63603')
    expect(sequentialColour(2)).toBe('#a63603')
    expect(sequentialColour(-1)).toBe('#fee6ce')
    expect(sequentialColour(0.5)).toBe('#d28e69')
  })
})
