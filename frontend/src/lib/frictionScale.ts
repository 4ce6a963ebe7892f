// The friction colour scale: magma (matplotlib; perceptually uniform, readable with the common
// colour-vision deficiencies and in greyscale), run light → dark so more friction is darker. The darkest
// 15 % of magma is near black and hides labels, so the scale stops short of it.
// Stops are magma sampled every tenth, from the dark end.
const magma = ['#000004', '#140e36', '#3b0f70', '#641a80', '#8c2981', '#b73779', '#de4968', '#f7705c', '#fe9f6d', '#fecf92', '#fcfdbf']
const darkest = 0.15

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))

function magmaAt(t: number): string {
  const x = Math.min(1, Math.max(0, t)) * (magma.length - 1)
  const i = Math.min(magma.length - 2, Math.floor(x))
  const f = x - i
  const a = rgb(magma[i])
  const b = rgb(magma[i + 1])
  return `#${a.map((v, k) => Math.round(v + (b[k] - v) * f).toString(16).padStart(2, '0')).join('')}`
}

/** Where a score sits on magma: 0 friction → the light end (1), full friction → `darkest`. */
const position = (score: number) => 1 - (1 - darkest) * Math.min(1, Math.max(0, score))

/** The colour of a friction score 0..1; null for a missing score, which must never be painted as zero. */
export function frictionColour(score: number | null): string | null {
  if (score === null || !Number.isFinite(score)) return null
  return magmaAt(position(score))
}

/** Relative luminance (WCAG) of #rrggbb. */
export function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((v) => {
    const c = v / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** Text colour that reads on a cell of this colour: white on the dark half, ink on the light half. */
export function inkOn(fill: string): string {
  // The contrast against white equals the contrast against near-black ink at about this luminance.
  return luminance(fill) < 0.18 ? '#ffffff' : '#1f2328'
}

/** Evenly spaced stops of the scale for a legend gradient: [offset 0..1, colour]. */
export function legendStops(n = 11): [number, string][] {
  return Array.from({ length: n }, (_, i) => {
    const s = i / (n - 1)
    return [s, frictionColour(s)!]
  })
}

/**
 * How strongly a cell is drawn, 0.35..1: the evidence behind it made visible. A cell without enough data
 * is faint; otherwise the narrower its interval, the more solid (a 95 % interval 0.4 wide or more is as
 * faint as a valid cell gets).
 */
export function evidenceOpacity(cell: { enough: boolean; low: number | null; high: number | null }): number {
  if (!cell.enough || cell.low === null || cell.high === null) return 0.35
  const width = Math.max(0, cell.high - cell.low)
  return Math.round((1 - 0.45 * Math.min(1, width / 0.4)) * 100) / 100
}
