// How the Workshop tests read the view: the comparison's figures and columns, the gap list and the sticky
// notes, plus what the page should show for a given API answer (computed here with the app's formatting).

import { formatCompact, formatPercent } from './format.mjs'
import { squash } from './journey.mjs'

export const noTolerance = { extraTouches: 0, allowSkips: 0 }

/** The key figures above the board: {label: value}. */
export async function workshopFigures(page) {
  return page.locator('.figures .figure').evaluateAll((els) =>
    Object.fromEntries(els.map((e) => [e.querySelector('.label')?.textContent?.trim(), e.querySelector('.value')?.textContent?.trim()])),
  )
}

/** The sentence under "Where most first leave the path". */
export async function departureSentence(page) {
  return squash(await page.locator('[data-departure]').textContent())
}

/** Stage columns as {stage: [touchpoint, ...]} in the order drawn. */
export async function boardColumns(page) {
  return page.locator('section.column').evaluateAll((cols) =>
    cols.map((c) => [c.dataset.stage, [...c.querySelectorAll('li.tp[data-touchpoint]')].map((li) => li.dataset.touchpoint)]),
  )
}

/** The gap rows as [count text, sentence], in the order listed. */
export async function gapRows(page) {
  return page.locator('ol.gaps li').evaluateAll((lis) => lis.map((li) => [li.querySelector('.n')?.textContent?.trim(), li.querySelector('.text')?.textContent?.trim()]))
}

/** What the gap list shows for Compare's gaps (the 12 biggest until "Show all"). */
export function expectedGapRows(gaps, limit = 12) {
  return gaps.slice(0, limit).map((g) => [g.customers ? formatCompact(g.customers) : '–', g.text])
}

/** The first key figure, "Follow the assumed path end to end". */
export const followedFigure = (c) => formatPercent(c.followedShare ?? 0)

/** The departure sentence the page writes for Compare's biggest departure (overlay.ts departureText). */
export function departureText(d) {
  const n = new Intl.NumberFormat('en-US').format(d.customers)
  const who = `${n} ${d.customers === 1 ? 'customer' : 'customers'}`
  if (!d.after && d.to) {
    if (d.kind === 'unplanned') return `${who} start off the path, at ${d.to}`
    if (d.kind === 'skip') return `${who} start at ${d.to}, skipping the steps the map puts before it`
    if (d.kind === 'out of order') return `${who} start at ${d.to}, out of the assumed order`
  }
  const after = d.after ? `after ${d.after} (${d.stage})` : 'before the first planned step'
  switch (d.kind) {
    case 'ended':
      return d.after ? `${who} stop ${after}` : `${who} never reach the first planned step`
    case 'unplanned':
      return `${who} leave the path ${after} for ${d.to}, which the map does not plan for`
    case 'out of order':
      return `${who} go ${after} to ${d.to}, out of the assumed order`
    case 'skip':
      return `${who} jump ${after} to ${d.to}, skipping required steps`
    default:
      return `${who} leave the path ${after}${d.to ? ` for ${d.to}` : ''}`
  }
}

export const note = (page, id) => page.locator(`article.sticky[data-note="${id}"]`)
