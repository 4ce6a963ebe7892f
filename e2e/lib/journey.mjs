// Selectors and expected sentences for the journey views (Flow's tabs, Customers, Identity, Stages, the
// shared filter bar and the customers panel). Like lib/ui.mjs, this is the one place to update when the
// markup changes. The sentences restate the UI's wording (frontend/src/views/flow/text.ts,
// views/customers/list.ts and profile.ts) so a test can say what the page must read for figures that came
// from the API, never from the page.

import { formatInt, formatPercent, plural } from './format.mjs'

/** Collapses runs of white space, as a person reads the text. */
export const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim()

/** A filter that keeps everyone, with every field Go reads (notes/api4.md). */
export function emptyFilter(patch = {}) {
  return { from: '', to: '', sources: [], channels: [], devices: [], personas: [], attribute: null, ...patch }
}

/** A customer query with Go's defaults, overridden by fields. */
export function customerQuery(fields = {}) {
  return { search: '', sort: 'value', desc: true, offset: 0, limit: 50, cohort: null, ...fields }
}

/** A cohort with every field Go reads present. */
export function cohort(kind, fields = {}) {
  return {
    kind,
    level: '',
    minEdgeShare: 0,
    maxNodes: 0,
    channel: '',
    node: '',
    from: '',
    to: '',
    path: [],
    collapseRepeats: false,
    funnel: null,
    step: 0,
    movement: '',
    ...fields,
  }
}

// ---- the filter bar ----------------------------------------------------------------------------------

export const filterBar = (page) => page.getByRole('search', { name: 'Filter' })

/** "351 of 500 customers", as the filter bar writes it. */
export async function filterCount(page) {
  return squash(await filterBar(page).locator('.kept .count').textContent())
}

/** What a multi-select's button says: {Channel: "All", Source: "All", ...} within scope. */
export async function multiSelectValues(scope) {
  return scope.locator('button.trigger').evaluateAll((bs) =>
    Object.fromEntries(bs.map((b) => [b.querySelector('.what')?.textContent?.trim(), b.querySelector('.value')?.textContent?.trim()])),
  )
}

/**
 * Opens the multi-select called label inside scope, ticks each value (by its visible name) and closes it
 * with Escape, as a person would.
 */
export async function chooseInMultiSelect(page, scope, label, values) {
  const trigger = scope.locator('button.trigger', { has: page.locator(`.what:text-is("${label}")`) })
  await trigger.click()
  const menu = scope.getByRole('group', { name: label, exact: true })
  for (const v of values) await menu.getByRole('checkbox', { name: v, exact: true }).check()
  await page.keyboard.press('Escape')
  await menu.waitFor({ state: 'detached' })
}

// ---- tabs, drawers ---------------------------------------------------------------------------------------

export async function openTab(page, name) {
  const tab = page.getByRole('tab', { name, exact: true })
  await tab.click()
  await page.locator(`[role="tab"][aria-selected="true"]:text-is("${name}")`).waitFor()
}

/** The right-hand panel with this title (the customers behind a number, a profile). */
export const drawer = (page, title) => page.getByRole('dialog', { name: title, exact: true })

/** The panel's subtitle: "371 customers" once loaded. */
export async function drawerSubtitle(panel) {
  return squash(await panel.locator('header p').first().textContent())
}

export async function closeDrawer(panel) {
  await panel.getByRole('button', { name: 'Close panel' }).click()
  await panel.waitFor({ state: 'detached' })
}

// ---- Flow › Process map -----------------------------------------------------------------------------------

export const processMap = (page) => page.locator('svg.process-map')

/** The map's boxes: [{id, kind, name, count, aria, title}] in document order. */
export async function mapNodes(page) {
  return processMap(page)
    .locator('g.node')
    .evaluateAll((gs) =>
      gs.map((g) => ({
        id: g.getAttribute('data-node'),
        kind: [...g.classList].find((c) => c !== 'node'),
        name: g.querySelector('text.name')?.textContent ?? '',
        count: g.querySelector('text.count')?.textContent ?? '',
        aria: g.getAttribute('aria-label'),
        title: g.querySelector('title')?.textContent ?? '',
      })),
    )
}

