// The Personas view against the real workspace: the empty gallery, "Discover personas" run through the
// UI (cards equal Personas.Current, as many as the CLI finds on a copy of the workspace), a persona renamed
// inline (saved, and listed by that name in the filter bar), the persona filter (the count, the Flow map
// and the Customers list follow it), the map (one dot per Personas.Map point, legend by name) and the
// side-by-side comparison of two chosen personas.

import assert from 'node:assert/strict'
import { copyFile } from 'node:fs/promises'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { assertCleanShutdown, bootApp, screenshot } from '../lib/harness.mjs'
import { formatCompact, formatInt } from '../lib/format.mjs'
import {
  chooseInMultiSelect,
  customerQuery,
  customerTotal,
  emptyFilter,
  filterBar,
  filterCount,
  hiddenNote,
  hiddenNoteText,
  mapNodes,
  matchText,
  multiSelectValues,
  openTab,
  squash,
} from '../lib/journey.mjs'
import {
  card,
  compareChooser,
  compareColumns,
  emptyText,
  expectedCard,
  expectedColumn,
  expectedLegend,
  firstRunOptions,
  galleryCards,
  mapLegend,
  nameOf,
  personaMapSvg,
  qualityText,
  sampleNote,
} from '../lib/personas.mjs'
import { assertQuietPage, railButton, untilEqual, waitForHeading } from '../lib/ui.mjs'

const countText = (n, total) => `${formatInt(n)} of ${formatInt(total)} customers`
// The process map's default controls (views/flow/state.ts).
const mapOpts = { level: 'touchpoint', minEdgeShare: 0.01, maxNodes: 20 }
const newName = 'Weekend bargain hunters'

/** The process map's step boxes as {id: customers}, without Start and End. */
async function shownBoxCounts(page) {
  const nodes = await mapNodes(page)
  return Object.fromEntries(nodes.filter((n) => n.count !== '').map((n) => [n.id, n.count]).sort(([a], [b]) => a.localeCompare(b)))
}
function expectedBoxCounts(flow) {
  return Object.fromEntries(
    flow.nodes
      .filter((n) => n.id !== flow.start && n.id !== flow.end)
      .map((n) => [n.id, formatCompact(n.customers)])
      .sort(([a], [b]) => a.localeCompare(b)),
  )
}

