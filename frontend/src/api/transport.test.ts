// The browser transport is tested against a fake fetch and EventSource: the network is the boundary, and
// this is the one place a stand-in for it belongs. The desktop transport gets a fake window.go.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ImportProgressEvent, WorkspaceChangedEvent } from './events'
import { imports } from './imports'
import { call, on, onFileDrop, pageToken, upload } from './transport'
import { workspace } from './workspace'

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

class FakeEventSource {
  static instances: FakeEventSource[] = []
  onmessage: ((e: MessageEvent) => void) | null = null
  closed = false
  constructor(public url: string) {
    FakeEventSource.instances.push(this)
  }
  close() {
    this.closed = true
  }
  emit(payload: unknown) {
    this.onmessage?.(new MessageEvent('message', { data: typeof payload === 'string' ? payload : JSON.stringify(payload) }))
  }
}

let fetchMock: ReturnType<typeof vi.fn>

beforeEach(() => {
  fetchMock = vi.fn()
  vi.stubGlobal('fetch', fetchMock)
  vi.stubGlobal('EventSource', FakeEventSource)
  FakeEventSource.instances = []
  window.history.replaceState(null, '', '/')
})

afterEach(() => {
  vi.unstubAllGlobals()
  delete window.go
  delete window.runtime
})

describe('browser transport', () => {
  it('posts the arguments as a JSON array to /api/call/Struct.Method', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { open: true, path: '/w/acme.wayline', name: 'acme' }))
    const got = await workspace.open('/w/acme.wayline')
    expect(got).toEqual({ open: true, path: '/w/acme.wayline', name: 'acme' })
    expect(fetchMock).toHaveBeenCalledTimes(1)
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/call/Workspace.Open')
    expect(init.method).toBe('POST')
    expect(JSON.parse(init.body)).toEqual(['/w/acme.wayline'])
    expect(init.headers.Authorization).toBeUndefined()
  })

  it('sends null for a missing recipe and an empty array for no arguments', async () => {
    fetchMock.mockImplementation(async () => jsonResponse(200, {}))
    await imports.inspect('/tmp/a.csv', null)
    await workspace.overview()
    expect(JSON.parse(fetchMock.mock.calls[0][1].body)).toEqual(['/tmp/a.csv', null])
    expect(fetchMock.mock.calls[1][0]).toBe('/api/call/Workspace.Overview')
    expect(JSON.parse(fetchMock.mock.calls[1][1].body)).toEqual([])
  })

  it('sends the page token as a bearer header', async () => {
    window.history.replaceState(null, '', '/?token=s3cret')
    expect(pageToken()).toBe('s3cret')
    fetchMock.mockResolvedValue(jsonResponse(200, []))
    await imports.list()
    expect(fetchMock.mock.calls[0][1].headers.Authorization).toBe('Bearer s3cret')
  })

  it('turns a non-2xx answer into an Error carrying the Go message', async () => {
    fetchMock.mockResolvedValue(jsonResponse(400, { error: 'orders.csv line 3: no column "email"' }))
    await expect(call('Imports', 'Run', {})).rejects.toThrow('orders.csv line 3: no column "email"')
  })

  it('explains a refused token and an unreachable server', async () => {
    fetchMock.mockResolvedValueOnce(new Response('forbidden', { status: 403 }))
    await expect(call('Workspace', 'Current')).rejects.toThrow(/refused \(HTTP 403\).*token/)
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'))
    await expect(call('Workspace', 'Current')).rejects.toThrow(/wayline serve/)
  })

  it('maps null lists to empty arrays', async () => {
    fetchMock.mockImplementation(async () => jsonResponse(200, null))
    expect(await workspace.recent()).toEqual([])
    expect(await imports.recipes()).toEqual([])
  })

  it('uploads a file as multipart field "file" with the token', async () => {
    window.history.replaceState(null, '', '/?token=t0k')
    fetchMock.mockResolvedValue(jsonResponse(200, { path: '/srv/tmp/orders.csv', name: 'orders.csv', size: 5 }))
    const got = await upload(new File(['a,b\n'], 'orders.csv', { type: 'text/csv' }))
    expect(got.path).toBe('/srv/tmp/orders.csv')
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/upload')
    expect(init.headers.Authorization).toBe('Bearer t0k')
    const file = (init.body as FormData).get('file') as File
    expect(file.name).toBe('orders.csv')
    expect(file.size).toBe(4)
  })

  it('reports a failed upload with the server message', async () => {
    fetchMock.mockResolvedValue(jsonResponse(413, { error: 'file too large: the limit is 2 GB' }))
    await expect(upload(new File(['x'], 'big.csv'))).rejects.toThrow('file too large: the limit is 2 GB')
  })

  it('shares one EventSource between listeners and routes messages by name', () => {
    window.history.replaceState(null, '', '/?token=a b')
    const progress: unknown[] = []
    const changed: unknown[] = []
    const off1 = on(ImportProgressEvent, (d) => progress.push(d))
    const off2 = on(WorkspaceChangedEvent, (d) => changed.push(d))
    expect(FakeEventSource.instances).toHaveLength(1)
    const es = FakeEventSource.instances[0]
    expect(es.url).toBe('/api/events?token=a%20b')
    es.emit({ name: 'import:progress', data: { fraction: 0.5 } })
    es.emit({ name: 'workspace:changed', data: null })
    es.emit('not json')
    es.emit({ name: 'import:done', data: {} })
    expect(progress).toEqual([{ fraction: 0.5 }])
    expect(changed).toEqual([null])
    off1()
    expect(es.closed).toBe(false)
    off2()
    expect(es.closed).toBe(true)
  })
})

