// Data is text, never markup: a touchpoint and a file name that are HTML injection attempts, imported
// through the CLI, show up literally on the Overview, and no script of theirs runs.

import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertCleanShutdown, bootApp, screenshot } from '../lib/harness.mjs'
import { hostile, hostileFile, writeHostile } from '../lib/fixtures.mjs'
import { formatInt } from '../lib/format.mjs'
import { assertQuietPage, barChart, batchRows, keyFigures, sourceRows, until, waitForHeading } from '../lib/ui.mjs'

describe('Hostile data in a real browser', () => {
  let app
  let fixture
  let imported
  let csp // the page's Content-Security-Policy header

  before(async () => {
    app = await bootApp({
      prepare: async (ws) => {
        fixture = await writeHostile(ws.dir)
        imported = await ws.cliJSON('import', '-w', ws.file, fixture.file)
      },
    })
    // A page that would call alert() through an injected handler gets caught even if the dialog event
    // were missed: count the calls.
    await app.page.addInitScript(() => {
      window.__alerts = 0
      for (const name of ['alert', 'confirm', 'prompt']) {
        const original = window[name]
        window[name] = (...args) => {
          window.__alerts++
          return original.apply(window, args)
        }
      }
    })
    const res = await app.page.reload()
    csp = res.headers()['content-security-policy'] ?? ''
    await waitForHeading(app.page, 'Overview')
  })
  after(() => app?.close())

  it('imported the hostile rows through the CLI', () => {
    assert.equal(imported.events, fixture.rows)
    assert.equal(imported.rejected, 0)
  })

  it('shows the touchpoint as text among the top touchpoints', async () => {
    const overview = await app.server.call('Workspace.Overview')
    assert.ok(overview.touchpoints.some((t) => t.name === hostile), 'the API lists the hostile touchpoint in the top 20')
    const bars = await barChart(app.page, 'Events per touchpoint')
    const bar = bars.find((b) => b.title.startsWith(`${hostile}: ${formatInt(fixture.rows)} (`))
    assert.ok(bar, `a bar titled "${hostile}: ${formatInt(fixture.rows)} (…" among ${JSON.stringify(bars.map((b) => b.title))}`)
    // The visible label may be cut to fit, but what is there is the literal text.
    const shown = bar.label.replace(/…$/, '')
    assert.ok(shown.length >= 5 && hostile.startsWith(shown), `label ${JSON.stringify(bar.label)} should be the start of the touchpoint text`)
  })

  it('shows the file name and source as text in the tables', async () => {
    const rows = await batchRows(app.page)
    assert.deepEqual(rows[0].files, [hostileFile], 'newest batch lists the file by its literal name')
    assert.equal(rows[0].sources, fixture.source)
    assert.ok((await sourceRows(app.page)).some((s) => s.name === fixture.source), 'sources table lists the literal source name')
    assert.ok((await keyFigures(app.page)).Sources.exact.includes(fixture.source), 'Sources figure hover names it')
  })

  it('is served with a policy that refuses inline script, as a second line of defence', () => {
    const scriptSrc = /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1] ?? /(?:^|;)\s*default-src ([^;]*)/.exec(csp)?.[1]
    assert.ok(scriptSrc, `a script-src or default-src in ${JSON.stringify(csp)}`)
    assert.doesNotMatch(scriptSrc, /unsafe-inline|unsafe-eval|\*/, 'script sources')
  })

  // The policy alone would stop an injected onerror handler from running, so the check that the data was
  // escaped is that no element came of it.
  it('made no element of the data and ran none of its script', async () => {
    const { page } = app
    // Give an onerror handler every chance to fire: wait for the network to go quiet and then a bit.
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(300)
    assert.equal(await page.locator('img[src="x"], img[onerror], [onerror]').count(), 0, 'elements made from the data')
    assert.equal(await page.evaluate(() => window.__alerts), 0, 'alert/confirm/prompt calls')
    assert.deepEqual(app.seen.dialogs, [], 'dialogs')
    // The literal text is in the DOM as text.
    await until('the literal text in the page', () => page.getByText(hostileFile.replace(/\.csv$/, ''), { exact: false }).count(), (n) => n > 0)
    await screenshot(page, 'security')
    assertQuietPage(app.seen)
  })

  it('stops the server cleanly on SIGTERM', async () => {
    await app.browser.close()
    await assertCleanShutdown(assert, app.server)
  })
})
