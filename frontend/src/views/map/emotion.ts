// The emotion curve's geometry: a line through −2…+2 at each stage's centre, a band for its interval,
// and gaps where a stage has no ratings (drawn as a gap, never as a neutral 0).
import type { MapEmotion } from '../../api/maps'

export interface EmotionPoint {
  x: number
  y: number
  score: number
  ratings: number
  customers: number
}

export interface EmotionGeometry {
  /** One path per run of consecutive stages with a score. */
  lines: string[]
  /** One closed path per run: high along the run, low back. */
  bands: string[]
  points: EmotionPoint[]
  /** Centres of stages without a score. */
  gaps: number[]
  /** y of +2, 0 and −2, for the grid. */
  grid: { value: number; y: number }[]
}

const r1 = (v: number) => Math.round(v * 10) / 10

/** y for an emotion score in a lane from top to top + height: +2 at the top, −2 at the bottom. */
export function emotionY(score: number, top: number, height: number): number {
  const s = Math.min(2, Math.max(-2, score))
  return r1(top + ((2 - s) / 4) * height)
}

export function emotionGeometry(emotions: readonly MapEmotion[], xs: readonly number[], top: number, height: number): EmotionGeometry {
  const points: (EmotionPoint | null)[] = emotions.map((e, i) =>
    e.score === null ? null : { x: xs[i], y: emotionY(e.score, top, height), score: e.score, ratings: e.ratings, customers: e.customers },
  )
  // Runs of consecutive stages with a score: a line joins the stages of a run, never across a gap.
  const runs: number[][] = []
  let run: number[] = []
  for (let i = 0; i < points.length; i++) {
    if (points[i]) run.push(i)
    else if (run.length) {
      runs.push(run)
      run = []
    }
  }
  if (run.length) runs.push(run)

  const lines = runs.filter((r) => r.length > 1).map((r) => r.map((i, k) => `${k ? 'L' : 'M'}${points[i]!.x} ${points[i]!.y}`).join(' '))
  const bands = runs.map((r) => {
    const bound = (i: number, which: 'low' | 'high') => emotionY(emotions[i][which] ?? emotions[i].score!, top, height)
    // A single stage gets a band as wide as its marker so the interval still shows.
    const span = r.length === 1 ? [[xs[r[0]] - 10, r[0]] as const, [xs[r[0]] + 10, r[0]] as const] : r.map((i) => [xs[i], i] as const)
    const upper = span.map(([x, i], k) => `${k ? 'L' : 'M'}${x} ${bound(i, 'high')}`)
    const lower = [...span].reverse().map(([x, i]) => `L${x} ${bound(i, 'low')}`)
    return `${upper.join(' ')} ${lower.join(' ')} Z`
  })
  return {
    lines,
    bands,
    points: points.filter((p): p is EmotionPoint => p !== null),
    gaps: points.flatMap((p, i) => (p ? [] : [xs[i]])),
    grid: [2, 0, -2].map((value) => ({ value, y: emotionY(value, top, height) })),
  }
}
