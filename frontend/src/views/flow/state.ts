// What the Flow view's controls are set to, kept in a store so it survives switching views (like the
// filter). Each tab reads and updates its own part.
import { writable } from 'svelte/store'
import type { FlowLevel, FunnelMode } from '../../api/types'
import type { BuilderStep } from './funnelBuilder'

export type FlowTab = 'map' | 'paths' | 'variants' | 'funnel' | 'movement' | 'stages'

export interface FlowState {
  tab: FlowTab
  map: { level: FlowLevel; overlay: 'frequency' | 'time'; minEdgeShare: number; maxNodes: number }
  paths: { anchor: string; direction: 'from' | 'to'; depth: number; limit: number }
  variants: { collapseRepeats: boolean; limit: number }
  funnel: { steps: BuilderStep[]; mode: FunnelMode; windowSeconds: number }
  /** paidOnly: the touches after conversion list only paid touches. */
  movement: { paidOnly: boolean }
}

export function initialFlowState(): FlowState {
  return {
    tab: 'map',
    map: { level: 'touchpoint', overlay: 'frequency', minEdgeShare: 0.01, maxNodes: 20 },
    paths: { anchor: '', direction: 'from', depth: 4, limit: 20 },
    variants: { collapseRepeats: false, limit: 50 },
    funnel: {
      steps: [
        { key: 1, label: '', touchpoints: [], optional: false },
        { key: 2, label: '', touchpoints: [], optional: false },
      ],
      mode: 'closed',
      windowSeconds: 30 * 86400,
    },
    movement: { paidOnly: false },
  }
}

export const flowState = writable<FlowState>(initialFlowState())
