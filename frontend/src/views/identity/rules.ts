// The rules editor works on a copy of the workspace's merge rules; these pure edits keep it valid
// (no duplicate blocked values, one limit per type, whole positive limits) and tell it what is unsaved.
import type { Bridge, FlaggedProfile, IdentityOverview, OverStitched, Rules } from '../../api/types'
import { formatInt, plural } from '../../lib/format'

export function copyRules(r: Rules): Rules {
  return {
    blocked: r.blocked.map((b) => ({ ...b })),
    defaultBlocked: [...r.defaultBlocked],
    limits: r.limits.map((l) => ({ ...l })),
    nonMerging: [...r.nonMerging],
  }
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

/** Why a value cannot be blocked ("" when it can): empty, already blocked, or blocked by default. */
export function blockProblem(r: Rules, type: string, value: string): string {
  const v = value.trim()
  if (!v) return 'Type the identifier value to block.'
  if (r.defaultBlocked.some((d) => same(d, v))) return `“${v}” is already blocked by default.`
  if (r.blocked.some((b) => same(b.value, v) && (b.type === '' || same(b.type, type)))) return `“${v}” is already blocked.`
  return ''
}

export function addBlocked(r: Rules, type: string, value: string): Rules {
  if (blockProblem(r, type, value)) return r
  return { ...r, blocked: [...r.blocked, { type: type.trim(), value: value.trim() }] }
}

export function removeBlocked(r: Rules, index: number): Rules {
  return { ...r, blocked: r.blocked.filter((_, i) => i !== index) }
}

/** Sets the limit of a type (replacing any earlier one); a limit under 1 or not whole is ignored. */
export function setLimit(r: Rules, type: string, max: number): Rules {
  const t = type.trim()
  if (!t || !Number.isInteger(max) || max < 1) return r
  const i = r.limits.findIndex((l) => same(l.type, t))
  const limits = i < 0 ? [...r.limits, { type: t, max }] : r.limits.map((l, j) => (j === i ? { type: l.type, max } : l))
  return { ...r, limits }
}

export function removeLimit(r: Rules, type: string): Rules {
  return { ...r, limits: r.limits.filter((l) => l.type !== type) }
}

export function toggleNonMerging(r: Rules, type: string): Rules {
  const t = type.trim()
  if (!t) return r
  const has = r.nonMerging.some((n) => same(n, t))
  return { ...r, nonMerging: has ? r.nonMerging.filter((n) => !same(n, t)) : [...r.nonMerging, t] }
}

/** True when the editable parts (blocked, limits, non-merging types) are the same. */
export function sameRules(a: Rules, b: Rules): boolean {
  const key = (r: Rules) =>
    JSON.stringify([
      r.blocked.map((x) => `${x.type}\u0000${x.value}`).sort(),
      r.limits.map((l) => `${l.type}\u0000${l.max}`).sort(),
      [...r.nonMerging].sort(),
    ])
  return key(a) === key(b)
}

/** Identifier types the editor offers: every type the overview and rules mention, sorted. */
export function knownTypes(o: IdentityOverview, r: Rules): string[] {
  const types = new Set<string>()
  for (const x of o.overStitched) for (const b of x.bridges) types.add(b.type)
  for (const f of o.flagged) types.add(f.type)
  for (const b of r.blocked) if (b.type) types.add(b.type)
  for (const l of r.limits) types.add(l.type)
  for (const n of r.nonMerging) types.add(n)
  types.delete('')
  return [...types].sort((a, b) => a.localeCompare(b))
}

/** "splits into 3 profiles · in 1,204 rows". */
export function bridgeText(b: Bridge): string {
  return `splits into ${plural(b.profiles, 'profile')} · in ${plural(b.rows, 'row')}`
}

/** "from 98,210 rows · outlier score 14.2" (the size is the card's heading; no score when Go has none). */
export function overStitchFacts(o: OverStitched): string {
  const rows = `from ${plural(o.rows, 'row')}`
  return typeof o.score === 'number' && Number.isFinite(o.score) ? `${rows} · outlier score ${o.score.toFixed(1)}` : rows
}

/** "5 email values, limit 3". */
export function flagText(f: FlaggedProfile): string {
  return `${formatInt(f.count)} ${f.type} values, limit ${formatInt(f.limit)}`
}

/** Sizes are counts of identifier values; the median may be fractional. */
export function sizeText(n: number): string {
  return Number.isInteger(n) ? formatInt(n) : n.toFixed(1)
}
