import { call } from './transport'
import type { IdentityOverview, Rules, Stages, StagesUpdate } from './types'

const id = <T>(method: string, ...args: unknown[]) => call<T>('Identity', method, ...args)

/** Typed calls to the bound Identity struct (notes/api4.md): profiles, merge rules, stages. */
export const identity = {
  overview: () => id<IdentityOverview>('Overview'),
  rules: () => id<Rules>('Rules'),
  /** Persists the rules, rebuilds the profiles and answers with the new overview. */
  setRules: (rules: Rules) => id<IdentityOverview>('SetRules', rules),
  /** Blocks one value (type "" = any type), rebuilds and answers with the new overview. */
  blockValue: (type: string, value: string) => id<IdentityOverview>('BlockValue', type, value),
  stages: () => id<Stages>('Stages'),
  setStages: (update: StagesUpdate) => id<Stages>('SetStages', update),
}
