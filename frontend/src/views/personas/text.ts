// The sentences of the persona views, kept out of the components so tests can pin them.
import type { PersonaResult, PersonaStatus } from '../../api/personas'
import { formatDuration, plural } from '../../lib/format'

const methodNames: Record<string, string> = {
  features: 'behaviour features',
  sequences: 'journey sequences',
  auto: 'the better method',
}

export function methodName(m: string): string {
  return methodNames[m] ?? m
}

const score = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '–')

/** "4 personas from behaviour features · silhouette 0.46". */
export function qualityText(r: PersonaResult): string {
  const crit = r.quality.criterion || 'quality'
  return `${plural(r.personas.length, 'persona')} from ${methodName(r.quality.method || r.method)} · ${crit}: ${score(r.quality.score)}`
}

/** "Journey sequences scored 0.29 with 3 personas" per alternative. */
export function alternativeTexts(r: PersonaResult): string[] {
  return r.alternatives.map((a) => {
    const name = methodName(a.method)
    return `${name[0].toUpperCase()}${name.slice(1)} scored ${score(a.score)} with ${plural(a.k, 'persona')}`
  })
}

export const statusText: Record<PersonaStatus, { label: string; title: string }> = {
  new: { label: 'New', title: 'Appeared in this run: no earlier persona matches it.' },
  changed: { label: 'Changed', title: 'Matched an earlier persona, but its members or centre moved a lot.' },
  stable: { label: 'Stable', title: 'Matched an earlier persona closely: name, notes and colour carried over.' },
}

/** "Discovering personas from 10,000 customers… 12 s". */
export function progressText(customers: number | null, seconds: number): string {
  const from = customers === null ? '' : ` from ${plural(customers, 'customer')}`
  return `Discovering personas${from}… ${formatDuration(Math.floor(seconds))}`
}

/** The empty state's invitation. */
export function emptyText(customers: number | null): string {
  return customers === null
    ? 'No personas yet — Discover personas from your customers'
    : `No personas yet — Discover personas from ${plural(customers, 'customer')}`
}

/** What the run panel says after the user cancelled a run: nothing was stored. */
export function cancelledText(hasPersonas: boolean): string {
  return hasPersonas ? 'Cancelled — the previous personas are unchanged' : 'Cancelled — no personas yet'
}
