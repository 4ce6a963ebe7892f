// The Map view (the observed journey map) against the real workspace: one column per stage of
// Maps.Observed with its customers reached, skipped and sources; the touchpoint pills of each stage (names,
// customers, hover text, "+N more"); the demo's planted friction point (planted.json) among the Decision
// pains with its score; the emotion lane broken where a stage has no ratings; a pill opening its friction
// breakdown and its customers (as many as the breakdown says); a source chosen in the filter bar redrawing
// the map with Maps.Observed under that filter; and the PNG, SVG and CSV exports read back from the files
// the browser downloaded. Last, the Notes lane: a note added on the Decision stage through the map (Notes.Add
// with the stage as target), kept across a reload, edited there and refreshed live from another client, and
// carried by the SVG and CSV exports; a note on the whole map added by another client shows live above them.

import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { assertCleanShutdown, bootApp, outDir, screenshot } from '../lib/harness.mjs'
import { formatInt, formatPercent, plural } from '../lib/format.mjs'
import {
  breakdownSubtitle,
  download,
  emotionLabel,
  expectedMapCsvItems,
  expectedMore,
  expectedPills,
  expectedStageHeader,
  exportMenu,
  inkShare,
  journeyMapSvg,
  mapCsvHeader,
  mapPain,
  mapPill,
  noRatingsText,
  painScoreLine,
  parseCsv,
  printPixelsPerMetre,
  printScale,
  readBreakdown,
  readJourneyMap,
  readPng,
  componentRows,
  scoreText,
  showCustomersButton,
} from '../lib/friction.mjs'
import { chooseInMultiSelect, closeDrawer, cohort, customerQuery, drawer, drawerSubtitle, emptyFilter, filterBar, filterCount, squash } from '../lib/journey.mjs'
import { assertQuietPage, railButton, untilEqual, waitForHeading } from '../lib/ui.mjs'

const customers = 500 // the harness's demo size; planted.json must be written for the same one (and seed 1)

/** The stage headers as the map must draw them. */
const expectedHeaders = (map) => map.stages.map(expectedStageHeader)
async function shownHeaders(page) {
  const m = await readJourneyMap(page)
  return m.stages.map((s) => ({ name: s.heading, reached: s.reached, skipped: s.skipped, friction: s.friction }))
}

/** The pills per stage: {stage: [{touchpoint, count, title}]}, the title cut to the part the API fixes. */
async function shownPills(page, map) {
  const m = await readJourneyMap(page)
  return Object.fromEntries(
    map.stages.map((s) => [
      s.name,
      m.pills.filter((p) => p.stage === s.name).map((p) => ({ touchpoint: p.touchpoint, count: p.count, title: p.title.split('\n')[0] })),
    ]),
  )
}
const expectedPillsByStage = (map) => Object.fromEntries(map.stages.map((s) => [s.name, expectedPills(s)]))

