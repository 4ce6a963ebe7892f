// The "Discover personas" form as data: what it starts from, how its features group into checkboxes,
// and the options it sends to Personas.Run.
import type { PersonaFeature, PersonaMethod, PersonaResult, PersonaRunOptions } from '../../api/personas'

export interface RunForm {
  /** Let Wayline choose k. */
  auto: boolean
  /** The chosen k when not automatic, 2..10. */
  k: number
  method: PersonaMethod
  /** Names of the ticked features. */
  features: string[]
  seed: number
}

export const minK = 2
export const maxK = 10

/** The form for a result: the last run's method, features and seed (1 before any), automatic k. */
export function initialForm(r: PersonaResult): RunForm {
  const method: PersonaMethod = r.method === 'features' || r.method === 'sequences' ? r.method : 'auto'
  return {
    auto: true,
    k: Math.min(maxK, Math.max(minK, r.k || 4)),
    method: r.personas.length ? method : 'auto',
    features: r.features.filter((f) => f.included).map((f) => f.name),
    // Before any run Go reports seed 0 (nothing ran); the default, as on the command line, is 1.
    seed: r.personas.length && r.seed !== undefined && r.seed >= 0 ? r.seed : 1,
  }
}

/** The options Personas.Run receives. Before any run Go has listed no features: [] asks for its default set. */
export function runOptions(form: RunForm, known: readonly PersonaFeature[]): PersonaRunOptions {
  const k = form.auto ? 0 : Math.min(maxK, Math.max(minK, Math.round(form.k) || minK))
  const ticked = new Set(form.features)
  const features = known.filter((f) => ticked.has(f.name)).map((f) => f.name)
  const seed = Number.isFinite(form.seed) && form.seed >= 0 ? Math.floor(form.seed) : 1
  return { k, method: form.method, features, seed }
}

/** Features by group, groups and features in Go's order. */
export function groupFeatures(features: readonly PersonaFeature[]): { group: string; features: PersonaFeature[] }[] {
  const groups = new Map<string, PersonaFeature[]>()
  for (const f of features) {
    const g = f.group || 'Other'
    groups.set(g, [...(groups.get(g) ?? []), f])
  }
  return [...groups].map(([group, fs]) => ({ group, features: fs }))
}
