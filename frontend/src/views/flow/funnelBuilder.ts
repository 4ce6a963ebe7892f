// The funnel builder's steps and the operations on them, pure so the spec sent to Go is tested apart
// from the form.
import type { FunnelMode, FunnelSpec } from '../../api/types'

export interface BuilderStep {
  /** Stable identity for the list while steps move. */
  key: number
  label: string
  touchpoints: string[]
  optional: boolean
}

export function addStep(steps: readonly BuilderStep[]): BuilderStep[] {
  const key = steps.reduce((m, s) => Math.max(m, s.key), 0) + 1
  return [...steps, { key, label: '', touchpoints: [], optional: false }]
}

export function removeStep(steps: readonly BuilderStep[], index: number): BuilderStep[] {
  return steps.filter((_, i) => i !== index)
}

/** Moves a step up (by -1) or down (by +1); out-of-range moves change nothing. */
export function moveStep(steps: readonly BuilderStep[], index: number, by: -1 | 1): BuilderStep[] {
  const to = index + by
  if (index < 0 || index >= steps.length || to < 0 || to >= steps.length) return [...steps]
  const next = [...steps]
  ;[next[index], next[to]] = [next[to], next[index]]
  return next
}

export function updateStep(steps: readonly BuilderStep[], index: number, patch: Partial<Omit<BuilderStep, 'key'>>): BuilderStep[] {
  return steps.map((s, i) => (i === index ? { ...s, ...patch } : s))
}

/** What stops the funnel from running, or "" when it can run. */
export function builderProblem(steps: readonly BuilderStep[]): string {
  if (steps.length < 2) return 'Add at least two steps.'
  const empty = steps.findIndex((s) => s.touchpoints.length === 0)
  if (empty >= 0) return `Pick at least one touchpoint for step ${empty + 1}.`
  if (steps.every((s) => s.optional)) return 'At least one step must be required.'
  return ''
}

/** The spec Go runs: unnamed steps are named after their touchpoints. */
export function toSpec(steps: readonly BuilderStep[], mode: FunnelMode, windowSeconds: number): FunnelSpec {
  return {
    steps: steps.map((s, i) => ({
      label: s.label.trim() || s.touchpoints.join(' or ') || `Step ${i + 1}`,
      touchpoints: [...s.touchpoints],
      optional: s.optional,
    })),
    mode,
    windowSeconds: Math.max(0, Math.round(windowSeconds)),
  }
}

/** The conversion windows offered, in seconds (0 = none). */
export const windows: { seconds: number; label: string }[] = [
  { seconds: 0, label: 'No limit' },
  { seconds: 86400, label: '1 day' },
  { seconds: 7 * 86400, label: '7 days' },
  { seconds: 30 * 86400, label: '30 days' },
  { seconds: 90 * 86400, label: '90 days' },
]
