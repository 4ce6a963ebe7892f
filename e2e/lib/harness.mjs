// The real thing, end to end: a demo workspace built by the real binary in a temp folder, `wayline serve`
// on a free loopback port, and headless Chromium from the system (never a downloaded browser). Every test
// file gets its own workspace and server, so a test that imports or removes data cannot move another
// test's numbers.

import { spawn, execFile } from 'node:child_process'
import http from 'node:http'
import { mkdtemp, mkdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { chromium } from 'playwright-core'

const run = promisify(execFile)

export const e2eDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const repoDir = path.resolve(e2eDir, '..')
/** Screenshots land here (repo-relative test-output/, which git ignores). */
export const outDir = path.join(repoDir, 'test-output', 'e2e')
export const bin = process.env.WAYLINE_BIN ? path.resolve(process.env.WAYLINE_BIN) : path.join(repoDir, 'build', 'bin', 'wayline')
export const chromiumPath = process.env.WAYLINE_CHROMIUM || '/usr/bin/chromium'

/** How long the server may take to stop after SIGTERM; the clean shutdown is part of the contract. */
export const shutdownBudgetMs = 5000

/**
 * A temp folder with its own config and data dirs (the user's real ones are never touched) and, unless
 * customers is 0, a demo workspace `e2e.wayline` built by the CLI.
 */
export async function makeWorkspace({ customers = 500, name = 'e2e' } = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'wayline-e2e-'))
  const env = {
    ...process.env,
    WAYLINE_CONFIG_DIR: path.join(dir, 'config'),
    WAYLINE_DATA_DIR: path.join(dir, 'data'),
  }
  await mkdir(env.WAYLINE_CONFIG_DIR, { recursive: true })
  await mkdir(env.WAYLINE_DATA_DIR, { recursive: true })
  const file = path.join(dir, `${name}.wayline`)
  const ws = {
    dir,
    env,
    file,
    name,
    /** Runs the CLI with this workspace's environment; resolves with stdout. */
    async cli(...args) {
      const { stdout } = await run(bin, args, { env, maxBuffer: 64 << 20 })
      return stdout
    },
    async cliJSON(...args) {
      return JSON.parse(await ws.cli(...args, '--json'))
    },
    async remove() {
      await rm(dir, { recursive: true, force: true })
    },
  }
  if (customers > 0) {
    try {
      await ws.cli('demo', '-w', file, '--customers', String(customers))
    } catch (e) {
      await ws.remove()
      throw e
    }
  }
  return ws
}

/**
 * Starts `wayline serve` on port 0 and reads the address it prints ("Serving X at http://..."), so there is
 * no race for a port between choosing it and binding it. Resolves once GET /api/health answers.
 */
export async function startServer(ws, extraArgs = []) {
  const proc = spawn(bin, ['serve', '-w', ws.file, '--addr', '127.0.0.1:0', ...extraArgs], {
    env: ws.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  const exited = new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })))
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`wayline serve printed no address within 15 s:\n${log}`)), 15000)
    const onData = (chunk) => {
      log += chunk
      const m = /Serving .* at (http:\/\/127\.0\.0\.1:\d+)\/?/.exec(log)
      if (m) {
        clearTimeout(timer)
        resolve(m[1])
      }
    }
    proc.once('error', (e) => {
      clearTimeout(timer)
      reject(new Error(`could not start ${bin}: ${e.message} (build it with 'make build', or set WAYLINE_BIN)`))
    })
    proc.stdout.on('data', onData)
    proc.stderr.on('data', onData)
    exited.then(({ code, signal }) => {
      clearTimeout(timer)
      reject(new Error(`wayline serve exited early (code ${code}, signal ${signal}):\n${log}`))
    })
  })
  await waitForHealth(url)
  const server = {
    url,
    proc,
    get log() {
      return log
    },
    /** Calls a bound method over HTTP, as the page does; rejects with the server's error text. */
    call: (method, ...args) => call(url, method, ...args),
    /**
     * SIGTERM, then waits for the exit. Resolves with {code, signal, ms}; a process still alive after the
     * budget is killed, and reported with signal 'SIGKILL' so the caller's assertion fails loudly.
     */
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return { ...(await exited), ms: 0 }
      const t0 = Date.now()
      proc.kill('SIGTERM')
      let timer
      const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve(null), shutdownBudgetMs)))
      const got = await Promise.race([exited, timeout])
      clearTimeout(timer)
      if (got) return { ...got, ms: Date.now() - t0 }
      proc.kill('SIGKILL')
      await exited
      return { code: null, signal: 'SIGKILL', ms: Date.now() - t0 }
    },
  }
  return server
}