/** The map's edge labels: [{edge: "from→to", text, aria, title}]. */
export async function mapEdgeLabels(page) {
  return processMap(page)
    .locator('g.edge-label')
    .evaluateAll((gs) =>
      gs.map((g) => ({
        edge: g.getAttribute('data-edge'),
        text: g.querySelector('text')?.textContent ?? '',
        aria: g.getAttribute('aria-label'),
        title: g.querySelector('title')?.textContent ?? '',
      })),
    )
}

export const mapNode = (page, id) => processMap(page).locator(`g.node[data-node="${id}"]`)
export const mapEdgeLabel = (page, from, to) => processMap(page).locator(`g.edge-label[data-edge="${from}→${to}"]`)

export async function hiddenNoteText(page) {
  return squash(await page.locator('p.hidden-note').textContent())
}

/** What the noise controls hid, as the map says it (views/flow/text.ts hiddenNote). */
export function hiddenNote(h) {
  if (h.customers === 0 && h.events === 0 && h.nodes === 0 && h.edges === 0) return 'Nothing hidden: every customer and event is on the map.'
  const what = []
  if (h.nodes) what.push(`${plural(h.nodes, 'rare step')} merged into "Other" (${plural(h.events, 'event')})`)
  if (h.edges) what.push(`${plural(h.edges, 'edge')} below the share hidden`)
  return `Simplified: ${what.join(', ')}; ${plural(h.customers, 'customer')} ${h.customers === 1 ? 'has' : 'have'} part of their journey simplified.`
}

// ---- Flow › Paths -----------------------------------------------------------------------------------------

/** The Sankey's steps: [{id, name, value, title}]. */
export async function sankeyNodes(page) {
  return page.locator('svg.sankey g[data-node]').evaluateAll((gs) =>
    gs.map((g) => ({
      id: g.getAttribute('data-node'),
      name: g.querySelector('tspan.name')?.textContent ?? '',
      value: g.querySelector('tspan.value')?.textContent ?? '',
      title: g.querySelector('title')?.textContent ?? '',
    })),
  )
}

/** The sentence over the Sankey (views/flow/text.ts pathsText). */
export function pathsText(s, anchor, direction) {
  const where = direction === 'from' ? `starting at ${anchor}` : `leading to ${anchor}`
  if (s.customers === 0) return `No customer's journey passes ${anchor} under this filter.`
  return `Top paths ${where} cover ${formatInt(s.covered)} of ${formatInt(s.customers)} customers (${formatPercent(s.covered / s.customers)}).`
}

// ---- Flow › Variants --------------------------------------------------------------------------------------

/** The coverage sentence (views/flow/text.ts coverageText). */
export function coverageText(v) {
  const n = v.variants.length
  if (n === 0) return 'No journeys match the filter.'
  const listed = n === 1 ? 'The 1 listed variant covers' : `The ${formatInt(n)} listed variants cover`
  return `${listed} ${formatPercent(v.coverage)} of customers (${plural(v.distinct, 'distinct variant')} in all).`
}

/** The variants table: [{n, customers, customersExact, share, chips}] where chips are the pills' texts. */
export async function variantRows(page) {
  return page.locator('table.variants tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const td = [...tr.querySelectorAll('td')]
      return {
        n: td[0]?.textContent?.trim(),
        chips: [...td[1].querySelectorAll('.pill')].map((p) => p.textContent.replace(/\s+/g, ' ').trim()),
        customers: td[2]?.textContent?.trim(),
        customersExact: td[2]?.querySelector('button')?.getAttribute('title') ?? '',
        share: td[3]?.textContent?.trim(),
      }
    }),
  )
}

/** A path as the variant chips show it: consecutive repeats folded into "name ×n". */
export function chipTexts(path) {
  const out = []
  for (const p of path) {
    const last = out[out.length - 1]
    if (last && last.label === p) last.times++
    else out.push({ label: p, times: 1 })
  }
  return out.map((c) => (c.times > 1 ? `${c.label} ×${c.times}` : c.label))
}

// ---- Flow › Funnel ----------------------------------------------------------------------------------------

export const funnelStep = (page, i) => page.locator('ol.steps > li.step').nth(i)

