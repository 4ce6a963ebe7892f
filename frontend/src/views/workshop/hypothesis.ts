// Hypotheses in words: the sentence a group and a claim make ("Customers who used Call the store convert
// more often than everyone else"), and the verdict's numbers as people read them.
import type { Direction, Group, Hypothesis, Metric, Verdict } from '../../api/notes'
import { formatInt, formatPercent, formatValue } from '../../lib/format'

export const metricLabel: Record<Metric, string> = { conversion: 'Conversion', value: 'Value per customer', events: 'Events per customer' }

const orList = (xs: readonly string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`)

/** The clauses of "customers who …"; personaName turns an id into the name people know. */
export function groupClauses(g: Group, personaName: (id: string) => string = (id) => id): string[] {
  const out: string[] = []
  if (g.touchpoints?.length) out.push(`used ${orList(g.touchpoints)}`)
  if (g.channels?.length) out.push(`came through ${orList(g.channels)}`)
  if (g.sources?.length) out.push(`appear in ${orList(g.sources)}`)
  if (g.devices?.length) out.push(`used ${orList(g.devices)} devices`)
  if (g.personas?.length) out.push(`are ${orList(g.personas.map(personaName))}`)
  if (g.from && g.to) out.push(`were active from ${g.from} to ${g.to}`)
  else if (g.from) out.push(`were active from ${g.from}`)
  else if (g.to) out.push(`were active until ${g.to}`)
  return out
}

/** "customers who used A and came through email", or "all customers" for an empty group. */
export function groupPhrase(g: Group, personaName?: (id: string) => string): string {
  const c = groupClauses(g, personaName)
  if (c.length === 0) return 'all customers'
  const joined = c.length === 1 ? c[0] : `${c.slice(0, -1).join(', ')} and ${c[c.length - 1]}`
  return `customers who ${joined}`
}

const verbs: Record<Metric, Record<Direction, string>> = {
  conversion: { higher: 'convert more often', lower: 'convert less often' },
  value: { higher: 'bring more value', lower: 'bring less value' },
  events: { higher: 'have more events', lower: 'have fewer events' },
}

/** The claim as a sentence, capitalised and ending with a full stop. */
export function hypothesisSentence(h: Hypothesis, personaName?: (id: string) => string): string {
  const a = groupPhrase(h.a, personaName)
  const b = h.b ? groupPhrase(h.b, personaName) : 'everyone else'
  const s = `${a} ${verbs[h.metric][h.direction]} than ${b}.`
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** True when the group restricts nothing: "customers who …" needs at least one condition. */
export const emptyGroup = (g: Group) => groupClauses(g).length === 0

export function newHypothesis(): Hypothesis {
  return { a: { touchpoints: [] }, b: null, metric: 'conversion', direction: 'higher' }
}

/** Drops empty lists and blank dates so the stored JSON stays small and readable. */
export function cleanGroup(g: Group): Group {
  const out: Group = {}
  for (const k of ['sources', 'channels', 'devices', 'touchpoints', 'personas'] as const) if (g[k]?.length) out[k] = [...g[k]!]
  if (g.from) out.from = g.from
  if (g.to) out.to = g.to
  return out
}

export const statusLabel: Record<string, string> = { supported: 'Supported', contradicted: 'Contradicted', 'not enough data': 'Not enough data' }

/** A side's figure for the metric: "41 %" of conversion, "64.50" of value, "7.3" events. */
export function sideFigure(metric: Metric, s: { rate: number | null; mean: number | null }): string {
  if (metric === 'conversion') return s.rate === null ? '–' : formatPercent(s.rate)
  if (s.mean === null) return '–'
  return metric === 'value' ? formatValue(s.mean) : s.mean.toFixed(1)
}

const signed = (s: string, v: number) => (v > 0 ? `+${s}` : v < 0 ? `−${s.replace(/^-/, '')}` : s)

/** A − B in the metric's unit: "+6.2 pts", "−12.40", "+1.3 events". */
export function differenceText(metric: Metric, d: number | null): string {
  if (d === null) return '–'
  if (metric === 'conversion') return `${signed((Math.abs(d) * 100).toFixed(1), d)} pts`
  if (metric === 'value') return signed(formatValue(Math.abs(d)), d)
  return `${signed(Math.abs(d).toFixed(1), d)} events`
}

/** "95 % interval −1.0 to +8.4 pts". */
export function intervalText(metric: Metric, v: Pick<Verdict, 'low' | 'high'>): string {
  if (v.low === null || v.high === null) return ''
  return `95 % interval ${differenceText(metric, v.low)} to ${differenceText(metric, v.high)}`
}

/** "p = 0.031", "p < 0.001". */
export function pText(p: number | null): string {
  if (p === null) return ''
  if (p < 0.001) return 'p < 0.001'
  return `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`
}

/** "3,120 customers · 41 %". */
export function sideText(metric: Metric, s: Verdict['a']): string {
  return `${formatInt(s.customers)} customers · ${sideFigure(metric, s)}`
}
