// Selectors and expected wording for the Map view (the observed journey map) and the Friction view
// (heatmap, ranking, moments of truth, wasted touches, score settings), plus the export menu both share
// and readers for the files it downloads. Like lib/journey.mjs this is the one place to update when the
// markup changes; the sentences restate frontend/src/lib/frictionText.ts, views/map/layout.ts and
// views/friction/*.svelte so a test can say what the page must read for figures that came from the API,
// never from the page.

import { inflateSync } from 'node:zlib'
import { formatCompact, formatInt, formatPercent, plural } from './format.mjs'

// ---- friction figures (lib/frictionText.ts) -----------------------------------------------------------

export const notEnoughText = 'Not enough data'

/** 0.714 → "71"; null → "–". */
export const scoreText = (score) => (score === null || score === undefined ? '–' : String(Math.round(score * 100)))

/** "58–74", or "" without an interval. */
export const intervalText = (cell) => (cell.low === null || cell.high === null ? '' : `${scoreText(cell.low)}–${scoreText(cell.high)}`)

const pctOrNone = (v) => (v === null ? 'no evidence' : formatPercent(v))

/** A cell's components as the breakdown lists them: [label, value, evidence] (frictionText.ts componentRows). */
export function componentRows(cell) {
  const c = cell.components
  const e = cell.evidence
  return [
    ['Exits', pctOrNone(c.exitRate), plural(e.exits, 'exit')],
    ['Loops', pctOrNone(c.loopRate), plural(e.loops, 'loop')],
    ['Backtracks', pctOrNone(c.backtrackRate), plural(e.backtracks, 'backtrack')],
    ['Stall', pctOrNone(c.stallRatio), plural(e.steps, 'step')],
    ['Support contacts', pctOrNone(c.supportRate), plural(e.support, 'contact')],
    ['Mean rating', c.meanRating === null ? 'no ratings' : `${c.meanRating.toFixed(2)} of 1`, plural(e.ratings, 'rating')],
    ['Low ratings', pctOrNone(c.lowRatingShare), plural(e.ratings, 'rating')],
    ['Effort', pctOrNone(c.effort), plural(e.steps, 'step')],
  ]
}

/** A difference in conversion rate as percentage points: 0.124 → "+12 pts" (views/map/layout.ts liftText). */
export function liftText(lift) {
  if (lift === null || !Number.isFinite(lift)) return '–'
  const pts = lift * 100
  const text = Math.abs(pts) < 10 ? pts.toFixed(1).replace(/\.0$/, '') : String(Math.round(pts))
  return `${pts > 0 ? '+' : pts < 0 ? '−' : ''}${text.replace('-', '')} pts`
}

// ---- the journey map (views/map/JourneyMap.svelte, layout.ts) ---------------------------------------------

export const journeyMapSvg = (page) => page.locator('svg.journey-map')

/** Touchpoint pills drawn per stage; the rest are summed up as "+N more". */
export const maxPills = 6

/** A stage column's header as the map must write it for a stage of Maps.Observed. */
export function expectedStageHeader(s) {
  return {
    name: s.name,
    reached: `${formatCompact(s.customers)} reached · ${formatPercent(s.reached)}`,
    skipped: `${s.skipped > 0 ? `${formatCompact(s.skipped)} skipped it` : 'none skipped it'} · ${plural(s.sources, 'source')}`,
    friction: s.friction.enough ? `friction ${scoreText(s.friction.score)} (${intervalText(s.friction)})` : 'friction: not enough data',
  }
}

/** The pills a stage must show: [{touchpoint, count, title}] where title is the start of the hover text. */
export function expectedPills(s) {
  return s.touchpoints.slice(0, maxPills).map((t) => ({
    touchpoint: t.touchpoint,
    count: formatCompact(t.customers),
    title: `${t.touchpoint}: ${formatInt(t.customers)} customers (${formatPercent(t.share)} of the stage), ${plural(t.events, 'event')}, ${plural(t.sources, 'source')}`,
  }))
}

/** "+3 more" under a stage with more touchpoints than pills, else null. */
export const expectedMore = (s) => (s.touchpoints.length > maxPills ? `+${s.touchpoints.length - maxPills} more` : null)

/** A pain box's second line: "friction 29 · interval 24–34". */
export const painScoreLine = (cell) => `friction ${scoreText(cell.score)} · interval ${intervalText(cell)}`

