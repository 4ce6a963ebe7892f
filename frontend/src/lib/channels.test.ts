import { describe, expect, it } from 'vitest'
import { channelIconPaths, channelKind, touchpointKind } from './channels'

describe('channelKind', () => {
  it.each([
    ['organic', 'web'],
    ['referral', 'web'],
    ['direct', 'web'],
    ['Email', 'email'],
    ['newsletter', 'email'],
    ['Support email', 'support'],
    ['Support chat', 'support'],
    ['zendesk', 'support'],
    ['Phone', 'phone'],
    ['Store call', 'phone'],
    ['Store', 'store'],
    ['pos', 'store'],
    ['paid_social', 'social'],
    ['Instagram', 'social'],
    ['cpc', 'ads'],
    ['display', 'ads'],
    ['Retargeting', 'ads'],
    ['app', 'app'],
    ['iOS', 'app'],
    ['', 'web'],
  ])('%j is %s', (name, want) => {
    expect(channelKind(name)).toBe(want)
  })

  it('takes a touchpoint’s first (most used) channel, or its name when it has none', () => {
    expect(touchpointKind(['Email', 'organic'])).toBe('email')
    expect(touchpointKind([], 'Store visit')).toBe('store')
  })

  it('has an icon for every kind', () => {
    for (const d of Object.values(channelIconPaths)) expect(d).toMatch(/^M[\d.]+ [\d.]+/)
    expect(Object.keys(channelIconPaths).sort()).toEqual(['ads', 'app', 'email', 'phone', 'social', 'store', 'support', 'web'])
  })
})
