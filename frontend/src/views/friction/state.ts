// What the Friction view shows, kept in a store so it survives switching views (like the filter).
import { writable } from 'svelte/store'
import type { HeatmapRows } from '../../api/friction'

export type FrictionTab = 'heatmap' | 'ranking' | 'moments' | 'wasted'

export interface FrictionState {
  tab: FrictionTab
  rows: HeatmapRows
}

export const initialFrictionState = (): FrictionState => ({ tab: 'heatmap', rows: 'stage' })

export const frictionState = writable<FrictionState>(initialFrictionState())
