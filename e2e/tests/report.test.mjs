// The Report view against the real server: the client report builds redacted by default, its preview runs
// nothing, a touchpoint called <script>alert(1)</script> reads as text in the preview and in the exported
// file (opened in a real page with scripts on), and "Export report" downloads client-report.html with no
// email of the workspace in it. Then the two periods side by side.

import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, describe, it } from 'node:test'
import { assertCleanShutdown, bootApp, screenshot } from '../lib/harness.mjs'
import { customerQuery, emptyFilter } from '../lib/journey.mjs'
import { guideShot, guideViewport, reportFrame, scriptTouchpoint, writeScriptExport } from '../lib/report.mjs'
import { assertQuietPage, railButton, until, waitForHeading } from '../lib/ui.mjs'

describe('Report', () => {
  let app
  let fixture
  let emails = []

  before(async () => {
    app = await bootApp({
      viewport: guideViewport,
      async prepare(ws) {
        fixture = await writeScriptExport(ws.dir)
        await ws.cli('import', '-w', ws.file, fixture.file)
      },
    })
    // Labels of the most valuable customers: the demo's emails, and the fixture's.
    const page = await app.server.call('Explore.Customers', emptyFilter(), customerQuery({ limit: 200 }))
    emails = page.rows.map((r) => r.label).filter((l) => l.includes('@'))
    emails.push(...fixture.emails.slice(0, 20))
  })
  after(async () => {
    await app?.close()
  })

  const page = () => app.page

  it('previews a redacted report in a sandbox that runs nothing', async () => {
    const p = page()
    await railButton(p, 'Report').click()
    await waitForHeading(p, 'Report')
    const redact = p.getByRole('switch', { name: 'Redact customer data' })
    assert.equal(await redact.isChecked(), true, 'redaction is on by default')
    const frame = p.locator('iframe[title="Report preview"]')
    await frame.waitFor()
    assert.equal(await frame.getAttribute('sandbox'), '', 'the preview sandbox allows nothing')
    const size = await until('the size of the report', () => p.locator('.size').textContent(), (t) => /client-report\.html · \d/.test(t ?? ''))
    assert.match(size, /KB|MB/)
    // The hostile touchpoint is text in the preview, and no script element carries it.
    await reportFrame(p).getByText(scriptTouchpoint, { exact: false }).first().waitFor()
    const scripts = await reportFrame(p).locator('script').evaluateAll((ss) => ss.map((s) => s.textContent ?? ''))
    assert.ok(!scripts.some((s) => s.includes('alert(1)')), 'no script in the preview holds the touchpoint')
    await screenshot(p, 'report-preview', { fullPage: false })
    await guideShot(p, 'report')
    assertQuietPage(app.seen)
  })

  it('downloads client-report.html with no email of the workspace in it', async () => {
    const p = page()
    assert.ok(emails.length >= 20, `want emails to look for, got ${emails.length}`)
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Export report' }).click()])
    assert.equal(download.suggestedFilename(), 'client-report.html')
    const html = await readFile(await download.path(), 'utf8')
    assert.ok(html.length > 1000, `the report is ${html.length} bytes`)
    for (const e of emails) assert.ok(!html.includes(e), `the redacted report contains ${e}`)
    assert.ok(!html.includes(scriptTouchpoint), 'the touchpoint appears unescaped in the file')
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the touchpoint is in the file, escaped')

    // Opened for real, with scripts on: the touchpoint reads as text and nothing pops up.
    const viewer = await app.browser.newPage()
    const dialogs = []
    viewer.on('dialog', (d) => {
      dialogs.push(d.message())
      d.dismiss().catch(() => {})
    })
    await viewer.setContent(html, { waitUntil: 'load' })
    await viewer.getByText(scriptTouchpoint, { exact: false }).first().waitFor()
    await viewer.waitForTimeout(300)
    assert.deepEqual(dialogs, [], 'the exported report ran a script')
    await viewer.close()
    assertQuietPage(app.seen)
  })

  it('compares the two halves of the date range, biggest changes first', async () => {
    const p = page()
    await p.getByRole('tab', { name: 'Compare periods' }).click()
    const biggest = p.getByRole('region', { name: 'Biggest changes' })
    await biggest.waitFor()
    const a = await p.getByLabel('Period A from').inputValue()
    const b = await p.getByLabel('Period B from').inputValue()
    assert.match(a, /^\d{4}-\d{2}-\d{2}$/)
    assert.ok(b > a, `period B starts ${b}, after period A's ${a}`)
    const rows = await biggest.locator('tbody tr').count()
    assert.ok(rows > 0, 'some change is listed')
    const deltas = await biggest.locator('.delta').allTextContents()
    for (const d of deltas) assert.match(d.trim(), /^[▲▼=]\s*([+−]\d+\.\d pts|±0 pts)$/)
    await screenshot(p, 'report-periods', { fullPage: false })
    await guideShot(p, 'periods')
    assertQuietPage(app.seen)
  })

  it('shuts down cleanly', async () => {
    await app.browser.close()
    await assertCleanShutdown(assert, app.server)
    await app.ws.remove()
    app = null
  })
})
