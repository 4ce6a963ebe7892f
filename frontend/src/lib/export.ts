// Exporting what a view draws: the chart as SVG (styles inlined, no fonts embedded) or as a PNG at print
// resolution that says so in its pHYs chunk, and the numbers behind it as CSV. Saving goes through the
// native save dialog in the desktop window (Files.Save) and through a Blob download in a browser.
import { files } from '../api/files'
import { isDesktop } from '../api/transport'

/** Print resolution: PNGs are rendered at this many dots per inch. */
export const printDpi = 300
/** CSS pixels are 1/96 inch, so a print-resolution PNG is this many times the on-screen size. */
export const printScale = printDpi / 96

// ---- CSV ----

export type CsvValue = string | number | boolean | null | undefined

// Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection"); tab and
// carriage return are on the list because some programs strip them and then see the next character.
const formulaStart = /^[=+\-@\t\r]/

/**
 * One CSV field: numbers as they are (a negative number is data, not a formula), missing values empty,
 * text neutralised against formula injection with a leading apostrophe, and quoted when it holds a
 * comma, quote or line break.
 */
export function csvField(v: CsvValue): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : ''
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  const text = formulaStart.test(v) ? `'${v}` : v
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** A CSV document (RFC 4180: CRLF line ends) from a header row and data rows. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n'
}

// ---- PNG resolution ----

const crcTable = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

/** CRC-32 as PNG chunks use it (ISO 3309), over the chunk type and data. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

const signature = [137, 80, 78, 71, 13, 10, 26, 10]
const ascii = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0))

interface Chunk {
  type: string
  start: number
  end: number
}

function chunks(png: Uint8Array): Chunk[] {
  if (png.length < 8 || signature.some((b, i) => png[i] !== b)) throw new Error('not a PNG file: the signature is missing')
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const out: Chunk[] = []
  let at = 8
  while (at + 12 <= png.length) {
    const length = view.getUint32(at)
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8))
    const end = at + 12 + length
    if (end > png.length) throw new Error(`damaged PNG: the ${type} chunk runs past the end of the file`)
    out.push({ type, start: at, end })
    at = end
    if (type === 'IEND') break
  }
  if (out[0]?.type !== 'IHDR') throw new Error('damaged PNG: it does not start with an IHDR chunk')
  if (out.at(-1)?.type !== 'IEND') throw new Error('damaged PNG: the file is cut short (no IEND chunk)')
  return out
}

/** The pHYs chunk that declares dpi dots per inch on both axes (PNG stores pixels per metre). */
export function physChunk(dpi: number): Uint8Array {
  const ppm = Math.round(dpi / 0.0254)
  const chunk = new Uint8Array(21)
  const view = new DataView(chunk.buffer)
  view.setUint32(0, 9)
  chunk.set(ascii('pHYs'), 4)
  view.setUint32(8, ppm)
  view.setUint32(12, ppm)
  chunk[16] = 1 // unit: metre
  view.setUint32(17, crc32(chunk.subarray(4, 17)))
  return chunk
}

/**
 * The PNG with its resolution set to dpi: a pHYs chunk right after IHDR (it must precede the image
 * data), replacing any the encoder wrote. Canvas encoders write none, so print programs would assume
 * 72 or 96 dpi and print a 300-dpi image three or four times too large.
 */
export function withPngDpi(png: Uint8Array, dpi: number): Uint8Array {
  const list = chunks(png)
  const kept = list.filter((c) => c.type !== 'pHYs')
  const phys = physChunk(dpi)
  const size = 8 + phys.length + kept.reduce((s, c) => s + c.end - c.start, 0)
  const out = new Uint8Array(size)
  out.set(png.subarray(0, 8))
  let at = 8
  for (const c of kept) {
    out.set(png.subarray(c.start, c.end), at)
    at += c.end - c.start
    if (c.type === 'IHDR') {
      out.set(phys, at)
      at += phys.length
    }
  }
  return out
}

/** The resolution a PNG declares, in dots per inch (rounded), or null when it has no metric pHYs. */
export function pngDpi(png: Uint8Array): { x: number; y: number } | null {
  const phys = chunks(png).find((c) => c.type === 'pHYs')
  if (!phys || png[phys.start + 16] !== 1) return null
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  return { x: Math.round(view.getUint32(phys.start + 8) * 0.0254), y: Math.round(view.getUint32(phys.start + 12) * 0.0254) }
}

// ---- SVG ----

// The presentation properties a chart's stylesheet may set; copied onto each element so the file looks
// the same without the app's CSS.
const inlined = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-size',
  'font-weight',
  'font-style',
  'font-variant-numeric',
  'letter-spacing',
  'text-anchor',
  'dominant-baseline',
  'text-transform',
  'display',
  'visibility',
]

/** Fonts are not embedded: the file names the app's font first and falls back to common sans-serifs. */
export const exportFontFamily = "Inter, 'Inter Variable', 'Helvetica Neue', Arial, sans-serif"

