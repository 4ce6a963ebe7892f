// Types mirroring the bound Go API (notes/api.md). Field names are the JSON names Go emits; times are
// RFC3339 strings ("" when there is no data yet).

export interface Environment {
  desktop: boolean
  readOnly: boolean
  version: string
}

export interface WorkspaceInfo {
  open: boolean
  path: string
  name: string
  /** Why the workspace asked for at start-up could not be opened, when none is open. */
  error?: string
}

export interface RecentWorkspace {
  path: string
  name: string
  lastOpened: string
  exists: boolean
}

export interface NamedCount {
  name: string
  count: number
}

export interface SourceSummary {
  name: string
  events: number
  files: number
  from: string
  to: string
}

export interface FileInfo {
  name: string
  path: string
  size: number
  sha256: string
  format: string
  encoding: string
  source: string
  rows: number
}

export interface Batch {
  id: number
  time: string
  files: FileInfo[]
  rows: number
  events: number
  links: number
  attributes: number
  rejected: number
  duplicates: number
  skipped: number
  from: string
  to: string
  sources: string[]
}

export interface Overview {
  name: string
  path: string
  fileSize: number
  events: number
  rows: number
  links: number
  attributes: number
  rejected: number
  identifiers: number
  identifierTypes: NamedCount[]
  from: string
  to: string
  batches: Batch[]
  sources: SourceSummary[]
  channels: NamedCount[]
  devices: NamedCount[]
  touchpoints: NamedCount[]
}

export interface Rejection {
  file: string
  line: number
  column: string
  reason: string
}

/** A value from a column, a constant, or a template such as "{event_type} {category}". */
export interface Field {
  column?: string
  const?: string
  template?: string
}

export interface Recipe {
  name?: string
  source?: string
  preset?: string
  format?: string
  delimiter?: string
  noHeader?: boolean
  encoding?: string
  sheet?: string
  records?: string
  dayFirst?: boolean | null
  identifiers?: { column: string; type: string }[]
  events?: {
    time: string
    touchpoint: Field | string
    channel?: Field | string
    device?: Field | string
    value?: string
    rating?: { column: string; min?: number; scale: number }
    text?: string
  }[]
  attributes?: { column: string; name?: string }[]
  skip?: { column: string; equals?: string[]; empty?: boolean }[]
}

export interface SavedRecipe {
  name: string
  recipe: Recipe
}

export type Role =
  | 'identifier'
  | 'event-time'
  | 'touchpoint'
  | 'channel'
  | 'device'
  | 'value'
  | 'rating'
  | 'text'
  | 'attribute'
  | 'ignore'

export interface InspectedColumn {
  name: string
  type: string
  distinct: number
  samples: string[]
  role: Role
  roleType: string
  confidence: number
}

export interface ColumnRole {
  column: string
  role: Role
  roleType: string
}

export interface SampleResult {
  rows: number
  events: number
  identifiers: number
  rejected: number
  rejections: Rejection[]
}

export interface Inspection {
  path: string
  name: string
  size: number
  format: string
  encoding: string
  delimiter: string
  sheet: string
  sheets: string[]
  preset: string
  columns: InspectedColumn[]
  preview: { columns: string[]; rows: string[][] }
  recipe: Recipe
  timeReports: string[]
  warnings: string[]
  sample: SampleResult
}

export interface ImportRequest {
  files: string[]
  recipe: Recipe | null
  strict: boolean
  pseudonymize: boolean
  saveRecipeAs: string
}

export interface ImportResult {
  batch: number
  rows: number
  events: number
  links: number
  attributes: number
  rejected: number
  duplicate: boolean
  duplicates: number
  skipped: number
  seconds: number
  rejections: Rejection[]
  files: FileInfo[]
  /** Remarks about the import worth showing, e.g. about times or skipped rows. */
  notes?: string[]
}

export interface ImportProgress {
  file: string
  fileIndex: number
  files: number
  bytesRead: number
  bytesTotal: number
  rows: number
  fraction: number
}

export interface Upload {
  path: string
  name: string
  size: number
}

// ---- Issue 4: profiles, journeys, flow, variants, funnels (notes/api4.md). Durations are seconds. ----

/** A profile attribute to match, e.g. {name: "tier", value: "gold"}. */
export interface AttributeMatch {
  name: string
  value: string
}

/** The argument of every analysis; empty fields do not restrict. */
export interface Filter {
  from: string
  to: string
  sources: string[]
  channels: string[]
  devices: string[]
  personas: string[]
  attribute: AttributeMatch | null
}

export interface AttributeOptions {
  name: string
  /** The 50 most common values. */
  values: string[]
}

export interface FilterOptions {
  sources: string[]
  channels: string[]
  devices: string[]
  /** Persona ids, in the order of the last run; [] before personas are discovered. */
  personas: string[]
  /** The same personas with their names and colours. */
  personaNames?: { id: string; name: string; color: string }[]
  from: string
  to: string
  attributes: AttributeOptions[]
}