/** The emotion label of a stage with ratings: "−0.9 · 389 ratings"; null for a stage without. */
export function emotionLabel(e) {
  if (e.score === null) return null
  return `${e.score > 0 ? '+' : e.score < 0 ? '−' : ''}${Math.abs(e.score).toFixed(1)} · ${plural(e.ratings, 'rating')}`
}
/** What the emotion lane writes, faint, where a stage has no ratings (no point, no score). */
export const noRatingsText = 'no ratings'

/**
 * Everything drawn on the journey map, each lane item assigned to the stage column it sits in (by its
 * position: a pill or pain starts just right of its column's header; an emotion label is centred in it).
 */
export async function readJourneyMap(page) {
  return journeyMapSvg(page).evaluate((svg) => {
    const text = (el) => el?.textContent ?? ''
    const stages = [...svg.querySelectorAll('g.stage[data-stage]')].map((g) => {
      const texts = [...g.querySelectorAll('text')]
      return {
        name: g.getAttribute('data-stage'),
        left: g.getBoundingClientRect().left,
        heading: text(texts[0]),
        reached: text(g.querySelector('text.reached')),
        skipped: text(g.querySelector('text.skipped')),
        friction: text(texts[3]),
        title: text(g.querySelector('title')),
      }
    })
    // The header's text starts 12 px into its column, a pill or pain 10 px in: an item belongs to the
    // last column whose header starts no further right than 14 px past it.
    const columnOf = (x) => {
      let found = null
      for (const s of stages) if (x >= s.left - 14) found = s.name
      return found
    }
    const pills = [...svg.querySelectorAll('g.pill[data-touchpoint]')].map((g) => ({
      stage: columnOf(g.querySelector('rect').getBoundingClientRect().left),
      touchpoint: g.getAttribute('data-touchpoint'),
      count: text(g.querySelector('text.count')),
      aria: g.getAttribute('aria-label'),
      title: text(g.querySelector('title')),
      thin: g.classList.contains('thin'),
    }))
    const more = [...svg.querySelectorAll('text')]
      .filter((t) => /^\+\d+ more$/.test(t.textContent.trim()))
      .map((t) => ({ stage: columnOf(t.getBoundingClientRect().left), text: t.textContent.trim() }))
    const pains = [...svg.querySelectorAll('g.pain[data-touchpoint]')].map((g) => {
      const texts = [...g.querySelectorAll('text')]
      return {
        stage: columnOf(g.querySelector('rect').getBoundingClientRect().left),
        touchpoint: g.getAttribute('data-touchpoint'),
        name: text(texts[0]),
        score: text(texts[1]),
        main: text(texts[2]),
        evidence: text(texts[3]),
        title: text(g.querySelector('title')),
      }
    })
    const centre = (el) => {
      const r = el.getBoundingClientRect()
      return r.left + r.width / 2
    }
    const emotion = {
      labels: [...svg.querySelectorAll('text.emotion-label')].map((t) => ({ stage: columnOf(centre(t)), text: t.textContent.trim(), italic: t.getAttribute('font-style') === 'italic' })),
      points: [...svg.querySelectorAll('g.emotion circle:not(.gap)')].map((c) => columnOf(centre(c))),
      gaps: [...svg.querySelectorAll('g.emotion circle.gap')].map((c) => columnOf(centre(c))),
    }
    return { stages, pills, more, pains, emotion }
  })
}

export const mapPill = (page, touchpoint) => journeyMapSvg(page).locator(`g.pill[data-touchpoint="${touchpoint}"]`)
export const mapPain = (page, touchpoint) => journeyMapSvg(page).locator(`g.pain[data-touchpoint="${touchpoint}"]`)

// ---- the friction breakdown panel (components/FrictionPanel.svelte) ----------------------------------------

/** The panel's subtitle for a touchpoint cell, or for a stage cell. */
export const breakdownSubtitle = (cell) => (cell.touchpoint ? `Touchpoint in ${cell.stage}` : 'Stage')
/** The button that lists the cell's customers. */
export const showCustomersButton = (cell) => `Show the ${formatInt(cell.customers)} customers behind it`

/** The panel's score line and components as shown: {score, components: [[label, value, evidence]]}. */
export async function readBreakdown(panel) {
  return {
    score: (await panel.locator('.score .big').textContent())?.trim(),
    components: await panel.locator('table.components tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const td = [...tr.querySelectorAll('td')]
        return [td[0].querySelector('div')?.textContent?.trim(), td[1].querySelector('div')?.textContent?.trim(), td[2]?.textContent?.trim()]
      }),
    ),
  }
}

// ---- the Friction view ----------------------------------------------------------------------------------

export const heatmapSvg = (page) => page.locator('svg.heatmap')

