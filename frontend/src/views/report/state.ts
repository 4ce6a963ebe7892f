// What the Report view is set to, kept in a store so it survives switching views and a snapshot can
// freeze it (like the filter).
import { writable } from 'svelte/store'
import type { Period } from '../../api/views'

export type ReportTab = 'report' | 'periods'

export interface ReportState {
  tab: ReportTab
  title: string
  redact: boolean
  assumed: string
  /** The two periods compared; empty until the workspace's range is known (then its two halves). */
  a: Period
  b: Period
}

export const initialReportState = (): ReportState => ({
  tab: 'report',
  title: '',
  redact: true,
  assumed: '',
  a: { from: '', to: '' },
  b: { from: '', to: '' },
})

export const reportState = writable<ReportState>(initialReportState())
