// A stand-in for the Go side at its boundary (window.go and window.runtime, as Wails injects them), so
// component tests run the real api module. Each test lists only the methods it expects to be called;
// calling another one fails the test loudly.
type Method = (...args: unknown[]) => Promise<unknown>

export interface FakeGo {
  calls: { struct: string; method: string; args: unknown[] }[]
  emit: (name: string, data: unknown) => void
  restore: () => void
}

export function installFakeGo(methods: Record<string, Record<string, Method>>): FakeGo {
  const calls: FakeGo['calls'] = []
  const listeners = new Map<string, Set<(data: unknown) => void>>()
  const app: Record<string, Record<string, Method>> = {}
  for (const [struct, ms] of Object.entries(methods)) {
    app[struct] = {}
    for (const [method, fn] of Object.entries(ms)) {
      app[struct][method] = (...args: unknown[]) => {
        calls.push({ struct, method, args })
        return fn(...args)
      }
    }
  }
  window.go = { app }
  window.runtime = {
    EventsOn: (name, cb) => {
      const set = listeners.get(name) ?? new Set()
      listeners.set(name, set)
      const listener = (d: unknown) => cb(d)
      set.add(listener)
      return () => set.delete(listener)
    },
  }
  return {
    calls,
    emit: (name, data) => listeners.get(name)?.forEach((cb) => cb(data)),
    restore: () => {
      delete window.go
      delete window.runtime
    },
  }
}
