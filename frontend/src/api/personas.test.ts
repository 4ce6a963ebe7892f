// The Personas wrapper sends the contract's positional arguments to the right method and fills in what
// Go leaves out before any run.
import { afterEach, describe, expect, it } from 'vitest'
import { installFakeGo, type FakeGo } from '../test/fakeGo'
import { normalisePersona, normaliseResult, personaColour, personaOptions, personas, type Persona } from './personas'

let go: FakeGo | undefined
afterEach(() => go?.restore())

const ok = async (...args: unknown[]) => ({ args })

describe('personas', () => {
  it('calls every Personas method with its arguments', async () => {
    go = installFakeGo({ Personas: { Run: ok, Current: ok, Map: ok, Compare: ok, Rename: ok, SetNotes: ok, SetColor: ok, Cancel: async () => true } })
    const opts = { k: 0, method: 'auto' as const, features: ['touches'], seed: 3 }
    await personas.run(opts)
    await personas.current()
    await personas.map()
    await personas.compare(['persona-1', 'persona-2'])
    await personas.rename('persona-1', 'Bargain hunters')
    await personas.setNotes('persona-1', 'Wait for discounts')
    await personas.setColor('persona-1', '#E69F00')
    expect(await personas.cancel()).toBe(true)
    expect(go.calls.map((c) => [`${c.struct}.${c.method}`, c.args])).toEqual([
      ['Personas.Run', [opts]],
      ['Personas.Current', []],
      ['Personas.Map', []],
      ['Personas.Compare', [['persona-1', 'persona-2']]],
      ['Personas.Rename', ['persona-1', 'Bargain hunters']],
      ['Personas.SetNotes', ['persona-1', 'Wait for discounts']],
      ['Personas.SetColor', ['persona-1', '#E69F00']],
      ['Personas.Cancel', []],
    ])
  })

  it('fills in a result Go sends before any run', async () => {
    go = installFakeGo({ Personas: { Current: async () => ({ personas: [] }) } })
    const r = await personas.current()
    expect(r).toMatchObject({ k: 0, personas: [], features: [], kScores: [], alternatives: [], ranAt: '', changed: false })
    expect(Number.isNaN(r.quality.score)).toBe(true)
    expect(normaliseResult(null).personas).toEqual([])
  })

  it("reads rules as text whether Go sends strings or the persona package's rule objects", async () => {
    go = installFakeGo({
      Personas: {
        Current: async () => ({
          personas: [{ id: 'persona-1', name: 'A', rules: [{ text: 'support contacts ≥ 2', precision: 0.9 }, 'mobile share > 0.6', { text: '' }] }],
          seed: 7,
        }),
      },
    })
    const r = await personas.current()
    expect(r.personas[0].rules).toEqual(['support contacts ≥ 2', 'mobile share > 0.6'])
    expect(r.personas[0].medoidPath).toEqual([])
    expect(r.seed).toBe(7)
    expect(normalisePersona({ id: 'x', rules: null } as unknown as Persona).rules).toEqual([])
  })

  it('lists the options for the filter bar: id, name (or the automatic one) and colour', async () => {
    go = installFakeGo({
      Personas: {
        Current: async () => ({
          personas: [
            { id: 'persona-1', name: 'Bargain hunters', autoName: 'Email-driven', color: '#CC79A7' },
            { id: 'persona-2', name: '', autoName: 'Store regulars', color: '' },
          ],
        }),
      },
    })
    expect(await personaOptions()).toEqual([
      { id: 'persona-1', name: 'Bargain hunters', color: '#CC79A7' },
      { id: 'persona-2', name: 'Store regulars', color: '#E69F00' },
    ])
  })

  it('gives a persona without a colour the palette hue of its position', () => {
    expect(personaColour({ color: '' }, 0)).toBe('#0072B2')
    expect(personaColour({ color: '' }, 9)).toBe('#E69F00')
    expect(personaColour({ color: '#123456' }, 0)).toBe('#123456')
  })
})
