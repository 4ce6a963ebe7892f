// The Stages screen edits a board: ordered stage names, the stage of every touchpoint and the goal set.
// Every edit is a pure function returning a new board, so the screen can compare it with what is saved
// (unsaved changes) and tests can check each move without a DOM.
import type { StageTouchpoint, Stages, StagesUpdate } from '../../api/types'

export interface Board {
  /** In order. */
  stages: string[]
  /** Touchpoint → stage name; a name that is not in `stages` puts the touchpoint in "Unassigned". */
  stageOf: Record<string, string>
  /** Touchpoints that count as conversion, in the order Go gave them, new ones appended. */
  goal: string[]
}

/** Go's default stages (journey.DefaultStages); stage guesses answer with these names. */
export const defaultStages: readonly string[] = ['Awareness', 'Consideration', 'Decision', 'Purchase', 'Retention', 'Advocacy']

/**
 * The update that goes back to Wayline's guess: the default stages with no mapping and no goal, since Go
 * guesses every touchpoint missing from the mapping, and the goal when it is empty.
 */
export function resetUpdate(): StagesUpdate {
  return { stages: [...defaultStages], mapping: [], goal: [] }
}

/** Heading of the column for touchpoints whose stage is not (or no longer) in the list. */
export const unassigned = 'Unassigned'

export function boardFrom(s: Stages): Board {
  const stageOf: Record<string, string> = {}
  for (const t of s.touchpoints) stageOf[t.touchpoint] = t.stage
  return { stages: [...s.stages], stageOf, goal: [...s.goal] }
}

export interface Column {
  stage: string
  /** False for the Unassigned column, which cannot be renamed, moved or removed. */
  real: boolean
  cards: StageTouchpoint[]
  events: number
}

/** The columns to draw: stages in order, each with its touchpoints by events (then name), and an
 * Unassigned column only when some touchpoint has no known stage. */
export function columns(board: Board, touchpoints: readonly StageTouchpoint[]): Column[] {
  const known = new Set(board.stages)
  const cols: Column[] = board.stages.map((stage) => ({ stage, real: true, cards: [], events: 0 }))
  const byName = new Map(cols.map((c) => [c.stage, c]))
  const rest: Column = { stage: unassigned, real: false, cards: [], events: 0 }
  for (const t of touchpoints) {
    const stage = board.stageOf[t.touchpoint] ?? t.stage
    const col = known.has(stage) ? byName.get(stage)! : rest
    col.cards.push(t)
    col.events += t.events
  }
  for (const c of [...cols, rest]) c.cards.sort((a, b) => b.events - a.events || a.touchpoint.localeCompare(b.touchpoint))
  return rest.cards.length ? [...cols, rest] : cols
}

export function moveTouchpoint(board: Board, touchpoint: string, stage: string): Board {
  if (board.stageOf[touchpoint] === stage || !board.stages.includes(stage)) return board
  return { ...board, stageOf: { ...board.stageOf, [touchpoint]: stage } }
}

/** Why a stage name cannot be used ("" when it can); `except` is the stage being renamed. */
export function stageNameProblem(board: Board, name: string, except = ''): string {
  const n = name.trim()
  if (!n) return 'A stage needs a name.'
  if (n.toLowerCase() === unassigned.toLowerCase()) return `“${unassigned}” is reserved for touchpoints without a stage.`
  const clash = board.stages.find((s) => s !== except && s.toLowerCase() === n.toLowerCase())
  return clash ? `There is already a stage called “${clash}”.` : ''
}

/** Renames a stage and moves its touchpoints along; unchanged when the name is not usable. */
export function renameStage(board: Board, from: string, to: string): Board {
  const name = to.trim()
  if (name === from || !board.stages.includes(from) || stageNameProblem(board, name, from)) return board
  const stageOf: Record<string, string> = {}
  for (const [t, s] of Object.entries(board.stageOf)) stageOf[t] = s === from ? name : s
  return { ...board, stages: board.stages.map((s) => (s === from ? name : s)), stageOf }
}

