// Layout of the process map (the directly-follows graph): elkjs' layered algorithm places nodes left to
// right and routes the edges; this module turns its answer into boxes, paths and label positions, so
// ProcessMap.svelte only draws. Pure apart from awaiting elk, which runs in the main thread (the bundled
// build needs no worker), so tests call it directly.
import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api'
import { curveBasis, line } from 'd3-shape'
import type { Flow, FlowEdge, FlowNode } from '../api/types'
import { formatCompact, formatDuration, formatInt, formatPercent } from '../lib/format'
import { fitLabel } from './bars'

export type NodeKind = 'start' | 'end' | 'step'

export interface MapNode {
  id: string
  kind: NodeKind
  label: string
  /** The label cut to fit the box (SVG text cannot ellipsize). */
  shortLabel: string
  customers: number
  customersLabel: string
  x: number
  y: number
  width: number
  height: number
  title: string
}

export interface MapEdge {
  id: string
  from: string
  to: string
  edge: FlowEdge
  /** SVG path data through elk's route. */
  path: string
  /** Stroke width, by frequency (transitions). */
  width: number
  /** 0..1: where the median time sits between the fastest and slowest edge, for the time overlay. */
  slowness: number
  labelX: number
  labelY: number
  labelWidth: number
  labelHeight: number
  frequencyLabel: string
  timeLabel: string
  title: string
}

export interface ProcessMapLayout {
  width: number
  height: number
  nodes: MapNode[]
  edges: MapEdge[]
}

export const nodeHeight = 46
export const terminalWidth = 64
export const terminalHeight = 30
const minNodeWidth = 96
const maxNodeWidth = 188
const charWidth = 7
export const minStroke = 1.25
export const maxStroke = 12
const labelHeight = 18

// elk is large (about 1.5 MB): load it with the first map, not with the app.
let elkReady: Promise<ELK> | null = null
function elk(): Promise<ELK> {
  elkReady ??= import('elkjs/lib/elk.bundled.js').then((m) => new m.default())
  return elkReady
}

/** Box width for a label: wide enough for the text, within bounds, so long names wrap to an ellipsis. */
export function nodeWidth(label: string): number {
  return Math.max(minNodeWidth, Math.min(maxNodeWidth, Math.round(label.length * charWidth + 28)))
}

/** Stroke width for an edge: linear in its count between the thinnest and the thickest edge. */
export function strokeWidth(count: number, max: number): number {
  if (max <= 0) return minStroke
  return Math.round((minStroke + (maxStroke - minStroke) * (count / max)) * 100) / 100
}

/**
 * Node ids in a depth-first order from the start along the heaviest edges first. Elk breaks cycles by
 * this model order, so the main flow runs left to right and only the rarer way back is drawn backwards.
 */
export function flowOrder(flow: Flow): string[] {
  const out = new Map<string, FlowEdge[]>()
  for (const e of flow.edges) {
    const list = out.get(e.from) ?? []
    list.push(e)
    out.set(e.from, list)
  }
  for (const list of out.values()) list.sort((a, b) => b.count - a.count || a.to.localeCompare(b.to))
  const seen = new Set<string>()
  const finished: string[] = []
  const visit = (root: string) => {
    // Iterative DFS: journeys can make long chains and recursion depth is not ours to spend.
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }]
    seen.add(root)
    while (stack.length) {
      const top = stack[stack.length - 1]
      const edges = out.get(top.id) ?? []
      if (top.next < edges.length) {
        const to = edges[top.next++].to
        if (!seen.has(to)) {
          seen.add(to)
          stack.push({ id: to, next: 0 })
        }
      } else {
        finished.push(top.id)
        stack.pop()
      }
    }
  }
  if (flow.nodes.some((n) => n.id === flow.start)) visit(flow.start)
  const rest = [...flow.nodes].sort((a, b) => b.customers - a.customers || a.id.localeCompare(b.id))
  for (const n of rest) if (!seen.has(n.id)) visit(n.id)
  return finished.reverse()
}

