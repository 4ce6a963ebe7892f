// How the Profile panel words and groups what Go returns: the evidence behind each merge, and the
// timeline cut into sessions and pages so a customer with thousands of events stays readable.
import type { CustomerMovement, Evidence, IdentifierRef, Merge, TimelineEvent } from '../../api/types'
import { formatDateTime } from '../../lib/dates'
import { formatDuration, formatInt, plural } from '../../lib/format'

/** "batch 3 · crm_contacts.csv line 214". */
export function evidenceText(e: Evidence): string {
  return `batch ${e.batch} · ${e.file} line ${e.line}`
}

/** "email ann@example.com". */
export function refText(r: IdentifierRef): string {
  return `${r.type} ${r.value}`
}

/** "asserted by 1 row", "asserted by 12 rows; the first 5 are listed", "…; the first is listed". */
export function assertedText(m: Merge): string {
  const base = `asserted by ${plural(m.evidenceCount, 'row')}`
  if (m.evidenceCount <= m.evidence.length || m.evidence.length === 0) return base
  return m.evidence.length === 1 ? `${base}; the first is listed` : `${base}; the first ${m.evidence.length} are listed`
}

export interface Session {
  /** 1-based position among the customer's sessions (Go's own numbers may start at 0). */
  ordinal: number
  session: number
  /** Index of the first event in the whole timeline. */
  start: number
  events: TimelineEvent[]
}

/** Consecutive events with the same session number, in timeline order. */
export function sessions(timeline: readonly TimelineEvent[]): Session[] {
  const out: Session[] = []
  timeline.forEach((e, i) => {
    const last = out.at(-1)
    if (last && last.session === e.session) last.events.push(e)
    else out.push({ ordinal: out.length + 1, session: e.session, start: i, events: [e] })
  })
  return out
}

/** "Session 4 · 28 Nov 2024, 14:05 · 6 events over 12 min" (times in UTC, as stored; 4 = the 4th session). */
export function sessionHeading(s: Session): string {
  const first = s.events[0]
  const last = s.events[s.events.length - 1]
  const span = (Date.parse(last.time) - Date.parse(first.time)) / 1000
  const over = s.events.length > 1 && span >= 1 ? ` over ${formatDuration(span)}` : ''
  return `Session ${s.ordinal} · ${formatDateTime(first.time, 'utc')} · ${plural(s.events.length, 'event')}${over}`
}

/** Events shown per page of the timeline; the rest come with "Show more". */
export const timelinePage = 200

/** The sessions holding the first `shown` events (the last one cut short when needed). */
export function visibleSessions(all: readonly Session[], shown: number): Session[] {
  const out: Session[] = []
  for (const s of all) {
    if (s.start >= shown) break
    out.push(s.start + s.events.length <= shown ? s : { ...s, events: s.events.slice(0, shown - s.start) })
  }
  return out
}

/** A rating (0..1) as a share of the scale: 0.75 → "75 %"; null → "". */
export function ratingText(r: number | null): string {
  return r === null || !Number.isFinite(r) ? '' : `${Math.round(r * 100)} %`
}

/** Where an event or attribute came from: "web-sessions.csv:1042"; "" when unknown. */
export function sourceLine(file: string, line: number): string {
  if (!file) return ''
  return line > 0 ? `${file}:${line}` : file
}

/** One figure of a customer's own movement: "3" "channel switches". */
export interface MovementFact {
  key: keyof CustomerMovement
  value: string
  label: string
  /** Nothing happened: drawn faint. */
  zero: boolean
  /** Paid touches after converting: money spent on someone who had already bought. */
  warn: boolean
}

/**
 * The customer's movement over their whole journey, in the order a journey reads. Touches after
 * converting are left out for a customer who never converted (they cannot have any).
 */
export function movementFacts(m: CustomerMovement, converted: boolean): MovementFact[] {
  const fact = (key: keyof CustomerMovement, one: string, many: string, warn = false): MovementFact => ({
    key,
    value: formatInt(m[key]),
    label: m[key] === 1 ? one : many,
    zero: m[key] === 0,
    warn: warn && m[key] > 0,
  })
  const out = [
    fact('skips', 'stage skipped', 'stages skipped'),
    fact('backtracks', 'backtrack', 'backtracks'),
    fact('revisits', 'stage revisit', 'stage revisits'),
    fact('channelSwitches', 'channel switch', 'channel switches'),
    fact('deviceSwitches', 'device switch', 'device switches'),
  ]
  if (converted) {
    out.push(fact('touchesAfterConversion', 'touch after converting', 'touches after converting'))
    out.push(fact('paidAfterConversion', 'paid touch after converting', 'paid touches after converting', true))
  }
  return out
}
