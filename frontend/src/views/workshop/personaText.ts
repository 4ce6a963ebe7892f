// Assumed personas against discovered ones, in words.
import type { PersonaMatch } from '../../api/workshop'

/** "Resembles Bargain hunters" / "Closest: Bargain hunters, but not a match" / "No discovered persona to compare with". */
export function matchLine(m: PersonaMatch): string {
  if (!m.discovered) return 'No discovered persona to compare with'
  const name = m.name || m.discovered
  return m.matched ? `Resembles ${name}` : `Closest: ${name}, but not a match`
}

/** "similarity 0.62 of 1 (a match from 0.30)". */
export function similarityText(m: PersonaMatch, threshold = 0.3): string {
  if (m.similarity === null) return 'similarity unknown'
  return `similarity ${m.similarity.toFixed(2)} of 1 (a match from ${threshold.toFixed(2)})`
}
