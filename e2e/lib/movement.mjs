// Selectors and expected wording for Flow › Movement, restated from frontend/src/views/flow/movement.ts
// (the six headline figures, the touches-after-conversion sentence and table) so a test can say what the
// tab must read for an Explore.Movement answer. The one place to update when the markup changes.

import { formatCompact, formatInt, formatPercent, plural } from './format.mjs'

/** Customers who converted: every customer has one exit, so the exits' converted add up to them. */
export const convertedCustomers = (m) => m.exits.reduce((n, e) => n + e.converted, 0)

const share = (part, whole) => (whole > 0 ? part / whole : 0)
const sumCount = (list) => list.reduce((n, x) => n + x.count, 0)

/**
 * The six headline figures for an Explore.Movement answer, in reading order: {figure, label, customers,
 * value, share, detail, title, aria}. `figure` is the movement cohort each one opens.
 */
export function expectedFigures(m) {
  const converted = convertedCustomers(m)
  const after = m.touchesAfterConversion
  const card = (figure, label, customers, detail, ofConverted = false) => {
    const of = ofConverted ? converted : m.customers
    const value = formatCompact(customers)
    return {
      figure,
      label,
      customers,
      value,
      share: `${formatPercent(share(customers, of))} of ${ofConverted ? 'the converted' : 'customers'}`,
      detail,
      title: `${formatInt(customers)} of ${formatInt(of)} ${ofConverted ? 'converted customers' : 'customers'}`,
      aria: `${value} customers: ${label}`,
    }
  }
  return [
    card('converted', 'Converted', converted, ''),
    card('stageSkips', 'Skipped a stage', m.customersSkipping, plural(sumCount(m.stageSkips), 'skip')),
    card('backtracks', 'Went back a stage', m.customersBacktracking, plural(sumCount(m.backtracks), 'backtrack')),
    card('revisits', 'Revisited a stage', m.customersRevisiting, plural(sumCount(m.revisits), 'revisit')),
    card('touchesAfterConversion', 'After converting', after.customers, plural(after.events, 'touch', 'touches'), true),
    card('paidAfterConversion', 'Paid after converting', after.paidCustomers, plural(after.paidEvents, 'paid touch', 'paid touches'), true),
  ]
}

/** The headline figures as shown, in page order. */
export async function shownFigures(page) {
  return page
    .getByRole('list', { name: 'Movement in figures' })
    .locator('li.figure')
    .evaluateAll((lis) =>
      lis.map((li) => {
        const b = li.querySelector('button.value')
        return {
          label: li.querySelector('.label')?.textContent?.trim(),
          value: b?.textContent?.trim(),
          share: li.querySelector('.share')?.textContent?.trim(),
          detail: li.querySelector('.detail')?.textContent?.trim() ?? '',
          title: b?.getAttribute('title') ?? '',
          aria: b?.getAttribute('aria-label') ?? '',
          warn: li.classList.contains('warn'),
        }
      }),
    )
}

/** The headline figure's number button, by its label. */
export const figureButton = (page, label) => page.getByRole('list', { name: 'Movement in figures' }).locator('li.figure', { has: page.locator(`.label:text-is("${label}")`) }).locator('button.value')

/** The sentence over the touches-after-conversion table (movement.ts afterText). */
export function afterText(m) {
  const a = m.touchesAfterConversion
  const converted = convertedCustomers(m)
  if (converted === 0) return 'No customer converted under this filter, so nothing came after a conversion. The goal is set in the Stages tab.'
  if (a.events === 0) return `None of the ${plural(converted, 'converted customer')} was touched again after converting.`
  const base = `${plural(a.events, 'touch', 'touches')} reached ${formatInt(a.customers)} of ${plural(converted, 'converted customer')} (${formatPercent(share(a.customers, converted))}) after they converted`
  if (a.paidEvents === 0) return `${base}; none of them was paid.`
  return `${base}; ${formatInt(a.paidEvents)} of those touches were paid (${formatPercent(share(a.paidEvents, a.events))}), reaching ${plural(a.paidCustomers, 'customer')}.`
}

/** How the table writes a channel: Go's "" is an event without one. */
export const channelText = (c) => c || 'no channel'

/** The rows the touches-after-conversion table must show first (12 until "Show more"), optionally paid only. */
export function expectedAfterRows(m, { paidOnly = false, limit = 12 } = {}) {
  const all = m.touchesAfterConversion.touchpoints
  const list = paidOnly ? all.filter((t) => t.paid) : all
  const events = m.touchesAfterConversion.events
  return list.slice(0, limit).map((t) => ({
    touchpoint: t.touchpoint,
    channel: channelText(t.channel),
    tag: t.paid ? 'paid' : '',
    paid: t.paid,
    touches: formatCompact(t.events),
    share: formatPercent(share(t.events, events)),
  }))
}

/** The touches-after-conversion table as shown. */
export async function shownAfterRows(page) {
  return page.locator('table.after-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const td = [...tr.querySelectorAll('td')]
      return {
        touchpoint: td[0]?.textContent?.trim(),
        channel: td[1]?.textContent?.trim(),
        tag: td[2]?.textContent?.trim(),
        paid: tr.classList.contains('paid'),
        touches: td[3]?.textContent?.trim(),
        share: td[4]?.textContent?.trim(),
      }
    }),
  )
}

export const afterSentence = (page) => page.locator('section.after p.after-text')
