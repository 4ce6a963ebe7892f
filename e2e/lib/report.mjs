// Helpers of the Report, presentation and guide tests: a tiny hostile export, the guide's images, and the
// locators of the Report view, the presentation and the snapshot menu.

import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { repoDir, screenshot } from './harness.mjs'

/** A touchpoint that must show as text, never run, in the preview and in the exported file. */
export const scriptTouchpoint = '<script>alert(1)</script>'

/** A small CSV whose every event is at the hostile touchpoint, with emails that redaction must hide. */
export async function writeScriptExport(dir, { rows = 200 } = {}) {
  const lines = ['email,time,touchpoint,channel']
  for (let i = 0; i < rows; i++) {
    lines.push(`report.reader${i}@example.test,2026-05-${String((i % 28) + 1).padStart(2, '0')}T09:00:00Z,"${scriptTouchpoint}",web`)
  }
  const file = path.join(dir, 'script-touchpoint.csv')
  await writeFile(file, lines.join('\n') + '\n')
  return { file, rows, emails: Array.from({ length: rows }, (_, i) => `report.reader${i}@example.test`) }
}

/** docs/images: the guide's screenshots, written by the e2e tests so the guide cannot drift from the app. */
export const guideImages = path.join(repoDir, 'docs', 'images')

/**
 * A screenshot of what a person sees (the window, 1280×800 viewport) into test-output/e2e, and with
 * WAYLINE_GUIDE=1 a copy as docs/images/guide-<name>.png: redrawing the guide is asked for, so an ordinary
 * test run leaves the repository as it was. Returns the test-output path.
 */
export async function guideShot(page, name) {
  const file = await screenshot(page, `guide-${name}`, { fullPage: false })
  if (process.env.WAYLINE_GUIDE === '1') {
    await mkdir(guideImages, { recursive: true })
    await copyFile(file, path.join(guideImages, `guide-${name}.png`))
  }
  return file
}

/** The viewport of the guide's pictures. */
export const guideViewport = { width: 1280, height: 800 }

export const reportFrame = (page) => page.frameLocator('iframe[title="Report preview"]')
export const presentation = (page) => page.getByRole('region', { name: 'Presentation' })

/** The slide heading and counter of the presentation: {title, counter}. */
export async function slideState(page) {
  const p = presentation(page)
  return {
    title: (await p.locator('h1.slide-title').textContent())?.trim(),
    counter: (await p.locator('.counter').textContent())?.trim(),
  }
}