/** The heatmap's column for a persona id; "all" for all customers (HeatmapChart.svelte data-column). */
export const columnKey = (column) => column.id || 'all'

export const heatCell = (page, row, column) => heatmapSvg(page).locator(`g.cell[data-row="${row}"][data-column="${column}"]`)

/**
 * The column heads as shown: [{name, customers}], name being the drawn lines (a long persona name takes
 * up to three, views/friction/heatmap.ts headLines) joined by a space.
 */
export async function heatColumns(page) {
  return heatmapSvg(page)
    .locator('g.column-head')
    .evaluateAll((gs) =>
      gs.map((g) => {
        const name = g.querySelector('text.name')
        const lines = name?.querySelectorAll('tspan').length ? [...name.querySelectorAll('tspan')].map((t) => t.textContent) : [name?.textContent ?? '']
        return { name: lines.join(' '), customers: g.querySelector('text.customers')?.textContent ?? '' }
      }),
    )
}
export const expectedHeatColumns = (h) => h.columns.map((c) => ({ name: c.name, customers: `${formatCompact(c.customers)} customers` }))

/** The row heads as shown: [{name, stage}] (stage is written under a touchpoint row's name). */
export async function heatRows(page) {
  return heatmapSvg(page)
    .locator('g.row-head')
    .evaluateAll((gs) => gs.map((g) => ({ name: g.querySelectorAll('text')[0]?.textContent ?? '', stage: g.querySelectorAll('text')[1]?.textContent ?? '' })))
}

/** Every cell as shown: [{row, column, thin, label, aria, fill}] in document order (row by row). */
export async function heatCells(page) {
  return heatmapSvg(page)
    .locator('g.cell')
    .evaluateAll((gs) =>
      gs.map((g) => ({
        row: g.getAttribute('data-row'),
        column: g.getAttribute('data-column'),
        thin: g.classList.contains('thin'),
        label: g.querySelector('text.score')?.textContent ?? '',
        aria: g.getAttribute('aria-label'),
        fill: g.querySelector('rect')?.getAttribute('fill') ?? '',
      })),
    )
}

/** What a heatmap cell must show: its score, or "not enough data" (hatched) when the API has none. */
export function expectedHeatCells(h) {
  return h.cells.flatMap((row, i) =>
    row.map((cell, j) => {
      const name = h.rows[i].name
      const col = h.columns[j]
      return {
        row: name,
        column: columnKey(col),
        thin: !cell.enough,
        label: cell.enough ? scoreText(cell.score) : notEnoughText.toLowerCase(),
        aria: `${name}, ${col.name}: ${cell.enough ? `friction ${scoreText(cell.score)}` : notEnoughText}`,
      }
    }),
  )
}

export const heatTip = (page) => page.locator('.heat-wrap .tip[role="tooltip"]')

