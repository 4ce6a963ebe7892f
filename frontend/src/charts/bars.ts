// Layout for a horizontal bar chart: pure, so it is tested with known answers and the Svelte component
// only draws what this returns.
import { formatCompact, formatInt, formatPercent } from '../lib/format'
import { otherColour } from '../lib/palette'

export interface BarDatum {
  name: string
  count: number
}

export interface BarOptions {
  /** Total drawing width in pixels. */
  width: number
  /** Rows kept before the rest collapse into one "N others" row. */
  limit?: number
  rowHeight?: number
  labelWidth?: number
  valueWidth?: number
  /** Colour of a named bar; the default paints every bar the same. */
  colour?: (name: string) => string
  /** Label for a category whose name is empty. */
  emptyLabel?: string
}

export interface BarRow {
  key: string
  label: string
  y: number
  barWidth: number
  colour: string
  valueLabel: string
  /** Exact figures, for the hover title. */
  title: string
  share: number
}

export interface BarLayout {
  rows: BarRow[]
  width: number
  height: number
  labelWidth: number
  barX: number
  barMax: number
  rowHeight: number
}

const defaultColour = () => 'var(--accent)'

/** Cuts a label to roughly fit a width (SVG text cannot ellipsize itself). */
export function fitLabel(label: string, width: number, charWidth = 7): string {
  const max = Math.max(3, Math.floor(width / charWidth))
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`
}

export function layoutBars(data: readonly BarDatum[], opts: BarOptions): BarLayout {
  const { width, limit = 8, rowHeight = 28, labelWidth = 128, valueWidth = 88 } = opts
  const colour = opts.colour ?? defaultColour
  const emptyLabel = opts.emptyLabel ?? 'Not set'
  const sorted = [...data]
    .filter((d) => d.count > 0)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
  const total = sorted.reduce((s, d) => s + d.count, 0)

  type Item = { key: string; label: string; count: number; colour: string }
  let items: Item[] = sorted.map((d) => ({
    key: d.name,
    label: d.name || emptyLabel,
    count: d.count,
    colour: colour(d.name),
  }))
  if (items.length > limit) {
    const rest = items.slice(limit - 1)
    items = items.slice(0, limit - 1)
    items.push({
      key: '\u0000other',
      label: `${rest.length} others`,
      count: rest.reduce((s, d) => s + d.count, 0),
      colour: otherColour,
    })
  }

  const barX = labelWidth
  const barMax = Math.max(0, width - labelWidth - valueWidth)
  const max = items.reduce((m, d) => Math.max(m, d.count), 0)
  const rows = items.map((d, i) => {
    const share = total ? d.count / total : 0
    return {
      key: d.key,
      label: fitLabel(d.label, labelWidth - 12),
      y: i * rowHeight,
      barWidth: max ? Math.max(1, Math.round((d.count / max) * barMax * 10) / 10) : 0,
      colour: d.colour,
      valueLabel: `${formatCompact(d.count)} · ${formatPercent(share)}`,
      title: `${d.label}: ${formatInt(d.count)} (${formatPercent(share)} of ${formatInt(total)})`,
      share,
    }
  })
  return { rows, width, height: rows.length * rowHeight, labelWidth, barX, barMax, rowHeight }
}
