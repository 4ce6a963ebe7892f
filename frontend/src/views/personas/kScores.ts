// Layout for the small "how many personas?" chart: silhouette per k as bars (higher is better) and the
// mixture's BIC per k as a line (lower is better), the chosen k highlighted. Pure; KScoreChart draws it.
import { formatCompact } from '../../lib/format'
import type { KScore } from '../../api/personas'

export interface KColumn {
  k: number
  /** Centre of the column. */
  x: number
  chosen: boolean
  /** Silhouette bar, absent when Go sent none (non-finite). */
  bar: { y: number; h: number; label: string } | null
  /** BIC point, absent when Go sent none. */
  dot: { y: number; label: string } | null
}

export interface KScoreLayout {
  width: number
  height: number
  columnWidth: number
  /** Silhouette panel: top and height of its plotting band, and where 0 sits. */
  silhouette: { top: number; h: number; zero: number }
  bic: { top: number; h: number }
  columns: KColumn[]
  /** SVG path through the BIC points, "" with fewer than two. */
  bicPath: string
  hasSilhouette: boolean
  hasBic: boolean
}

export interface KScoreOptions {
  width: number
  /** Height of each of the two bands. */
  band?: number
  /** Gap between bands, holding the value labels. */
  gap?: number
}

const r1 = (v: number) => Math.round(v * 10) / 10

export function layoutKScores(scores: readonly KScore[], chosenK: number, opts: KScoreOptions): KScoreLayout {
  const { width, band = 56, gap = 26 } = opts
  const sorted = [...scores].sort((a, b) => a.k - b.k)
  const columnWidth = sorted.length ? width / sorted.length : width
  const sils = sorted.map((s) => s.silhouette).filter(Number.isFinite)
  const bics = sorted.map((s) => s.bic).filter(Number.isFinite)

  // Silhouette lives in −1..1: bars grow from 0, so a negative score hangs below the line.
  const silTop = 22
  const sMax = Math.max(0, ...sils)
  const sMin = Math.min(0, ...sils)
  const sSpan = sMax - sMin || 1
  const zero = silTop + (sMax / sSpan) * band
  const sy = (v: number) => silTop + ((sMax - v) / sSpan) * band

  // BIC values are large and close together: scale the band to their own range.
  const bicTop = silTop + band + gap + 12
  const bMax = bics.length ? Math.max(...bics) : 1
  const bMin = bics.length ? Math.min(...bics) : 0
  const bSpan = bMax - bMin
  const by = (v: number) => (bSpan > 0 ? bicTop + ((bMax - v) / bSpan) * band : bicTop + band / 2)

  const columns = sorted.map((s, i) => {
    const x = r1(columnWidth * (i + 0.5))
    const bar = Number.isFinite(s.silhouette)
      ? { y: r1(Math.min(sy(s.silhouette), zero)), h: r1(Math.abs(zero - sy(s.silhouette))), label: s.silhouette.toFixed(2) }
      : null
    const dot = Number.isFinite(s.bic) ? { y: r1(by(s.bic)), label: formatCompact(s.bic) } : null
    return { k: s.k, x, chosen: s.k === chosenK, bar, dot }
  })
  const pts = columns.filter((c) => c.dot)
  const bicPath = pts.length > 1 ? pts.map((c, i) => `${i ? 'L' : 'M'}${c.x},${c.dot!.y}`).join('') : ''
  return {
    width,
    height: bicTop + band + 20,
    columnWidth: r1(columnWidth),
    silhouette: { top: silTop, h: band, zero: r1(zero) },
    bic: { top: bicTop, h: band },
    columns,
    bicPath,
    hasSilhouette: sils.length > 0,
    hasBic: bics.length > 0,
  }
}