/** The hover card as shown: {head, lines: [p texts], components: [[label, value, evidence]]}. */
export async function readHeatTip(page) {
  return heatTip(page).evaluate((tip) => ({
    head: tip.querySelector('strong')?.textContent?.trim() ?? '',
    text: tip.textContent.replace(/\s+/g, ' ').trim(),
    lines: [...tip.querySelectorAll('p')].map((p) => p.textContent.replace(/\s+/g, ' ').trim()),
    components: [...tip.querySelectorAll('table tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())),
  }))
}

/** The hover card's lines for a cell (HeatmapChart.svelte), the last being the click hint. */
export function expectedTipLines(cell, minCustomers) {
  const first = cell.enough
    ? `Friction ${scoreText(cell.score)} (95 % interval ${intervalText(cell)})`
    : `${notEnoughText}: ${formatInt(cell.customers)} customers, a score needs ${formatInt(minCustomers)}.`
  return [first, `${plural(cell.customers, 'customer')} · ${plural(cell.events, 'event')} · ${plural(cell.sources, 'source')}`, 'Click for the customers behind it.']
}

/** The customers panel a heatmap cell opens: "<row> · <column name>". */
export const cellPanelTitle = (cell, columnName) => `${cell.touchpoint || cell.stage} · ${columnName}`

/** The ranking table as shown: [{touchpoint, rank, stage, score, interval, customers, exits, ...}]. */
export async function rankingRows(page) {
  return page.locator('table.ranking tbody tr[data-touchpoint]').evaluateAll((trs) =>
    trs.map((tr) => {
      const td = [...tr.querySelectorAll('td')]
      const t = (el) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
      return {
        touchpoint: tr.getAttribute('data-touchpoint'),
        rank: t(td[0]),
        name: t(td[1].querySelector('button')),
        stage: t(td[1].querySelector('.stage')),
        score: td[2].querySelector('.value') ? t(td[2].querySelector('.value')) : t(td[2]),
        interval: t(td[2].querySelector('.interval')),
        customers: t(td[3]),
        exits: t(td[4]),
        loops: t(td[5]),
        stall: t(td[6]),
        support: t(td[7]),
        lowRatings: t(td[8]),
        effort: t(td[9]),
        thin: tr.classList.contains('thin'),
      }
    }),
  )
}

/** What the ranking must show for Friction.Overview's touchpoints, in its order (RankingTab.svelte). */
export function expectedRanking(cells) {
  let rank = 0
  const pct = (v) => (v === null ? '–' : formatPercent(v))
  return cells.map((c) => ({
    touchpoint: c.touchpoint,
    rank: c.enough ? String(++rank) : '',
    name: c.touchpoint,
    stage: c.stage,
    score: c.enough ? scoreText(c.score) : notEnoughText.toLowerCase(),
    interval: c.enough ? intervalText(c) : '',
    customers: formatInt(c.customers),
    exits: pct(c.components.exitRate),
    loops: pct(c.components.loopRate),
    stall: pct(c.components.stallRatio),
    support: pct(c.components.supportRate),
    lowRatings: pct(c.components.lowRatingShare),
    effort: pct(c.components.effort),
    thin: !c.enough,
  }))
}

/** The moments-of-truth table as shown. */
export async function momentRows(page) {
  return page.locator('table.moments tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const td = [...tr.querySelectorAll('td')].map((d) => d)
      const t = (el) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
      return {
        touchpoint: td[0].firstChild?.textContent?.trim() ?? '',
        stage: t(td[0].querySelector('.stage')),
        with: t(td[1]),
        without: t(td[2]),
        convWith: t(td[3]),
        convWithout: t(td[4]),
        lift: t(td[5]),
        removal: t(td[6]),
      }
    }),
  )
}
/** A share that may be missing (null: no customer to take it of) reads "–". */
const pctOrDash = (v) => (v === null ? '–' : formatPercent(v))

export const expectedMoments = (moments) =>
  moments.map((m) => ({
    touchpoint: m.touchpoint,
    stage: m.stage,
    with: formatInt(m.with),
    without: formatInt(m.without),
    convWith: pctOrDash(m.convWith),
    convWithout: pctOrDash(m.convWithout),
    lift: liftText(m.lift),
    removal: pctOrDash(m.removalEffect),
  }))

/** The wasted-touches headline (WastedTab.svelte). */
export const wastedHeadline = (w) => `${formatInt(w.touches)} paid touches reached ${formatInt(w.customers)} customers after they had already bought.`

export async function wastedRows(page) {
  return page.locator('table.wasted tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())))
}
export const expectedWasted = (w) => w.touchpoints.map((t) => [t.touchpoint, t.channel, formatInt(t.touches), formatInt(t.customers)])

// ---- score settings (SettingsPanel.svelte) ----------------------------------------------------------------

export const settingsForm = (page) => page.getByRole('form', { name: 'Friction score settings' })
/** The weight fields' labels, by the key Friction.Settings uses. */
export const weightLabels = { exit: 'Exits', loop: 'Loops and backtracks', stall: 'Stall', support: 'Support contacts', sentiment: 'Sentiment', effort: 'Effort' }

// ---- exports (components/ExportMenu.svelte, lib/export.ts) ---------------------------------------------

export const exportMenu = (page, title) => page.getByRole('group', { name: `Export ${title}`, exact: true })

/** "Journey map" → "journey-map" (lib/export.ts fileStem). */
export const fileStem = (title) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'wayline'

/** The heatmap's export title for its rows (FrictionView.svelte). */
export const heatmapExportTitle = (rows) => `Friction ${rows === 'stage' ? 'stages' : 'touchpoints'} by persona`

/** PNGs are rendered at 300 dpi: 300/96 × the on-screen size; pHYs says 300 dpi in pixels per metre. */
export const printScale = 300 / 96
export const printPixelsPerMetre = Math.round(300 / 0.0254)

/** Clicks an export button and resolves with {name, bytes} of the file the browser downloaded. */
export async function download(page, menu, button) {
  const { readFile } = await import('node:fs/promises')
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), menu.getByRole('button', { name: button, exact: true }).click()])
  const failure = await dl.failure()
  if (failure) throw new Error(`download of ${dl.suggestedFilename()} failed: ${failure}`)
  return { name: dl.suggestedFilename(), bytes: await readFile(await dl.path()) }
}

const pngSignature = [137, 80, 78, 71, 13, 10, 26, 10]

