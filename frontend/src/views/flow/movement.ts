// How the Movement tab shapes Explore.Movement: headline figures, ranked rows with their bars, and the
// cohort each number opens. Pure, so every figure is checked with known answers; the tab only draws.
import { cohort } from '../../api/explore'
import type { AfterConversionTouch, Cohort, Movement, MovementFigure } from '../../api/types'
import { formatCompact, formatInt, formatPercent, plural } from '../../lib/format'

/** A headline figure: customers behind one kind of movement, and the cohort that lists them. */
export interface MovementFigureCard {
  figure: MovementFigure
  label: string
  customers: number
  /** The big number, "1.9k". */
  value: string
  /** What share of whom: "96 % of customers", "91 % of the converted". */
  share: string
  /** How many times it happened, or "" when that is the same as the customers. */
  detail: string
  /** Draw it as a warning (money spent on people who already bought). */
  warn: boolean
  title: string
  cohort: Cohort
}

/** Customers who converted under the filter: every customer has one exit, so the exits add up to them. */
export function convertedCustomers(m: Movement): number {
  return m.exits.reduce((n, e) => n + e.converted, 0)
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0)

/** The six figures across the top of the tab, in reading order (switches have their own card below). */
export function movementFigures(m: Movement): MovementFigureCard[] {
  const converted = convertedCustomers(m)
  const after = m.touchesAfterConversion
  const card = (figure: MovementFigure, label: string, customers: number, detail: string, ofConverted = false, warn = false): MovementFigureCard => {
    const of = ofConverted ? converted : m.customers
    const whom = ofConverted ? 'the converted' : 'customers'
    return {
      figure,
      label,
      customers,
      value: formatCompact(customers),
      share: `${formatPercent(share(customers, of))} of ${whom}`,
      detail,
      warn,
      title: `${formatInt(customers)} of ${formatInt(of)} ${ofConverted ? 'converted customers' : 'customers'}`,
      cohort: cohort('movement', { movement: figure }),
    }
  }
  return [
    card('converted', 'Converted', converted, ''),
    card('stageSkips', 'Skipped a stage', m.customersSkipping, plural(sumCount(m.stageSkips), 'skip')),
    card('backtracks', 'Went back a stage', m.customersBacktracking, plural(sumCount(m.backtracks), 'backtrack')),
    card('revisits', 'Revisited a stage', m.customersRevisiting, plural(sumCount(m.revisits), 'revisit')),
    card('touchesAfterConversion', 'After converting', after.customers, plural(after.events, 'touch', 'touches'), true),
    card('paidAfterConversion', 'Paid after converting', after.paidCustomers, plural(after.paidEvents, 'paid touch', 'paid touches'), true, after.paidCustomers > 0),
  ]
}

function sumCount(list: readonly { count: number }[]): number {
  return list.reduce((n, x) => n + x.count, 0)
}

/** A line of the Switches card: customers who switched channel (or device), and how often in all. */
export interface SwitchLine {
  what: 'Channel' | 'Device'
  customersText: string
  /** "48 %" of the filtered customers. */
  share: string
  /** "900 times in all, 1.9 per customer who switched". */
  detail: string
  panelTitle: string
  cohort: Cohort
}

export function switchLines(m: Movement): SwitchLine[] {
  const line = (what: SwitchLine['what'], customers: number, switches: number, figure: MovementFigure): SwitchLine => ({
    what,
    customersText: formatInt(customers),
    share: formatPercent(share(customers, m.customers)),
    detail: customers > 0 ? `${formatInt(switches)} times in all, ${(switches / customers).toFixed(1)} per customer who switched` : 'no switch',
    panelTitle: `Switched ${what.toLowerCase()}`,
    cohort: cohort('movement', { movement: figure }),
  })
  return [line('Channel', m.customersSwitchingChannel, m.channelSwitches, 'channelSwitches'), line('Device', m.customersSwitchingDevice, m.deviceSwitches, 'deviceSwitches')]
}

/** One row of a ranked list: what it is, the customers behind it, and its bar. */
export interface RankedRow {
  key: string
  /** The main label, e.g. "Awareness → Decision" or a touchpoint. */
  label: string
  /** A channel shown as a tag beside the label ("" for none). */
  tag: string
  customers: number
  customersText: string
  /** 0..1 of the list's largest row, so the longest bar fills the track. */
  bar: number
  /** Share of all filtered customers. */
  share: string
  /** A faint note after the count: "× 1,754 times", "81 % converted". */
  detail: string
  title: string
  /** What the count opens: the panel title and the cohort. */
  panelTitle: string
  cohort: Cohort
}

function ranked(rows: Omit<RankedRow, 'bar' | 'customersText' | 'share'>[], total: number): RankedRow[] {
  const max = rows.reduce((n, r) => Math.max(n, r.customers), 0)
  return rows.map((r) => ({
    ...r,
    bar: max > 0 ? r.customers / max : 0,
    customersText: formatCompact(r.customers),
    share: formatPercent(share(r.customers, total)),
  }))
}

const timesText = (count: number, customers: number) => (count > customers ? `${formatCompact(count)} times` : '')

