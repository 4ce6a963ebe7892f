import type { Batch } from '../../api/types'

/** Batches newest first, kept when the query matches their id, a file name or a source. */
export function filterBatches(batches: readonly Batch[], query: string): Batch[] {
  const q = query.trim().toLowerCase()
  const sorted = [...batches].sort((a, b) => b.id - a.id)
  if (!q) return sorted
  return sorted.filter(
    (b) =>
      String(b.id) === q.replace(/^#/, '') ||
      b.files.some((f) => f.name.toLowerCase().includes(q)) ||
      b.sources.some((s) => s.toLowerCase().includes(q)),
  )
}
