// Typed call to the bound Files struct (notes/api6.md). Desktop only: Go shows the native save dialog and
// writes the file. In a browser the frontend downloads with a Blob instead (lib/export.ts) and never calls it.
import { call } from './transport'

export const files = {
  /** Resolves with the path written, or "" when the user cancelled the dialog. */
  save: async (suggestedName: string, mime: string, base64: string) =>
    (await call<{ path: string }>('Files', 'Save', suggestedName, mime, base64))?.path ?? '',
}
