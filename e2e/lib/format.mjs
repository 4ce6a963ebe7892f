// How the UI writes numbers and dates, restated from the brief's rules ("12.4k, 1.2 M, 31 %", dates as
// "28 Nov 2024" in UTC) so the tests can say what the page must show for a figure that came from the API.
// The Svelte app has its own copy in frontend/src/lib/format.ts and dates.ts; tests/format.test.mjs pins
// the documented examples here, so a disagreement shows up as a failing e2e assertion with both texts.

const thin = (s) => s.replace(/\.0$/, '')

/** 31204 → "31,204". */
export function formatInt(n) {
  const sign = n < 0 ? '-' : ''
  return sign + String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** 834 → "834", 12400 → "12.4k", 124000 → "124k", 1200000 → "1.2 M", 999960 → "1 M". */
export function formatCompact(n) {
  const abs = Math.abs(n)
  if (abs < 1000) return formatInt(n)
  const sign = n < 0 ? '-' : ''
  const units = [
    [1e9, ' B'],
    [1e6, ' M'],
    [1e3, 'k'],
  ]
  const scaled = (size) => {
    const v = abs / size
    return v < 100 ? thin(v.toFixed(1)) : String(Math.round(v))
  }
  let i = abs >= 1e9 ? 0 : abs >= 1e6 ? 1 : 2
  let text = scaled(units[i][0])
  if (Number(text) >= 1000 && i > 0) text = scaled(units[--i][0])
  return sign + text + units[i][1]
}

/** A fraction as a percentage: 0.312 → "31 %", 0.042 → "4.2 %", 0.0004 → "<0.1 %", 0.9996 → ">99.9 %". */
export function formatPercent(fraction) {
  const p = fraction * 100
  if (p === 0) return '0 %'
  if (p > 0 && p < 0.1) return '<0.1 %'
  if (p > 99.9 && p < 100) return '>99.9 %'
  if (p < 10 || (p >= 99.5 && p < 100)) return `${thin(p.toFixed(1))} %`
  return `${Math.round(p)} %`
}

/** "1 source", "6 sources". */
export function plural(n, one, many = `${one}s`) {
  return `${formatInt(n)} ${n === 1 ? one : many}`
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "2 Jul 2026" (UTC, as data times are shown). */
export function formatDay(iso) {
  const d = new Date(iso)
  return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}`
}

/** "2 Jul", with the year only when it is not the current year. */
export function formatDayShort(iso, now = new Date()) {
  const d = new Date(iso)
  const base = `${d.getUTCDate()} ${months[d.getUTCMonth()]}`
  return d.getUTCFullYear() === now.getUTCFullYear() ? base : `${base} ${d.getUTCFullYear()}`
}

/** "3 Jan – 28 Nov 2024", "3 Jan 2023 – 28 Nov 2024", or one day. */
export function formatDateRange(from, to) {
  const a = new Date(from)
  const b = new Date(to)
  if (a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth() && a.getUTCDate() === b.getUTCDate()) {
    return formatDay(to)
  }
  if (a.getUTCFullYear() === b.getUTCFullYear()) return `${a.getUTCDate()} ${months[a.getUTCMonth()]} – ${formatDay(to)}`
  return `${formatDay(from)} – ${formatDay(to)}`
}

/** The rail's freshness line: "6 sources · 20.1k events · to 2 Jul". */
export function freshness(overview, now = new Date()) {
  if (!overview.events) return 'No data yet'
  const parts = [plural(overview.sources.length, 'source'), `${formatCompact(overview.events)} events`]
  if (overview.to) parts.push(`to ${formatDayShort(overview.to, now)}`)
  return parts.join(' · ')
}
