// The numbers behind the Flow, Personas, Customers and Overview tables and charts as CSV rows (header
// first), for their export menus. Exact values (no "12.4k"), shares on 0..1, durations in seconds, so a
// spreadsheet can compute with them.
import type { PersonaComparison, PersonaMap } from '../api/personas'
import type { Batch, CustomerRow, Flow, Funnel, Sankey, SourceSummary, Variants } from '../api/types'
import type { CsvValue } from './export'

type Rows = CsvValue[][]

/** The process map: one row per step, then one per move between steps (Start and End by name). */
export function flowTable(f: Flow): Rows {
  const name = (id: string) => (id === f.start ? 'Start' : id === f.end ? 'End' : (f.nodes.find((n) => n.id === id)?.label ?? id))
  return [
    ['kind', 'from', 'to', 'customers', 'events or moves', 'median seconds', 'p90 seconds', 'conversion rate'],
    ...f.nodes.filter((n) => n.id !== f.start && n.id !== f.end).map((n): CsvValue[] => ['step', n.label, '', n.customers, n.events, null, null, null]),
    ...f.edges.map((e): CsvValue[] => ['move', name(e.from), name(e.to), e.customers, e.count, e.medianSeconds, e.p90Seconds, e.conversionRate]),
  ]
}

/** The top paths of the Sankey, step by step. */
export function sankeyTable(s: Sankey): Rows {
  return [
    ['rank', 'path', 'customers', 'share'],
    ...(s.paths ?? []).map((p, i): CsvValue[] => [i + 1, p.steps.join(' → '), p.customers, s.customers ? p.customers / s.customers : null]),
  ]
}

export function variantsTable(v: Variants): Rows {
  return [
    ['rank', 'path', 'customers', 'share', 'converted', 'conversion rate', 'median seconds'],
    ...v.variants.map((x, i): CsvValue[] => [i + 1, x.path.join(' → '), x.customers, x.share, x.converted, x.conversionRate, x.medianSeconds]),
  ]
}

export function funnelTable(f: Funnel): Rows {
  return [
    ['step', 'label', 'touchpoints', 'optional', 'entered', 'reached', 'conversion from previous', 'conversion from start', 'median seconds from previous', 'dropped'],
    ...f.steps.map((s, i): CsvValue[] => [
      i + 1,
      s.label,
      s.touchpoints.join(' | '),
      s.optional,
      s.entered,
      s.reached,
      s.conversionFromPrev,
      s.conversionFromStart,
      s.medianSecondsFromPrev,
      s.dropped,
    ]),
  ]
}

/** The persona map's points with the persona's name. */
export function personaMapTable(m: PersonaMap, nameOf: (id: string) => string): Rows {
  return [['profile', 'persona', 'x', 'y'], ...m.points.map((p): CsvValue[] => [p.profile, nameOf(p.persona), p.x, p.y])]
}

/** The personas side by side: one row per feature, one column per persona. */
export function personaCompareTable(c: PersonaComparison): Rows {
  return [['feature', ...c.personas.map((p) => p.name || p.id)], ...c.features.map((f): CsvValue[] => [f.label || f.feature, ...f.values])]
}

/** A bar chart's numbers: name and count. */
export function countsTable(label: string, data: readonly { name: string; count: number }[]): Rows {
  return [[label, 'events'], ...data.map((d): CsvValue[] => [d.name, d.count])]
}

export function sourcesTable(sources: readonly SourceSummary[]): Rows {
  return [['source', 'events', 'files', 'from', 'to'], ...sources.map((s): CsvValue[] => [s.name, s.events, s.files, s.from, s.to])]
}

export function batchesTable(batches: readonly Batch[]): Rows {
  return [
    ['import', 'time', 'files', 'sources', 'rows', 'events', 'links', 'attributes', 'rejected', 'duplicates', 'skipped', 'from', 'to'],
    ...batches.map((b): CsvValue[] => [
      b.id,
      b.time,
      b.files.map((f) => f.name).join(' | '),
      b.sources.join(' | '),
      b.rows,
      b.events,
      b.links,
      b.attributes,
      b.rejected,
      b.duplicates,
      b.skipped,
      b.from,
      b.to,
    ]),
  ]
}

/** The customers of the list as shown (the current page of the current query). */
export function customersTable(rows: readonly CustomerRow[]): Rows {
  return [
    ['id', 'label', 'events', 'value', 'first seen', 'last seen', 'sources', 'converted', 'stage reached'],
    ...rows.map((r): CsvValue[] => [r.id, r.label, r.events, r.value, r.firstSeen, r.lastSeen, r.sources.join(' | '), r.converted, r.stageReached]),
  ]
}
