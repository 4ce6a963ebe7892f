// Typed calls to the bound Notes struct (notes/api7-app.md): sticky notes with their history, and
// hypotheses evaluated on the data. Every change emits NotesChangedEvent so other windows refresh. The
// JSON shapes follow internal/notes (note.go, hypothesis.go).
import { call } from './transport'

export type NoteKind = 'pain' | 'opportunity' | 'question' | 'idea' | 'hypothesis'
export type TargetKind = 'map' | 'stage' | 'touchpoint' | 'cell' | 'persona'

/** What a note is stuck to. map optionally names the map ("observed" or an assumed map's id). */
export interface NoteTarget {
  kind: TargetKind
  map?: string
  stage?: string
  touchpoint?: string
  persona?: string
}

/** "Customers who …": the app's filters plus "had one of these touchpoints". Dates YYYY-MM-DD. */
export interface Group {
  from?: string
  to?: string
  sources?: string[]
  channels?: string[]
  devices?: string[]
  touchpoints?: string[]
  personas?: string[]
}

export type Metric = 'conversion' | 'value' | 'events'
export type Direction = 'higher' | 'lower'

/** Group A's metric is `direction` than group B's; b absent = everyone else. */
export interface Hypothesis {
  claim?: string
  a: Group
  b?: Group | null
  metric: Metric
  direction: Direction
}

export interface Side {
  customers: number
  converted: number
  rate: number | null
  mean: number | null
  sd: number | null
}

export type VerdictStatus = 'supported' | 'contradicted' | 'not enough data'

export interface Verdict {
  status: VerdictStatus
  /** One sentence: why this status. */
  reason: string
  a: Side
  b: Side
  /** A − B, in rate for conversion, in the metric's unit otherwise; with its 95 % interval. */
  difference: number | null
  low: number | null
  high: number | null
  p: number | null
  test: string
  statistic: number | null
  df: number | null
  /** False when the groups were too small for the test to run at all. */
  tested: boolean
  minCustomers: number
  overlap: number
}

export interface Note {
  /** Set by Go on Add. */
  id: string
  target: NoteTarget
  text: string
  kind: NoteKind
  /** #rrggbb; "" = the kind's colour. */
  color: string
  author: string
  /** Position on its target, 0..1 from the left / top. */
  x: number
  y: number
  created: string
  updated: string
  /** 1 when created, +1 with every change; Update must send the stored one. */
  version: number
  hypothesis?: Hypothesis | null
}

export type ChangeAction = 'created' | 'edited' | 'moved' | 'deleted'

export interface NoteChange {
  note: string
  version: number
  at: string
  author: string
  action: ChangeAction
  before?: Note | null
  after?: Note | null
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

function normaliseSide(s: Partial<Side> | null | undefined): Side {
  return { customers: s?.customers ?? 0, converted: s?.converted ?? 0, rate: num(s?.rate), mean: num(s?.mean), sd: num(s?.sd) }
}

/** NaN figures (null on the wire) stay null; missing sides are empty. */
export function normaliseVerdict(v: Partial<Verdict> | null | undefined): Verdict {
  return {
    status: v?.status ?? 'not enough data',
    reason: v?.reason ?? '',
    a: normaliseSide(v?.a),
    b: normaliseSide(v?.b),
    difference: num(v?.difference),
    low: num(v?.low),
    high: num(v?.high),
    p: num(v?.p),
    test: v?.test ?? '',
    statistic: num(v?.statistic),
    df: num(v?.df),
    tested: v?.tested ?? false,
    minCustomers: v?.minCustomers ?? 0,
    overlap: v?.overlap ?? 0,
  }
}

/** True for the error Update rejects with when someone else changed the note first. */
export function isConflict(e: unknown): boolean {
  const msg = e instanceof Error ? e.message : String(e)
  return /^conflict:/i.test(msg.trim())
}

const ns = <T>(method: string, ...args: unknown[]) => call<T>('Notes', method, ...args)

/** Go reads created/updated as times: an empty one (a note not stored yet) goes as the zero time. */
const zeroTime = '0001-01-01T00:00:00Z'
export function wireNote(n: Note): Note {
  return { ...n, created: n.created || zeroTime, updated: n.updated || zeroTime, hypothesis: n.hypothesis ?? undefined }
}

/** Typed calls to the bound Notes struct. */
export const notes = {
  list: async () => (await ns<Note[] | null>('List')) ?? [],
  /** id, created and version are set by Go. */
  add: (note: Note) => ns<Note>('Add', wireNote(note)),
  /** note.version must be the stored version; else rejects with "conflict: …" (see isConflict). */
  update: (note: Note) => ns<Note>('Update', wireNote(note)),
  move: (id: string, x: number, y: number, author: string) => ns<Note>('Move', id, x, y, author),
  remove: (id: string, author: string) => ns<null>('Delete', id, author),
  /** "" = every note's history; newest first. */
  history: async (id = '') => (await ns<NoteChange[] | null>('History', id)) ?? [],
  evaluate: async (h: Hypothesis) => normaliseVerdict(await ns<Verdict>('Evaluate', h)),
}
