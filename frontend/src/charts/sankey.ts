// Layout of the paths Sankey: d3-sankey places the steps as columns (the anchor first for "from", last
// for "to") and gives every link a width proportional to its customers; this module returns rectangles,
// link paths and labels, so SankeyChart.svelte only draws.
import { sankey, sankeyLinkHorizontal, type SankeyLink as D3Link, type SankeyNode as D3Node } from 'd3-sankey'
import type { Sankey } from '../api/types'
import { formatCompact, formatInt, formatPercent } from '../lib/format'
import { fitLabel } from './bars'

export interface SankeyBox {
  id: string
  label: string
  shortLabel: string
  step: number
  customers: number
  x: number
  y: number
  width: number
  height: number
  /** Labels sit right of the box, except in the last column where they sit left of it. */
  labelAnchor: 'start' | 'end'
  labelX: number
  labelY: number
  valueLabel: string
  title: string
}

export interface SankeyRibbon {
  source: string
  target: string
  customers: number
  path: string
  width: number
  title: string
}

export interface SankeyLayout {
  width: number
  height: number
  nodes: SankeyBox[]
  links: SankeyRibbon[]
  /** Links dropped because they did not run forwards from one step to a later one. */
  dropped: number
}

export interface SankeyOptions {
  width: number
  height: number
  nodeWidth?: number
  nodePadding?: number
  /** Room kept free at the sides for labels. */
  labelRoom?: number
}

type N = { id: string; label: string; step: number; customers: number }
type L = { customers: number }

const linkPath = sankeyLinkHorizontal<N, L>()

function round(n: number): number {
  return Math.round(n * 10) / 10
}

export function layoutSankey(data: Sankey, opts: SankeyOptions): SankeyLayout {
  const { width, height, nodeWidth = 14, nodePadding = 18, labelRoom = 150 } = opts
  const byId = new Map(data.nodes.map((n) => [n.id, n]))
  // d3-sankey needs a graph without cycles; steps only run forwards, so anything else is bad data.
  const links = data.links.filter((l) => {
    const s = byId.get(l.source)
    const t = byId.get(l.target)
    return s && t && s.step < t.step && l.customers > 0
  })
  const used = new Set(links.flatMap((l) => [l.source, l.target]))
  const nodes = data.nodes.filter((n) => used.has(n.id))
  if (nodes.length === 0) return { width, height, nodes: [], links: [], dropped: data.links.length - links.length }

  const minStep = Math.min(...nodes.map((n) => n.step))
  const graph = sankey<N, L>()
    .nodeId((n) => n.id)
    .nodeWidth(nodeWidth)
    .nodePadding(nodePadding)
    .nodeAlign((n, columns) => Math.min(columns - 1, n.step - minStep))
    .nodeSort((a, b) => b.customers - a.customers || a.label.localeCompare(b.label))
    .extent([
      [0, 0],
      [Math.max(nodeWidth, width - labelRoom), height],
    ])({
    nodes: nodes.map((n) => ({ ...n })),
    links: links.map((l) => ({ source: l.source, target: l.target, value: l.customers, customers: l.customers })),
  })

  const total = data.customers
  const boxes: SankeyBox[] = (graph.nodes as D3Node<N, L>[]).map((n) => {
    const x0 = n.x0 ?? 0
    const x1 = n.x1 ?? 0
    const y0 = n.y0 ?? 0
    const y1 = n.y1 ?? 0
    // Every label sits right of its bar: the last column's go into the room kept free at the right, so
    // they never run into the labels of the column before.
    return {
      id: n.id,
      label: n.label,
      shortLabel: fitLabel(n.label, labelRoom - 60),
      step: n.step,
      customers: n.customers,
      x: round(x0),
      y: round(y0),
      width: round(x1 - x0),
      height: round(Math.max(1, y1 - y0)),
      labelAnchor: 'start',
      labelX: round(x1 + 6),
      labelY: round((y0 + y1) / 2),
      valueLabel: formatCompact(n.customers),
      title: `${n.label} (step ${n.step}): ${formatInt(n.customers)} customers${total ? ` (${formatPercent(n.customers / total)})` : ''}`,
    }
  })
  const ribbons: SankeyRibbon[] = (graph.links as D3Link<N, L>[]).map((l) => {
    const s = l.source as D3Node<N, L>
    const t = l.target as D3Node<N, L>
    return {
      source: s.id,
      target: t.id,
      customers: l.customers,
      path: linkPath(l) ?? '',
      width: round(Math.max(1, l.width ?? 0)),
      title: `${s.label} → ${t.label}: ${formatInt(l.customers)} customers`,
    }
  })
  return { width, height, nodes: boxes, links: ribbons, dropped: data.links.length - links.length }
}