/** Stage skips (forward past a stage) or backtracks (back to an earlier one), from → to. */
export function stageMoveRows(m: Movement, figure: 'stageSkips' | 'backtracks'): RankedRow[] {
  const verb = figure === 'stageSkips' ? 'Skipped' : 'Went back'
  return ranked(
    m[figure].map((s) => ({
      key: `${s.from}\u0000${s.to}`,
      label: `${s.from} → ${s.to}`,
      tag: '',
      customers: s.customers,
      detail: timesText(s.count, s.customers),
      title: `${formatInt(s.customers)} customers, ${formatInt(s.count)} times`,
      panelTitle: `${verb} ${s.from} → ${s.to}`,
      cohort: cohort('movement', { movement: figure, from: s.from, to: s.to }),
    })),
    m.customers,
  )
}

/** Stages customers came back to after leaving them. */
export function revisitRows(m: Movement): RankedRow[] {
  return ranked(
    m.revisits.map((r) => ({
      key: r.stage,
      label: r.stage,
      tag: '',
      customers: r.customers,
      detail: timesText(r.count, r.customers),
      title: `${formatInt(r.customers)} customers came back ${formatInt(r.count)} times`,
      panelTitle: `Revisited ${r.stage}`,
      cohort: cohort('movement', { movement: 'revisits', node: r.stage }),
    })),
    m.customers,
  )
}

/** How a channel reads on screen: Go's "" is an event without one. */
export function channelText(channel: string): string {
  return channel || 'no channel'
}

/** First touchpoints, with the channel they came through. */
export function entryRows(m: Movement): RankedRow[] {
  return ranked(
    m.entries.map((e) => ({
      key: `${e.touchpoint}\u0000${e.channel}`,
      label: e.touchpoint,
      tag: channelText(e.channel),
      customers: e.customers,
      detail: '',
      title: `${formatInt(e.customers)} customers started at ${e.touchpoint} (${channelText(e.channel)})`,
      panelTitle: `Started at ${e.touchpoint} · ${channelText(e.channel)}`,
      cohort: cohort('movement', { movement: 'entries', node: e.touchpoint, channel: e.channel }),
    })),
    m.customers,
  )
}

/** Last touchpoints, with how many of the customers who ended there had converted. */
export function exitRows(m: Movement): RankedRow[] {
  return ranked(
    m.exits.map((e) => ({
      key: e.touchpoint,
      label: e.touchpoint,
      tag: '',
      customers: e.customers,
      detail: `${formatPercent(share(e.converted, e.customers))} converted`,
      title: `${formatInt(e.customers)} customers ended at ${e.touchpoint}; ${formatInt(e.converted)} of them converted`,
      panelTitle: `Ended at ${e.touchpoint}`,
      cohort: cohort('movement', { movement: 'exits', node: e.touchpoint }),
    })),
    m.customers,
  )
}

/** One touchpoint and channel of the touches after conversion. */
export interface AfterRow {
  key: string
  touchpoint: string
  channel: string
  paid: boolean
  events: number
  eventsText: string
  /** 0..1 of the largest row. */
  bar: number
  /** Share of all touches after conversion. */
  share: string
  title: string
  panelTitle: string
  cohort: Cohort
}

/** The touches after conversion by touchpoint and channel, as Go orders them (most first), optionally paid only. */
export function afterRows(m: Movement, paidOnly: boolean): AfterRow[] {
  const all = m.touchesAfterConversion.touchpoints
  const list: AfterConversionTouch[] = paidOnly ? all.filter((t) => t.paid) : all
  const max = list.reduce((n, t) => Math.max(n, t.events), 0)
  const events = m.touchesAfterConversion.events
  return list.map((t) => ({
    key: `${t.touchpoint}\u0000${t.channel}`,
    touchpoint: t.touchpoint,
    channel: channelText(t.channel),
    paid: t.paid,
    events: t.events,
    eventsText: formatCompact(t.events),
    bar: max > 0 ? t.events / max : 0,
    share: formatPercent(share(t.events, events)),
    title: `${formatInt(t.events)} ${t.paid ? 'paid ' : ''}touches at ${t.touchpoint} (${channelText(t.channel)}) after converting`,
    panelTitle: `After converting: ${t.touchpoint} · ${channelText(t.channel)}`,
    cohort: cohort('movement', { movement: 'touchesAfterConversion', node: t.touchpoint, channel: t.channel }),
  }))
}

/**
 * The sentence over the touches-after-conversion table: what reached people who had already bought, and
 * how much of it was paid for.
 */
export function afterText(m: Movement): string {
  const a = m.touchesAfterConversion
  const converted = convertedCustomers(m)
  if (converted === 0) return 'No customer converted under this filter, so nothing came after a conversion. The goal is set in the Stages tab.'
  if (a.events === 0) return `None of the ${plural(converted, 'converted customer')} was touched again after converting.`
  const base = `${plural(a.events, 'touch', 'touches')} reached ${formatInt(a.customers)} of ${plural(converted, 'converted customer')} (${formatPercent(share(a.customers, converted))}) after they converted`
  if (a.paidEvents === 0) return `${base}; none of them was paid.`
  return `${base}; ${formatInt(a.paidEvents)} of those touches were paid (${formatPercent(share(a.paidEvents, a.events))}), reaching ${plural(a.paidCustomers, 'customer')}.`
}

/** The first `limit` rows unless the list is open, and how many are left out. */
export function firstRows<T>(rows: readonly T[], limit: number, open: boolean): { rows: T[]; rest: number } {
  if (open || rows.length <= limit) return { rows: [...rows], rest: 0 }
  return { rows: rows.slice(0, limit), rest: rows.length - limit }
}
