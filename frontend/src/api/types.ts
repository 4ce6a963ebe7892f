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
