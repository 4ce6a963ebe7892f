// Layout for the 2-D persona map (PCA of the persona features): pure, so scales, ticks and the legend
// are tested with known answers and PersonaMap.svelte only draws what this returns.
import { formatInt, formatPercent } from '../lib/format'
import { otherColour } from '../lib/palette'

export interface MapPointIn {
  profile: string
  x: number
  y: number
  persona: string
}

export interface MapPersona {
  id: string
  name: string
  colour: string
}

export interface MapOptions {
  width: number
  height: number
  /** Room for the axes: left for the y ticks, bottom for the x ticks and titles. */
  margin?: { top: number; right: number; bottom: number; left: number }
}

export interface Tick {
  value: number
  /** Pixel position along its axis. */
  pos: number
  label: string
}

export interface MapDot {
  profile: string
  persona: string
  /** The PCA coordinates, for the hover text. */
  x: number
  y: number
  cx: number
  cy: number
  colour: string
}

export interface LegendEntry {
  id: string
  name: string
  colour: string
  count: number
  /** "31 %" of the points drawn. */
  shareLabel: string
}

export interface MapLayout {
  width: number
  height: number
  plot: { x: number; y: number; w: number; h: number }
  /** Pixels per PCA unit, the same on both axes so distances read true. */
  scale: number
  xTicks: Tick[]
  yTicks: Tick[]
  xTitle: string
  yTitle: string
  dots: MapDot[]
  legend: LegendEntry[]
}

const defaultMargin = { top: 12, right: 16, bottom: 44, left: 48 }

/** A round step (1, 2 or 5 × 10ⁿ) giving about `count` intervals over span. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !(count > 0)) return 1
  const raw = span / count
  const mag = 10 ** Math.floor(Math.log10(raw))
  const f = raw / mag
  return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag
}

/** Multiples of step inside [lo, hi], free of floating-point dust (0.30000000000000004 → 0.3). */
export function ticksBetween(lo: number, hi: number, step: number): number[] {
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1)
  const out: number[] = []
  for (let i = Math.ceil(lo / step - 1e-9); i * step <= hi + step * 1e-9; i++) {
    out.push(Number((i * step).toFixed(digits)) || 0)
  }
  return out
}

function tickLabel(v: number, step: number): string {
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9))
  return v.toFixed(decimals).replace('-', '−')
}

/** "PC 1 · 34 % of the variance", or just "PC 1" when Go sent no share. */
export function axisTitle(axis: 1 | 2, explained: number | undefined): string {
  return explained !== undefined && Number.isFinite(explained) && explained > 0
    ? `PC ${axis} · ${formatPercent(explained)} of the variance`
    : `PC ${axis}`
}

export function layoutPersonaMap(
  points: readonly MapPointIn[],
  personas: readonly MapPersona[],
  explained: readonly number[],
  opts: MapOptions,
): MapLayout {
  const m = opts.margin ?? defaultMargin
  const plot = { x: m.left, y: m.top, w: Math.max(10, opts.width - m.left - m.right), h: Math.max(10, opts.height - m.top - m.bottom) }
  const finite = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))

  let [x0, x1, y0, y1] = [-1, 1, -1, 1]
  if (finite.length) {
    x0 = Math.min(...finite.map((p) => p.x))
    x1 = Math.max(...finite.map((p) => p.x))
    y0 = Math.min(...finite.map((p) => p.y))
    y1 = Math.max(...finite.map((p) => p.y))
  }
  // A single point or a flat axis still gets a unit of room; 5 % padding keeps dots off the frame.
  const padX = x1 - x0 < 1e-12 ? 0.5 : (x1 - x0) * 0.05
  const padY = y1 - y0 < 1e-12 ? 0.5 : (y1 - y0) * 0.05
  x0 -= padX
  x1 += padX
  y0 -= padY
  y1 += padY

  // One scale for both axes: the fuller axis fills the plot, the other is centred.
  const scale = Math.min(plot.w / (x1 - x0), plot.h / (y1 - y0))
  const midX = (x0 + x1) / 2
  const midY = (y0 + y1) / 2
  const px = (v: number) => plot.x + plot.w / 2 + (v - midX) * scale
  const py = (v: number) => plot.y + plot.h / 2 - (v - midY) * scale
  const visX: [number, number] = [midX - plot.w / 2 / scale, midX + plot.w / 2 / scale]
  const visY: [number, number] = [midY - plot.h / 2 / scale, midY + plot.h / 2 / scale]

  const round = (v: number) => Math.round(v * 10) / 10
  const xStep = niceStep(visX[1] - visX[0], Math.max(2, Math.round(plot.w / 90)))
  const yStep = niceStep(visY[1] - visY[0], Math.max(2, Math.round(plot.h / 70)))
  const xTicks = ticksBetween(visX[0], visX[1], xStep).map((v) => ({ value: v, pos: round(px(v)), label: tickLabel(v, xStep) }))
  const yTicks = ticksBetween(visY[0], visY[1], yStep).map((v) => ({ value: v, pos: round(py(v)), label: tickLabel(v, yStep) }))

  const colourOf = new Map(personas.map((p) => [p.id, p.colour]))
  const dots = finite.map((p) => ({
    profile: p.profile,
    persona: p.persona,
    x: p.x,
    y: p.y,
    cx: round(px(p.x)),
    cy: round(py(p.y)),
    colour: colourOf.get(p.persona) ?? otherColour,
  }))

  const counts = new Map<string, number>()
  for (const d of dots) counts.set(d.persona, (counts.get(d.persona) ?? 0) + 1)
  const total = dots.length
  const legend: LegendEntry[] = personas.map((p) => ({
    id: p.id,
    name: p.name,
    colour: p.colour,
    count: counts.get(p.id) ?? 0,
    shareLabel: total ? formatPercent((counts.get(p.id) ?? 0) / total) : '–',
  }))
  const unknown = dots.filter((d) => !colourOf.has(d.persona)).length
  if (unknown) legend.push({ id: '', name: 'No persona', colour: otherColour, count: unknown, shareLabel: formatPercent(unknown / total) })

  return {
    width: opts.width,
    height: opts.height,
    plot,
    scale,
    xTicks,
    yTicks,
    xTitle: axisTitle(1, explained[0]),
    yTitle: axisTitle(2, explained[1]),
    dots,
    legend,
  }
}

/** A coordinate with two decimals and a real minus sign, as the ticks show it. */
export function formatCoord(v: number): string {
  return Number.isFinite(v) ? v.toFixed(2).replace('-', '−') : '–'
}

/** The hover text of a dot: who it is and where, with the exact coordinates. */
export function dotTitle(d: Pick<MapDot, 'profile' | 'x' | 'y'>, personaName: string): string {
  return `${d.profile} · ${personaName} · PC 1 ${formatCoord(d.x)}, PC 2 ${formatCoord(d.y)}`
}

/** "1,234 customers", with a note when Go sent its cap of sampled points. */
export function sampleNote(drawn: number, cap = 5000): string {
  return drawn >= cap ? `${formatInt(drawn)} customers drawn (a random sample)` : `${formatInt(drawn)} customers`
}
