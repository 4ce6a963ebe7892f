// The workspace picker and switcher in a browser: leave the workspace for the picker, find it in the recent
// list, open another workspace by path, switch back from the rail's menu, and reopen after Workspace.Close.
// Each workspace must show its own figures, so a switch that kept the old data shows up.

import assert from 'node:assert/strict'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { assertCleanShutdown, bootApp, screenshot } from '../lib/harness.mjs'
import { formatInt, freshness } from '../lib/format.mjs'
import { assertQuietPage, keyFigures, railWorkspace, untilEqual, waitForHeading } from '../lib/ui.mjs'

/** The picker's recent list: [{name, path, when, enabled}]. */
async function recentRows(page) {
  return page.locator('section.recent li button.row').evaluateAll((rows) =>
    rows.map((b) => ({
      name: b.querySelector('.name')?.textContent?.trim(),
      path: b.querySelector('.path')?.textContent?.trim(),
      when: b.querySelector('.when')?.textContent?.trim(),
      enabled: !b.disabled,
    })),
  )
}

const eventsOf = (batches) => batches.reduce((n, b) => n + b.events, 0)

describe('Workspace picker and switcher', () => {
  let app
  let second // {file, name, events}: a smaller demo made by the CLI
  let firstEvents

  before(async () => {
    app = await bootApp({
      prepare: async (ws) => {
        const file = path.join(ws.dir, 'second.wayline')
        await ws.cli('demo', '-w', file, '--customers', '200', '--seed', '7')
        second = { file, name: 'second', events: eventsOf((await ws.cliJSON('imports', '-w', file)).batches) }
        firstEvents = eventsOf((await ws.cliJSON('imports', '-w', ws.file)).batches)
      },
    })
    assert.notEqual(second.events, firstEvents, 'the two workspaces must differ to tell them apart')
    await waitForHeading(app.page, 'Overview')
  })
  after(() => app?.close())

  const eventsFigure = async () => (await keyFigures(app.page)).Events?.exact

  it('leaves the workspace for the picker, which lists it as recent', async () => {
    const { page } = app
    await page.getByRole('button', { name: app.ws.name, exact: true }).click()
    await page.getByRole('menuitem', { name: 'Open or create another…' }).click()
    await waitForHeading(page, 'Wayline')
    await untilEqual('the recent list', async () => (await recentRows(page)).map((r) => [r.name, r.path]), [[app.ws.name, app.ws.file]])
    const [row] = await recentRows(page)
    assert.equal(row.when, 'just now')
    assert.ok(row.enabled, 'an existing workspace can be opened from the list')
    assert.equal((await app.server.call('Workspace.Current')).open, false, 'the server closed the workspace')
    await screenshot(page, 'picker')
  })

  it('opens another workspace by its path and shows that workspace\'s figures', async () => {
    const { page } = app
    const card = page.locator('section.card', { has: page.getByRole('heading', { name: 'Open a workspace' }) })
    await card.getByLabel('File').fill(second.file)
    await card.getByRole('button', { name: 'Open' }).click()
    await waitForHeading(page, 'Overview')
    await untilEqual('the Events figure of the second workspace', eventsFigure, `${formatInt(second.events)} events`)
    const o = await app.server.call('Workspace.Overview')
    assert.deepEqual(await railWorkspace(page), { name: second.name, freshness: freshness(o) })
  })

  it('switches back from the rail\'s menu', async () => {
    const { page } = app
    await page.getByRole('button', { name: second.name, exact: true }).click()
    // The menu asks for the recent list when it opens: wait for the answer rather than read it at once.
    await untilEqual('the rail menu', async () => (await page.getByRole('menuitem').allTextContents()).map((s) => s.trim()), [app.ws.name, 'Open or create another…'])
    await page.getByRole('menuitem', { name: app.ws.name }).click()
    await untilEqual('the Events figure of the first workspace', eventsFigure, `${formatInt(firstEvents)} events`)
    assert.equal((await railWorkspace(page)).name, app.ws.name)
  })

  it('shows the picker after Workspace.Close and a reload, and reopens from the recent list', async () => {
    const { page } = app
    await app.server.call('Workspace.Close')
    await page.reload()
    await waitForHeading(page, 'Wayline')
    const rows = await recentRows(page)
    assert.deepEqual(
      rows.map((r) => r.name),
      [app.ws.name, second.name],
      'recent workspaces, newest first',
    )
    await page.locator('section.recent button.row', { has: page.locator(`.name:text-is("${second.name}")`) }).click()
    await waitForHeading(page, 'Overview')
    await untilEqual('the Events figure after reopening', eventsFigure, `${formatInt(second.events)} events`)
  })

  it('stayed quiet: no errors, dialogs or requests off the machine', () => {
    assertQuietPage(app.seen)
  })

  it('stops the server cleanly on SIGTERM', async () => {
    await app.browser.close()
    await assertCleanShutdown(assert, app.server)
  })
})
