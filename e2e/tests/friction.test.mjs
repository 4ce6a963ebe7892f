// The Friction view against the real workspace: the heatmap (a row per stage or touchpoint, a column for
// all customers and one per persona once personas are discovered, every cell's score or its hatched "not
// enough data" as Friction.Heatmap says, the hover breakdown, the customers behind a cell as
// Explore.Customers counts them), the Ranking (Friction.Overview's order, the demo's planted checkout
// step first), Moments of truth and Wasted touches (Friction.Overview's figures, the planted retargeting
// among the wasted), the score settings (a weight saved is in Friction.Settings and re-ranks; reset
// restores the defaults) and the heatmap's PNG, SVG and CSV exports read back from the downloaded files.

import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { assertCleanShutdown, bootApp, outDir, screenshot } from '../lib/harness.mjs'
import { formatInt, formatPercent, plural } from '../lib/format.mjs'
import {
  breakdownSubtitle,
  cellPanelTitle,
  columnKey,
  componentRows,
  download,
  expectedHeatCells,
  expectedHeatColumns,
  expectedMoments,
  expectedRanking,
  expectedTipLines,
  expectedWasted,
  exportMenu,
  fileStem,
  heatCell,
  heatCells,
  heatColumns,
  heatmapCsvHeader,
  heatmapExportTitle,
  heatmapSvg,
  heatRows,
  heatTip,
  inkShare,
  momentRows,
  notEnoughText,
  parseCsv,
  printPixelsPerMetre,
  printScale,
  rankingRows,
  readBreakdown,
  readHeatTip,
  readPng,
  scoreText,
  settingsForm,
  wastedHeadline,
  wastedRows,
  weightLabels,
} from '../lib/friction.mjs'
import { closeDrawer, cohort, customerQuery, drawer, drawerSubtitle, emptyFilter, openTab, squash } from '../lib/journey.mjs'
import { assertQuietPage, railButton, untilEqual, waitForHeading } from '../lib/ui.mjs'

const customers = 500 // the harness's demo size; planted.json must be written for the same one (and seed 1)
// Personas discovered through the API, as the brief's persona runs do: k chosen automatically.
const personaRun = { k: 0, method: 'features', features: [], seed: 1 }

/** The cells of a heatmap as shown, without the fill (compared on its own). */
const shownCells = async (page) => (await heatCells(page)).map(({ fill, ...c }) => c)

async function chooseRows(page, label) {
  await page.getByRole('radiogroup', { name: 'Rows' }).getByRole('radio', { name: label }).check()
}

/** Total of Explore.Customers for a heatmap cell: its persona (if any) in the filter, its stage or touchpoint as cohort. */
async function cellCustomers(server, cell) {
  const f = emptyFilter(cell.persona ? { personas: [cell.persona] } : {})
  const c = cell.touchpoint ? cohort('node', { level: 'touchpoint', node: cell.touchpoint }) : cohort('stage', { node: cell.stage })
  return (await server.call('Explore.Customers', f, customerQuery({ limit: 1, cohort: c }))).total
}