/** Adds an empty stage at the end; unchanged when the name is not usable. */
export function addStage(board: Board, name: string): Board {
  if (stageNameProblem(board, name)) return board
  return { ...board, stages: [...board.stages, name.trim()] }
}

/** Where the touchpoints of a removed stage go: the stage before it, or after it for the first. */
export function heirOf(board: Board, stage: string): string {
  const i = board.stages.indexOf(stage)
  if (i < 0 || board.stages.length < 2) return ''
  return board.stages[i > 0 ? i - 1 : 1]
}

/** Removes a stage, handing its touchpoints to heirOf; the last stage cannot be removed. */
export function removeStage(board: Board, stage: string): Board {
  const heir = heirOf(board, stage)
  if (!heir) return board
  const stageOf: Record<string, string> = {}
  for (const [t, s] of Object.entries(board.stageOf)) stageOf[t] = s === stage ? heir : s
  return { ...board, stages: board.stages.filter((s) => s !== stage), stageOf }
}

/** Moves a stage one place left (-1) or right (+1). */
export function shiftStage(board: Board, stage: string, delta: -1 | 1): Board {
  const i = board.stages.indexOf(stage)
  const j = i + delta
  if (i < 0 || j < 0 || j >= board.stages.length) return board
  const stages = [...board.stages]
  ;[stages[i], stages[j]] = [stages[j], stages[i]]
  return { ...board, stages }
}

export function toggleGoal(board: Board, touchpoint: string): Board {
  const goal = board.goal.includes(touchpoint) ? board.goal.filter((g) => g !== touchpoint) : [...board.goal, touchpoint]
  return { ...board, goal }
}

/** What Identity.SetStages receives: every touchpoint with a known stage, sorted by name. */
export function stagesUpdate(board: Board): StagesUpdate {
  const known = new Set(board.stages)
  const mapping = Object.entries(board.stageOf)
    .filter(([, stage]) => known.has(stage))
    .map(([touchpoint, stage]) => ({ touchpoint, stage }))
    .sort((a, b) => a.touchpoint.localeCompare(b.touchpoint))
  return { stages: [...board.stages], mapping, goal: [...board.goal].sort((a, b) => a.localeCompare(b)) }
}

/** The unsaved changes in words, for the bar above the board; [] when the board equals the saved one. */
export function changes(saved: Board, board: Board): string[] {
  const out: string[] = []
  const added = board.stages.filter((s) => !saved.stages.includes(s))
  const removed = saved.stages.filter((s) => !board.stages.includes(s))
  // A rename shows up as one removed and one added name; say so when the touchpoints moved along with it.
  for (const s of added) out.push(`stage “${s}” added`)
  for (const s of removed) out.push(`stage “${s}” removed`)
  const common = board.stages.filter((s) => saved.stages.includes(s))
  const savedCommon = saved.stages.filter((s) => board.stages.includes(s))
  if (common.join('\u0000') !== savedCommon.join('\u0000')) out.push('stages reordered')
  const moved = Object.keys(board.stageOf)
    .filter((t) => board.stageOf[t] !== saved.stageOf[t] && !removed.includes(saved.stageOf[t] ?? ''))
    .sort((a, b) => a.localeCompare(b))
  for (const t of moved) out.push(`${t} → ${board.stageOf[t]}`)
  for (const g of board.goal.filter((g) => !saved.goal.includes(g))) out.push(`${g} is a goal`)
  for (const g of saved.goal.filter((g) => !board.goal.includes(g))) out.push(`${g} is no longer a goal`)
  return out
}

/** True when a card still shows the stage Go guessed: guessed by Go and not moved here since. */
export function stillGuessed(saved: Board, board: Board, t: StageTouchpoint): boolean {
  return t.guessed && board.stageOf[t.touchpoint] === saved.stageOf[t.touchpoint]
}