function kindOf(flow: Flow, n: FlowNode): NodeKind {
  return n.id === flow.start ? 'start' : n.id === flow.end ? 'end' : 'step'
}

const pathOf = line<{ x: number; y: number }>()
  .x((p) => p.x)
  .y((p) => p.y)
  .curve(curveBasis)

function round(n: number): number {
  return Math.round(n * 10) / 10
}

/** Lays the flow out left to right; the virtual start is always leftmost and the end rightmost. */
export async function layoutProcessMap(flow: Flow): Promise<ProcessMapLayout> {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]))
  const order = flowOrder(flow)
  const edges = flow.edges.filter((e) => byId.has(e.from) && byId.has(e.to))
  const maxCount = edges.reduce((m, e) => Math.max(m, e.count), 0)
  const medians = edges.filter((e) => e.from !== flow.start && e.to !== flow.end).map((e) => e.medianSeconds)
  const fastest = medians.length ? Math.min(...medians) : 0
  const slowest = medians.length ? Math.max(...medians) : 0

  const labels = edges.map((e) => {
    const frequencyLabel = formatCompact(e.customers)
    const timeLabel = formatDuration(e.medianSeconds)
    const width = Math.max(frequencyLabel.length, timeLabel.length) * 6.5 + 10
    return { frequencyLabel, timeLabel, width }
  })

  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.edgeRouting': 'POLYLINE',
      'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      // Room between columns for the edge labels, which we place ourselves: elk's centre labels get
      // layers of their own and make a busy map several screens wide.
      'elk.layered.spacing.nodeNodeBetweenLayers': '64',
      'elk.layered.spacing.edgeNodeBetweenLayers': '20',
      'elk.spacing.nodeNode': '26',
      'elk.spacing.edgeEdge': '12',
      'elk.padding': '[top=16,left=16,bottom=16,right=16]',
    },
    children: order.map<ElkNode>((id) => {
      const n = byId.get(id)!
      const kind = kindOf(flow, n)
      const terminal = kind !== 'step'
      return {
        id,
        width: terminal ? terminalWidth : nodeWidth(n.label),
        height: terminal ? terminalHeight : nodeHeight,
        layoutOptions: (kind === 'start'
            ? { 'elk.layered.layering.layerConstraint': 'FIRST_SEPARATE' }
            : kind === 'end'
              ? { 'elk.layered.layering.layerConstraint': 'LAST_SEPARATE' }
              : {}) as Record<string, string>,
      }
    }),
    edges: edges.map<ElkExtendedEdge>((e, i) => ({
      id: `e${i}`,
      sources: [e.from],
      targets: [e.to],
    })),
  }
  const laid = await (await elk()).layout(graph)

  const nodes: MapNode[] = (laid.children ?? []).map((c) => {
    const n = byId.get(c.id)!
    const kind = kindOf(flow, n)
    const width = c.width ?? 0
    const label = kind === 'start' ? 'Start' : kind === 'end' ? 'End' : n.label
    const share = flow.totalCustomers ? n.customers / flow.totalCustomers : 0
    return {
      id: n.id,
      kind,
      label,
      shortLabel: kind === 'step' ? fitLabel(label, width - 16, charWidth) : label,
      customers: n.customers,
      customersLabel: formatCompact(n.customers),
      x: round(c.x ?? 0),
      y: round(c.y ?? 0),
      width: round(width),
      height: round(c.height ?? 0),
      title:
        kind === 'step'
          ? `${n.label}${n.stage && n.stage !== n.label ? ` (${n.stage})` : ''}: ${formatInt(n.customers)} customers (${formatPercent(share)}), ${formatInt(n.events)} events; ${formatInt(n.starts)} start here, ${formatInt(n.ends)} end here`
          : `${label}: ${formatInt(n.customers)} customers`,
    }
  })

  const mapEdges: MapEdge[] = (laid.edges ?? []).map((le, i) => {
    const e = edges[i]
    const section = le.sections?.[0]
    const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : []
    const mid = halfway(points)
    const lx = mid.x - labels[i].width / 2
    const ly = mid.y - labelHeight / 2
    const timed = e.from !== flow.start && e.to !== flow.end
    return {
      id: le.id,
      from: e.from,
      to: e.to,
      edge: e,
      path: pathOf(points.map((p) => ({ x: round(p.x), y: round(p.y) }))) ?? '',
      width: strokeWidth(e.count, maxCount),
      slowness: timed && slowest > fastest ? round((e.medianSeconds - fastest) / (slowest - fastest)) : 0,
      labelX: round(lx),
      labelY: round(ly),
      labelWidth: labels[i].width,
      labelHeight,
      frequencyLabel: labels[i].frequencyLabel,
      timeLabel: timed ? labels[i].timeLabel : '',
      title: edgeTitle(e, byId, flow),
    }
  })

  separateLabels(mapEdges, nodes)
  return { width: Math.ceil(laid.width ?? 0), height: Math.ceil(laid.height ?? 0), nodes, edges: mapEdges }
}

