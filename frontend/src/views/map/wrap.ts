// Text in SVG boxes: SVG cannot wrap or ellipsize, so lines are broken by an average character width.
import { fitLabel } from '../../charts/bars'

/** 12 px Inter averages under this many pixels a character. */
export const charWidth = 6.6

/** Breaks text into at most maxLines lines of about width pixels; the last line ends in … when cut. */
export function wrapText(text: string, width: number, maxLines: number): string[] {
  const perLine = Math.max(4, Math.floor(width / charWidth))
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word
    if (next.length <= perLine) line = next
    else {
      if (line) lines.push(line)
      line = word
    }
  }
  if (line) lines.push(line)
  if (lines.length <= maxLines) return lines.map((l) => fitLabel(l, width, charWidth))
  const kept = lines.slice(0, maxLines)
  kept[maxLines - 1] = fitLabel(`${kept[maxLines - 1]} ${lines[maxLines]}`, width - charWidth, charWidth).replace(/…?$/, '…')
  return kept
}