/** Replaces var(--name) and var(--name, fallback) with the custom property's value on the root element. */
export function resolveCssVars(text: string, lookup: (name: string) => string): string {
  return text.replace(/var\((--[\w-]+)(?:\s*,\s*([^)]*))?\)/g, (_m, name: string, fallback?: string) => lookup(name).trim() || (fallback ?? '').trim())
}

/**
 * A standalone SVG document of svg: every element's computed presentation inlined, CSS variables
 * resolved, interaction-only parts ([data-export="skip"]) dropped, and an opaque background so the
 * export reads on any page.
 */
export function serializeSvg(svg: SVGSVGElement, background = '#ffffff'): string {
  const rootStyle = getComputedStyle(document.documentElement)
  const lookup = (name: string) => rootStyle.getPropertyValue(name)
  const clone = svg.cloneNode(true) as SVGSVGElement
  const originals = [svg, ...svg.querySelectorAll('*')]
  const copies = [clone, ...clone.querySelectorAll('*')]
  originals.forEach((el, i) => {
    const copy = copies[i] as Element
    const computed = getComputedStyle(el)
    const style: string[] = []
    for (const prop of inlined) {
      const v = computed.getPropertyValue(prop)
      if (v && !(prop === 'display' && v === 'inline') && !(prop === 'visibility' && v === 'visible')) style.push(`${prop}:${resolveCssVars(v, lookup)}`)
    }
    const own = copy.getAttribute('style')
    if (own) style.push(resolveCssVars(own, lookup))
    if (style.length) copy.setAttribute('style', style.join(';'))
    for (const attr of [...copy.attributes]) {
      if (attr.value.includes('var(')) copy.setAttribute(attr.name, resolveCssVars(attr.value, lookup))
      if (attr.name === 'class' || attr.name.startsWith('data-') || attr.name.startsWith('on') || attr.name === 'tabindex' || attr.name === 'role') {
        copy.removeAttribute(attr.name)
      }
    }
  })
  // The clone lost its data- attributes above, so interaction-only parts are found on the original.
  originals.forEach((el, i) => {
    if (el.getAttribute('data-export') === 'skip') (copies[i] as Element).remove()
  })
  const width = svg.getAttribute('width') ?? String(svg.viewBox.baseVal?.width ?? 0)
  const height = svg.getAttribute('height') ?? String(svg.viewBox.baseVal?.height ?? 0)
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg')
  clone.setAttribute('width', width)
  clone.setAttribute('height', height)
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`)
  clone.setAttribute('font-family', exportFontFamily)
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect')
  bg.setAttribute('width', '100%')
  bg.setAttribute('height', '100%')
  bg.setAttribute('fill', background)
  clone.insertBefore(bg, clone.firstChild)
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone)
}

/** Renders an SVG document to a PNG at scale × its size, declaring printDpi (300) in a pHYs chunk. */
export async function svgToPng(svgText: string, width: number, height: number, scale = printScale): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }))
  try {
    const img = new Image()
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve()
      img.onerror = () => reject(new Error('the browser could not draw the chart as an image'))
      img.src = url
    })
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(width * scale)
    canvas.height = Math.round(height * scale)
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('this window cannot draw images (no 2D canvas)')
    ctx.scale(scale, scale)
    ctx.drawImage(img, 0, 0, width, height)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
    if (!blob) throw new Error('the image is too large to encode; export the SVG instead')
    const png = withPngDpi(await blobBytes(blob), Math.round(96 * scale))
    return new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' })
  } finally {
    URL.revokeObjectURL(url)
  }
}

// ---- Saving ----

/** A Blob's bytes. Blob.arrayBuffer is missing in older WebKit webviews (and jsdom); FileReader is everywhere. */
export function blobBytes(blob: Blob): Promise<Uint8Array> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer().then((b) => new Uint8Array(b))
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer))
    reader.onerror = () => reject(reader.error ?? new Error('could not read the exported data'))
    reader.readAsArrayBuffer(blob)
  })
}

/** Base64 of bytes, in slices so a large PNG does not overflow the argument list. */
export function toBase64(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(s)
}

/** A file name from a title: "Journey map" → "journey-map". */
export function fileStem(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'wayline'
}

/**
 * Saves data under a suggested name. Desktop: the native save dialog (Files.Save); resolves with the
 * path written, or "" when the user cancelled. Browser: a download; resolves with the file name.
 */
export async function saveFile(name: string, data: Blob): Promise<string> {
  if (isDesktop()) {
    const bytes = await blobBytes(data)
    return files.save(name, data.type, toBase64(bytes))
  }
  const url = URL.createObjectURL(data)
  try {
    const a = document.createElement('a')
    a.href = url
    a.download = name
    a.style.display = 'none'
    document.body.append(a)
    a.click()
    a.remove()
  } finally {
    // Let the click start the download before the URL goes.
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }
  return name
}
