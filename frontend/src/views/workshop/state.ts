// What the Workshop view remembers while the facilitator switches views: the tab, the chosen map and the
// tolerance of the comparison.
import { writable } from 'svelte/store'
import type { Tolerance } from '../../api/workshop'

export type WorkshopTab = 'compare' | 'edit' | 'personas' | 'hypotheses'

export interface WorkshopState {
  tab: WorkshopTab
  mapId: string
  tolerance: Tolerance
}

export const initialWorkshopState = (): WorkshopState => ({ tab: 'compare', mapId: '', tolerance: { extraTouches: 0, allowSkips: 0 } })

export const workshopState = writable<WorkshopState>(initialWorkshopState())
