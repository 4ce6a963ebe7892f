import { describe, expect, it } from 'vitest'
import { daysCovered, formatAgo, formatDateRange, formatDateTime, formatDay, formatDayShort, parseTime } from './dates'

const now = new Date('2024-12-01T12:00:00Z')

describe('dates', () => {
  it('parses RFC3339 and rejects empty or invalid input', () => {
    expect(parseTime('2024-11-28T10:00:00+01:00')?.toISOString()).toBe('2024-11-28T09:00:00.000Z')
    expect(parseTime('')).toBeNull()
    expect(parseTime('yesterday')).toBeNull()
  })

  it('formats days in UTC so ranges do not shift with the viewer', () => {
    expect(formatDay('2024-11-28T23:30:00Z')).toBe('28 Nov 2024')
    expect(formatDay('2024-11-29T00:30:00+02:00')).toBe('28 Nov 2024')
    expect(formatDay('')).toBe('')
  })

  it('drops the year only in the current year', () => {
    expect(formatDayShort('2024-11-28T00:00:00Z', now)).toBe('28 Nov')
    expect(formatDayShort('2019-10-31T00:00:00Z', now)).toBe('31 Oct 2019')
  })

  it('formats a moment with hours and minutes', () => {
    expect(formatDateTime('2024-11-21T14:05:00Z', 'utc')).toBe('21 Nov 2024, 14:05')
  })

  it.each([
    ['2024-01-03T00:00:00Z', '2024-11-28T23:10:00Z', '3 Jan – 28 Nov 2024'],
    ['2023-12-30T00:00:00Z', '2024-01-02T00:00:00Z', '30 Dec 2023 – 2 Jan 2024'],
    ['2024-05-01T08:00:00Z', '2024-05-01T20:00:00Z', '1 May 2024'],
    ['', '2024-05-01T20:00:00Z', '1 May 2024'],
    ['', '', ''],
  ])('range %s – %s is %s', (from, to, want) => {
    expect(formatDateRange(from, to)).toBe(want)
  })

  it('counts calendar days including both ends', () => {
    expect(daysCovered('2024-01-01T23:00:00Z', '2024-01-01T23:30:00Z')).toBe(1)
    expect(daysCovered('2024-01-03T00:00:00Z', '2024-11-28T23:10:00Z')).toBe(331)
    expect(daysCovered('', '2024-01-01T00:00:00Z')).toBe(0)
  })

  it.each([
    ['2024-12-01T11:59:30Z', 'just now'],
    ['2024-12-01T11:15:00Z', '45 min ago'],
    ['2024-12-01T07:00:00Z', '5 h ago'],
    ['2024-11-30T09:00:00Z', 'yesterday'],
    ['2024-11-20T12:00:00Z', '11 d ago'],
  ])('%s is %s', (iso, want) => {
    expect(formatAgo(iso, now)).toBe(want)
  })
})
