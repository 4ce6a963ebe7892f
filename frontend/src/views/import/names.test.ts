import { describe, expect, it } from 'vitest'
import { chosenName, defaultSourceName } from './names'

describe('defaultSourceName', () => {
  it.each([
    ['Shopify orders', '/srv/up/3f9a.csv', 'orders.csv', 'Shopify orders'],
    ['3f9a', '/srv/up/3f9a.csv', 'orders.csv', 'orders'],
    ['3f9a.csv', '/srv/up/3f9a.csv', 'orders.csv', 'orders'],
    [undefined, '/srv/up/3f9a.csv.gz', 'events.jsonl.gz', 'events'],
    ['orders', '/data/orders.csv', 'orders.csv', 'orders'],
    ['', '/data/orders.csv', 'orders.csv', ''],
  ])('Go said %j for %s chosen as %s: offer %j', (source, path, chosen, want) => {
    expect(defaultSourceName(source, path, chosen)).toBe(want)
  })
})

describe('chosenName', () => {
  it('maps a server path back to the name the user chose', () => {
    const chosen = [{ path: '/srv/up/3f9a.csv', name: 'orders.csv' }]
    expect(chosenName('/srv/up/3f9a.csv', '3f9a.csv', chosen)).toBe('orders.csv')
    expect(chosenName('/data/other.csv', 'other.csv', chosen)).toBe('other.csv')
  })
})
