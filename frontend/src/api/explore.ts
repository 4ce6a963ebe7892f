import { call } from './transport'
import type {
  Cohort,
  CustomerPage,
  CustomerQuery,
  Filter,
  FilterOptions,
  Flow,
  FlowOptions,
  Funnel,
  FunnelSpec,
  Movement,
  PathsOptions,
  Profile,
  Sankey,
  Summary,
  Variants,
  VariantsOptions,
} from './types'

const ex = <T>(method: string, ...args: unknown[]) => call<T>('Explore', method, ...args)

/** A filter that keeps everyone. */
export function emptyFilter(): Filter {
  return { from: '', to: '', sources: [], channels: [], devices: [], personas: [], attribute: null }
}

/** A cohort of the given kind with every field Go reads present (empty unless given). */
export function cohort(kind: Cohort['kind'], fields: Partial<Omit<Cohort, 'kind'>> = {}): Cohort {
  return {
    kind,
    level: '',
    minEdgeShare: 0,
    maxNodes: 0,
    channel: '',
    node: '',
    from: '',
    to: '',
    path: [],
    collapseRepeats: false,
    funnel: null,
    step: 0,
    movement: '',
    direction: '',
    depth: 0,
    ...fields,
  }
}

/** A customer query with Go's defaults (most valuable first, 50 rows), overridden by fields. */
export function customerQuery(fields: Partial<CustomerQuery> = {}): CustomerQuery {
  return { search: '', sort: 'value', desc: true, offset: 0, limit: 50, cohort: null, ...fields }
}

/** Typed calls to the bound Explore struct (notes/api4.md): every analysis takes the shared filter. */
export const explore = {
  filterOptions: () => ex<FilterOptions>('FilterOptions'),
  summary: (filter: Filter) => ex<Summary>('Summary', filter),
  flow: (filter: Filter, opts: FlowOptions) => ex<Flow>('Flow', filter, opts),
  paths: (filter: Filter, opts: PathsOptions) => ex<Sankey>('Paths', filter, opts),
  variants: (filter: Filter, opts: VariantsOptions) => ex<Variants>('Variants', filter, opts),
  funnel: (filter: Filter, spec: FunnelSpec) => ex<Funnel>('Funnel', filter, spec),
  movement: (filter: Filter) => ex<Movement>('Movement', filter),
  customers: (filter: Filter, query: CustomerQuery) => ex<CustomerPage>('Customers', filter, query),
  /** key = a profile id or any identifier value; rejects with "no customer matches KEY". */
  profile: (key: string) => ex<Profile>('Profile', key),
}
