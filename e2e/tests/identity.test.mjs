// The Identity tab of the Customers view, on the mistake it exists to catch: a store id mapped as a
// person identifier. The demo workspace gets one more CLI import, a store kiosk's check-ins where every
// row carries the store id NW-S07 as customer_id next to a real customer's email (emails from the demo's
// truth.csv). That joins 25 people into one giant profile. The tab must warn about it, name NW-S07 as the
// bridge, and blocking it through the confirm dialog must list it under the blocked values, clear the
// warning and bring the profile count back to what the CLI counts on a copy with the same rule (and to the
// demo's own count before the import: the check-ins only add rows to people who already exist).

import assert from 'node:assert/strict'
import { copyFile, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { assertCleanShutdown, bootApp, screenshot, startServer } from '../lib/harness.mjs'
import { formatCompact, formatInt, plural } from '../lib/format.mjs'
import { blockedValues, customerTotal, emptyFilter, filterCount, identityFigures, matchText, openTab, squash } from '../lib/journey.mjs'
import { assertQuietPage, railButton, until, untilEqual, waitForHeading } from '../lib/ui.mjs'

const customers = 500
const store = { type: 'customer_id', value: 'NW-S07' }
const people = 25 // customers the kiosk file joins through the store id
const recipe = {
  name: 'kiosk',
  source: 'Store kiosk check-ins',
  format: 'csv',
  identifiers: [
    { column: 'Store ID', type: 'customer_id' },
    { column: 'Email', type: 'email' },
  ],
  events: [{ time: 'Checked in', touchpoint: 'Action', channel: { const: 'store' } }],
}

/** The first n people's emails from truth.csv, one per person. */
async function truthEmails(file, n) {
  const lines = (await readFile(file, 'utf8')).trim().split('\n').slice(1)
  const seen = new Set()
  const out = []
  for (const line of lines) {
    const [type, value, person] = line.split(',')
    if (type !== 'email' || seen.has(person)) continue
    seen.add(person)
    out.push(value)
    if (out.length === n) break
  }
  return out
}

/** A kiosk export: `perPerson` check-ins for each email, all at the one store. */
async function writeKiosk(file, emails, perPerson, storeId) {
  const rows = ['Store ID,Email,Checked in,Action']
  emails.forEach((e, i) => {
    for (let k = 0; k < perPerson; k++) rows.push(`${storeId},${e},2026-03-${String((i % 28) + 1).padStart(2, '0')}T1${k}:00:00Z,Kiosk check-in`)
  })
  await writeFile(file, rows.join('\n') + '\n')
}

describe('Identity', () => {
  let app
  const cli = {} // what the CLI counts, read before the server holds the workspace

  before(async () => {
    app = await bootApp({
      customers,
      async prepare(ws) {
        cli.demo = await ws.cliJSON('profiles', '-w', ws.file)
        const dir = path.join(ws.dir, 'export')
        await ws.cli('demo', '--export-dir', dir, '--customers', String(customers), '--seed', '1')
        const emails = await truthEmails(path.join(dir, 'truth.csv'), people)
        const recipeFile = path.join(ws.dir, 'kiosk.recipe.json')
        await writeFile(recipeFile, JSON.stringify(recipe))

        // The bridge on a store id that carries fewer rows than the people's own ids.
        const thin = { ...ws, file: path.join(ws.dir, 'thin.wayline') }
        await copyFile(ws.file, thin.file)
        await writeKiosk(path.join(ws.dir, 'kiosk-thin.csv'), emails, 1, store.value)
        await thin.cli('import', '-w', thin.file, '--recipe', recipeFile, path.join(ws.dir, 'kiosk-thin.csv'))
        cli.thin = await thin.cliJSON('profiles', '-w', thin.file)

        await writeKiosk(path.join(ws.dir, 'kiosk.csv'), emails, 4, store.value)
        await ws.cli('import', '-w', ws.file, '--recipe', recipeFile, path.join(ws.dir, 'kiosk.csv'))
        cli.stitched = await ws.cliJSON('profiles', '-w', ws.file)

        // The expected result of the block, from a copy: the API's BlockValue there, then the CLI's count.
        const copy = { ...ws, file: path.join(ws.dir, 'copy.wayline') }
        await copyFile(ws.file, copy.file)
        const server = await startServer(copy)
        try {
          await server.call('Identity.BlockValue', store.type, store.value)
        } finally {
          await server.stop()
        }
        cli.blocked = await copy.cliJSON('profiles', '-w', copy.file)
      },
    })
    await waitForHeading(app.page, 'Overview')
  })
  after(() => app?.close())

  it('the kiosk import stitched people together, and the CLI sees the store id as the bridge', () => {
    assert.equal(cli.demo.profiles, customers, 'the demo has one profile per customer')
    assert.equal(cli.stitched.profiles, customers - people + 1, `${people} people joined into one profile`)
    assert.equal(cli.stitched.overStitched.length, 1, 'one over-stitched profile')
    const bridge = cli.stitched.overStitched[0].bridgeDetails.find((b) => b.value === store.value)
    assert.ok(bridge, `NW-S07 is among the bridges: ${JSON.stringify(cli.stitched.overStitched[0].bridgeDetails)}`)
    assert.equal(bridge.splitsInto, people)
    assert.equal(cli.blocked.profiles, cli.demo.profiles, 'blocking the store id gives back the demo count')
    assert.deepEqual(cli.blocked.overStitched, [])
  })

  it('shows the profile count and the over-stitch warning naming the store id', async () => {
    const { page, server } = app
    const overview = await server.call('Identity.Overview')
    assert.equal(overview.profiles, cli.stitched.profiles, 'Identity.Overview and `wayline profiles` agree')
    await railButton(page, 'Customers').click()
    await waitForHeading(page, 'Customers')
    await openTab(page, 'Identity')
    await waitForHeading(page, 'Identity')
    const figures = await until('identity figures', () => identityFigures(page), (f) => f.Profiles)
    assert.equal(figures.Profiles.value, formatCompact(overview.profiles), 'Profiles figure')
    assert.equal(figures.Profiles.exact, `${formatInt(overview.profiles)} profiles`)
    assert.equal(figures.Profiles.detail, `from ${formatCompact(overview.rows)} rows`)
    assert.equal(figures['Over-stitched'].value, '1')
    assert.equal(figures.Flagged.value, formatInt(overview.flagged.length))

    const giant = overview.overStitched[0]
    const card = page.getByRole('article', { name: `Over-stitched profile ${giant.profile}` })
    assert.equal(squash(await card.locator('h3').textContent()), `One profile holds ${formatInt(giant.size)} identifier values`)
    const bridges = await card.locator('ul li').evaluateAll((lis) =>
      lis.map((li) => ({ type: li.querySelector('.type')?.textContent?.trim(), value: li.querySelector('code')?.textContent?.trim(), what: li.querySelector('.what')?.textContent?.trim() })),
    )
    assert.deepEqual(
      bridges,
      giant.bridges.map((b) => ({ type: b.type, value: b.value, what: `splits into ${plural(b.profiles, 'profile')} · in ${plural(b.rows, 'row')}` })),
      'the bridges as Identity.Overview lists them',
    )
    assert.equal(bridges[0].value, store.value, 'the store id is the strongest bridge')
    await screenshot(page, 'identity-overstitch', { fullPage: false })
  })

  it('blocks the store id through the confirm dialog: listed as blocked, warning gone, profiles as the CLI counts', async () => {
    const { page, server } = app
    const giant = (await server.call('Identity.Overview')).overStitched[0]
    const bridge = giant.bridges.find((b) => b.value === store.value)
    await page.getByRole('button', { name: `Block ${store.type} ${store.value}`, exact: true }).click()
    const dialog = page.getByRole('alertdialog', { name: `Block ${store.type} “${store.value}”?` })
    await dialog.waitFor()
    const body = squash(await dialog.locator('.body').textContent())
    assert.ok(body.includes(`this one splits into ${formatInt(bridge.profiles)} profiles`), `dialog says what the block does: ${body}`)
    assert.ok(body.includes(`The ${plural(bridge.rows, 'row')} that carry it keep their events`), body)
    assert.equal(await dialog.getByRole('button', { name: 'Cancel' }).evaluate((b) => b === document.activeElement), true, 'Cancel has the focus')
    await screenshot(page, 'identity-block-dialog', { fullPage: false })
    await dialog.getByRole('button', { name: 'Block and rebuild' }).click()
    await dialog.waitFor({ state: 'detached' })

    await untilEqual('Profiles figure after the block', async () => (await identityFigures(page)).Profiles?.value, formatCompact(cli.blocked.profiles))
    const figures = await identityFigures(page)
    assert.equal(figures.Profiles.exact, `${formatInt(cli.blocked.profiles)} profiles`)
    assert.equal(figures['Over-stitched'].value, '0', 'no over-stitched profile left')
    assert.equal(figures.Flagged.value, formatInt(cli.blocked.flagged.length))
    assert.equal(await page.getByRole('heading', { name: 'Over-stitch warnings' }).count(), 0, 'the warnings are gone')
    assert.deepEqual(await blockedValues(page), [store], 'the store id is listed under the blocked values')
    const rules = await server.call('Identity.Rules')
    assert.deepEqual(rules.blocked, [store], 'Identity.Rules holds the block')
    await page.locator('section.rules').scrollIntoViewIfNeeded()
    await screenshot(page, 'identity-after-block', { fullPage: false })

    // The customer list follows the rebuilt profiles.
    await openTab(page, 'Customers')
    await untilEqual('Customers list after the block', () => customerTotal(page), matchText(cli.blocked.profiles, ''))
  })

  it(
    'the shared filter bar counts the rebuilt profiles after the block',
    async () => {
      const { page, server } = app
      const s = await server.call('Explore.Summary', emptyFilter())
      assert.equal(s.customers, cli.blocked.profiles, 'Explore.Summary counts the rebuilt profiles')
      await untilEqual('filter bar after the block', () => filterCount(page), `${formatInt(s.customers)} of ${formatInt(s.totalCustomers)} customers`, 3000)
    },
  )

  it(
    'names a store id as the bridge even when it is on fewer rows than the people it joins',
    () => {
      const giant = cli.thin.overStitched[0]
      assert.ok(giant, 'the thin kiosk import also makes an over-stitched profile')
      const values = giant.bridgeDetails.map((b) => `${b.value} (splits into ${b.splitsInto})`)
      assert.ok(values[0]?.startsWith(`${store.value} `), `the store id is the first bridge; got ${values.join(', ')}`)
    },
  )

  it('stayed quiet: no errors, dialogs or requests off the machine', () => assertQuietPage(app.seen))

  it('stops the server cleanly on SIGTERM', () => assertCleanShutdown(assert, app.server))

  it('kept the block in the workspace: the CLI counts the same profiles afterwards', async () => {
    const after = await app.ws.cliJSON('profiles', '-w', app.ws.file)
    assert.equal(after.profiles, cli.blocked.profiles)
    assert.deepEqual(after.overStitched, [])
  })
})