export interface Summary {
  customers: number
  totalCustomers: number
  events: number
  totalEvents: number
  converted: number
  conversionRate: number
}

export type FlowLevel = 'touchpoint' | 'stage' | 'channel' | 'device'

export interface FlowOptions {
  level: FlowLevel
  /** 0..1: hide edges with fewer than this share of all transitions. */
  minEdgeShare: number
  /** 0 = all; the rest merge into "Other". */
  maxNodes: number
}

export interface FlowNode {
  id: string
  label: string
  events: number
  customers: number
  starts: number
  ends: number
  stage: string
  /** For "Other": how many steps were merged into it. */
  merged?: number
}

export interface FlowEdge {
  from: string
  to: string
  count: number
  customers: number
  medianSeconds: number
  p90Seconds: number
  conversionRate: number
}

/** What the noise control hid: never silent. */
export interface FlowHidden {
  nodes: number
  edges: number
  customers: number
  events: number
}

export interface Flow {
  level: FlowLevel
  nodes: FlowNode[]
  edges: FlowEdge[]
  /** Id of the virtual start node ("__start__"), included in nodes and edges. */
  start: string
  /** Id of the virtual end node ("__end__"). */
  end: string
  hidden: FlowHidden
  totalCustomers: number
  /** All transitions counted (Go sends it; not in the written contract). */
  transitions?: number
}

export interface PathsOptions {
  /** A touchpoint. */
  anchor: string
  direction: 'from' | 'to'
  /** Steps; Go defaults to 4. */
  depth: number
  /** Top paths; Go defaults to 20. */
  limit: number
}

export interface SankeyNode {
  id: string
  label: string
  step: number
  customers: number
}

export interface SankeyLink {
  source: string
  target: string
  customers: number
}

export interface Sankey {
  nodes: SankeyNode[]
  links: SankeyLink[]
  /** The shown paths, step by step (Go sends it; not in the written contract). */
  paths?: { steps: string[]; customers: number }[]
  customers: number
  covered: number
}

export interface VariantsOptions {
  collapseRepeats: boolean
  /** Go defaults to 50. */
  limit: number
}

export interface Variant {
  path: string[]
  customers: number
  share: number
  converted: number
  conversionRate: number
  medianSeconds: number
}

export interface Variants {
  variants: Variant[]
  /** Share of customers the listed variants cover, 0..1. */
  coverage: number
  totalCustomers: number
  /** Number of distinct variants. */
  distinct: number
}

export interface FunnelStepSpec {
  label: string
  touchpoints: string[]
  optional: boolean
}

export type FunnelMode = 'closed' | 'open'

export interface FunnelSpec {
  steps: FunnelStepSpec[]
  mode: FunnelMode
  /** 0 = no window. */
  windowSeconds: number
}

export interface DroppedTo {
  /** "(left)" when they did nothing more. */
  touchpoint: string
  customers: number
}

export interface FunnelStepResult {
  label: string
  touchpoints: string[]
  optional: boolean
  entered: number
  reached: number
  conversionFromPrev: number
  conversionFromStart: number
  medianSecondsFromPrev: number
  dropped: number
  droppedTo: DroppedTo[]
}

export interface Funnel {
  steps: FunnelStepResult[]
  customers: number
  completed: number
  mode: FunnelMode
  windowSeconds: number
}

export interface StageCount {
  from: string
  to: string
  /** Customers who made the move at least once. */
  customers: number
  /** Times it was made, by all of them. */
  count: number
}

export interface StageRevisit {
  stage: string
  customers: number
  count: number
}

export interface MovementEntry {
  touchpoint: string
  channel: string
  customers: number
}

export interface MovementExit {
  touchpoint: string
  customers: number
  /** Of those customers, how many converted. */
  converted: number
}

export interface AfterConversionTouch {
  touchpoint: string
  channel: string
  /** A paid touch (ads, retargeting) as Go classifies it. */
  paid: boolean
  events: number
}

export interface AfterConversion {
  events: number
  customers: number
  /** By touchpoint and channel, most events first. */
  touchpoints: AfterConversionTouch[]
  paidEvents: number
  paidCustomers: number
}

export interface Movement {
  customers: number
  /** Forward by more than one stage, most customers first. */
  stageSkips: StageCount[]
  /** Back to an earlier stage. */
  backtracks: StageCount[]
  revisits: StageRevisit[]
  customersSkipping: number
  customersBacktracking: number
  customersRevisiting: number
  entries: MovementEntry[]
  exits: MovementExit[]
  channelSwitches: number
  deviceSwitches: number
  customersSwitchingChannel: number
  customersSwitchingDevice: number
  touchesAfterConversion: AfterConversion
}

