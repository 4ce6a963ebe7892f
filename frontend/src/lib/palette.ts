// Okabe–Ito: eight hues that stay distinguishable with the common colour-vision deficiencies. Black is
// replaced by a mid grey, which reads as "other" and keeps dark text legible beside it.
export const categorical = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#D55E00', // vermillion
  '#56B4E9', // sky blue
  '#CC79A7', // reddish purple
  '#F0E442', // yellow
  '#8C8C8C', // grey
] as const

/** The colour for bars and rows that stand for "everything else". */
export const otherColour = '#B8B8B8'

/**
 * A stable colour per category: the same channel or source gets the same hue wherever the same domain
 * is used, because colours follow the sorted domain, not the order a chart happens to draw in.
 */
export function colourFor(name: string, domain: readonly string[]): string {
  const sorted = [...new Set(domain)].sort((a, b) => a.localeCompare(b))
  const i = sorted.indexOf(name)
  return i < 0 ? otherColour : categorical[i % categorical.length]
}
