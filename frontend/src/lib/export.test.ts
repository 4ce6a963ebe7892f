import { describe, expect, it } from 'vitest'
import { crc32, csvField, fileStem, physChunk, pngDpi, printScale, resolveCssVars, serializeSvg, toBase64, toCsv, withPngDpi } from './export'

// The smallest valid PNG: 1×1 grey pixel (signature, IHDR, IDAT, IEND).
const onePixel = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
)

function chunkTypes(png: Uint8Array): string[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const types: string[] = []
  for (let at = 8; at < png.length; at += 12 + view.getUint32(at)) types.push(String.fromCharCode(...png.subarray(at + 4, at + 8)))
  return types
}

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+1 555', "'+1 555"],
    ['-x', "'-x"],
    ['@cmd', "'@cmd"],
    ['\tTab', "'\tTab"],
    ['=1,2', `"'=1,2"`],
    ['Checkout: payment', 'Checkout: payment'],
  ])('text %j → %j', (input, want) => {
    expect(csvField(input)).toBe(want)
  })

  it('writes numbers as numbers, negative ones too, and missing values as empty fields', () => {
    expect([csvField(-0.25), csvField(1200), csvField(Number.NaN), csvField(null), csvField(undefined), csvField(true)]).toEqual(['-0.25', '1200', '', '', '', 'true'])
  })
})

describe('toCsv', () => {
  it('joins fields with commas and rows with CRLF', () => {
    expect(toCsv([['touchpoint', 'score'], ['Checkout: payment', 0.71], ['=HYPERLINK("x")', null]])).toBe(
      'touchpoint,score\r\nCheckout: payment,0.71\r\n"\'=HYPERLINK(""x"")",\r\n',
    )
  })
})

describe('PNG resolution', () => {
  it('computes the CRC of a known chunk', () => {
    // The IEND chunk's CRC is fixed by the standard.
    expect(crc32(Uint8Array.from('IEND', (c) => c.charCodeAt(0)))).toBe(0xae426082)
  })

  it('builds a pHYs chunk of 300 dpi as 11,811 pixels per metre', () => {
    const c = physChunk(300)
    const view = new DataView(c.buffer)
    expect(c.length).toBe(21)
    expect(view.getUint32(0)).toBe(9)
    expect(String.fromCharCode(...c.subarray(4, 8))).toBe('pHYs')
    expect(view.getUint32(8)).toBe(11811)
    expect(view.getUint32(12)).toBe(11811)
    expect(c[16]).toBe(1)
    expect(view.getUint32(17)).toBe(crc32(c.subarray(4, 17)))
  })

  it('inserts pHYs after IHDR and before the image data', () => {
    expect(pngDpi(onePixel)).toBeNull()
    const got = withPngDpi(onePixel, 300)
    expect(chunkTypes(got)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND'])
    expect(got.length).toBe(onePixel.length + 21)
    expect(pngDpi(got)).toEqual({ x: 300, y: 300 })
  })

  it('replaces a pHYs chunk already there rather than adding a second', () => {
    const got = withPngDpi(withPngDpi(onePixel, 72), 300)
    expect(chunkTypes(got)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND'])
    expect(pngDpi(got)).toEqual({ x: 300, y: 300 })
  })

  it('refuses bytes that are not a PNG', () => {
    expect(() => withPngDpi(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]), 300)).toThrow(/not a PNG/)
    expect(() => withPngDpi(onePixel.slice(0, 40), 300)).toThrow(/cut short/)
    expect(() => withPngDpi(onePixel.slice(0, 50), 300)).toThrow(/IDAT chunk runs past the end/)
  })

  it('prints at 300 dpi from 96-dpi CSS pixels', () => {
    expect(printScale * 96).toBe(300)
  })
})

describe('SVG export', () => {
  it('resolves CSS variables, with fallbacks', () => {
    const vars: Record<string, string> = { '--ink': ' #1f2328' }
    expect(resolveCssVars('fill: var(--ink); stroke: var(--none, #ccc)', (n) => vars[n] ?? '')).toBe('fill: #1f2328; stroke: #ccc')
  })

  it('writes a standalone document without classes, handlers or interaction-only parts', () => {
    document.documentElement.style.setProperty('--accent', '#3f51b5')
    const host = document.createElement('div')
    host.innerHTML = `<svg width="200" height="100" class="chart"><g class="cell" data-key="x" tabindex="0" role="button"><rect width="10" height="10" fill="var(--accent)"/><text>Checkout</text></g><g data-export="skip"><rect class="focus"/></g></svg>`
    document.body.append(host)
    const text = serializeSvg(host.querySelector('svg')!)
    host.remove()
    expect(text.startsWith('<?xml')).toBe(true)
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"')
    expect(text).toContain('viewBox="0 0 200 100"')
    expect(text).toContain('fill="#3f51b5"')
    expect(text).toContain('<text')
    expect(text).toContain('Checkout')
    expect(text).not.toContain('class=')
    expect(text).not.toContain('tabindex')
    expect(text).not.toContain('data-')
    expect(text).not.toContain('focus')
    // An opaque background comes first.
    expect(text).toMatch(/<svg[^>]*><rect width="100%" height="100%" fill="#ffffff"/)
  })
})

describe('names and encoding', () => {
  it('makes file names from titles', () => {
    expect(fileStem('Journey map')).toBe('journey-map')
    expect(fileStem('Friction: stages × personas')).toBe('friction-stages-personas')
    expect(fileStem('***')).toBe('wayline')
  })

  it('encodes bytes as base64', () => {
    expect(toBase64(Uint8Array.from([0, 255, 10]))).toBe('AP8K')
    expect(atob(toBase64(onePixel)).length).toBe(onePixel.length)
  })
})