/** The movement figures a movement cohort names (internal/journey/cohort.go). */
export type MovementFigure =
  | 'stageSkips'
  | 'backtracks'
  | 'revisits'
  | 'entries'
  | 'exits'
  | 'channelSwitches'
  | 'deviceSwitches'
  | 'touchesAfterConversion'
  | 'paidAfterConversion'
  | 'converted'

export type CohortKind = 'node' | 'edge' | 'variant' | 'funnelStep' | 'funnelDrop' | 'movement' | 'stage' | 'path'

/**
 * What was clicked, so Go can list the customers behind a number. Only the fields the kind needs are
 * read; cohort() in explore.ts fills the rest with empty values.
 */
export interface Cohort {
  kind: CohortKind
  level: FlowLevel | ''
  /** The process map's noise settings, so "Other" and hidden edges resolve as drawn. */
  minEdgeShare: number
  maxNodes: number
  channel: string
  node: string
  from: string
  to: string
  path: string[]
  collapseRepeats: boolean
  funnel: FunnelSpec | null
  step: number
  /** A MovementFigure for a movement cohort, "" otherwise. */
  movement: MovementFigure | ''
  /** Of a path cohort: the Paths direction and depth it was shown with. */
  direction: 'from' | 'to' | ''
  depth: number
}

export type CustomerSort = 'value' | 'events' | 'lastSeen' | 'firstSeen'

export interface CustomerQuery {
  /** Any identifier value, substring, case-insensitive. */
  search: string
  sort: CustomerSort
  desc: boolean
  offset: number
  /** Go defaults to 50. */
  limit: number
  cohort: Cohort | null
}

export interface CustomerRow {
  id: string
  label: string
  events: number
  value: number
  firstSeen: string
  lastSeen: string
  sources: string[]
  converted: boolean
  stageReached: string
}

export interface CustomerPage {
  total: number
  rows: CustomerRow[]
}

export interface IdentifierRef {
  type: string
  value: string
}

export interface Evidence {
  batch: number
  file: string
  line: number
}

export interface ProfileIdentifier {
  type: string
  value: string
  rows: number
  firstSeen: string
}

export interface Merge {
  a: IdentifierRef
  b: IdentifierRef
  /** The first 5 rows that asserted the link. */
  evidence: Evidence[]
  evidenceCount: number
}

export interface ProfileAttribute {
  name: string
  value: string
  file: string
  line: number
}

export interface TimelineEvent {
  time: string
  touchpoint: string
  stage: string
  channel: string
  device: string
  source: string
  value: number | null
  /** 0..1 */
  rating: number | null
  text: string
  file: string
  line: number
  batch: number
  session: number
}

export interface Profile {
  id: string
  label: string
  identifiers: ProfileIdentifier[]
  merges: Merge[]
  attributes: ProfileAttribute[]
  timeline: TimelineEvent[]
  /** e.g. "5 emails: more than the limit of 3". */
  flags: string[]
  converted: boolean
  stageReached: string
  /** Total value of the customer's events (Go sends it; not in the written contract). */
  value?: number
  sessions?: number
  movement: CustomerMovement
}

/** One customer's non-linear movement over their whole journey. */
export interface CustomerMovement {
  skips: number
  backtracks: number
  revisits: number
  channelSwitches: number
  deviceSwitches: number
  touchesAfterConversion: number
  paidAfterConversion: number
}

export interface Bridge {
  type: string
  value: string
  /** How many profiles it would split into if blocked. */
  profiles: number
  rows: number
}

export interface OverStitched {
  profile: string
  /** Identifier values. */
  size: number
  rows: number
  score: number
  bridges: Bridge[]
}

export interface FlaggedProfile {
  profile: string
  label: string
  type: string
  count: number
  limit: number
}

export interface BlockedValue {
  /** "" = any type. */
  type: string
  value: string
}

export interface Rules {
  blocked: BlockedValue[]
  /** Read-only: the values blocked by default. */
  defaultBlocked: string[]
  limits: { type: string; max: number }[]
  /** Types that never merge profiles on their own, e.g. "order_id". */
  nonMerging: string[]
}

export interface IdentityOverview {
  profiles: number
  rows: number
  identifiers: number
  overStitched: OverStitched[]
  flagged: FlaggedProfile[]
  rules: Rules
  medianSize: number
  p99Size: number
}

export interface StageTouchpoint {
  touchpoint: string
  stage: string
  guessed: boolean
  events: number
  customers: number
  channels: string[]
}

export interface Stages {
  /** In order. */
  stages: string[]
  touchpoints: StageTouchpoint[]
  /** Touchpoints that count as conversion. */
  goal: string[]
  goalGuessed: boolean
}

export interface StagesUpdate {
  stages: string[]
  mapping: { touchpoint: string; stage: string }[]
  goal: string[]
}
