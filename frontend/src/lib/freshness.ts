import type { Overview } from '../api/types'
import { formatDay, formatDayShort } from './dates'
import { formatCompact, formatInt, plural } from './format'

/** The line under the workspace name: "5 sources · 1.2 M events · to 28 Nov". */
export function freshness(o: Pick<Overview, 'sources' | 'events' | 'to'>, now: Date): { text: string; title: string } {
  if (!o.events) return { text: 'No data yet', title: 'Import a file to start' }
  const parts = [plural(o.sources.length, 'source'), `${formatCompact(o.events)} events`]
  if (o.to) parts.push(`to ${formatDayShort(o.to, now)}`)
  const title = `${plural(o.sources.length, 'source')}, ${formatInt(o.events)} events${o.to ? `, latest on ${formatDay(o.to)}` : ''}`
  return { text: parts.join(' · '), title }
}
