// The Friction view's tables as CSV rows: what a spreadsheet user needs to check the picture.
import type { FrictionCell, Heatmap, Moment, Waste } from '../../api/friction'
import type { CsvValue } from '../../lib/export'

const componentKeys = ['exitRate', 'loopRate', 'backtrackRate', 'stallRatio', 'supportRate', 'meanRating', 'lowRatingShare', 'effort'] as const

const cellColumns = ['score', 'low', 'high', 'enough_data', 'customers', 'events', 'sources', ...componentKeys]
const cellValues = (c: FrictionCell): CsvValue[] => [c.score, c.low, c.high, c.enough, c.customers, c.events, c.sources, ...componentKeys.map((k) => c.components[k])]

/** One row per heatmap cell: row, its stage, the column (persona) and the cell's figures. */
export function heatmapTable(h: Heatmap): CsvValue[][] {
  const rows: CsvValue[][] = [['row', 'stage', 'column', 'persona_id', ...cellColumns]]
  h.cells.forEach((row, i) =>
    row.forEach((cell, j) => rows.push([h.rows[i]?.name, h.rows[i]?.stage, h.columns[j]?.name, h.columns[j]?.id, ...cellValues(cell)])),
  )
  return rows
}

/** Touchpoints worst first, as ranked. */
export function rankingTable(cells: readonly FrictionCell[]): CsvValue[][] {
  return [['rank', 'touchpoint', 'stage', ...cellColumns], ...cells.map((c, i) => [c.enough ? i + 1 : null, c.touchpoint, c.stage, ...cellValues(c)])]
}

export function momentsTable(moments: readonly Moment[]): CsvValue[][] {
  return [
    ['touchpoint', 'stage', 'customers_with', 'customers_without', 'conversion_with', 'conversion_without', 'lift', 'removal_effect'],
    ...moments.map((m) => [m.touchpoint, m.stage, m.with, m.without, m.convWith, m.convWithout, m.lift, m.removalEffect]),
  ]
}

export function wastedTable(w: Waste): CsvValue[][] {
  return [['touchpoint', 'channel', 'touches', 'customers'], ...w.touchpoints.map((t) => [t.touchpoint, t.channel, t.touches, t.customers])]
}
