// The Explore and Identity wrappers send the contract's positional arguments to the right method.
import { afterEach, describe, expect, it } from 'vitest'
import { installFakeGo, type FakeGo } from '../test/fakeGo'
import { cohort, customerQuery, emptyFilter, explore } from './explore'
import { identity } from './identity'

let go: FakeGo | undefined
afterEach(() => go?.restore())

const ok = async (...args: unknown[]) => ({ args })

describe('explore', () => {
  it('calls every Explore method with its arguments', async () => {
    go = installFakeGo({
      Explore: { FilterOptions: ok, Summary: ok, Flow: ok, Paths: ok, Variants: ok, Funnel: ok, Movement: ok, Customers: ok, Profile: ok },
    })
    const f = emptyFilter()
    const spec = { steps: [{ label: 'Cart', touchpoints: ['cart'], optional: false }], mode: 'closed' as const, windowSeconds: 0 }
    await explore.filterOptions()
    await explore.summary(f)
    await explore.flow(f, { level: 'stage', minEdgeShare: 0.01, maxNodes: 20 })
    await explore.paths(f, { anchor: 'cart', direction: 'to', depth: 4, limit: 20 })
    await explore.variants(f, { collapseRepeats: true, limit: 50 })
    await explore.funnel(f, spec)
    await explore.movement(f)
    await explore.customers(f, customerQuery({ cohort: cohort('node', { level: 'touchpoint', node: 'cart' }) }))
    await explore.profile('ann@example.com')
    expect(go.calls.map((c) => `${c.struct}.${c.method}`)).toEqual([
      'Explore.FilterOptions',
      'Explore.Summary',
      'Explore.Flow',
      'Explore.Paths',
      'Explore.Variants',
      'Explore.Funnel',
      'Explore.Movement',
      'Explore.Customers',
      'Explore.Profile',
    ])
    expect(go.calls[0].args).toEqual([])
    expect(go.calls[2].args).toEqual([f, { level: 'stage', minEdgeShare: 0.01, maxNodes: 20 }])
    expect(go.calls[5].args).toEqual([f, spec])
    expect(go.calls[7].args[1]).toEqual({
      search: '',
      sort: 'value',
      desc: true,
      offset: 0,
      limit: 50,
      cohort: { kind: 'node', level: 'touchpoint', minEdgeShare: 0, maxNodes: 0, channel: '', node: 'cart', from: '', to: '', path: [], collapseRepeats: false, funnel: null, step: 0, movement: '', direction: '', depth: 0 },
    })
    expect(go.calls[8].args).toEqual(['ann@example.com'])
  })

  it('builds a filter that restricts nothing', () => {
    expect(emptyFilter()).toEqual({ from: '', to: '', sources: [], channels: [], devices: [], personas: [], attribute: null })
  })
})

describe('identity', () => {
  it('calls every Identity method with its arguments', async () => {
    go = installFakeGo({ Identity: { Overview: ok, Rules: ok, SetRules: ok, BlockValue: ok, Stages: ok, SetStages: ok } })
    const rules = { blocked: [], defaultBlocked: ['unknown'], limits: [{ type: 'email', max: 3 }], nonMerging: ['order_id'] }
    await identity.overview()
    await identity.rules()
    await identity.setRules(rules)
    await identity.blockValue('store_id', 'S-1')
    await identity.stages()
    await identity.setStages({ stages: ['Awareness'], mapping: [{ touchpoint: 'ad', stage: 'Awareness' }], goal: ['purchase'] })
    expect(go.calls.map((c) => [c.method, c.args])).toEqual([
      ['Overview', []],
      ['Rules', []],
      ['SetRules', [rules]],
      ['BlockValue', ['store_id', 'S-1']],
      ['Stages', []],
      ['SetStages', [{ stages: ['Awareness'], mapping: [{ touchpoint: 'ad', stage: 'Awareness' }], goal: ['purchase'] }]],
    ])
  })
})
