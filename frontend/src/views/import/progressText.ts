import type { ImportProgress } from '../../api/types'
import { formatBytes, plural } from '../../lib/format'

/** "Reading orders.csv (file 2 of 3) · 45,000 rows · 12 MB of 40 MB". */
export function progressText(p: ImportProgress): string {
  const parts = [`Reading ${p.file}${p.files > 1 ? ` (file ${p.fileIndex + 1} of ${p.files})` : ''}`, plural(p.rows, 'row')]
  if (p.bytesTotal > 0) parts.push(`${formatBytes(p.bytesRead)} of ${formatBytes(p.bytesTotal)}`)
  return parts.join(' · ')
}