/**
 * A PNG's chunks and header: {signature, width, height, bitDepth, colourType, phys: {x, y, unit} | null,
 * chunks: [type]}. Throws on a damaged file.
 */
export function readPng(buf) {
  const signature = pngSignature.every((b, i) => buf[i] === b)
  if (!signature) return { signature, chunks: [] }
  const chunks = []
  let at = 8
  let ihdr = null
  let phys = null
  const idat = []
  while (at + 12 <= buf.length) {
    const len = buf.readUInt32BE(at)
    const type = buf.toString('latin1', at + 4, at + 8)
    const data = buf.subarray(at + 8, at + 8 + len)
    chunks.push(type)
    if (type === 'IHDR') ihdr = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), bitDepth: data[8], colourType: data[9] }
    if (type === 'pHYs') phys = { x: data.readUInt32BE(0), y: data.readUInt32BE(4), unit: data[8] }
    if (type === 'IDAT') idat.push(data)
    at += 12 + len
    if (type === 'IEND') break
  }
  return { signature, ...ihdr, phys, chunks, idat: Buffer.concat(idat) }
}

/**
 * The share of pixels that are not (near) white in an 8-bit RGBA or RGB PNG, from every stride-th row:
 * a blank export reads 0.
 */
export function inkShare(png, stride = 7) {
  const channels = png.colourType === 6 ? 4 : png.colourType === 2 ? 3 : 0
  if (!channels || png.bitDepth !== 8) throw new Error(`unexpected PNG colour type ${png.colourType}, depth ${png.bitDepth}`)
  const raw = inflateSync(png.idat)
  const rowLen = png.width * channels
  const prev = Buffer.alloc(rowLen)
  const cur = Buffer.alloc(rowLen)
  let ink = 0
  let seen = 0
  for (let y = 0; y < png.height; y++) {
    const off = y * (rowLen + 1)
    const filter = raw[off]
    for (let i = 0; i < rowLen; i++) {
      const x = raw[off + 1 + i]
      const a = i >= channels ? cur[i - channels] : 0
      const b = prev[i]
      const c = i >= channels ? prev[i - channels] : 0
      let v
      if (filter === 0) v = x
      else if (filter === 1) v = x + a
      else if (filter === 2) v = x + b
      else if (filter === 3) v = x + ((a + b) >> 1)
      else {
        const p = a + b - c
        const pa = Math.abs(p - a)
        const pb = Math.abs(p - b)
        const pc = Math.abs(p - c)
        v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)
      }
      cur[i] = v & 0xff
    }
    if (y % stride === 0) {
      for (let i = 0; i < rowLen; i += channels) {
        seen++
        if (cur[i] < 200 || cur[i + 1] < 200 || cur[i + 2] < 200) ink++
      }
    }
    cur.copy(prev)
  }
  return seen ? ink / seen : 0
}

/** RFC 4180 CSV (quoted fields, CRLF) → rows of strings; a leading byte-order mark is dropped. */
export function parseCsv(text) {
  const s = text.replace(/^\ufeff/, '')
  const rows = []
  let row = []
  let field = ''
  let quoted = false
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\r' && s[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += ch
  }
  if (field !== '' || row.length) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

/** The map's CSV header (views/map/table.ts). */
export const mapCsvHeader = ['stage', 'lane', 'item', 'customers', 'share', 'friction', 'friction_low', 'friction_high', 'enough_data', 'sources', 'detail']
/** The heatmap's CSV header (views/friction/tables.ts). */
export const heatmapCsvHeader = ['row', 'stage', 'column', 'persona_id', 'score', 'low', 'high', 'enough_data', 'customers', 'events', 'sources', 'exitRate', 'loopRate', 'backtrackRate', 'stallRatio', 'supportRate', 'meanRating', 'lowRatingShare', 'effort']

/** The map CSV's rows for a Maps.Observed answer: [stage, lane, item] in order (views/map/table.ts). */
export function expectedMapCsvItems(map) {
  const out = []
  for (const s of map.stages) {
    out.push([s.name, 'stage', s.name])
    for (const t of s.touchpoints) out.push([s.name, 'touchpoint', t.touchpoint])
    for (const a of s.actions) out.push([s.name, 'action', a.label])
    out.push([s.name, 'emotion', s.emotion.score === null ? 'no ratings' : 'score −2…+2'])
    for (const p of s.pains) out.push([s.name, 'pain', p.touchpoint || p.stage])
    for (const o of s.opportunities) out.push([s.name, 'opportunity', o.text || o.touchpoint])
  }
  return out
}