describe('Map', () => {
  let app
  let planted
  let map
  let everyone

  before(async () => {
    app = await bootApp({
      async prepare(ws) {
        const dir = path.join(ws.dir, 'export')
        await ws.cli('demo', '--export-dir', dir, '--customers', String(customers), '--seed', '1')
        planted = JSON.parse(await readFile(path.join(dir, 'planted.json'), 'utf8'))
      },
    })
    map = await app.server.call('Maps.Observed', emptyFilter())
    everyone = await app.server.call('Explore.Summary', emptyFilter())
    await waitForHeading(app.page, 'Overview')
    await railButton(app.page, 'Map').click()
    await waitForHeading(app.page, 'Journey map')
    await journeyMapSvg(app.page).waitFor()
  })
  after(() => app?.close())

  it('draws one column per stage, in order, with customers reached, skipped and sources as Maps.Observed says', async () => {
    const { page } = app
    assert.equal(map.customers, everyone.customers, 'Maps.Observed and Explore.Summary count the same customers')
    assert.ok(map.stages.length >= 5, `the demo has its planted stages (${map.stages.map((s) => s.name).join(', ')})`)
    assert.ok(
      map.stages.some((s) => s.skipped > 0),
      'some stage is skipped by someone, so "N skipped it" is tested',
    )
    await untilEqual('stage headers', () => shownHeaders(page), expectedHeaders(map))
    const shown = await readJourneyMap(page)
    assert.deepEqual(
      shown.stages.map((s) => s.name),
      map.stages.map((s) => s.name),
      'data-stage of the columns, in order',
    )
    for (const [i, s] of map.stages.entries()) {
      assert.ok(
        shown.stages[i].title.startsWith(`${s.name}: ${formatInt(s.customers)} customers reached it (${formatPercent(s.reached)} of ${formatInt(map.customers)}); ${formatInt(s.skipped)} reached a later stage without it`),
        `${s.name}'s hover: ${shown.stages[i].title}`,
      )
    }
    const sub = squash(await page.locator('.map-view header .sub').textContent())
    assert.equal(
      sub,
      `Observed from ${formatInt(map.customers)} customers · ${formatInt(map.converted)} converted (${formatPercent(map.converted / map.customers)}) · goal: ${map.goal.join(', ')}`,
    )
    await screenshot(page, 'map')
  })

  it('shows each stage\'s touchpoints as pills with their customers, busiest first, and says how many more there are', async () => {
    const { page } = app
    await untilEqual('pills per stage', () => shownPills(page, map), expectedPillsByStage(map))
    const shown = await readJourneyMap(page)
    const wantMore = map.stages.filter((s) => expectedMore(s)).map((s) => ({ stage: s.name, text: expectedMore(s) }))
    assert.ok(wantMore.length > 0, 'some stage has more touchpoints than pills, so "+N more" is tested')
    assert.deepEqual(shown.more, wantMore, '"+N more" under the stages with more touchpoints than pills')
    // Every pill's accessible name carries its customers, and a thin pill is one the API has no score for.
    for (const s of map.stages) {
      for (const t of s.touchpoints.slice(0, 6)) {
        const p = shown.pills.find((x) => x.touchpoint === t.touchpoint)
        assert.ok(p.aria.endsWith(`: ${expectedPills(s).find((e) => e.touchpoint === t.touchpoint).count} customers`), `${t.touchpoint}'s accessible name: ${p.aria}`)
        assert.equal(p.thin, !t.friction.enough, `${t.touchpoint} is drawn ${p.thin ? 'thin' : 'scored'}`)
      }
    }
  })

  it('lists the planted friction touchpoint among the Decision pains, with its score and interval', async () => {
    const { page } = app
    const tp = planted.frictionTouchpoint
    assert.equal(tp, 'Checkout: payment', 'planted.json names the checkout payment step')
    const decision = map.stages.find((s) => s.name === 'Decision')
    assert.ok(decision, 'the demo has a Decision stage')
    const cell = decision.pains.find((p) => p.touchpoint === tp)
    assert.ok(cell, `Maps.Observed lists ${tp} among the Decision pains (${decision.pains.map((p) => p.touchpoint).join(', ')})`)
    assert.equal(decision.pains[0].touchpoint, tp, `${tp} is the worst pain of Decision`)
    const shown = (await readJourneyMap(page)).pains
    assert.deepEqual(
      shown.filter((p) => p.stage === 'Decision').map((p) => p.touchpoint),
      decision.pains.slice(0, 3).map((p) => p.touchpoint),
      'Decision\'s pain boxes, worst first',
    )
    const box = shown.find((p) => p.touchpoint === tp)
    assert.equal(box.name, tp)
    assert.equal(box.score, painScoreLine(cell), `${tp}'s score line`)
    assert.equal(box.evidence, `${formatInt(cell.customers)} customers · ${plural(cell.sources, 'source')}`, `${tp}'s evidence line`)
    // Every stage's pains are the API's, in its order.
    for (const s of map.stages) {
      assert.deepEqual(
        shown.filter((p) => p.stage === s.name).map((p) => [p.touchpoint, p.score]),
        s.pains.slice(0, 3).map((p) => [p.touchpoint, painScoreLine(p)]),
        `pain boxes of ${s.name}`,
      )
    }
    await mapPain(page, tp).scrollIntoViewIfNeeded()
    await screenshot(page, 'map-pains', { fullPage: false })
  })

  it('breaks the emotion curve where a stage has no ratings: no point and no score there', async () => {
    const { page } = app
    const shown = (await readJourneyMap(page)).emotion
    const rated = map.stages.filter((s) => s.emotion.score !== null)
    const unrated = map.stages.filter((s) => s.emotion.score === null)
    assert.ok(rated.length > 0 && unrated.length > 0, `the demo has stages with ratings (${rated.map((s) => s.name)}) and without (${unrated.map((s) => s.name)})`)
    assert.deepEqual(
      shown.labels.map((l) => [l.stage, l.text]),
      map.stages.map((s) => [s.name, emotionLabel(s.emotion) ?? noRatingsText]),
      'one emotion label per stage: the score and its ratings, or "no ratings"',
    )
    for (const s of unrated) {
      const label = shown.labels.find((l) => l.stage === s.name)
      assert.ok(label.italic, `${s.name}'s "no ratings" is written faint (italic)`)
      assert.doesNotMatch(label.text, /\d/, `${s.name} shows no number in the emotion lane`)
    }
    assert.deepEqual(shown.points.sort(), rated.map((s) => s.name).sort(), 'a point only where a stage has ratings')
    assert.deepEqual(shown.gaps.sort(), unrated.map((s) => s.name).sort(), 'a gap marker where a stage has none')
  })

  it('opens a pill\'s friction breakdown, and its customers, as many as the breakdown says', async () => {
    const { page, server } = app
    const decision = map.stages.find((s) => s.name === 'Decision')
    const t = decision.touchpoints.find((x) => x.touchpoint === planted.frictionTouchpoint)
    const cell = t.friction
    await mapPill(page, t.touchpoint).click()
    let panel = drawer(page, t.touchpoint)
    await panel.waitFor()
    assert.equal(await drawerSubtitle(panel), breakdownSubtitle(cell))
    const shown = await readBreakdown(panel)
    assert.equal(shown.score, scoreText(cell.score), 'the breakdown\'s score')
    assert.deepEqual(shown.components, componentRows(cell), 'the breakdown\'s components: value and evidence')
    await screenshot(page, 'map-breakdown', { fullPage: false })

    const list = await server.call('Explore.Customers', emptyFilter(), customerQuery({ cohort: cohort('node', { level: 'touchpoint', node: t.touchpoint }) }))
    assert.equal(list.total, cell.customers, `Explore.Customers at ${t.touchpoint} = the cell's customers`)
    await panel.getByRole('button', { name: showCustomersButton(cell), exact: true }).click()
    panel = drawer(page, `Customers at ${t.touchpoint}`)
    await untilEqual(`customers behind ${t.touchpoint}`, () => drawerSubtitle(panel), plural(cell.customers, 'customer'))
    const first = await panel.locator('table.customers tbody tr').first().locator('button.who').textContent()
    assert.equal(first.trim(), list.rows[0].label || list.rows[0].id, 'most valuable customer first')
    await closeDrawer(panel)
  })

  it('redraws the map with Maps.Observed under a source chosen in the filter bar', async () => {
    const { page, server } = app
    const options = await server.call('Explore.FilterOptions')
    let source
    let filtered
    for (const s of options.sources) {
      const m = await server.call('Maps.Observed', emptyFilter({ sources: [s] }))
      if (m.customers > 0 && m.customers < map.customers && m.stages.length > 1) {
        source = s
        filtered = m
        break
      }
    }
    assert.ok(source, `no source of ${options.sources.join(', ')} keeps some but not all customers`)
    const summary = await server.call('Explore.Summary', emptyFilter({ sources: [source] }))
    assert.equal(filtered.customers, summary.customers, 'Maps.Observed and Explore.Summary agree under the source filter')
    await chooseInMultiSelect(page, filterBar(page), 'Source', [source])
    await untilEqual('filter bar count', () => filterCount(page), `${formatInt(summary.customers)} of ${formatInt(summary.totalCustomers)} customers`)
    await untilEqual('stage headers under the source filter', () => shownHeaders(page), expectedHeaders(filtered))
    await untilEqual('pills under the source filter', () => shownPills(page, filtered), expectedPillsByStage(filtered))
    assert.notDeepEqual(expectedHeaders(filtered), expectedHeaders(map), 'the source moves the figures')
    await screenshot(page, 'map-filtered')
    await filterBar(page).getByRole('button', { name: 'Clear' }).click()
    await untilEqual('stage headers after Clear', () => shownHeaders(page), expectedHeaders(map))
  })

  describe('Export', () => {
    it('downloads the map as SVG: an XML document with an <svg> root that names every stage', async () => {
      const { page } = app
      const file = await download(page, exportMenu(page, 'Journey map'), 'SVG')
      assert.equal(file.name, 'journey-map.svg')
      const text = file.bytes.toString('utf8')
      // Parsed by the browser's XML parser: a stray & or < would make it a parsererror document.
      const doc = await page.evaluate((t) => {
        const d = new DOMParser().parseFromString(t, 'image/svg+xml')
        const root = d.documentElement
        return { root: root.localName, ns: root.namespaceURI, error: d.getElementsByTagName('parsererror').length, texts: [...d.querySelectorAll('text')].map((x) => x.textContent), width: root.getAttribute('width') }
      }, text)
      assert.equal(doc.error, 0, 'the SVG parses as XML')
      assert.equal(doc.root, 'svg')
      assert.equal(doc.ns, 'http://www.w3.org/2000/svg')
      for (const s of map.stages) assert.ok(doc.texts.includes(s.name), `the SVG names the stage ${s.name}`)
      assert.equal(doc.width, await journeyMapSvg(page).getAttribute('width'), 'the SVG is as wide as the map on screen')
      assert.doesNotMatch(text, /<script|on\w+="/i, 'no script or event handlers in the exported SVG')
    })

    it('downloads the table behind the map as CSV: a header and one line per stage and lane item', async () => {
      const { page } = app
      const file = await download(page, exportMenu(page, 'Journey map'), 'CSV')
      assert.equal(file.name, 'journey-map.csv')
      const rows = parseCsv(file.bytes.toString('utf8'))
      assert.deepEqual(rows[0], mapCsvHeader, 'the header')
      const items = expectedMapCsvItems(map)
      assert.equal(rows.length - 1, items.length, 'one line per stage, touchpoint, action, emotion, pain and opportunity')
      assert.deepEqual(
        rows.slice(1).map((r) => r.slice(0, 3)),
        items,
        'stage, lane and item of each line',
      )
      for (const s of map.stages) {
        const line = rows.find((r) => r[0] === s.name && r[1] === 'stage')
        assert.equal(Number(line[3]), s.customers, `${s.name}'s customers in the CSV`)
        for (const t of s.touchpoints) {
          const tl = rows.find((r) => r[0] === s.name && r[1] === 'touchpoint' && r[2] === t.touchpoint)
          assert.equal(Number(tl[3]), t.customers, `${t.touchpoint}'s customers in the CSV`)
        }
      }
    })

    it('downloads the map as PNG at 300 dpi: the signature, a pHYs chunk and 300/96 × the on-screen width', async () => {
      const { page } = app
      const file = await download(page, exportMenu(page, 'Journey map'), 'PNG')
      assert.equal(file.name, 'journey-map.png')
      // Kept beside the screenshots, to look at.
      await writeFile(path.join(outDir, 'map-export.png'), file.bytes)
      const png = readPng(file.bytes)
      assert.ok(png.signature, 'the file starts with the PNG signature')
      assert.deepEqual(png.phys, { x: printPixelsPerMetre, y: printPixelsPerMetre, unit: 1 }, 'pHYs: 11811 pixels per metre (300 dpi) on both axes')
      assert.ok(png.chunks.indexOf('pHYs') < png.chunks.indexOf('IDAT'), 'pHYs comes before the image data')
      const box = await journeyMapSvg(page).boundingBox()
      assert.ok(Math.abs(png.width - box.width * printScale) <= 2, `PNG width ${png.width}, want about ${Math.round(box.width * printScale)} (300/96 × ${box.width})`)
      assert.ok(Math.abs(png.height - box.height * printScale) <= 2, `PNG height ${png.height}, want about ${Math.round(box.height * printScale)}`)
      const ink = inkShare(png)
      assert.ok(ink > 0.02, `the PNG has a drawing in it: ${(ink * 100).toFixed(1)} % of pixels are not white`)
    })
  })

  describe('Notes', () => {
    const mapNote = (page, id) => journeyMapSvg(page).locator(`g.map-note[data-note="${id}"]`)
    const noteText = async (page, id) => squash((await mapNote(page, id).locator('text.text').allTextContents()).join(' '))
    let noteId

    it('adds a note on the Decision stage: an opportunity by default, stored by Notes.Add with the stage as target', async () => {
      const { page, server } = app
      assert.deepEqual(await server.call('Notes.List'), [], 'no notes yet')
      await journeyMapSvg(page).locator('g.add-note[data-stage="Decision"]').click()
      const dialog = page.getByRole('dialog', { name: 'New note' })
      await dialog.waitFor()
      assert.equal(await dialog.getByRole('radio', { name: 'Opportunity' }).isChecked(), true, 'a new note is an opportunity')
      await dialog.getByLabel('Note text').fill('Offer a call-back here')
      await dialog.getByLabel('Your name').fill('Dana')
      await dialog.getByRole('button', { name: 'Stick it on' }).click()
      await dialog.waitFor({ state: 'detached' })

      const list = await server.call('Notes.List')
      assert.equal(list.length, 1)
      noteId = list[0].id
      assert.deepEqual([list[0].text, list[0].kind, list[0].author, list[0].target, list[0].version], ['Offer a call-back here', 'opportunity', 'Dana', { kind: 'stage', stage: 'Decision' }, 1])
      await mapNote(page, noteId).waitFor()
      assert.equal(await mapNote(page, noteId).getAttribute('data-stage'), 'Decision')
      assert.equal(await noteText(page, noteId), 'Offer a call-back here')
      assert.equal(squash(await mapNote(page, noteId).locator('text.kind').textContent()), 'OPPORTUNITY')
      assert.equal(squash(await mapNote(page, noteId).locator('text.byline').textContent()), 'Dana')
      assert.equal(await mapNote(page, noteId).locator('rect.paper').getAttribute('fill'), list[0].color, 'drawn in the stored colour')
      // In the Decision column, in the Notes lane.
      const shown = await readJourneyMap(page)
      const i = shown.stages.findIndex((s) => s.name === 'Decision')
      const box = await mapNote(page, noteId).boundingBox()
      // A stage's header text starts 12 px into its column, the note 10 px.
      assert.ok(box.x >= shown.stages[i].left - 14 && (i + 1 === shown.stages.length || box.x + box.width <= shown.stages[i + 1].left - 12), 'inside the Decision column')
      const lane = await journeyMapSvg(page).locator('g.lane[data-lane="notes"] rect').boundingBox()
      assert.ok(box.y >= lane.y && box.y + box.height <= lane.y + lane.height, 'inside the Notes lane')
    })

    let wholeId
    it('shows a note another client sticks on the whole map, live, in a strip above the stage columns', async () => {
      const { page, server } = app
      const whole = await server.call('Notes.Add', { id: '', target: { kind: 'map', map: 'observed' }, text: 'Re-run after the November release', kind: 'idea', color: '', author: 'Sam', x: 0, y: 0, created: '0001-01-01T00:00:00Z', updated: '0001-01-01T00:00:00Z', version: 0 })
      wholeId = whole.id
      await mapNote(page, wholeId).waitFor()
      assert.equal(await mapNote(page, wholeId).getAttribute('data-stage'), '', 'not in a stage column')
      assert.equal(await noteText(page, wholeId), 'Re-run after the November release')
      const strip = await mapNote(page, wholeId).boundingBox()
      const decision = await mapNote(page, noteId).boundingBox()
      assert.ok(strip.y + strip.height <= decision.y, 'the whole map\'s strip is above the stage notes')
      await journeyMapSvg(page).locator('g.lane[data-lane="notes"]').evaluate((el) => el.scrollIntoView({ block: 'center' }))
      await screenshot(page, 'map-notes', { fullPage: false })
    })

    it('still shows the note after a reload', async () => {
      const { page } = app
      await page.reload()
      await waitForHeading(page, 'Overview')
      await railButton(page, 'Map').click()
      await waitForHeading(page, 'Journey map')
      await mapNote(page, noteId).waitFor()
      assert.equal(await noteText(page, noteId), 'Offer a call-back here')
      assert.equal(await mapNote(page, noteId).getAttribute('data-stage'), 'Decision')
    })

    it('edits the note with Notes.Update, and refreshes live when another client changes it', async () => {
      const { page, server } = app
      await mapNote(page, noteId).click()
      const dialog = page.getByRole('dialog', { name: 'Opportunity note' })
      await dialog.waitFor()
      assert.equal(await dialog.getByLabel('Note text').inputValue(), 'Offer a call-back here')
      await dialog.getByLabel('Note text').fill('Offer a call-back at payment')
      await dialog.getByLabel('Question').check()
      await screenshot(page, 'map-note-edit', { fullPage: false })
      await dialog.getByRole('button', { name: 'Save' }).click()
      await dialog.waitFor({ state: 'detached' })
      await untilEqual('the edited note on the map', () => noteText(page, noteId), 'Offer a call-back at payment')
      assert.equal(squash(await mapNote(page, noteId).locator('text.kind').textContent()), 'QUESTION')
      const stored = (await server.call('Notes.List')).find((n) => n.id === noteId)
      assert.deepEqual([stored.text, stored.kind, stored.version], ['Offer a call-back at payment', 'question', 2])

      await server.call('Notes.Update', { ...stored, text: 'Edited in the other window' })
      await untilEqual('the live note text', () => noteText(page, noteId), 'Edited in the other window')
    })

    it('exports the note with the map: in the SVG (without the "+ Note" buttons) and as a CSV row', async () => {
      const { page } = app
      const svg = (await download(page, exportMenu(page, 'Journey map'), 'SVG')).bytes.toString('utf8')
      const texts = await page.evaluate((t) => [...new DOMParser().parseFromString(t, 'image/svg+xml').querySelectorAll('text')].map((x) => x.textContent), svg)
      // SVG has no wrapping: the note's lines are separate texts.
      assert.ok(texts.join(' ').includes('Edited in the other window'), 'the note\'s text is in the SVG')
      assert.ok(!texts.includes('+ Note'), 'the "+ Note" buttons are left out of the SVG')
      const rows = parseCsv((await download(page, exportMenu(page, 'Journey map'), 'CSV')).bytes.toString('utf8'))
      assert.deepEqual(
        rows.filter((r) => r[1] === 'note').map((r) => [r[0], r[2], r[10]]),
        [
          ['Decision', 'Edited in the other window', 'Question by Dana'],
          ['', 'Re-run after the November release', 'Idea by Sam'],
        ],
        'a note row under Decision, and the whole map\'s last',
      )
    })
  })

  it('stayed quiet: no errors, dialogs or requests off the machine', () => assertQuietPage(app.seen))

  it('stops the server cleanly on SIGTERM', () => assertCleanShutdown(assert, app.server))
})
