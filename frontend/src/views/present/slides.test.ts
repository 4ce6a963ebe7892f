import { describe, expect, it } from 'vitest'
import { counterText, slides, startSlide, stepFor } from './slides'

describe('slides', () => {
  it('shows map, flow, personas, heatmap and comparison, one per slide', () => {
    expect(slides.map((s) => s.view)).toEqual(['map', 'flow', 'personas', 'friction', 'workshop'])
    expect(slides.find((s) => s.view === 'friction')?.tab).toBe('heatmap')
    expect(slides.find((s) => s.view === 'flow')?.tab).toBe('map')
  })

  it.each([
    ['ArrowRight', false, 0, { kind: 'go', index: 1 }],
    ['PageDown', false, 1, { kind: 'go', index: 2 }],
    [' ', false, 2, { kind: 'go', index: 3 }],
    [' ', true, 2, { kind: 'go', index: 1 }],
    ['ArrowLeft', false, 3, { kind: 'go', index: 2 }],
    ['PageUp', false, 1, { kind: 'go', index: 0 }],
    ['ArrowLeft', false, 0, { kind: 'go', index: 0 }], // no wrap at the start
    ['ArrowRight', false, 4, { kind: 'go', index: 4 }], // nor at the end
    ['Home', false, 3, { kind: 'go', index: 0 }],
    ['End', false, 0, { kind: 'go', index: 4 }],
    ['Escape', false, 2, { kind: 'exit' }],
    ['a', false, 2, null],
    ['ArrowUp', false, 2, null],
  ])('%j (shift %s) on slide %i → %j', (key, shift, index, want) => {
    expect(stepFor(key, shift, index, 5)).toEqual(want)
  })

  it('starts on the slide of the current view, else the first', () => {
    expect(startSlide('friction')).toBe(3)
    expect(startSlide('overview')).toBe(0)
  })

  it('counts from one', () => {
    expect(counterText(0, 5)).toBe('1 / 5')
    expect(counterText(4, 5)).toBe('5 / 5')
  })
})
