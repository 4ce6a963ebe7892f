import { describe, expect, it } from 'vitest'
import { emptyOverview, overview } from '../test/fixtures'
import { freshness } from './freshness'

describe('freshness', () => {
  it('summarises sources, events and the latest day', () => {
    const got = freshness(overview, new Date('2024-12-01T00:00:00Z'))
    expect(got.text).toBe('4 sources · 1.2 M events · to 28 Nov')
    expect(got.title).toBe('4 sources, 1,234,567 events, latest on 28 Nov 2024')
  })

  it('shows the year for data from another year', () => {
    expect(freshness({ sources: [overview.sources[0]], events: 900, to: '2019-10-31T00:00:00Z' }, new Date('2024-12-01T00:00:00Z')).text).toBe(
      '1 source · 900 events · to 31 Oct 2019',
    )
  })

  it('says when there is no data', () => {
    expect(freshness(emptyOverview, new Date()).text).toBe('No data yet')
  })
})
