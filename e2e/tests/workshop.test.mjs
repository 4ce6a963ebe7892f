// The Workshop view against the real workspace: an assumed map drafted from the data and saved through
// the UI; the comparison (followed share, departures, columns and gaps equal Workshop.Compare, the
// customers behind a gap equal Workshop.GapCustomers, the tolerance recomputes); sticky notes added,
// surviving a reload, refreshed live when another client edits them, conflicting edits reported, moved by
// dragging, and listed in the history; a hypothesis built from the filters whose verdict equals
// Notes.Evaluate; import of a broken and of a good JSON map.

import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { assertCleanShutdown, bootApp, screenshot } from '../lib/harness.mjs'
import { formatInt, formatPercent } from '../lib/format.mjs'
import { chooseInMultiSelect, drawer, drawerSubtitle, emptyFilter, openTab, squash } from '../lib/journey.mjs'
import { assertQuietPage, railButton, until, untilEqual, waitForHeading } from '../lib/ui.mjs'
import { boardColumns, departureSentence, departureText, expectedGapRows, followedFigure, gapRows, noTolerance, note, workshopFigures } from '../lib/workshop.mjs'

/** The history newest first, as the panel lists it (the API's order is not relied on). */
const newestFirst = (cs) => [...cs].sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || b.version - a.version)

/** Takes out the one failed call a test provoked on purpose, so the page-quiet check sees only surprises. */
function expectFailed(seen, method) {
  const i = seen.failedResponses.findIndex((r) => r.endsWith(`/api/call/${method}`))
  assert.ok(i >= 0, `${method} should have been refused; failed calls: ${JSON.stringify(seen.failedResponses)}`)
  seen.failedResponses.splice(i, 1)
  provoked.push(method)
}
const provoked = []

/** Chromium logs each refused request to the console too: drop the lines of the provoked ones. */
function dropProvokedConsole(seen) {
  for (const method of provoked) {
    const j = seen.consoleErrors.findIndex((m) => m.includes(`/api/call/${method})`))
    if (j >= 0) seen.consoleErrors.splice(j, 1)
  }
}