describe('Personas', () => {
  let app
  let cli
  let everyone
  let current
  let emptySeed

  before(async () => {
    app = await bootApp({
      // The CLI refuses a workspace the server holds: it discovers personas on a copy, before the server
      // starts, with the options the gallery's first run means to send (automatic k, both methods, seed 1).
      async prepare(ws) {
        const copy = path.join(ws.dir, 'copy.wayline')
        await copyFile(ws.file, copy)
        cli = await ws.cliJSON('personas', '-w', copy, '--method', firstRunOptions.method, '--seed', String(firstRunOptions.seed))
      },
    })
    everyone = await app.server.call('Explore.Summary', emptyFilter())
    await waitForHeading(app.page, 'Overview')
  })
  after(() => app?.close())

  describe('Gallery', () => {
    it('invites discovery while there are no personas, and the filter bar has none to offer', async () => {
      const { page, server } = app
      assert.deepEqual((await server.call('Personas.Current')).personas, [], 'no personas before the first run')
      await railButton(page, 'Personas').click()
      await waitForHeading(page, 'Personas')
      await untilEqual('the empty gallery\'s invitation', async () => squash(await page.locator('.invite h2').textContent()), emptyText(everyone.totalCustomers))
      assert.equal(await page.locator('article.persona').count(), 0, 'no persona cards yet')
      assert.equal((await multiSelectValues(filterBar(page))).Persona, 'no personas yet')
      await page.getByRole('button', { name: 'Discover personas', exact: true }).waitFor()
      // The options are open in the empty state; what the form offers before the first run is kept for
      // the seed check below.
      emptySeed = await page.getByRole('spinbutton', { name: 'Seed', exact: true }).inputValue()
      await screenshot(page, 'personas-empty', { fullPage: false })
    })

    it('discovers personas through the UI: the cards equal Personas.Current, as many as the CLI finds', async () => {
      const { page, server } = app
      await page.getByRole('button', { name: 'Discover personas', exact: true }).click()
      await page.getByRole('button', { name: 'Discover personas again', exact: true }).waitFor({ timeout: 60000 })
      current = await server.call('Personas.Current')
      assert.ok(cli.k >= 2, `the CLI found k = ${cli.k} personas on the copy`)
      assert.equal(current.k, cli.k, 'k of the UI run and of the CLI on a copy')
      assert.equal(current.personas.length, cli.k, 'personas in Personas.Current')
      // The same data, method and seed (1, the form's default and the CLI's): the same personas, by name
      // and size.
      assert.deepEqual(
        current.personas.map((p) => [p.name, p.size]),
        cli.personas.map((p) => [p.name, p.size]),
        'names and sizes of the UI run and the CLI run',
      )
      assert.equal(
        current.personas.reduce((n, p) => n + p.size, 0),
        everyone.totalCustomers,
        'every customer is in one persona',
      )
      await untilEqual('persona cards', () => galleryCards(page), current.personas.map(expectedCard))
      assert.deepEqual(
        current.personas.map((p) => p.status),
        current.personas.map(() => 'new'),
        'a first run has only new personas',
      )
      assert.equal(squash(await page.locator('.quality strong').textContent()), qualityText(current))
      // The run tells every view the workspace changed: the filter bar now offers the personas.
      await untilEqual('the filter bar\'s Persona menu', async () => (await multiSelectValues(filterBar(page))).Persona, 'All')
      await screenshot(page, 'personas-gallery')
    })

    it(
      'starts the first run with seed 1, the form\'s documented default and the CLI\'s',
      async () => {
        assert.equal(emptySeed, String(firstRunOptions.seed), 'the Seed field of the empty form')
        assert.equal((await app.server.call('Personas.Current')).seed, firstRunOptions.seed, 'the seed of the first run')
      },
    )

    it(
      'ticks, after a run, the features the run used',
      async () => {
        const { page } = app
        const included = current.features.filter((f) => f.included).map((f) => f.label || f.name)
        assert.ok(included.length > 0, 'the run used some features')
        const options = page.locator('fieldset.options')
        if (!(await options.isVisible())) await page.getByRole('button', { name: 'Options', exact: true }).click()
        const ticked = await options.locator('fieldset.group label').evaluateAll((ls) => ls.filter((l) => l.querySelector('input')?.checked).map((l) => l.textContent.trim()))
        // The form lists features by group, Go by name: compare them as sets.
        assert.deepEqual([...ticked].sort(), [...included].sort(), 'ticked feature checkboxes')
      },
    )

    it('renames a persona inline: Personas.Current has the name and the filter bar lists it', async () => {
      const { page, server } = app
      const p = current.personas[1]
      const old = nameOf(p)
      await card(page, p.id).getByRole('button', { name: `Rename ${old}`, exact: true }).click()
      const input = card(page, p.id).getByRole('textbox', { name: `Name of ${old}`, exact: true })
      await input.fill(newName)
      await input.press('Enter')
      await untilEqual('the renamed card\'s heading', async () => squash(await card(page, p.id).locator('header h2').textContent()), newName)
      assert.equal(squash(await card(page, p.id).locator('.auto').textContent()), `Automatic name: ${p.autoName}`)

      current = await server.call('Personas.Current')
      const saved = current.personas.find((q) => q.id === p.id)
      assert.equal(saved.name, newName, 'Personas.Current has the new name')
      assert.equal(saved.autoName, p.autoName, 'the automatic name is kept')
      const options = await server.call('Explore.FilterOptions')
      assert.deepEqual(
        options.personaNames.map((o) => [o.id, o.name]),
        current.personas.map((q) => [q.id, nameOf(q)]),
        'Explore.FilterOptions lists the personas by their names',
      )

      const trigger = filterBar(page).locator('button.trigger', { has: page.locator('.what:text-is("Persona")') })
      await trigger.click()
      const menu = filterBar(page).getByRole('group', { name: 'Persona', exact: true })
      await untilEqual('the Persona menu', () => menu.locator('label').allTextContents().then((t) => t.map(squash)), current.personas.map(nameOf))
      await page.keyboard.press('Escape')
      await menu.waitFor({ state: 'detached' })
      await screenshot(page, 'personas-renamed', { fullPage: false })
    })
  })

  describe('Persona filter', () => {
    it('keeps as many customers as the persona has, and dims the other cards', async () => {
      const { page, server } = app
      const p = current.personas.find((q) => q.name === newName)
      const s = await server.call('Explore.Summary', emptyFilter({ personas: [p.id] }))
      assert.equal(s.customers, p.size, 'Explore.Summary under the persona filter keeps the persona\'s customers')
      await chooseInMultiSelect(page, filterBar(page), 'Persona', [newName])
      await untilEqual('filter bar count with a persona', () => filterCount(page), countText(p.size, everyone.totalCustomers))
      assert.equal((await multiSelectValues(filterBar(page))).Persona, newName)
      const outside = await page.locator('article.persona').evaluateAll((cs) => cs.filter((c) => c.querySelector('.outside')).map((c) => c.getAttribute('data-persona')))
      assert.deepEqual(
        outside,
        current.personas.filter((q) => q.id !== p.id).map((q) => q.id),
        'every other card says it is outside the filter',
      )
      await screenshot(page, 'personas-filtered')
    })

    it('the Flow process map and the Customers list follow the persona filter', async () => {
      const { page, server } = app
      const p = current.personas.find((q) => q.name === newName)
      const f = emptyFilter({ personas: [p.id] })
      const flow = await server.call('Explore.Flow', f, mapOpts)
      await railButton(page, 'Flow').click()
      await waitForHeading(page, 'Flow')
      await openTab(page, 'Process map')
      assert.equal(await filterCount(page), countText(p.size, everyone.totalCustomers), 'count on Flow')
      await untilEqual('boxes of the map under the persona filter', () => shownBoxCounts(page), expectedBoxCounts(flow), 20000)
      assert.equal(await hiddenNoteText(page), hiddenNote(flow.hidden))
      await screenshot(page, 'personas-filtered-flow', { fullPage: false })

      const list = await server.call('Explore.Customers', f, customerQuery())
      assert.equal(list.total, p.size, 'Explore.Customers under the persona filter')
      await railButton(page, 'Customers').click()
      await waitForHeading(page, 'Customers')
      await untilEqual('Customers total under the persona filter', () => customerTotal(page), matchText(p.size, ''))
      await screenshot(page, 'personas-filtered-customers', { fullPage: false })

      await filterBar(page).getByRole('button', { name: 'Clear' }).click()
      await untilEqual('count after Clear', () => filterCount(page), countText(everyone.totalCustomers, everyone.totalCustomers))
    })
  })

  describe('Map', () => {
    it('draws one dot per Personas.Map point, with the personas by name in the legend', async () => {
      const { page, server } = app
      const map = await server.call('Personas.Map')
      assert.equal(map.points.length, Math.min(5000, everyone.totalCustomers), 'Personas.Map places every customer of a small workspace')
      await railButton(page, 'Personas').click()
      await waitForHeading(page, 'Personas')
      await openTab(page, 'Map')
      await personaMapSvg(page).waitFor()
      await untilEqual('dots on the map', () => personaMapSvg(page).locator('circle.dot').count(), map.points.length)
      assert.deepEqual(await mapLegend(page), expectedLegend(current.personas, map.points), 'legend: names and shares of the dots')
      assert.ok((await mapLegend(page)).some((l) => l.name === newName), 'the legend uses the new name')
      const note = squash(await page.locator('.card header span').first().textContent())
      assert.ok(note.startsWith(sampleNote(map.points.length)), `map note: ${note}`)
      await screenshot(page, 'personas-map', { fullPage: false })
    })
  })

  describe('Compare', () => {
    it('shows the two chosen personas side by side, with their names and sizes', async () => {
      const { page, server } = app
      await openTab(page, 'Compare')
      const chooser = compareChooser(page)
      await chooser.waitFor()
      const ps = current.personas
      // It starts with the first two; choose the second and the last instead.
      const want = [ps[1], ps[ps.length - 1]]
      await chooser.getByRole('button', { name: nameOf(want[1]), exact: true }).click()
      await chooser.getByRole('button', { name: nameOf(ps[0]), exact: true }).click()
      const pressed = await chooser.locator('button[aria-pressed="true"]').allTextContents()
      assert.deepEqual(pressed.map(squash), want.map(nameOf), 'the chooser marks the two chosen personas')

      const compared = await server.call('Personas.Compare', want.map((p) => p.id))
      assert.deepEqual(
        compared.personas.map((p) => [p.id, p.size]),
        want.map((p) => [p.id, p.size]),
        'Personas.Compare answers with the chosen personas',
      )
      await untilEqual('comparison columns', () => compareColumns(page), compared.personas.map(expectedColumn))
      const head = await page.locator('table.features thead th').allTextContents()
      assert.deepEqual(head.map(squash), ['Feature', ...want.map(nameOf)], 'feature table columns')
      assert.equal(await page.locator('table.features tbody tr').count(), compared.features.length, 'one row per compared feature')
      await screenshot(page, 'personas-compare')
    })
  })

  it('stayed quiet: no errors, dialogs or requests off the machine', () => assertQuietPage(app.seen))

  it('stops the server cleanly on SIGTERM', () => assertCleanShutdown(assert, app.server))
})
