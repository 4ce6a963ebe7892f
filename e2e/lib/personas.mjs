// Selectors and expected wording for the Personas view (gallery cards, the map, the comparison). Like
// lib/journey.mjs this is the one place to update when the markup changes; the sentences restate
// frontend/src/views/personas/text.ts, PersonaCard.svelte, CompareTab.svelte and charts/personaMap.ts so a
// test can say what the page must read for figures that came from the API, never from the page.

import { formatInt, formatPercent, plural } from './format.mjs'

/** The options the gallery's "Discover personas" means to send before any run (views/personas/runOptions.ts initialForm: automatic k, both methods, seed 1). */
export const firstRunOptions = { k: 0, method: 'auto', features: [], seed: 1 }

/** The empty gallery's invitation (text.ts emptyText). */
export const emptyText = (customers) => `No personas yet — Discover personas from ${plural(customers, 'customer')}`

/** A card's status pill (text.ts statusText). */
export const statusLabel = { new: 'New', changed: 'Changed', stable: 'Stable' }

/** The name a persona is shown by. */
export const nameOf = (p) => p.name || p.autoName

/** "5 personas from behaviour features · silhouette 0.42" (text.ts qualityText). */
export function qualityText(r) {
  const methods = { features: 'behaviour features', sequences: 'journey sequences', auto: 'the better method' }
  const m = r.quality.method || r.method
  const score = Number.isFinite(r.quality.score) ? r.quality.score.toFixed(2) : '–'
  return `${plural(r.personas.length, 'persona')} from ${methods[m] ?? m} · ${r.quality.criterion || 'quality'}: ${score}`
}

/** What a gallery card must show for a persona of Personas.Current (PersonaCard.svelte). */
export function expectedCard(p) {
  return {
    id: p.id,
    name: nameOf(p),
    status: statusLabel[p.status],
    share: formatPercent(p.share),
    conversion: formatPercent(p.conversionRate),
    customers: plural(p.size, 'customer'),
    customersTitle: `${formatInt(p.size)} customers: show them`,
  }
}

/** The gallery's cards as shown, in page order. */
export async function galleryCards(page) {
  return page.locator('article.persona').evaluateAll((cards) =>
    cards.map((c) => {
      const figure = (label) =>
        [...c.querySelectorAll('.figures > div')].find((d) => d.querySelector('.label')?.textContent?.trim() === label)?.querySelector('strong')?.textContent?.trim()
      const size = c.querySelector('.share button')
      return {
        id: c.getAttribute('data-persona'),
        name: c.querySelector('header h2')?.textContent?.trim(),
        status: c.querySelector('header .status')?.textContent?.trim(),
        share: figure('Share'),
        conversion: figure('Conversion'),
        customers: size?.textContent?.trim(),
        customersTitle: size?.getAttribute('title') ?? '',
      }
    }),
  )
}

export const card = (page, id) => page.locator(`article.persona[data-persona="${id}"]`)

// ---- the map -------------------------------------------------------------------------------------------

export const personaMapSvg = (page) => page.locator('svg[aria-label="Customers on the persona map, coloured by persona"]')

/** The map's header note: "500 customers" or "5,000 customers drawn (a random sample)" (charts/personaMap.ts sampleNote). */
export function sampleNote(drawn, cap = 5000) {
  return drawn >= cap ? `${formatInt(drawn)} customers drawn (a random sample)` : `${formatInt(drawn)} customers`
}

/** The legend as shown: [{name, share}] in order. */
export async function mapLegend(page) {
  return page
    .getByRole('list', { name: 'Personas', exact: true })
    .locator('li button')
    .evaluateAll((bs) => bs.map((b) => ({ name: b.querySelector('.name')?.textContent?.trim(), share: b.querySelector('.num')?.textContent?.trim() })))
}

/** The legend Personas.Map's points must give: each persona's share of the drawn dots (charts/personaMap.ts). */
export function expectedLegend(personas, points) {
  const counts = new Map()
  for (const p of points) counts.set(p.persona, (counts.get(p.persona) ?? 0) + 1)
  return personas.map((p) => ({ name: nameOf(p), share: points.length ? formatPercent((counts.get(p.id) ?? 0) / points.length) : '–' }))
}

// ---- the comparison -----------------------------------------------------------------------------------

export const compareChooser = (page) => page.getByRole('group', { name: 'Personas to compare' })

/** The compared columns as shown: [{id, name, size, sizeTitle, conversion}]. */
export async function compareColumns(page) {
  return page.locator('section.column[data-persona]').evaluateAll((cols) =>
    cols.map((c) => {
      const dd = (label) => [...c.querySelectorAll('dl > div')].find((d) => d.querySelector('dt')?.textContent?.trim() === label)?.querySelector('dd')
      return {
        id: c.getAttribute('data-persona'),
        name: c.querySelector('h2')?.textContent?.trim(),
        size: dd('Size')?.textContent?.trim(),
        sizeTitle: dd('Size')?.getAttribute('title') ?? '',
        conversion: dd('Conversion')?.textContent?.trim(),
      }
    }),
  )
}

/** What a comparison column must show for a persona (CompareTab.svelte). */
export function expectedColumn(p) {
  return {
    id: p.id,
    name: nameOf(p),
    size: `${formatPercent(p.share)} · ${plural(p.size, 'customer')}`,
    sizeTitle: `${formatInt(p.size)} customers`,
    conversion: formatPercent(p.conversionRate),
  }
}
