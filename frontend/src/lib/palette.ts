// Okabe–Ito: eight hues that stay distinguishable with the common colour-vision deficiencies. Yellow
// comes late because thin yellow bars fade into a white card; black is softened to charcoal, and "other"
// uses a light grey that none of the eight resembles.
export const categorical = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#56B4E9', // sky blue
  '#D55E00', // vermillion
  '#F0E442', // yellow
  '#3D3D3D', // charcoal
] as const

/** The colour for bars and rows that stand for "everything else". */
export const otherColour = '#BDBDBD'

/**
 * The colour of a category: its position in the domain, which callers pass in the workspace's own order
 * (biggest first, as Go returns channels and sources), so the same channel gets the same hue in every
 * view that uses the same domain, and the biggest categories get the strongest hues.
 */
export function colourFor(name: string, domain: readonly string[]): string {
  const i = [...new Set(domain)].indexOf(name)
  return i < 0 ? otherColour : categorical[i % categorical.length]
}

// A sequential light → dark scale (ColorBrewer Oranges ends), for "how slow" and "how much friction":
// lightness carries the meaning, so it reads without hue.
const seqLight = [254, 230, 206]
const seqDark = [166, 54, 3]

/** The sequential colour at t in 0..1 (clamped), as #rrggbb. */
export function sequentialColour(t: number): string {
  const k = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0
  const hex = seqLight.map((a, i) => Math.round(a + (seqDark[i] - a) * k).toString(16).padStart(2, '0'))
  return `#${hex.join('')}`
}