type Box = { x: number; y: number; width: number; height: number }
const hits = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/**
 * Nudges edge labels up or down, a little at a time, until none sits on a box or on a label placed
 * before it (busiest edges first, so they keep the best spot). A label with no free spot nearby stays.
 */
export function separateLabels(edges: MapEdge[], nodes: readonly Box[]): void {
  const placed: Box[] = []
  const order = [...edges].sort((a, b) => b.edge.count - a.edge.count)
  const steps = [0, 1, -1, 2, -2, 3, -3, 4, -4]
  const shifts = [0, -0.6, 0.6, -1.2, 1.2]
  for (const e of order) {
    const bx = e.labelX
    const by = e.labelY
    search: for (const k of steps) {
      for (const s of shifts) {
        const box = { x: bx + s * e.labelWidth, y: by + k * (e.labelHeight / 2 + 2), width: e.labelWidth, height: e.labelHeight }
        if (!nodes.some((n) => hits(box, n)) && !placed.some((p) => hits(box, p))) {
          e.labelX = round(box.x)
          e.labelY = round(box.y)
          break search
        }
      }
    }
    placed.push({ x: e.labelX, y: e.labelY, width: e.labelWidth, height: e.labelHeight })
  }
}

/** The point halfway along a polyline, where an edge's label sits. */
export function halfway(points: readonly { x: number; y: number }[]): { x: number; y: number } {
  if (points.length === 0) return { x: 0, y: 0 }
  const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - points[i].x, p.y - points[i].y))
  let rest = lengths.reduce((s, l) => s + l, 0) / 2
  for (let i = 0; i < lengths.length; i++) {
    if (rest <= lengths[i] && lengths[i] > 0) {
      const t = rest / lengths[i]
      return { x: points[i].x + (points[i + 1].x - points[i].x) * t, y: points[i].y + (points[i + 1].y - points[i].y) * t }
    }
    rest -= lengths[i]
  }
  return points[points.length - 1]
}

function edgeTitle(e: FlowEdge, byId: Map<string, FlowNode>, flow: Flow): string {
  const name = (id: string) => (id === flow.start ? 'Start' : id === flow.end ? 'End' : (byId.get(id)?.label ?? id))
  const parts = [
    `${name(e.from)} → ${name(e.to)}`,
    `${formatInt(e.customers)} customers, ${formatInt(e.count)} transitions`,
  ]
  if (e.from !== flow.start && e.to !== flow.end) {
    parts.push(`median ${formatDuration(e.medianSeconds)}, p90 ${formatDuration(e.p90Seconds)}`)
  }
  parts.push(`${formatPercent(e.conversionRate)} of them converted`)
  return parts.join('\n')
}

/**
 * How much to shrink a map so it fits the width available: never enlarged, and never below `min`,
 * past which labels get too small to read and the canvas scrolls instead. 1 while the width is unknown.
 */
export function fitScale(mapWidth: number, available: number, min = 0.55): number {
  if (mapWidth <= 0 || available <= 0) return 1
  return Math.round(Math.min(1, Math.max(min, available / mapWidth)) * 1000) / 1000
}
