import { describe, expect, it } from 'vitest'
import { progressText } from './progressText'

describe('progressText', () => {
  it('names the file, rows and bytes', () => {
    const p = { file: 'b.csv', fileIndex: 1, files: 3, bytesRead: 12_000_000, bytesTotal: 40_000_000, rows: 45_000, fraction: 0.3 }
    expect(progressText(p)).toBe('Reading b.csv (file 2 of 3) · 45,000 rows · 12 MB of 40 MB')
    expect(progressText({ ...p, files: 1, fileIndex: 0, bytesTotal: 0, rows: 1 })).toBe('Reading b.csv · 1 row')
  })
})
