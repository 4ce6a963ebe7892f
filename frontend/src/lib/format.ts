// Numbers formatted for people: 12.4k, 1.2 M, 31 %, 2 d 4 h. Screens show these and put the exact value
// (formatInt) in a title so the sceptical analyst can hover for it.

const thin = (s: string) => s.replace(/\.0$/, '')

/** 31204 → "31,204". */
export function formatInt(n: number): string {
  if (!Number.isFinite(n)) return '–'
  const sign = n < 0 ? '-' : ''
  const digits = String(Math.round(Math.abs(n)))
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

const units: [number, string][] = [
  [1e9, ' B'],
  [1e6, ' M'],
  [1e3, 'k'],
]

/** 834 → "834", 12400 → "12.4k", 124000 → "124k", 1200000 → "1.2 M". */
export function formatCompact(n: number): string {
  if (!Number.isFinite(n)) return '–'
  const abs = Math.abs(n)
  if (abs < 1000) return formatInt(n)
  const sign = n < 0 ? '-' : ''
  const scaled = (size: number) => {
    const v = abs / size
    return v < 100 ? thin(v.toFixed(1)) : String(Math.round(v))
  }
  let i = abs >= 1e9 ? 0 : abs >= 1e6 ? 1 : 2
  let text = scaled(units[i][0])
  // Rounding may carry into the next unit: 999,960 is "1 M", not "1000k".
  if (Number(text) >= 1000 && i > 0) text = scaled(units[--i][0])
  return sign + text + units[i][1]
}

/** A fraction as a percentage: 0.312 → "31 %", 0.042 → "4.2 %", 0.0004 → "<0.1 %". */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '–'
  const p = fraction * 100
  if (p === 0) return '0 %'
  if (p > 0 && p < 0.1) return '<0.1 %'
  if (p > 99.9 && p < 100) return '>99.9 %'
  if (p < 10 || (p >= 99.5 && p < 100)) return `${thin(p.toFixed(1))} %`
  return `${Math.round(p)} %`
}

const spans: [number, string][] = [
  [86400, 'd'],
  [3600, 'h'],
  [60, 'min'],
  [1, 's'],
]

/** The two largest units of a duration in seconds: 187200 → "2 d 4 h", 270 → "4 min 30 s". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–'
  if (seconds < 1) return seconds === 0 ? '0 s' : '<1 s'
  let rest = Math.round(seconds)
  const parts: string[] = []
  for (const [size, unit] of spans) {
    if (parts.length === 2) break
    const n = Math.floor(rest / size)
    rest -= n * size
    if (n > 0) parts.push(`${n} ${unit}`)
    else if (parts.length === 1) break // "2 d", not "2 d 0 h 5 min"
  }
  return parts.join(' ')
}

/** How long a job took: 1.234 → "1.2 s", 0.04 → "0.04 s", 125 → "2 min 5 s". */
export function formatElapsed(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–'
  if (seconds < 0.1) return `${thin(seconds.toFixed(2))} s`
  if (seconds < 10) return `${thin(seconds.toFixed(1))} s`
  return formatDuration(seconds)
}

/** File sizes in SI units, as Finder shows them: 1234567 → "1.2 MB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '–'
  if (bytes < 1000) return `${Math.round(bytes)} B`
  const names = ['KB', 'MB', 'GB', 'TB']
  let v = bytes
  for (const name of names) {
    v /= 1000
    if (v < 999.5 || name === 'TB') return `${v < 10 ? thin(v.toFixed(1)) : Math.round(v)} ${name}`
  }
  return `${Math.round(v)} TB`
}

/** "1 source", "5 sources". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatInt(n)} ${n === 1 ? one : many}`
}

/** A money-like value: 182.5 → "182.50", 0 → "0", 12400 → "12.4k"; exact with formatInt in a title. */
export function formatValue(n: number): string {
  if (!Number.isFinite(n)) return '–'
  if (n === 0) return '0'
  if (Math.abs(n) >= 1000) return formatCompact(n)
  return n.toFixed(2)
}
