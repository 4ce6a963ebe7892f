// Layout of the friction heatmap: rows (stages or touchpoints) against columns (all customers, then each
// persona). Colour = score on the magma scale; a cell without enough data is hatched and says so, never
// painted as zero; a bar at the foot of each cell shows the 95 % interval.
import type { FrictionCell, Heatmap } from '../../api/friction'
import { fitLabel } from '../../charts/bars'
import { formatCompact, formatInt } from '../../lib/format'
import { frictionColour, inkOn } from '../../lib/frictionScale'
import { categorical } from '../../lib/palette'
import { cellTitle, notEnoughText, scoreText } from '../../lib/frictionText'

export interface HeatCell {
  key: string
  cell: FrictionCell
  row: number
  column: number
  x: number
  y: number
  width: number
  height: number
  /** null = not enough data: drawn hatched. */
  fill: string | null
  ink: string
  label: string
  /** The interval bar, in pixels from x; null without an interval. */
  interval: { x1: number; x2: number; tick: number; y: number } | null
  title: string
}

export interface HeatHeader {
  key: string
  x: number
  width: number
  name: string
  /** The name as drawn: one line, or up to three when it is long (a persona's name often is). */
  lines: string[]
  colour: string
  customersText: string
  title: string
}

export interface HeatRowLabel {
  key: string
  y: number
  name: string
  stage: string
}

export interface HeatLayout {
  width: number
  height: number
  labelWidth: number
  headerHeight: number
  /** Baselines of the column heads' name lines and of their customers line. */
  nameY: number[]
  customersY: number
  columns: HeatHeader[]
  rows: HeatRowLabel[]
  cells: HeatCell[]
  /** Where the legend goes, below the grid. */
  legendY: number
}

export interface HeatOptions {
  labelWidth?: number
  columnWidth?: number
  rowHeight?: number
  /** The touchpoint rows show their stage under the name. */
  showStage?: boolean
  minCustomers?: number
}

const headerHeight = 58
/** Each further line of a column name makes the head this much taller. */
const lineHeight = 15
const headCharWidth = 6.8

/**
 * A column name in at most maxLines lines of about width pixels, broken between words; the last line ends
 * in … when the name is longer still. One line cut to "Support-heavy …" left personas hard to tell apart.
 */
export function headLines(name: string, width: number, maxLines = 3, charWidth = headCharWidth): string[] {
  const perLine = Math.max(3, Math.floor(width / charWidth))
  const lines: string[] = []
  let line = ''
  for (const word of name.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word
    if (next.length <= perLine || !line) line = next
    else {
      lines.push(line)
      line = word
    }
  }
  if (line) lines.push(line)
  const kept = lines.slice(0, maxLines)
  if (lines.length > maxLines) kept[maxLines - 1] = lines.slice(maxLines - 1).join(' ')
  return kept.map((l) => fitLabel(l, width, charWidth))
}

export function layoutHeatmap(h: Heatmap, opts: HeatOptions = {}): HeatLayout {
  const { labelWidth = 210, columnWidth = 128, rowHeight = 46, showStage = false, minCustomers } = opts
  const lines = h.columns.map((c) => headLines(c.name, columnWidth - 22))
  const extra = Math.max(0, ...lines.map((l) => l.length - 1))
  const headHeight = headerHeight + extra * lineHeight
  const gridTop = headHeight
  const columns: HeatHeader[] = h.columns.map((c, j) => ({
    key: c.id || '__all__',
    x: labelWidth + j * columnWidth,
    width: columnWidth,
    name: c.name,
    lines: lines[j],
    // A persona without its own colour gets the palette's hue for its place, as the Personas view does.
    colour: c.id ? c.color || categorical[(j - 1) % categorical.length] : '#1f2328',
    customersText: `${formatCompact(c.customers)} customers`,
    title: `${c.name}: ${formatInt(c.customers)} customers`,
  }))
  const rows: HeatRowLabel[] = h.rows.map((r, i) => ({
    key: r.name,
    y: gridTop + i * rowHeight,
    name: fitLabel(r.name, labelWidth - 16, 7),
    stage: showStage ? r.stage : '',
  }))
  const cells: HeatCell[] = []
  h.cells.forEach((row, i) =>
    row.forEach((cell, j) => {
      const x = labelWidth + j * columnWidth
      const y = gridTop + i * rowHeight
      const fill = cell.enough ? frictionColour(cell.score) : null
      const span = columnWidth - 24
      const at = (v: number) => Math.round((x + 12 + span * Math.min(1, Math.max(0, v))) * 10) / 10
      cells.push({
        key: `${h.rows[i]?.name}|${h.columns[j]?.id}`,
        cell,
        row: i,
        column: j,
        x,
        y,
        width: columnWidth,
        height: rowHeight,
        fill,
        ink: fill ? inkOn(fill) : '#8a929b',
        label: fill ? scoreText(cell.score) : notEnoughText.toLowerCase(),
        interval: fill && cell.low !== null && cell.high !== null ? { x1: at(cell.low), x2: at(cell.high), tick: at(cell.score ?? 0), y: y + rowHeight - 10 } : null,
        title: `${h.columns[j]?.name ?? ''} · ${cellTitle(cell, minCustomers)}`,
      })
    }),
  )
  const gridBottom = gridTop + h.rows.length * rowHeight
  return {
    width: labelWidth + h.columns.length * columnWidth,
    height: gridBottom + 70,
    labelWidth,
    headerHeight: headHeight,
    // One line sits where it always did; more start higher and push the customers line down.
    nameY: extra ? Array.from({ length: extra + 1 }, (_, k) => 18 + k * lineHeight) : [26],
    customersY: extra ? 18 + extra * lineHeight + 17 : 43,
    columns,
    rows,
    cells,
    legendY: gridBottom + 18,
  }
}