describe('Workshop', () => {
  let app
  let draft
  let mapId

  before(async () => {
    app = await bootApp({ viewport: { width: 1600, height: 1000 } })
    await waitForHeading(app.page, 'Overview')
  })
  after(() => app?.close())

  it('invites the room to write its map, then drafts one from the data and saves it', async () => {
    const { page, server } = app
    assert.deepEqual(await server.call('Workshop.AssumedMaps'), [], 'no assumed maps in a new workspace')
    await railButton(page, 'Workshop').click()
    await waitForHeading(page, 'Workshop')
    await page.getByText('What does the room believe the journey is?').waitFor()
    await screenshot(page, 'workshop-empty', { fullPage: false })

    draft = await server.call('Workshop.DraftFromObserved', emptyFilter())
    assert.ok(draft.stages.length >= 2, `the draft has ${draft.stages.length} stages`)
    await page.getByRole('button', { name: 'Start from the data' }).first().click()
    await page.locator('[role="tab"][aria-selected="true"]:text-is("Assumed map")').waitFor()
    const names = await page.locator('input.stage-name').evaluateAll((els) => els.map((e) => e.value))
    assert.deepEqual(names, draft.stages.map((s) => s.name), 'stage names in the editor = DraftFromObserved')
    const tps = await page.locator('section.stage').evaluateAll((els) => els.map((e) => [...e.querySelectorAll('li.tp')].map((li) => li.dataset.touchpoint)))
    assert.deepEqual(tps, draft.stages.map((s) => s.touchpoints.map((t) => t.touchpoint)), 'touchpoints per stage = DraftFromObserved')
    await screenshot(page, 'workshop-editor')

    await page.getByRole('button', { name: 'Save map' }).click()
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor()
    const saved = await server.call('Workshop.AssumedMaps')
    assert.equal(saved.length, 1, 'one saved map')
    mapId = saved[0].id
    assert.equal(mapId, draft.id)
    assert.deepEqual(saved[0].stages, draft.stages, 'the saved stages are the draft\'s')
  })

  it('refuses a map that breaks the rules, next to the field at fault', async () => {
    const { page, server } = app
    const second = page.locator('[data-stage-index="1"]')
    const before = await second.locator('input.stage-name').inputValue()
    await second.locator('input.stage-name').fill(draft.stages[0].name)
    await page.getByRole('button', { name: 'Save map' }).click()
    const msg = squash(await second.locator('.field-error[data-field="stages[1].name"]').textContent())
    assert.match(msg, /is listed twice \(also stages\[0\]\)/)
    assert.deepEqual((await server.call('Workshop.AssumedMaps'))[0].stages, draft.stages, 'nothing saved')
    expectFailed(app.seen, 'Workshop.SaveAssumed')
    await second.locator('input.stage-name').fill(before)
    await page.getByRole('button', { name: 'Save map' }).click()
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor()
  })

  it('lays the data over the map: figures, columns and gaps equal Workshop.Compare', async () => {
    const { page, server } = app
    const c = await server.call('Workshop.Compare', emptyFilter(), mapId, noTolerance)
    assert.ok(c.customers > 0 && c.gaps.length > 0, 'the demo departs from its own draft somewhere')
    await openTab(page, 'Comparison')
    await untilEqual('the followed figure', async () => (await workshopFigures(page))['Follow the assumed path end to end'], followedFigure(c))
    assert.equal(squash(await page.locator('.figures .figure .detail').first().textContent()), `${formatInt(c.followed)} of ${formatInt(c.customers)} customers`)
    if (c.departures.length) assert.equal(await departureSentence(page), departureText(c.departures[0]))
    assert.deepEqual(await boardColumns(page), c.stages.map((s) => [s.stage, c.touchpoints.filter((t) => t.stage === s.stage).map((t) => t.touchpoint)]))
    for (const s of c.stages) {
      const head = squash(await page.locator(`section.column[data-stage="${s.stage}"] header .small`).first().textContent())
      assert.equal(head, `${formatInt(s.reached)} reached · ${formatInt(s.followed)} followed`, `stage ${s.stage}`)
    }
    assert.deepEqual(await gapRows(page), expectedGapRows(c.gaps), 'the gap list, biggest first')
    await screenshot(page, 'workshop-comparison')

    // The customers behind the biggest gap.
    const g = c.gaps.find((x) => x.customers > 0)
    const behind = await server.call('Workshop.GapCustomers', emptyFilter(), mapId, noTolerance, g.index, { search: '', sort: 'value', desc: true, offset: 0, limit: 50, cohort: null })
    await page.locator(`ol.gaps li[data-gap="${g.index}"] button`).click()
    const panel = page.getByRole('dialog')
    await untilEqual('the gap panel total', async () => Number(await panel.locator('[data-total]').getAttribute('data-total')), behind.total)
    assert.equal(await drawerSubtitle(panel), g.text)
    assert.equal(await panel.locator('tbody tr').count(), Math.min(50, behind.total))
    await screenshot(page, 'workshop-gap-customers', { fullPage: false })
    await panel.getByRole('button', { name: 'Close panel' }).click()
  })

  it('recomputes with the tolerance the room sets', async () => {
    const { page, server } = app
    const loose = { extraTouches: 3, allowSkips: 1 }
    const c = await server.call('Workshop.Compare', emptyFilter(), mapId, loose)
    await page.getByLabel('Unplanned touches allowed').fill('3')
    await page.getByLabel('Skipped steps allowed').fill('1')
    await untilEqual('the followed figure with tolerance', async () => (await workshopFigures(page))['Follow the assumed path end to end'], followedFigure(c))
    const strict = await server.call('Workshop.Compare', emptyFilter(), mapId, noTolerance)
    assert.ok(c.followed >= strict.followed, `a looser tolerance follows at least as many (${c.followed} vs ${strict.followed})`)
    await page.getByLabel('Unplanned touches allowed').fill('0')
    await page.getByLabel('Skipped steps allowed').fill('0')
    await untilEqual('the followed figure back to strict', async () => (await workshopFigures(page))['Follow the assumed path end to end'], followedFigure(strict))
  })

  let noteId
  it('sticks a note on a stage; it survives a reload', async () => {
    const { page, server } = app
    const stage = draft.stages[0].name
    await page.locator(`section.column[data-stage="${stage}"]`).getByRole('button', { name: '+ Note' }).click()
    const form = page.getByRole('form', { name: 'New note' })
    await form.getByLabel('Note text').fill('Customers expect a discount code here')
    await form.getByLabel('Pain point').check()
    await form.getByLabel('Your name').fill('Dana')
    await form.getByRole('button', { name: 'Stick it on' }).click()
    await form.waitFor({ state: 'detached' })
    const list = await server.call('Notes.List')
    assert.equal(list.length, 1)
    noteId = list[0].id
    assert.deepEqual([list[0].text, list[0].kind, list[0].author, list[0].target], ['Customers expect a discount code here', 'pain', 'Dana', { kind: 'stage', map: mapId, stage }])
    await page.reload()
    await railButton(page, 'Workshop').click()
    await note(page, noteId).waitFor()
    assert.equal(squash(await note(page, noteId).locator('.text').textContent()), 'Customers expect a discount code here')
    assert.equal(await page.getByLabel('Your name').inputValue(), 'Dana', 'the author is remembered')
  })

  it('refreshes live when another client edits the note, and reports a conflicting edit', async () => {
    const { page, server } = app
    const [n] = await server.call('Notes.List')
    await note(page, noteId).getByRole('button', { name: 'Edit note' }).click()
    await note(page, noteId).getByLabel('Note text').fill('My edit, typed meanwhile')
    const theirs = await server.call('Notes.Update', { ...n, text: 'Edited in the other window' })
    assert.equal(theirs.version, n.version + 1)
    await note(page, noteId).getByRole('button', { name: 'Save' }).click()
    const alert = note(page, noteId).getByRole('alert')
    await alert.waitFor()
    assert.match(squash(await alert.textContent()), /edited this note while you were typing\. It now shows their version \(version 2\).*My edit, typed meanwhile/)
    await untilEqual('the note text', async () => squash(await note(page, noteId).locator('.text').textContent()), 'Edited in the other window')
    assert.equal((await server.call('Notes.List'))[0].text, 'Edited in the other window', 'the stale edit was not saved')
    expectFailed(app.seen, 'Notes.Update')

    // Live: a change from another client shows without reloading.
    await server.call('Notes.Update', { ...theirs, text: 'Third version, from the API' })
    await untilEqual('the live note text', async () => squash(await note(page, noteId).locator('.text').textContent()), 'Third version, from the API')
  })

  it('moves a note by dragging it, and lists every change in the history', async () => {
    const { page, server } = app
    const box = await note(page, noteId).boundingBox()
    await page.mouse.move(box.x + box.width / 2, box.y + 10)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width / 2 + 120, box.y + 90, { steps: 8 })
    await page.mouse.up()
    const moved = await until('the note to move', async () => (await server.call('Notes.List'))[0], (n) => n.x > 0 && n.y > 0)
    assert.ok(moved.x <= 1 && moved.y <= 1, `position within the lane: ${moved.x}, ${moved.y}`)
    const history = newestFirst(await server.call('Notes.History', ''))
    assert.deepEqual(history.map((h) => h.action), ['moved', 'edited', 'edited', 'created'])
    await page.getByRole('button', { name: 'History' }).click()
    const panel = drawer(page, 'Notes history')
    await untilEqual('history entries', () => panel.locator('li').evaluateAll((ls) => ls.map((l) => l.dataset.action)), history.map((h) => h.action))
    await screenshot(page, 'workshop-history', { fullPage: false })
    await panel.getByRole('button', { name: 'Close panel' }).click()
  })

  it('tests a hypothesis built from the filters; its verdict equals Notes.Evaluate', async () => {
    const { page, server } = app
    const stages = await server.call('Identity.Stages')
    const touchpoint = [...stages.touchpoints].sort((a, b) => b.customers - a.customers)[1].touchpoint
    await openTab(page, 'Hypotheses')
    const builder = page.getByRole('region', { name: 'New hypothesis' })
    await chooseInMultiSelect(page, builder, 'Had one of these touchpoints', [touchpoint])
    const sentence = `Customers who used ${touchpoint} convert more often than everyone else.`
    assert.equal(squash(await builder.locator('[data-sentence]').textContent()), sentence)
    await builder.getByRole('button', { name: 'Put it on the board' }).click()
    const stored = await until('the hypothesis note', async () => (await server.call('Notes.List')).find((n) => n.kind === 'hypothesis'), Boolean)
    assert.equal(stored.text, sentence)
    assert.deepEqual(stored.hypothesis.a, { touchpoints: [touchpoint] })
    const v = await server.call('Notes.Evaluate', stored.hypothesis)
    const card = page.locator(`article.hyp[data-note="${stored.id}"]`)
    await untilEqual('the verdict', async () => card.locator('.verdict').getAttribute('data-status'), v.status)
    const cells = await card.locator('tbody tr').evaluateAll((rs) => rs.map((r) => [...r.querySelectorAll('td')].slice(1).map((td) => td.textContent.trim())))
    assert.deepEqual(cells, [
      [formatInt(v.a.customers), v.a.rate === null ? '–' : formatPercent(v.a.rate)],
      [formatInt(v.b.customers), v.b.rate === null ? '–' : formatPercent(v.b.rate)],
    ])
    await screenshot(page, 'workshop-hypotheses')
  })

  it('imports a JSON map: a broken one is refused with its line and column, a good one is listed', async () => {
    const { page, server, ws } = app
    const bad = path.join(ws.dir, 'bad-map.json')
    await writeFile(bad, '{\n  "id": "future-state",\n  "name": "Future state",\n  "stages": [\n    {"name": "Buy", "touchpoints": [{"touchpoint": "Checkout", "expectedShare": 4}]}\n  ]\n}\n')
    await page.getByLabel('Assumed map JSON file').setInputFiles(bad)
    const err = page.getByRole('alert').filter({ hasText: 'Could not import bad-map.json' })
    await err.waitFor()
    assert.match(squash(await err.textContent()), /stages\[0\]\.touchpoints\[0\]\.expectedShare at 5:\d+/)
    expectFailed(app.seen, 'Workshop.ImportAssumed')
    const good = path.join(ws.dir, 'good-map.json')
    await writeFile(good, JSON.stringify({ id: 'future-state', name: 'Future state', kind: 'future', stages: draft.stages.slice(0, 2) }))
    await page.getByLabel('Assumed map JSON file').setInputFiles(good)
    await page.getByRole('status').filter({ hasText: 'Imported Future state from good-map.json' }).waitFor()
    assert.deepEqual((await server.call('Workshop.AssumedMaps')).map((m) => m.id).sort(), [mapId, 'future-state'].sort())
    assert.equal(await page.getByLabel('Assumed map', { exact: true }).inputValue(), 'future-state')
  })

  it('kept the page quiet and shuts down cleanly', async () => {
    dropProvokedConsole(app.seen)
    assertQuietPage(app.seen)
    await assertCleanShutdown(assert, app.server)
  })
})