async function waitForHealth(url) {
  const deadline = Date.now() + 10000
  let last = ''
  while (Date.now() < deadline) {
    try {
      const res = await request('GET', `${url}/api/health`)
      if (res.status === 200) return
      last = `HTTP ${res.status}`
    } catch (e) {
      last = e.message
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`GET ${url}/api/health did not answer within 10 s (${last})`)
}

/** POST /api/call/<Struct.Method> with the arguments as a JSON array. */
export async function call(url, method, ...args) {
  const { status, text } = await request('POST', `${url}/api/call/${method}`, JSON.stringify(args))
  if (status < 200 || status > 299) throw new Error(`${method}: HTTP ${status}: ${text}`)
  return text ? JSON.parse(text) : undefined
}

// node:http without keep-alive: fetch's pooled connections would hold each test process open for seconds
// after the server has gone.
function request(method, url, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent: false, headers: body ? { 'Content-Type': 'application/json' } : {} }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (c) => (text += c))
      res.on('end', () => resolve({ status: res.statusCode, text }))
      res.on('error', reject)
    })
    req.setTimeout(30000, () => req.destroy(new Error(`${method} ${url}: no answer within 30 s`)))
    req.on('error', reject)
    req.end(body)
  })
}

/** Headless system Chromium in a fresh, throw-away profile; nothing is downloaded. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/**
 * A page on the server's address that records what would make a test's pass a lie: uncaught errors,
 * console errors, JavaScript dialogs, and any request that leaves the machine ("nothing leaves the
 * machine" is part of the brief).
 */
export async function openPage(browser, server, { width = 1360, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, locale: 'en-GB' })
  // Short waits: a local server answers in milliseconds, and a failing step should not stall the run.
  context.setDefaultTimeout(10000)
  const page = await context.newPage()
  const seen = { errors: [], consoleErrors: [], dialogs: [], offsite: [], failedResponses: [] }
  page.on('pageerror', (e) => seen.errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() !== 'error') return
    const where = m.location()?.url ?? ''
    // Chromium asks for /favicon.ico on its own; the app has no icon, which is cosmetic (see README).
    if (new URL(where || 'about:blank').pathname === '/favicon.ico') {
      seen.favicon = true
      return
    }
    seen.consoleErrors.push(`${m.text()}${where ? ` (${where})` : ''}`)
  })
  page.on('dialog', (d) => {
    seen.dialogs.push(`${d.type()}: ${d.message()}`)
    d.dismiss().catch(() => {})
  })
  page.on('response', (r) => {
    if (r.status() >= 400) seen.failedResponses.push(`${r.status()} ${r.request().method()} ${r.url()}`)
  })
  page.on('request', (r) => {
    const u = new URL(r.url())
    if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:', 'about:'].includes(u.protocol)) {
      seen.offsite.push(r.url())
    }
  })
  await page.goto(server.url + '/')
  return { page, context, seen }
}

/**
 * A screenshot into test-output/e2e/<name>.png; returns the path. The whole page by default; fullPage false
 * for what a person sees in the window (a full-page shot draws sticky bars and drawers mid-page).
 */
export async function screenshot(page, name, { fullPage = true } = {}) {
  await mkdir(outDir, { recursive: true })
  const file = path.join(outDir, `${name}.png`)
  await page.screenshot({ path: file, fullPage, animations: 'disabled' })
  return file
}

/**
 * Everything one test file needs: a workspace (prepare(ws) runs before the server opens it, for CLI
 * imports), the server, the browser and a page on the app. close() undoes it all and is safe to call twice.
 */
export async function bootApp({ customers = 500, prepare, viewport } = {}) {
  const ws = await makeWorkspace({ customers })
  let server
  let browser
  try {
    if (prepare) await prepare(ws)
    server = await startServer(ws)
    browser = await launchBrowser()
    const { page, context, seen } = await openPage(browser, server, viewport)
    return {
      ws,
      server,
      browser,
      page,
      context,
      seen,
      async close() {
        await browser.close().catch(() => {})
        await server.stop()
        await ws.remove()
      },
    }
  } catch (e) {
    await browser?.close().catch(() => {})
    await server?.stop()
    await ws.remove()
    throw e
  }
}

/** The contract for shutting down: SIGTERM makes `wayline serve` exit with code 0 within the budget. */
export async function assertCleanShutdown(assert, server) {
  const { code, signal, ms } = await server.stop()
  assert.equal(signal, null, `wayline serve was ended by ${signal} after ${ms} ms, want a clean exit within ${shutdownBudgetMs} ms\n${server.log}`)
  assert.equal(code, 0, `wayline serve exited with code ${code}, want 0\n${server.log}`)
  assert.ok(ms < shutdownBudgetMs, `shutdown took ${ms} ms, want under ${shutdownBudgetMs} ms`)
}