/** The funnel result: [{label, reached, reachedAria, dropped, droppedAria, barTitle}]. */
export async function funnelResult(page) {
  return page.locator('ol.funnel > li').evaluateAll((lis) =>
    lis.map((li) => {
      const drop = li.querySelector('.drop button')
      const reached = li.querySelector('button.count')
      return {
        label: li.querySelector('.head strong')?.textContent?.trim(),
        reached: reached?.textContent?.trim(),
        reachedAria: reached?.getAttribute('aria-label'),
        dropped: drop?.textContent?.trim() ?? '',
        droppedAria: drop?.getAttribute('aria-label') ?? '',
        barTitle: li.querySelector('.bar-row')?.getAttribute('title') ?? '',
      }
    }),
  )
}

// ---- Customers --------------------------------------------------------------------------------------------

export const customerSearch = (page) => page.getByRole('searchbox', { name: 'Search customers by any identifier' })

/** "500 customers match", "1 customer matches" (views/customers/list.ts matchText). */
export function matchText(total, search) {
  const q = search.trim()
  if (total === 0) return q ? `No customer matches “${q}”` : 'No customers in this filter'
  return total === 1 ? '1 customer matches' : `${formatInt(total)} customers match`
}

/** The list's count line without the "· updating…" that shows while a page loads. */
export async function customerTotal(page) {
  return squash(await page.locator('p.total strong').textContent())
}

/** Rows of the Customers list: [{label, id}]. */
export async function customerRows(page) {
  return page.locator('table.customers tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({ label: tr.querySelector('td.who button')?.textContent?.trim(), id: tr.querySelector('td.who .id')?.textContent?.trim() })),
  )
}

/** "batch 3 · crm_contacts.csv line 214" (views/customers/profile.ts evidenceText). */
export const evidenceText = (e) => `batch ${e.batch} · ${e.file} line ${e.line}`

/** "asserted by 3 rows", "…; the first 5 are listed" (views/customers/profile.ts assertedText). */
export function assertedText(rows, listed) {
  const base = `asserted by ${plural(rows, 'row')}`
  if (rows <= listed || listed === 0) return base
  return listed === 1 ? `${base}; the first is listed` : `${base}; the first ${listed} are listed`
}

/** The profile panel's "Why merged" list: [{refs: ["email a@b", "↔ phone +1…"], asserted, evidence: [text]}]. */
export async function whyMerged(panel) {
  return panel.locator('ol.merges > li').evaluateAll((lis) =>
    lis.map((li) => ({
      refs: [...li.querySelectorAll('.pair .ref')].map((r) => r.textContent.replace(/\s+/g, ' ').trim()),
      asserted: li.querySelector('.asserted')?.textContent?.trim(),
      evidence: [...li.querySelectorAll('.evidence li')].map((x) => x.textContent.trim()),
    })),
  )
}

/** The profile's timeline as shown: [{touchpoint, where}] where `where` is "source · file:line". */
export async function timelineEvents(panel) {
  return panel.locator('ol.timeline li.event').evaluateAll((lis) =>
    lis.map((li) => ({ touchpoint: li.querySelector('.tp')?.textContent?.trim(), where: li.querySelector('.src')?.textContent?.trim() })),
  )
}

// ---- Identity, Stages -------------------------------------------------------------------------------------

/** Identity's key figures: {Profiles: {value, exact, detail}, ...}. */
export async function identityFigures(page) {
  return page.locator('.figures .figure').evaluateAll((els) =>
    Object.fromEntries(
      els.map((el) => [
        el.querySelector('.label')?.textContent?.trim(),
        { value: el.querySelector('.value')?.textContent?.trim(), exact: el.querySelector('.value')?.getAttribute('title') ?? '', detail: el.querySelector('.detail')?.textContent?.trim() ?? '' },
      ]),
    ),
  )
}

/** The merge rules' blocked values: [{type, value}] as listed. */
export async function blockedValues(page) {
  const list = page.getByRole('list', { name: 'Blocked values' })
  if ((await list.count()) === 0) return []
  return list.locator('li').evaluateAll((lis) => lis.map((li) => ({ type: li.querySelector('.type')?.textContent?.trim(), value: li.querySelector('code')?.textContent?.trim() })))
}

/** The stage board: {stage: [touchpoint, ...]} in column order, the unassigned column included. */
export async function stageBoard(page) {
  return page.locator('section.column').evaluateAll((cols) =>
    Object.fromEntries(cols.map((c) => [c.querySelector('h2')?.textContent?.trim(), [...c.querySelectorAll('li.card-tp')].map((li) => li.getAttribute('data-touchpoint'))])),
  )
}
