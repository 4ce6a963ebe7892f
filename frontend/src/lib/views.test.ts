import { describe, expect, it } from 'vitest'
import { isTypingTarget, viewForKey, views } from './views'

describe('views', () => {
  it('lists the nine views of the rail in order', () => {
    expect(views.map((v) => v.label)).toEqual(['Overview', 'Import', 'Map', 'Flow', 'Personas', 'Friction', 'Customers', 'Workshop', 'Report'])
  })

  it.each([
    ['1', 'overview'],
    ['2', 'import'],
    ['3', 'map'],
    ['6', 'friction'],
    ['8', 'workshop'],
    ['9', 'report'],
    ['0', null],
    ['a', null],
    ['12', null],
  ])('key %s selects %s', (key, want) => {
    expect(viewForKey(key)).toBe(want)
  })

  it('leaves keys typed into fields alone', () => {
    const input = document.createElement('input')
    const div = document.createElement('div')
    const none = { ctrlKey: false, metaKey: false, altKey: false }
    expect(isTypingTarget({ ...none, target: input })).toBe(true)
    expect(isTypingTarget({ ...none, target: div })).toBe(false)
    expect(isTypingTarget({ ...none, ctrlKey: true, target: div })).toBe(true)
  })
})
