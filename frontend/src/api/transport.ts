// The only code that talks to Go. In the desktop window Wails injects window.go (bound methods) and
// window.runtime (events); in a browser served by `wayline serve` the same calls go over HTTP and the
// events arrive on one shared EventSource.

type BoundMethod = (...args: unknown[]) => Promise<unknown>
type Listener = (data: unknown) => void

declare global {
  interface Window {
    go?: { app?: Record<string, Record<string, BoundMethod | undefined> | undefined> }
    runtime?: {
      EventsOn?: (name: string, cb: (...data: unknown[]) => void) => (() => void) | void
      EventsOff?: (name: string) => void
      OnFileDrop?: (cb: (x: number, y: number, paths: string[]) => void, useDropTarget: boolean) => void
      OnFileDropOff?: () => void
    }
  }
}

/** The access token from the page URL (`?token=...`), which `wayline serve` may require. */
export function pageToken(): string {
  try {
    return new URLSearchParams(window.location.search).get('token') ?? ''
  } catch {
    return ''
  }
}

function authHeaders(): Record<string, string> {
  const token = pageToken()
  return token ? { Authorization: `Bearer ${token}` } : {}
}

/** True in the desktop window, where Wails has injected the bindings. */
export function isDesktop(): boolean {
  return window.go?.app !== undefined
}

// Wails rejects with the Go error text as a plain string; keep that text as the message.
function toError(e: unknown): Error {
  if (e instanceof Error) return e
  if (typeof e === 'string') return new Error(e)
  return new Error(String(e))
}

const unreachable =
  'Wayline is not answering. Check that `wayline serve` is still running, then reload this page.'

async function errorFrom(res: Response, what: string): Promise<Error> {
  const text = await res.text().catch(() => '')
  try {
    const body = JSON.parse(text) as { error?: unknown }
    if (typeof body.error === 'string' && body.error) return new Error(body.error)
  } catch {
    // not JSON: fall through to the status line
  }
  if (res.status === 401 || res.status === 403) {
    return new Error(`${what} was refused (HTTP ${res.status}). Open the address that \`wayline serve\` printed, including its ?token=.`)
  }
  return new Error(`${what} failed (HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}).`)
}

/** Calls Struct.Method on the Go side with positional arguments and resolves with its result. */
export async function call<T>(struct: string, method: string, ...args: unknown[]): Promise<T> {
  const bound = window.go?.app?.[struct]?.[method]
  if (bound) {
    try {
      return (await bound(...args)) as T
    } catch (e) {
      throw toError(e)
    }
  }
  let res: Response
  try {
    res = await fetch(`/api/call/${struct}.${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...authHeaders() },
      body: JSON.stringify(args),
    })
  } catch {
    throw new Error(unreachable)
  }
  if (!res.ok) throw await errorFrom(res, `${struct}.${method}`)
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}

// One EventSource for the whole page, opened with the first listener and closed with the last.
const listeners = new Map<string, Set<Listener>>()
let source: EventSource | null = null

function openSource(): EventSource {
  const token = pageToken()
  const es = new EventSource(token ? `/api/events?token=${encodeURIComponent(token)}` : '/api/events')
  es.onmessage = (e: MessageEvent) => {
    let msg: { name?: unknown; data?: unknown }
    try {
      msg = JSON.parse(String(e.data))
    } catch {
      return
    }
    if (typeof msg.name !== 'string') return
    for (const cb of [...(listeners.get(msg.name) ?? [])]) cb(msg.data)
  }
  return es
}

/** Subscribes to a Go event (names in events.ts); returns the function that unsubscribes. */
export function on<T>(name: string, cb: (data: T) => void): () => void {
  const eventsOn = window.runtime?.EventsOn
  if (eventsOn) {
    const off = eventsOn(name, (data) => cb(data as T))
    return typeof off === 'function' ? off : () => window.runtime?.EventsOff?.(name)
  }
  const listener = cb as Listener
  let set = listeners.get(name)
  if (!set) listeners.set(name, (set = new Set()))
  set.add(listener)
  source ??= openSource()
  return () => {
    set.delete(listener)
    if (set.size === 0) listeners.delete(name)
    if (listeners.size === 0 && source) {
      source.close()
      source = null
    }
  }
}

/**
 * Desktop only: files dropped on an element styled `--wails-drop-target: drop` arrive as real paths
 * (the browser's File objects carry none, and the window has no upload endpoint). Returns a function that
 * stops listening; a no-op in a browser.
 */
export function onFileDrop(cb: (paths: string[]) => void): () => void {
  const rt = window.runtime
  if (!rt?.OnFileDrop) return () => {}
  rt.OnFileDrop((_x, _y, paths) => cb(paths), true)
  return () => rt.OnFileDropOff?.()
}

/** Uploads a file picked in the browser; Go answers with the server-side path to import from. */
export async function upload(file: File): Promise<{ path: string; name: string; size: number }> {
  const form = new FormData()
  form.append('file', file, file.name)
  let res: Response
  try {
    res = await fetch('/api/upload', { method: 'POST', headers: authHeaders(), body: form })
  } catch {
    throw new Error(unreachable)
  }
  if (!res.ok) throw await errorFrom(res, `Uploading ${file.name}`)
  return (await res.json()) as { path: string; name: string; size: number }
}
