import { describe, expect, it } from 'vitest'
import { identityOverview } from './fixtures'
import {
  addBlocked,
  blockProblem,
  bridgeText,
  copyRules,
  flagText,
  knownTypes,
  overStitchFacts,
  removeBlocked,
  removeLimit,
  sameRules,
  setLimit,
  sizeText,
  toggleNonMerging,
} from './rules'

const rules = identityOverview.rules

describe('blocked values', () => {
  it('adds trimmed values and refuses empty, duplicate and default ones', () => {
    const r = addBlocked(rules, 'customer_id', ' STORE-0001 ')
    expect(r.blocked).toEqual([
      { type: 'email', value: 'noreply@shop.example' },
      { type: 'customer_id', value: 'STORE-0001' },
    ])
    expect(rules.blocked).toHaveLength(1)
    expect(blockProblem(rules, 'email', '  ')).toBe('Type the identifier value to block.')
    expect(blockProblem(rules, 'email', 'NoReply@shop.example')).toBe('“NoReply@shop.example” is already blocked.')
    expect(blockProblem(rules, 'phone', 'noreply@shop.example')).toBe('')
    expect(blockProblem(rules, '', 'N/A')).toBe('“N/A” is already blocked by default.')
    expect(addBlocked(rules, 'email', 'unknown')).toBe(rules)
  })

  it('treats a value blocked for any type as blocked for every type', () => {
    const any = addBlocked(rules, '', 'guest')
    expect(blockProblem(any, 'email', 'guest')).toBe('“guest” is already blocked.')
  })

  it('removes by position', () => {
    expect(removeBlocked(addBlocked(rules, '', 'guest'), 0).blocked).toEqual([{ type: '', value: 'guest' }])
  })
})

describe('limits and non-merging types', () => {
  it('sets, replaces and removes per-type limits, ignoring nonsense', () => {
    expect(setLimit(rules, 'email', 5).limits).toEqual([
      { type: 'email', max: 5 },
      { type: 'phone', max: 10 },
    ])
    expect(setLimit(rules, 'customer_id', 1).limits.at(-1)).toEqual({ type: 'customer_id', max: 1 })
    expect(setLimit(rules, 'email', 0)).toBe(rules)
    expect(setLimit(rules, 'email', 2.5)).toBe(rules)
    expect(setLimit(rules, ' ', 4)).toBe(rules)
    expect(removeLimit(rules, 'phone').limits).toEqual([{ type: 'email', max: 3 }])
  })

  it('toggles non-merging types', () => {
    expect(toggleNonMerging(rules, 'session_id').nonMerging).toEqual(['order_id', 'session_id'])
    expect(toggleNonMerging(rules, 'ORDER_ID').nonMerging).toEqual([])
  })
})

describe('sameRules', () => {
  it('ignores order and the read-only defaults, and sees every edit', () => {
    const c = copyRules(rules)
    c.limits.reverse()
    c.defaultBlocked = []
    expect(sameRules(rules, c)).toBe(true)
    expect(sameRules(rules, setLimit(rules, 'email', 4))).toBe(false)
    expect(sameRules(rules, addBlocked(rules, '', 'x'))).toBe(false)
    expect(sameRules(rules, toggleNonMerging(rules, 'order_id'))).toBe(false)
  })
})

describe('words', () => {
  it('describes bridges, over-stitched profiles, flags and sizes', () => {
    const o = identityOverview.overStitched[0]
    expect(bridgeText(o.bridges[0])).toBe('splits into 1,602 profiles · in 40,100 rows')
    expect(bridgeText({ type: 'x', value: 'y', profiles: 1, rows: 1 })).toBe('splits into 1 profile · in 1 row')
    expect(overStitchFacts(o)).toBe('from 98,210 rows · outlier score 14.2')
    // JSON cannot carry +Inf (every profile the same size): Go may send null instead.
    expect(overStitchFacts({ ...o, score: null as unknown as number })).toBe('from 98,210 rows')
    expect(flagText(identityOverview.flagged[0])).toBe('5 email values, limit 3')
    expect(sizeText(2)).toBe('2')
    expect(sizeText(2.5)).toBe('2.5')
  })

  it('offers every identifier type it has seen', () => {
    expect(knownTypes(identityOverview, rules)).toEqual(['customer_id', 'email', 'order_id', 'phone'])
  })
})
