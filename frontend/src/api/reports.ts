// Typed call to the bound Reports struct (notes/api7-app.md): the whole self-contained client report.
import { call } from './transport'

export interface ReportOptions {
  /** No email, phone, name or raw identifier in the file; profile ids opaque. On by default in the UI. */
  redact: boolean
  title: string
  /** The assumed map to compare with; "" = none. */
  assumed: string
}

export interface ReportFile {
  html: string
  bytes: number
}

export const reports = {
  html: async (opts: ReportOptions): Promise<ReportFile> => {
    const got = await call<Partial<ReportFile> | null>('Reports', 'HTML', opts)
    const html = got?.html ?? ''
    return { html, bytes: got?.bytes ?? new TextEncoder().encode(html).length }
  },
}
