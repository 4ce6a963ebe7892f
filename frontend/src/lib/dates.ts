// Dates as people write them ("28 Nov 2024"). Data times are shown in UTC, as stored, so a date range
// never shifts by a day with the viewer's time zone; moments on this machine (an import, a recent
// workspace) are shown in local time.

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

export type Zone = 'utc' | 'local'

/** Parses an RFC3339 string; null when empty or invalid. */
export function parseTime(iso: string | null | undefined): Date | null {
  if (!iso) return null
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? null : d
}

function fields(d: Date, zone: Zone) {
  return zone === 'utc'
    ? { y: d.getUTCFullYear(), m: d.getUTCMonth(), day: d.getUTCDate(), h: d.getUTCHours(), min: d.getUTCMinutes() }
    : { y: d.getFullYear(), m: d.getMonth(), day: d.getDate(), h: d.getHours(), min: d.getMinutes() }
}

/** "28 Nov 2024"; "" when empty. */
export function formatDay(iso: string, zone: Zone = 'utc'): string {
  const d = parseTime(iso)
  if (!d) return ''
  const f = fields(d, zone)
  return `${f.day} ${months[f.m]} ${f.y}`
}

/** "28 Nov", with the year only when it is not the year of `now`. */
export function formatDayShort(iso: string, now: Date, zone: Zone = 'utc'): string {
  const d = parseTime(iso)
  if (!d) return ''
  const f = fields(d, zone)
  const thisYear = zone === 'utc' ? now.getUTCFullYear() : now.getFullYear()
  return f.y === thisYear ? `${f.day} ${months[f.m]}` : `${f.day} ${months[f.m]} ${f.y}`
}

/** "28 Nov 2024, 14:05". */
export function formatDateTime(iso: string, zone: Zone = 'local'): string {
  const d = parseTime(iso)
  if (!d) return ''
  const f = fields(d, zone)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${f.day} ${months[f.m]} ${f.y}, ${two(f.h)}:${two(f.min)}`
}

/** "3 Jan – 28 Nov 2024", "3 Jan 2023 – 28 Nov 2024", or one day; "" when there is no data. */
export function formatDateRange(from: string, to: string): string {
  const a = parseTime(from)
  const b = parseTime(to)
  if (!a && !b) return ''
  if (!a || !b) return formatDay((a ? from : to) ?? '')
  const fa = fields(a, 'utc')
  const fb = fields(b, 'utc')
  if (fa.y === fb.y && fa.m === fb.m && fa.day === fb.day) return formatDay(to)
  if (fa.y === fb.y) return `${fa.day} ${months[fa.m]} – ${formatDay(to)}`
  return `${formatDay(from)} – ${formatDay(to)}`
}

/** Whole calendar days covered by a range, counting both ends: 1 Jan – 1 Jan is 1 day. */
export function daysCovered(from: string, to: string): number {
  const a = parseTime(from)
  const b = parseTime(to)
  if (!a || !b) return 0
  const day = 86400000
  const start = Date.UTC(a.getUTCFullYear(), a.getUTCMonth(), a.getUTCDate())
  const end = Date.UTC(b.getUTCFullYear(), b.getUTCMonth(), b.getUTCDate())
  return Math.max(0, Math.round((end - start) / day)) + 1
}

/** "just now", "5 min ago", "3 h ago", "yesterday", "4 d ago", else the day. */
export function formatAgo(iso: string, now: Date): string {
  const d = parseTime(iso)
  if (!d) return ''
  const s = (now.getTime() - d.getTime()) / 1000
  if (s < 60) return 'just now'
  if (s < 3600) return `${Math.floor(s / 60)} min ago`
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`
  if (s < 2 * 86400) return 'yesterday'
  if (s < 30 * 86400) return `${Math.floor(s / 86400)} d ago`
  return formatDay(iso, 'local')
}
