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

export function layoutHeatmap(h: Heatmap, opts: HeatOptions = {}): HeatLayout {
  const { labelWidth = 210, columnWidth = 128, rowHeight = 46, showStage = false, minCustomers } = opts
  const gridTop = headerHeight
  const columns: HeatHeader[] = h.columns.map((c, j) => ({
    key: c.id || '__all__',
    x: labelWidth + j * columnWidth,
    width: columnWidth,
    name: fitLabel(c.name, columnWidth - 22, 6.8),
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
    headerHeight,
    columns,
    rows,
    cells,
    legendY: gridBottom + 18,
  }
}