describe('Friction', () => {
  let app
  let planted
  let overview
  let defaults
  let personas

  before(async () => {
    app = await bootApp({
      async prepare(ws) {
        const dir = path.join(ws.dir, 'export')
        await ws.cli('demo', '--export-dir', dir, '--customers', String(customers), '--seed', '1')
        planted = JSON.parse(await readFile(path.join(dir, 'planted.json'), 'utf8'))
      },
    })
    overview = await app.server.call('Friction.Overview', emptyFilter())
    defaults = await app.server.call('Friction.Settings')
    await waitForHeading(app.page, 'Overview')
    await railButton(app.page, 'Friction').click()
    await waitForHeading(app.page, 'Friction')
  })
  after(() => app?.close())

  describe('Heatmap', () => {
    it('has a row per stage and one column, "All customers", before personas are discovered', async () => {
      const { page, server } = app
      const h = await server.call('Friction.Heatmap', emptyFilter(), 'stage')
      const summary = await server.call('Explore.Summary', emptyFilter())
      assert.deepEqual(
        h.columns.map((c) => [c.id, c.name, c.customers]),
        [['', 'All customers', summary.customers]],
        'Friction.Heatmap: one column of all customers',
      )
      assert.deepEqual(
        h.rows.map((r) => r.name),
        overview.stages.map((s) => s.stage),
        'a row per stage, in stage order',
      )
      await heatmapSvg(page).waitFor()
      await untilEqual('heatmap cells', () => shownCells(page), expectedHeatCells(h))
      assert.deepEqual(await heatColumns(page), expectedHeatColumns(h), 'column heads: name and customers')
      assert.deepEqual(
        await heatRows(page),
        h.rows.map((r) => ({ name: r.name, stage: '' })),
        'row heads: the stage names',
      )
      assert.match(squash(await page.locator('.body .intro').textContent()), /Discover personas to compare them here\.$/)
      await screenshot(page, 'friction-heatmap-all', { fullPage: false })
    })

    it('adds a column per persona once personas are discovered, with its customers', async () => {
      const { page, server } = app
      const run = await server.call('Personas.Run', personaRun)
      personas = run.personas
      assert.ok(personas.length >= 2, `Personas.Run found ${personas.length} personas`)
      // The run happened behind the page's back: leave the view and come back for a fresh heatmap.
      await railButton(page, 'Overview').click()
      await waitForHeading(page, 'Overview')
      await railButton(page, 'Friction').click()
      await waitForHeading(page, 'Friction')

      const h = await server.call('Friction.Heatmap', emptyFilter(), 'stage')
      assert.deepEqual(
        h.columns.map((c) => [c.id, c.name, c.customers]),
        [['', 'All customers', customers], ...personas.map((p) => [p.id, p.name || p.autoName, p.size])],
        'Friction.Heatmap: all customers, then each persona with its size',
      )
      await untilEqual('heatmap cells with persona columns', () => shownCells(page), expectedHeatCells(h))
      assert.deepEqual(await heatColumns(page), expectedHeatColumns(h), 'column heads: names and customers')
      assert.deepEqual(
        (await heatCells(page)).filter((c) => !c.thin).map((c) => c.fill.startsWith('#')),
        (await heatCells(page)).filter((c) => !c.thin).map(() => true),
        'a scored cell is painted with a colour',
      )
      await screenshot(page, 'friction-heatmap-stages')
    })

    it('hatches the cells without enough data, says so on hover and never shows a score for them', async () => {
      const { page, server } = app
      // A thin cell: among the stage rows if there is one, else among the touchpoint rows.
      let rows = 'stage'
      let h = await server.call('Friction.Heatmap', emptyFilter(), rows)
      const findThin = (hm) => {
        for (const [i, row] of hm.cells.entries()) for (const [j, c] of row.entries()) if (!c.enough) return { i, j, cell: c }
        return null
      }
      let thin = findThin(h)
      if (!thin) {
        rows = 'touchpoint'
        h = await server.call('Friction.Heatmap', emptyFilter(), rows)
        thin = findThin(h)
        await chooseRows(page, 'Touchpoints')
        await untilEqual('touchpoint rows', () => shownCells(page), expectedHeatCells(h))
      }
      assert.ok(thin, 'the demo has a heatmap cell with too few customers for a score')
      assert.equal(thin.cell.score, null, 'Friction.Heatmap sends no score for a thin cell')
      assert.ok(thin.cell.customers < h.settings.minCustomers, `${thin.cell.customers} customers, under the minimum ${h.settings.minCustomers}`)

      const thinCells = (await heatCells(page)).filter((c) => c.thin)
      assert.equal(thinCells.length, h.cells.flat().filter((c) => !c.enough).length, 'one hatched cell per cell without enough data')
      for (const c of thinCells) {
        assert.equal(c.fill, 'url(#heat-hatch)', `${c.row} × ${c.column} is hatched`)
        assert.equal(c.label, notEnoughText.toLowerCase(), `${c.row} × ${c.column} says "not enough data"`)
      }

      const col = h.columns[thin.j]
      const el = heatCell(page, h.rows[thin.i].name, columnKey(col))
      await el.hover()
      await heatTip(page).waitFor()
      const tip = await readHeatTip(page)
      assert.equal(tip.head, thin.cell.touchpoint || thin.cell.stage)
      assert.deepEqual(tip.lines, expectedTipLines(thin.cell, h.settings.minCustomers), 'the hover card of a thin cell')
      assert.doesNotMatch(tip.text, /Friction \d/, 'no score on the hover card')
      await screenshot(page, 'friction-heatmap-thin-hover', { fullPage: false })
      await page.mouse.move(0, 0)
      await heatTip(page).waitFor({ state: 'detached' })
      if (rows === 'touchpoint') await chooseRows(page, 'Stages')
    })

    it('shows a scored cell\'s component breakdown on hover', async () => {
      const { page, server } = app
      const h = await server.call('Friction.Heatmap', emptyFilter(), 'stage')
      await untilEqual('stage rows', () => shownCells(page), expectedHeatCells(h))
      const i = h.rows.findIndex((r) => r.name === 'Decision')
      const cell = h.cells[i][0]
      assert.ok(cell.enough, 'Decision has a score for all customers')
      await heatCell(page, 'Decision', 'all').hover()
      await heatTip(page).waitFor()
      const tip = await readHeatTip(page)
      assert.equal(tip.head, 'Decision')
      assert.deepEqual(tip.lines, expectedTipLines(cell, h.settings.minCustomers), 'score, interval and evidence')
      assert.deepEqual(tip.components, componentRows(cell), 'every component with its value and evidence')
      await screenshot(page, 'friction-heatmap-hover', { fullPage: false })
      await page.mouse.move(0, 0)
      await heatTip(page).waitFor({ state: 'detached' })

      // The card is read whole wherever the cell is: the bottom-right cell's card stays inside the window.
      const last = h.rows.at(-1).name
      const lastColumn = columnKey(h.columns.at(-1))
      await heatCell(page, last, lastColumn).hover()
      await heatTip(page).waitFor()
      const box = await heatTip(page).boundingBox()
      const view = page.viewportSize()
      assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= view.width && box.y + box.height <= view.height, `the card of ${last} × ${lastColumn} at ${JSON.stringify(box)} fits the ${view.width}×${view.height} window`)
      // position: fixed, so no scrolling ancestor clips it (an absolute card was cut at the chart's edges).
      assert.equal(await heatTip(page).evaluate((tip) => getComputedStyle(tip).position), 'fixed', 'the card is placed in the window')
      await screenshot(page, 'friction-heatmap-hover-corner', { fullPage: false })
      await page.mouse.move(0, 0)
    })

    it('opens the customers behind a stage cell: the stage\'s cohort under the cell\'s persona', async () => {
      const { page, server } = app
      const h = await server.call('Friction.Heatmap', emptyFilter(), 'stage')
      const i = h.rows.findIndex((r) => r.name === 'Decision')
      for (const j of [0, 1]) {
        const col = h.columns[j]
        const cell = h.cells[i][j]
        const total = await cellCustomers(server, cell)
        assert.ok(total > 0, `Decision × ${col.name} has customers`)
        await heatCell(page, 'Decision', columnKey(col)).click()
        const panel = drawer(page, cellPanelTitle(cell, col.name))
        await untilEqual(`customers behind Decision × ${col.name}`, () => drawerSubtitle(panel), plural(total, 'customer'))
        if (j === 0) assert.equal(total, overview.stages.find((s) => s.stage === 'Decision').customers, 'the stage\'s customers, as the friction cell counts them')
        await closeDrawer(panel)
      }
    })

    it('shows touchpoint rows with their stage, and a touchpoint cell opens as many customers as it has', async () => {
      const { page, server } = app
      const h = await server.call('Friction.Heatmap', emptyFilter(), 'touchpoint')
      await chooseRows(page, 'Touchpoints')
      await untilEqual('touchpoint cells', () => shownCells(page), expectedHeatCells(h))
      assert.deepEqual(
        h.rows.map((r) => r.name),
        overview.touchpoints.map((c) => c.touchpoint),
        'touchpoint rows in the ranking\'s order',
      )
      assert.deepEqual(
        await heatRows(page),
        h.rows.map((r) => ({ name: r.name, stage: r.stage })),
        'row heads: touchpoint and its stage',
      )
      await screenshot(page, 'friction-heatmap-touchpoints')

      const i = h.rows.findIndex((r) => r.name === planted.frictionTouchpoint)
      for (const j of [0, 1]) {
        const col = h.columns[j]
        const cell = h.cells[i][j]
        const total = await cellCustomers(server, cell)
        assert.equal(total, cell.customers, `Explore.Customers behind ${cell.touchpoint} × ${col.name} = the cell's customers`)
        await heatCell(page, planted.frictionTouchpoint, columnKey(col)).click()
        const panel = drawer(page, cellPanelTitle(cell, col.name))
        await untilEqual(`customers behind ${cell.touchpoint} × ${col.name}`, () => drawerSubtitle(panel), plural(cell.customers, 'customer'))
        await closeDrawer(panel)
      }
    })

    describe('Export', () => {
      let h
      const title = heatmapExportTitle('stage')
      before(async () => {
        h = await app.server.call('Friction.Heatmap', emptyFilter(), 'stage')
        await chooseRows(app.page, 'Stages')
        await untilEqual('stage rows', () => shownCells(app.page), expectedHeatCells(h))
      })

      it('downloads the heatmap as SVG: an XML document with an <svg> root that names every stage', async () => {
        const { page } = app
        const file = await download(page, exportMenu(page, title), 'SVG')
        assert.equal(file.name, `${fileStem(title)}.svg`)
        const doc = await page.evaluate((t) => {
          const d = new DOMParser().parseFromString(t, 'image/svg+xml')
          // A text of tspans (a column name on several lines) reads as its lines joined by a space.
          const read = (x) => (x.querySelector('tspan') ? [...x.querySelectorAll('tspan')].map((t) => t.textContent).join(' ') : x.textContent)
          return { root: d.documentElement.localName, error: d.getElementsByTagName('parsererror').length, texts: [...d.querySelectorAll('text')].map(read) }
        }, file.bytes.toString('utf8'))
        assert.equal(doc.error, 0, 'the SVG parses as XML')
        assert.equal(doc.root, 'svg')
        for (const r of h.rows) assert.ok(doc.texts.includes(r.name), `the SVG names the stage ${r.name}`)
        for (const c of h.columns) assert.ok(doc.texts.includes(c.name), `the SVG names the column ${c.name}`)
      })

      it('downloads the cells behind the heatmap as CSV: a header and one line per row and column', async () => {
        const { page } = app
        const file = await download(page, exportMenu(page, title), 'CSV')
        assert.equal(file.name, `${fileStem(title)}.csv`)
        const rows = parseCsv(file.bytes.toString('utf8'))
        assert.deepEqual(rows[0], heatmapCsvHeader, 'the header')
        const want = h.cells.flatMap((row, i) => row.map((cell, j) => [h.rows[i].name, h.rows[i].stage, h.columns[j].name, h.columns[j].id, cell.enough ? String(cell.score) : '', String(cell.customers)]))
        assert.deepEqual(
          rows.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[4], r[8]]),
          want,
          'row, stage, column, persona id, score (empty without enough data) and customers of each cell',
        )
      })

      it('downloads the heatmap as PNG at 300 dpi: the signature, a pHYs chunk and 300/96 × the on-screen width', async () => {
        const { page } = app
        const file = await download(page, exportMenu(page, title), 'PNG')
        assert.equal(file.name, `${fileStem(title)}.png`)
        await writeFile(path.join(outDir, 'friction-heatmap-export.png'), file.bytes)
        const png = readPng(file.bytes)
        assert.ok(png.signature, 'the file starts with the PNG signature')
        assert.deepEqual(png.phys, { x: printPixelsPerMetre, y: printPixelsPerMetre, unit: 1 }, 'pHYs: 11811 pixels per metre (300 dpi)')
        const box = await heatmapSvg(page).boundingBox()
        assert.ok(Math.abs(png.width - box.width * printScale) <= 2, `PNG width ${png.width}, want about ${Math.round(box.width * printScale)} (300/96 × ${box.width})`)
        assert.ok(Math.abs(png.height - box.height * printScale) <= 2, `PNG height ${png.height}, want about ${Math.round(box.height * printScale)}`)
        const ink = inkShare(png)
        assert.ok(ink > 0.05, `the PNG has the heatmap in it: ${(ink * 100).toFixed(1)} % of pixels are not white`)
      })
    })
  })

  describe('Ranking', () => {
    it('lists the touchpoints worst first in Friction.Overview\'s order, the planted checkout step first', async () => {
      const { page } = app
      assert.equal(overview.touchpoints[0].touchpoint, planted.frictionTouchpoint, `Friction.Overview ranks the planted ${planted.frictionTouchpoint} first`)
      await openTab(page, 'Ranking')
      await untilEqual('ranking rows', () => rankingRows(page), expectedRanking(overview.touchpoints))
      const rows = await rankingRows(page)
      assert.equal(rows[0].touchpoint, 'Checkout: payment', 'first row')
      // The heatmap's PNG was saved just before: its "Saved …" line belongs to the heatmap, not here.
      assert.equal(await exportMenu(page, 'Friction Ranking').locator('.status').count(), 0, 'no export status carried over from the heatmap')
      assert.equal(rows[0].rank, '1')
      assert.equal(
        squash(await page.locator('.body .intro').textContent()),
        `Touchpoints of ${formatInt(overview.customers)} customers, most friction first. Click a name for its breakdown, a count for its customers.`,
      )
      await screenshot(page, 'friction-ranking')
    })

    it('opens the breakdown of a touchpoint from its name, and its customers from its count', async () => {
      const { page, server } = app
      const cell = overview.touchpoints[0]
      const row = page.locator(`table.ranking tr[data-touchpoint="${cell.touchpoint}"]`)
      await row.getByRole('button', { name: cell.touchpoint, exact: true }).click()
      let panel = drawer(page, cell.touchpoint)
      await panel.waitFor()
      assert.equal(await drawerSubtitle(panel), breakdownSubtitle(cell))
      const shown = await readBreakdown(panel)
      assert.equal(shown.score, scoreText(cell.score))
      assert.deepEqual(shown.components, componentRows(cell))
      await closeDrawer(panel)

      const total = await cellCustomers(server, cell)
      assert.equal(total, cell.customers, 'Explore.Customers at the touchpoint = its customers')
      await row.getByRole('button', { name: formatInt(cell.customers), exact: true }).click()
      panel = drawer(page, `Customers at ${cell.touchpoint}`)
      await untilEqual('customers from the ranking', () => drawerSubtitle(panel), plural(cell.customers, 'customer'))
      await closeDrawer(panel)
    })
  })

  it('writes the stall and effort components as what Go measures: shares of 0..1, not multiples or touch counts', async () => {
    const cell = overview.touchpoints.find((c) => c.components.stallRatio !== null && c.components.stallRatio > 0 && c.components.effort !== null)
    assert.ok(cell, 'a touchpoint with some slow steps and an effort figure')
    assert.ok(cell.components.stallRatio <= 1 && cell.components.effort <= 1, 'Go sends both as 0..1')
    const { page } = app
    await openTab(page, 'Ranking')
    const row = (await rankingRows(page)).find((r) => r.touchpoint === cell.touchpoint)
    assert.equal(row.stall, formatPercent(cell.components.stallRatio), `${cell.touchpoint}'s stall in the ranking`)
    assert.equal(row.effort, formatPercent(cell.components.effort), `${cell.touchpoint}'s effort in the ranking`)
  })

  describe('Moments of truth and wasted touches', () => {
    it('shows Friction.Overview\'s moments of truth: customers with and without, conversion, lift and removal effect', async () => {
      const { page } = app
      assert.ok(overview.moments.length > 0, 'the demo has moments of truth')
      await openTab(page, 'Moments of truth')
      await untilEqual('moments of truth', () => momentRows(page), expectedMoments(overview.moments))
      await screenshot(page, 'friction-moments', { fullPage: false })
    })

    it('shows the paid touches after conversion, the planted retargeting among them', async () => {
      const { page } = app
      const w = overview.wasted
      assert.ok(
        w.touchpoints.some((t) => t.touchpoint === planted.retargetingTouchpoint),
        `Friction.Overview lists the planted ${planted.retargetingTouchpoint} among the wasted touches`,
      )
      await openTab(page, 'Wasted touches')
      await untilEqual('wasted touches', () => wastedRows(page), expectedWasted(w))
      assert.equal(squash(await page.locator('p.headline').textContent()), wastedHeadline(w))
      await screenshot(page, 'friction-wasted', { fullPage: false })
    })
  })

  describe('Score settings', () => {
    it('saves a changed weight in Friction.Settings and re-ranks the touchpoints, then resets to the defaults', async () => {
      const { page, server } = app
      await openTab(page, 'Ranking')
      await untilEqual('ranking rows', () => rankingRows(page), expectedRanking(overview.touchpoints))
      await page.getByRole('button', { name: 'Score settings', exact: true }).click()
      const form = settingsForm(page)
      await form.waitFor()
      for (const [key, label] of Object.entries(weightLabels)) {
        assert.equal(await form.getByRole('spinbutton', { name: label, exact: true }).inputValue(), String(defaults.weights[key]), `${label}'s weight in the form`)
      }
      assert.equal(await form.getByRole('spinbutton', { name: 'Minimum customers', exact: true }).inputValue(), String(defaults.minCustomers))

      // Exits weigh most by default; without them the ranking must change.
      await form.getByRole('spinbutton', { name: weightLabels.exit, exact: true }).fill('0')
      await form.getByRole('button', { name: 'Save and recompute', exact: true }).click()
      const want = { ...defaults, weights: { ...defaults.weights, exit: 0 } }
      await untilEqual('Friction.Settings after saving', () => server.call('Friction.Settings'), want)
      const changed = await server.call('Friction.Overview', emptyFilter())
      assert.notDeepEqual(
        changed.touchpoints.map((c) => [c.touchpoint, c.score]),
        overview.touchpoints.map((c) => [c.touchpoint, c.score]),
        'the scores change without exits',
      )
      await untilEqual('ranking after saving', () => rankingRows(page), expectedRanking(changed.touchpoints))
      await screenshot(page, 'friction-settings-saved', { fullPage: false })

      await form.getByRole('button', { name: 'Reset to defaults', exact: true }).click()
      await untilEqual('Friction.Settings after reset', () => server.call('Friction.Settings'), defaults)
      await untilEqual('ranking after reset', () => rankingRows(page), expectedRanking(overview.touchpoints))
      assert.equal(await form.getByRole('spinbutton', { name: weightLabels.exit, exact: true }).inputValue(), String(defaults.weights.exit), 'the form shows the default again')
    })
  })

  it('stayed quiet: no errors, dialogs or requests off the machine', () => assertQuietPage(app.seen))

  it('stops the server cleanly on SIGTERM', () => assertCleanShutdown(assert, app.server))
})
