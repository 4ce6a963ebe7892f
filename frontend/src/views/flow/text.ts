// Sentences the flow views show, pure so they are tested with known answers.
import type { FlowHidden, FlowNode, Sankey, Variants } from '../../api/types'
import { formatInt, formatPercent, plural } from '../../lib/format'

/** What the noise controls hid, always said out loud. */
export function hiddenNote(h: FlowHidden): string {
  if (h.customers === 0 && h.events === 0 && h.nodes === 0 && h.edges === 0) return 'Nothing hidden: every customer and event is on the map.'
  const what: string[] = []
  if (h.nodes) what.push(`${plural(h.nodes, 'rare step')} merged into "Other" (${plural(h.events, 'event')})`)
  if (h.edges) what.push(`${plural(h.edges, 'edge')} below the share hidden`)
  return `Simplified: ${what.join(', ')}; ${plural(h.customers, 'customer')} ${h.customers === 1 ? 'has' : 'have'} part of their journey simplified.`
}

/** "The 50 listed variants cover 73 % of customers (1,204 distinct variants)." */
export function coverageText(v: Variants): string {
  const n = v.variants.length
  if (n === 0) return 'No journeys match the filter.'
  const listed = n === 1 ? 'The 1 listed variant covers' : `The ${formatInt(n)} listed variants cover`
  return `${listed} ${formatPercent(v.coverage)} of customers (${plural(v.distinct, 'distinct variant')} in all).`
}

/** "Top paths starting at cart cover 812 of 900 customers (90 %)." */
export function pathsText(s: Sankey, anchor: string, direction: 'from' | 'to'): string {
  const where = direction === 'from' ? `starting at ${anchor}` : `leading to ${anchor}`
  if (s.customers === 0) return `No customer's journey passes ${anchor} under this filter.`
  return `Top paths ${where} cover ${formatInt(s.covered)} of ${formatInt(s.customers)} customers (${formatPercent(s.covered / s.customers)}).`
}

/** A path as chips, with consecutive repeats folded into one chip "×n". */
export function chips(path: readonly string[]): { label: string; times: number }[] {
  const out: { label: string; times: number }[] = []
  for (const p of path) {
    const last = out[out.length - 1]
    if (last && last.label === p) last.times++
    else out.push({ label: p, times: 1 })
  }
  return out
}

/** The touchpoints of a touchpoint-level flow, most customers first, without the virtual start/end. */
export function touchpointsOf(nodes: readonly FlowNode[], start: string, end: string): string[] {
  return nodes
    .filter((n) => n.id !== start && n.id !== end)
    .sort((a, b) => b.customers - a.customers || a.label.localeCompare(b.label))
    .map((n) => n.id)
}