describe('desktop transport', () => {
  it('calls the bound method with the same arguments and no fetch', async () => {
    const Open = vi.fn(async (path: unknown) => ({ open: true, path, name: 'acme' }))
    window.go = { app: { Workspace: { Open } } }
    const got = await workspace.open('/w/acme.wayline')
    expect(Open).toHaveBeenCalledWith('/w/acme.wayline')
    expect(got.name).toBe('acme')
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('turns a rejected string into an Error with that text', async () => {
    window.go = { app: { Imports: { Cancel: () => Promise.reject('no import is running') } } }
    await expect(imports.cancel()).rejects.toThrow('no import is running')
  })

  it('subscribes through the Wails runtime and unsubscribes with what it returns', () => {
    const handlers = new Map<string, (...d: unknown[]) => void>()
    const off = vi.fn()
    window.runtime = {
      EventsOn: (name, cb) => {
        handlers.set(name, cb)
        return off
      },
    }
    const got: unknown[] = []
    const unsubscribe = on(ImportProgressEvent, (d) => got.push(d))
    handlers.get('import:progress')!({ fraction: 1 })
    expect(got).toEqual([{ fraction: 1 }])
    unsubscribe()
    expect(off).toHaveBeenCalledTimes(1)
    expect(FakeEventSource.instances).toHaveLength(0)
  })

  it('hands dropped files over as paths, only for drop targets, and stops listening', () => {
    let drop: ((x: number, y: number, paths: string[]) => void) | undefined
    let useTarget: boolean | undefined
    const dropOff = vi.fn()
    window.runtime = {
      OnFileDrop: (cb, target) => {
        drop = cb
        useTarget = target
      },
      OnFileDropOff: dropOff,
    }
    const got: string[][] = []
    const stop = onFileDrop((paths) => got.push(paths))
    drop!(10, 20, ['/home/ann/orders.csv', '/home/ann/web.jsonl'])
    expect(got).toEqual([['/home/ann/orders.csv', '/home/ann/web.jsonl']])
    expect(useTarget).toBe(true)
    stop()
    expect(dropOff).toHaveBeenCalledTimes(1)
  })

  it('ignores file drops in a browser', () => {
    window.runtime = undefined
    const stop = onFileDrop(() => {
      throw new Error('must not be called')
    })
    expect(() => stop()).not.toThrow()
  })
})
