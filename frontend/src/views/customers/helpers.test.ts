import { describe, expect, it } from 'vitest'
import type { TimelineEvent } from '../../api/types'
import { profile } from './fixtures'
import { exactValue, formatValue, initialList, lastPage, listQuery, matchText, rangeText, sortBy } from './list'
import { assertedText, evidenceText, movementFacts, ratingText, sessionHeading, sessions, sourceLine, visibleSessions } from './profile'

describe('list query', () => {
  it('asks for the first page, most valuable first, with the search trimmed', () => {
    expect(listQuery({ ...initialList, search: '  ann@ ' })).toEqual({ search: 'ann@', sort: 'value', desc: true, offset: 0, limit: 50, cohort: null })
    expect(listQuery({ search: '', sort: 'lastSeen', desc: false, page: 3 })).toMatchObject({ sort: 'lastSeen', desc: false, offset: 150, limit: 50 })
  })

  it('flips the direction on the same column and starts a new column descending on page one', () => {
    const a = sortBy({ ...initialList, page: 4 }, 'value')
    expect(a).toEqual({ search: '', sort: 'value', desc: false, page: 0 })
    expect(sortBy(a, 'events')).toEqual({ search: '', sort: 'events', desc: true, page: 0 })
  })
})

describe('list text', () => {
  it('words the total', () => {
    expect(matchText(12_480, '')).toBe('12,480 customers match')
    expect(matchText(1, 'ann')).toBe('1 customer matches')
    expect(matchText(0, ' ann@ ')).toBe('No customer matches “ann@”')
    expect(matchText(0, '')).toBe('No customers in this filter')
  })

  it('words the page range and knows the last page', () => {
    expect(rangeText(0, 50, 12_480)).toBe('1–50 of 12,480')
    expect(rangeText(249, 30, 12_480)).toBe('12,451–12,480 of 12,480')
    expect(rangeText(0, 0, 0)).toBe('')
    expect(lastPage(12_480)).toBe(249)
    expect(lastPage(50)).toBe(0)
    expect(lastPage(0)).toBe(0)
  })

  it('formats values with the exact amount for hover', () => {
    expect([0, 12.5, 129.9, 1234.5, 48_200, -3].map(formatValue)).toEqual(['0', '12.50', '129.90', '1,235', '48.2k', '-3.00'])
    expect(exactValue(4812.5)).toBe('4,812.50')
    expect(exactValue(-0.5)).toBe('-0.50')
  })
})

describe('profile', () => {
  it('cites each merge by batch, file and line with the number of rows behind it', () => {
    expect(evidenceText(profile.merges[0].evidence[0])).toBe('batch 3 · crm_contacts.csv line 214')
    expect(assertedText(profile.merges[0])).toBe('asserted by 7 rows; the first 2 are listed')
    expect(assertedText(profile.merges[1])).toBe('asserted by 1 row')
    expect(assertedText({ ...profile.merges[1], evidenceCount: 2 })).toBe('asserted by 2 rows; the first is listed')
  })

  it('numbers sessions from 1 whatever Go numbers them from', () => {
    const zero = profile.timeline.map((e) => ({ ...e, session: e.session - 1 }))
    expect(sessionHeading(sessions(zero)[0])).toBe('Session 1 · 4 Jan 2024, 09:58 · 2 events over 8 min')
  })

  it('cuts the timeline into sessions and heads them', () => {
    const got = sessions(profile.timeline)
    expect(got.map((s) => [s.session, s.start, s.events.length])).toEqual([
      [1, 0, 2],
      [2, 2, 1],
      [3, 3, 1],
    ])
    expect(sessionHeading(got[0])).toBe('Session 1 · 4 Jan 2024, 09:58 · 2 events over 8 min')
    expect(sessionHeading(got[1])).toBe('Session 2 · 11 Feb 2024, 12:00 · 1 event')
  })

  it('starts a new group when a session number comes back later', () => {
    const t = (session: number) => ({ ...profile.timeline[0], session }) as TimelineEvent
    expect(sessions([t(1), t(2), t(1)]).map((s) => s.session)).toEqual([1, 2, 1])
    expect(sessions([t(1), t(2), t(1)]).map((s) => s.ordinal)).toEqual([1, 2, 3])
  })

  it('pages the timeline, cutting the last visible session short', () => {
    const all = sessions(profile.timeline)
    expect(visibleSessions(all, 1).map((s) => s.events.length)).toEqual([1])
    expect(visibleSessions(all, 3).map((s) => s.events.length)).toEqual([2, 1])
    expect(visibleSessions(all, 200)).toEqual(all)
  })

  it('words ratings and source lines', () => {
    expect(ratingText(0.75)).toBe('75 %')
    expect(ratingText(null)).toBe('')
    expect(sourceLine('orders.csv', 88)).toBe('orders.csv:88')
    expect(sourceLine('orders.csv', 0)).toBe('orders.csv')
    expect(sourceLine('', 5)).toBe('')
  })
})

describe('profile movement', () => {
  const text = (facts: ReturnType<typeof movementFacts>) => facts.map((f) => `${f.value} ${f.label}${f.zero ? ' (zero)' : ''}${f.warn ? ' (warn)' : ''}`)

  it('words each figure, singular or plural, zeros faint', () => {
    expect(text(movementFacts(profile.movement, true))).toEqual([
      '1 stage skipped',
      '0 backtracks (zero)',
      '0 stage revisits (zero)',
      '3 channel switches',
      '0 device switches (zero)',
      '1 touch after converting',
      '0 paid touches after converting (zero)',
    ])
  })

  it('warns about paid touches after converting, and leaves them out for a customer who never converted', () => {
    const m = { skips: 0, backtracks: 2, revisits: 1, channelSwitches: 1, deviceSwitches: 1200, touchesAfterConversion: 7, paidAfterConversion: 1 }
    expect(text(movementFacts(m, true)).slice(1)).toEqual([
      '2 backtracks',
      '1 stage revisit',
      '1 channel switch',
      '1,200 device switches',
      '7 touches after converting',
      '1 paid touch after converting (warn)',
    ])
    expect(movementFacts(m, false).map((f) => f.key)).toEqual(['skips', 'backtracks', 'revisits', 'channelSwitches', 'deviceSwitches'])
  })
})
