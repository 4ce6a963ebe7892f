// The key figures at the top of the Overview, as plain data so they are tested without rendering.
import type { Overview } from '../../api/types'
import { daysCovered, formatDateRange, formatDateTime } from '../../lib/dates'
import { formatCompact, formatInt, formatPercent, plural } from '../../lib/format'

export interface Figure {
  label: string
  value: string
  exact: string
  detail: string
  tone: 'plain' | 'warn'
}

const typeNames: Record<string, string> = {
  email: 'emails',
  phone: 'phones',
  customer_id: 'customer ids',
  anonymous_id: 'anonymous ids',
  order_id: 'order ids',
}

export function overviewFigures(o: Overview): Figure[] {
  const files = o.sources.reduce((n, s) => n + s.files, 0)
  const types = [...o.identifierTypes]
    .sort((a, b) => b.count - a.count)
    .slice(0, 2)
    .map((t) => `${formatCompact(t.count)} ${typeNames[t.name] ?? t.name}`)
  const days = daysCovered(o.from, o.to)
  const last = [...o.batches].sort((a, b) => b.time.localeCompare(a.time))[0]
  return [
    {
      label: 'Events',
      value: formatCompact(o.events),
      exact: `${formatInt(o.events)} events`,
      detail: `from ${formatCompact(o.rows)} rows`,
      tone: 'plain',
    },
    {
      label: 'Identifiers',
      value: formatCompact(o.identifiers),
      exact: `${formatInt(o.identifiers)} distinct identifier values`,
      detail: types.join(' · ') || 'none yet',
      tone: 'plain',
    },
    {
      label: 'Sources',
      value: formatInt(o.sources.length),
      exact: o.sources.map((s) => s.name).join(', '),
      detail: `in ${plural(files, 'file')}`,
      tone: 'plain',
    },
    {
      label: 'Date range',
      value: formatDateRange(o.from, o.to) || '—',
      exact: o.from && o.to ? `${o.from} to ${o.to}` : 'no events yet',
      detail: days ? plural(days, 'day') : 'no events yet',
      tone: 'plain',
    },
    {
      label: 'Imports',
      value: formatInt(o.batches.length),
      exact: `${plural(o.batches.length, 'import batch', 'import batches')}`,
      detail: last ? `last ${formatDateTime(last.time)}` : 'none yet',
      tone: 'plain',
    },
    {
      label: 'Rejected rows',
      value: formatCompact(o.rejected),
      exact: `${formatInt(o.rejected)} rejected rows`,
      detail: o.rows + o.rejected ? `${formatPercent(o.rejected / (o.rows + o.rejected))} of rows read` : 'none',
      tone: o.rejected > 0 ? 'warn' : 'plain',
    },
  ]
}
