// Importing through the browser: upload a CSV with one bad row, check what the Import view detected, run
// the import, see it on the Overview, then import the same file again and be told nothing new was stored.

import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertCleanShutdown, bootApp, screenshot } from '../lib/harness.mjs'
import { writeOrders } from '../lib/fixtures.mjs'
import { formatCompact, formatInt } from '../lib/format.mjs'
import {
  assertQuietPage,
  batchRow,
  batchRows,
  definitionFigures,
  detectedFacts,
  keyFigures,
  railButton,
  rejectionRows,
  sourceRows,
  until,
  untilEqual,
  waitForHeading,
} from '../lib/ui.mjs'

const sourceName = 'E2E web orders'

describe('Import through the UI', () => {
  let app
  let orders // the fixture and what it must produce
  let before_ // Workspace.Overview before the import
  let batchId // the batch the import stored, from Imports.List
  let shownName // the file name the Import view showed

  before(async () => {
    app = await bootApp()
    orders = await writeOrders(app.ws.dir)
    before_ = await app.server.call('Workspace.Overview')
    await waitForHeading(app.page, 'Overview')
  })
  after(() => app?.close())

  const page = () => app.page
  const detected = () => page().locator('section.card', { has: page().getByRole('heading', { name: 'What Wayline detected' }) })

  async function upload() {
    await railButton(page(), 'Import').click()
    await waitForHeading(page(), 'Import')
    await page().getByLabel('Files to import', { exact: true }).setInputFiles(orders.file)
    await detected().waitFor()
    // Inspection done and no follow-up request pending.
    await until('the Import view to settle', () => detected().getByText('Updating…').count(), (n) => n === 0)
    await page().getByRole('button', { name: /^Import 1 file$/ }).waitFor()
  }

  it('uploads the file and shows the detected format', async () => {
    await upload()
    const facts = await detectedFacts(page())
    assert.equal(facts.Format?.toLowerCase(), 'csv', 'format')
    assert.equal(facts.Encoding, 'utf-8', 'encoding')
    assert.equal(facts.Delimiter, 'comma', 'delimiter')
    assert.match(facts.File, / · 1\.\d KB$/, 'file size')
    shownName = facts.File.replace(/ · .*$/, '')
    assert.match(shownName, /\.csv$/)
    const times = await page().getByRole('list', { name: 'How times were read' }).textContent()
    assert.ok(
      times.includes(`1 of ${orders.rows.length} values do not fit (like "${orders.badValue}")`),
      `time report ${JSON.stringify(times)} should name the one unreadable date`,
    )
  })

  it('previews the rows and proposes a role for every column', async () => {
    const p = page()
    const names = await p.locator('table.preview thead th .name').allTextContents()
    assert.deepEqual(names, orders.header)
    const roles = {}
    for (const c of orders.header) roles[c] = await p.getByLabel(`Role of ${c}`, { exact: true }).inputValue()
    assert.deepEqual(roles, { email: 'identifier', created_at: 'event-time', event: 'touchpoint', total: 'value' })
    assert.equal(await p.getByLabel('Identifier type of email', { exact: true }).inputValue(), 'email')

    const preview = await p.locator('table.preview tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)))
    assert.equal(preview.length, Math.min(20, orders.rows.length), 'preview rows')
    assert.deepEqual(preview, orders.rows.slice(0, preview.length), 'preview cells vs the file')
  })

  it('shows what the recipe makes of the sample, including the bad row', async () => {
    const sample = page().locator('section.card', { has: page().getByRole('heading', { name: 'Sample', exact: true }) })
    const figures = await definitionFigures(sample)
    assert.deepEqual(figures, { Events: formatInt(orders.good), Identifiers: formatInt(orders.good), Rejected: '1' })
    await sample.getByText('Why a row was rejected').click()
    const rejected = await rejectionRows(sample)
    assert.equal(rejected.length, 1)
    assert.equal(rejected[0].where, `${shownName}:${orders.badLine}`)
    assert.equal(rejected[0].column, 'created_at')
    await screenshot(page(), 'import-preview', { fullPage: false })
  })

  it('runs the import and reports rows, events and the rejected line', async () => {
    const p = page()
    await p.getByLabel('Source name').fill(sourceName)
    await p.getByRole('button', { name: /^Import 1 file$/ }).click()
    const result = p.locator('section.result')
    await result.getByRole('heading', { name: /^Imported as #\d+$/ }).waitFor({ timeout: 30000 })

    const listed = await app.server.call('Imports.List')
    const fresh = listed.filter((b) => !before_.batches.some((old) => old.id === b.id))
    assert.equal(fresh.length, 1, `want exactly one new batch, got ${JSON.stringify(fresh.map((b) => b.id))}`)
    const batch = fresh[0]
    batchId = batch.id
    assert.equal(batch.events, orders.good, 'events stored (API)')
    assert.equal(batch.rejected, 1, 'rejected rows (API)')

    assert.equal(await result.locator('h2').textContent(), `Imported as #${batchId}`)
    const figures = await definitionFigures(result)
    assert.equal(figures['Rows read'], formatInt(orders.good + 1), 'Rows read: the good rows and the rejected one')
    assert.equal(figures.Events, formatInt(orders.good), 'Events')
    assert.equal(figures.Rejected, '1', 'Rejected')
    assert.equal(figures.Duplicates, '0', 'Duplicates')
    const rejected = await rejectionRows(result)
    assert.equal(rejected.length, 1)
    assert.ok(rejected[0].where.endsWith(`:${orders.badLine}`), `rejection at ${rejected[0].where}, want line ${orders.badLine}`)
    assert.equal(rejected[0].column, 'created_at')
    assert.match(rejected[0].reason, /not a date/)
    await screenshot(p, 'import-result')
  })

  it('updates the Overview by exactly the imported events and lists the new batch', async () => {
    const p = page()
    await p.getByRole('button', { name: 'Go to the Overview' }).click()
    await waitForHeading(p, 'Overview')
    const events = before_.events + orders.good
    await untilEqual('the Events figure', async () => (await keyFigures(p)).Events?.exact, `${formatInt(events)} events`)

    const figures = await keyFigures(p)
    assert.equal(figures.Events.value, formatCompact(events))
    assert.equal(figures.Imports.value, String(before_.batches.length + 1), 'Imports figure')
    assert.equal(figures['Rejected rows'].value, formatCompact(before_.rejected + 1), 'Rejected rows figure')
    assert.equal(figures.Sources.value, String(before_.sources.length + 1), 'Sources figure')

    const rows = await batchRows(p)
    assert.equal(rows[0].id, String(batchId), 'newest batch first')
    assert.deepEqual(
      { events: rows[0].events, rejected: rows[0].rejected, sources: rows[0].sources },
      { events: formatInt(orders.good), rejected: '1', sources: sourceName },
    )
    const source = (await sourceRows(p)).find((s) => s.name === sourceName)
    assert.ok(source, `source "${sourceName}" should be listed`)
    assert.equal(source.eventsExact, formatInt(orders.good))

    // The rejected count opens the rows behind it.
    await batchRow(p, batchId).getByRole('button', { name: '1' }).click()
    const drawer = p.getByRole('dialog', { name: `Rejected rows · import #${batchId}` })
    await drawer.locator('table.rejections').waitFor()
    const rejected = await rejectionRows(drawer)
    assert.equal(rejected.length, 1)
    assert.ok(rejected[0].where.endsWith(`:${orders.badLine}`), `drawer rejection at ${rejected[0].where}`)
    await screenshot(p, 'overview-rejections-drawer', { fullPage: false })
    await drawer.getByRole('button', { name: 'Close panel' }).click()
    await drawer.waitFor({ state: 'detached' })
    await screenshot(p, 'overview-after-import')
  })

  it('says nothing new was imported when the same file comes again', async () => {
    const p = page()
    const mid = await app.server.call('Workspace.Overview')
    await upload()
    await p.getByRole('button', { name: /^Import 1 file$/ }).click()
    const result = p.locator('section.result')
    await result.getByRole('heading', { name: 'Nothing new: this file was already imported' }).waitFor({ timeout: 30000 })
    await screenshot(p, 'import-duplicate')

    const now = await app.server.call('Workspace.Overview')
    assert.equal(now.events, mid.events, 'events after the duplicate import')
    assert.equal(now.batches.length, mid.batches.length, 'batches after the duplicate import')

    await p.getByRole('button', { name: 'Go to the Overview' }).click()
    await waitForHeading(p, 'Overview')
    const figures = await keyFigures(p)
    assert.equal(figures.Events.exact, `${formatInt(mid.events)} events`)
    assert.equal(figures.Imports.value, String(mid.batches.length))
  })

  it('shows the name the file had on the user\'s machine, not the upload\'s temp name', async () => {
    assert.equal(shownName, orders.name)
    const rows = await batchRows(page())
    assert.deepEqual(rows.find((r) => r.id === String(batchId))?.files, [orders.name])
  })

  it('stayed quiet: no errors, dialogs or requests off the machine', () => {
    assertQuietPage(app.seen)
  })

  it('stops the server cleanly on SIGTERM', async () => {
    await app.browser.close()
    await assertCleanShutdown(assert, app.server)
  })
})
