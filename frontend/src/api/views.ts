// Typed calls to the bound Views struct (notes/api7-app.md): snapshots (a view frozen with its filter, to
// come back to) and two date ranges side by side. Go turns NaN into null; normaliseDiff fills in lists Go
// may omit so the views need no guards.
import { call } from './transport'
import type { Filter } from './types'

/** One frozen view. options is free JSON the frontend owns (the view's own store, when it has one). */
export interface Snapshot {
  id: string
  name: string
  view: string
  tab: string
  filter: Filter
  options: Record<string, unknown>
  /** RFC 3339, set by Go. */
  created: string
}

/** A date range: YYYY-MM-DD or RFC 3339; "" = open. */
export interface Period {
  from: string
  to: string
}

export interface PeriodSummary {
  from: string
  to: string
  customers: number
  events: number
  converted: number
  conversionRate: number | null
}

export type ChangeKind = 'path' | 'friction' | 'persona' | string

/** One figure in both periods; shares and scores on 0..1, delta = after − before. */
export interface PeriodChange {
  kind: ChangeKind
  label: string
  before: number | null
  after: number | null
  delta: number | null
  customersBefore: number
  customersAfter: number
  enough: boolean
}

export interface PeriodDiff {
  a: PeriodSummary
  b: PeriodSummary
  paths: PeriodChange[]
  friction: PeriodChange[]
  personas: PeriodChange[]
  biggest: PeriodChange[]
  frictionNotEnough: string[]
  minCustomers: number
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

function normaliseChange(c: Partial<PeriodChange>): PeriodChange {
  return {
    kind: c.kind ?? '',
    label: c.label ?? '',
    before: num(c.before),
    after: num(c.after),
    delta: num(c.delta),
    customersBefore: c.customersBefore ?? 0,
    customersAfter: c.customersAfter ?? 0,
    enough: c.enough ?? false,
  }
}

function normaliseSummary(s: Partial<PeriodSummary> | undefined): PeriodSummary {
  return { from: s?.from ?? '', to: s?.to ?? '', customers: s?.customers ?? 0, events: s?.events ?? 0, converted: s?.converted ?? 0, conversionRate: num(s?.conversionRate) }
}

/** Every list present and every NaN figure null. */
export function normaliseDiff(d: Partial<PeriodDiff> | null | undefined): PeriodDiff {
  const list = (l: Partial<PeriodChange>[] | undefined) => (l ?? []).map(normaliseChange)
  return {
    a: normaliseSummary(d?.a),
    b: normaliseSummary(d?.b),
    paths: list(d?.paths),
    friction: list(d?.friction),
    personas: list(d?.personas),
    biggest: list(d?.biggest),
    frictionNotEnough: d?.frictionNotEnough ?? [],
    minCustomers: d?.minCustomers ?? 0,
  }
}

/** A snapshot whose options are an object, whatever Go stored. */
export function normaliseSnapshot(s: Partial<Snapshot>): Snapshot {
  const o = s.options
  return {
    id: s.id ?? '',
    name: s.name ?? '',
    view: s.view ?? '',
    tab: s.tab ?? '',
    filter: s.filter as Filter,
    options: o && typeof o === 'object' && !Array.isArray(o) ? o : {},
    created: s.created ?? '',
  }
}

const vw = <T>(method: string, ...args: unknown[]) => call<T>('Views', method, ...args)

export const views = {
  /** Oldest first. */
  list: async () => ((await vw<Partial<Snapshot>[] | null>('List')) ?? []).map(normaliseSnapshot),
  /** A new snapshot when id is "", else replaces the one with that id. */
  save: async (s: Omit<Snapshot, 'id' | 'created'> & { id?: string; created?: string }) =>
    normaliseSnapshot(await vw<Partial<Snapshot>>('Save', { id: '', created: '', ...s })),
  remove: (id: string) => vw<null>('Delete', id),
  comparePeriods: async (filter: Filter, a: Period, b: Period) => normaliseDiff(await vw<Partial<PeriodDiff>>('ComparePeriods', filter, a, b)),
}
