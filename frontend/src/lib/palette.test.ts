import { describe, expect, it } from 'vitest'
import { categorical, colourFor, otherColour } from './palette'

describe('palette', () => {
  it('has eight distinct colours', () => {
    expect(new Set(categorical).size).toBe(8)
  })

  it('gives a name the same colour whatever order the domain comes in', () => {
    const a = colourFor('email', ['web', 'email', 'store'])
    const b = colourFor('email', ['store', 'web', 'email'])
    expect(a).toBe(b)
    expect(a).toBe(categorical[0]) // first in sorted order
    expect(colourFor('web', ['web', 'email', 'store'])).toBe(categorical[2])
  })

  it('uses the neutral colour for names outside the domain', () => {
    expect(colourFor('fax', ['web'])).toBe(otherColour)
  })
})
