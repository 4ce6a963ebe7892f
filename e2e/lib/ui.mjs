// How the tests find things on the page, in one place. The app has no test ids; these lean on roles and
// accessible names where it has them (rail, headings, inputs with aria-label, dialogs) and on its class
// names where it does not (key figures, the sources and imports tables). If the markup changes, this file
// is the one to update.

import assert from 'node:assert/strict'

/** Polls fn until it returns a value for which ok() holds; throws with the last value seen. */
export async function until(what, fn, ok, timeout = 10000) {
  const deadline = Date.now() + timeout
  let last
  let lastErr
  for (;;) {
    try {
      last = await fn()
      lastErr = undefined
      if (ok(last)) return last
    } catch (e) {
      lastErr = e
    }
    if (Date.now() > deadline) {
      const seen = lastErr ? `error: ${lastErr.message}` : JSON.stringify(last)
      throw new Error(`timed out after ${timeout} ms waiting for ${what}; last seen: ${seen}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** Waits until fn() deep-equals want; the failure names both. */
export async function untilEqual(what, fn, want, timeout) {
  try {
    return await until(what, fn, (got) => JSON.stringify(got) === JSON.stringify(want), timeout)
  } catch (e) {
    // Re-assert once more so the failure prints as a diff of got and want.
    assert.deepEqual(await fn(), want, `${what}: ${e.message}`)
    throw e
  }
}

export const rail = (page) => page.getByRole('navigation', { name: 'Views' })

/** The rail's view entries in order: [{label, key, enabled, current, title}]. */
export async function railEntries(page) {
  return rail(page)
    .locator('li button.item')
    .evaluateAll((buttons) =>
      buttons.map((b) => ({
        label: b.querySelector('.label')?.textContent?.trim() ?? '',
        key: b.querySelector('kbd')?.textContent?.trim() ?? '',
        enabled: b.getAttribute('aria-disabled') !== 'true',
        current: b.getAttribute('aria-current') === 'page',
        title: b.getAttribute('title') ?? '',
      })),
    )
}

export const railButton = (page, label) => rail(page).locator('li button.item', { has: page.locator(`.label:text-is("${label}")`) })

/** The workspace name and freshness line at the top of the rail. */
export async function railWorkspace(page) {
  const top = rail(page).locator('.switcher')
  return {
    name: (await top.locator('button.current .name').textContent())?.trim(),
    freshness: (await top.locator('.fresh').textContent())?.trim(),
  }
}

/** The text of the page's one h1. */
export async function heading(page) {
  return (await page.locator('main h1, .picker h1').first().textContent())?.trim()
}

export async function waitForHeading(page, text, timeout = 10000) {
  await page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor({ timeout })
}

/** The Overview's key figures: {Events: {value, exact, detail}, ...}, keyed by their label as written. */
export async function keyFigures(page) {
  return page.locator('.figures .figure').evaluateAll((els) =>
    Object.fromEntries(
      els.map((el) => [
        el.querySelector('.label')?.textContent?.trim(),
        {
          value: el.querySelector('.value')?.textContent?.trim(),
          exact: el.querySelector('.value')?.getAttribute('title') ?? '',
          detail: el.querySelector('.detail')?.textContent?.trim() ?? '',
        },
      ]),
    ),
  )
}

/** Rows of the Overview's sources table, in page order. */
export async function sourceRows(page) {
  return page.locator('table.sources tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const td = [...tr.querySelectorAll('td')]
      return {
        name: td[0]?.textContent?.trim(),
        events: td[1]?.textContent?.trim(),
        eventsExact: td[1]?.getAttribute('title') ?? '',
        share: td[2]?.textContent?.trim(),
        files: td[3]?.textContent?.trim(),
        dates: td[4]?.textContent?.trim(),
      }
    }),
  )
}

/** Rows of the Overview's imports table, in page order (newest first). */
export async function batchRows(page) {
  return page.locator('table.batches tbody tr').evaluateAll((trs) =>
    trs
      .filter((tr) => tr.querySelectorAll('td').length >= 8)
      .map((tr) => {
        const td = [...tr.querySelectorAll('td')]
        return {
          id: td[0].textContent.trim(),
          files: [...td[2].querySelectorAll(':scope > div:not(.faint)')].map((d) => d.textContent.trim()),
          sources: td[2].querySelector('.faint')?.textContent?.trim() ?? '',
          rows: td[3].textContent.trim(),
          events: td[4].textContent.trim(),
          rejected: td[5].textContent.trim(),
          duplicates: td[6].textContent.trim(),
        }
      }),
  )
}

/** The row of the imports table for batch id. */
export const batchRow = (page, id) =>
  page.locator('table.batches tbody tr', { has: page.locator(`td:first-child:text-is("${id}")`) })

/** A bar chart's rows as its hover titles ("Name: 1,234 (5 % of 20,060)") and visible labels. */
export async function barChart(page, ariaLabel) {
  return page.locator(`svg[aria-label="${ariaLabel}"] g`).evaluateAll((gs) =>
    gs.map((g) => ({
      title: g.querySelector('title')?.textContent ?? '',
      label: g.querySelector('text.label')?.textContent ?? '',
      value: g.querySelector('text.value')?.textContent ?? '',
    })),
  )
}

/** The Import view's "What Wayline detected" facts: {File, Format, Encoding, Delimiter, ...}. */
export async function detectedFacts(page) {
  return page.locator('dl.facts > div').evaluateAll((divs) =>
    Object.fromEntries(divs.map((d) => [d.querySelector('dt')?.textContent?.trim(), d.querySelector('dd')?.textContent?.trim()])),
  )
}

/** A labelled figure list (<dl> of <div><dt/><dd/></div>) inside scope: {Events: "25", ...}. */
export async function definitionFigures(scope) {
  return scope.locator('dl > div').evaluateAll((divs) =>
    Object.fromEntries(divs.map((d) => [d.querySelector('dt')?.textContent?.trim(), d.querySelector('dd')?.textContent?.trim()])),
  )
}

/** The rows of the first rejection table inside scope: [{where, column, reason}]. */
export async function rejectionRows(scope) {
  return scope.locator('table.rejections tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const td = [...tr.querySelectorAll('td')]
      return { where: td[0]?.textContent?.trim(), column: td[1]?.textContent?.trim(), reason: td[2]?.textContent?.trim() }
    }),
  )
}

/** Asserts the page did nothing a passing test should hide: errors, dialogs, requests off the machine. */
export function assertQuietPage(seen) {
  assert.deepEqual(seen.errors, [], 'uncaught errors in the page')
  assert.deepEqual(seen.failedResponses, [], 'requests the server answered with an error status')
  assert.deepEqual(seen.consoleErrors, [], 'console errors in the page')
  assert.deepEqual(seen.dialogs, [], 'JavaScript dialogs opened')
  assert.deepEqual(seen.offsite, [], 'requests that leave the machine')
}
