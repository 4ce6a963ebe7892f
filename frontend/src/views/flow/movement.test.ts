import { describe, expect, it } from 'vitest'
import type { Movement } from '../../api/types'
import { movement } from '../../test/exploreFixtures'
import { afterRows, afterText, channelText, convertedCustomers, entryRows, exitRows, firstRows, movementFigures, revisitRows, stageMoveRows, switchLines } from './movement'

// Every cohort must name exactly the figure and the fields internal/journey/cohort.go narrows it by.
const blank = { level: '', minEdgeShare: 0, maxNodes: 0, channel: '', node: '', from: '', to: '', path: [], collapseRepeats: false, funnel: null, step: 0, direction: '', depth: 0 }

describe('movement figures', () => {
  it('adds up the converted customers from the exits (each customer has exactly one)', () => {
    expect(convertedCustomers(movement)).toBe(400)
    expect(convertedCustomers({ ...movement, exits: [] })).toBe(0)
  })

  it('lists the six headline figures with their shares and the cohort behind each', () => {
    const got = movementFigures(movement).map((f) => [f.figure, f.label, f.value, f.share, f.detail, f.warn])
    expect(got).toEqual([
      ['converted', 'Converted', '400', '40 % of customers', '', false],
      ['stageSkips', 'Skipped a stage', '170', '17 % of customers', '210 skips', false],
      ['backtracks', 'Went back a stage', '200', '20 % of customers', '340 backtracks', false],
      ['revisits', 'Revisited a stage', '190', '19 % of customers', '300 revisits', false],
      ['touchesAfterConversion', 'After converting', '210', '53 % of the converted', '520 touches', false],
      ['paidAfterConversion', 'Paid after converting', '90', '23 % of the converted', '160 paid touches', true],
    ])
    for (const f of movementFigures(movement)) expect(f.cohort).toEqual({ ...blank, kind: 'movement', movement: f.figure })
    expect(movementFigures(movement)[5].title).toBe('90 of 400 converted customers')
    expect(movementFigures(movement)[1].title).toBe('170 of 1,000 customers')
  })

  it('does not warn when no paid touch came after a conversion, and never divides by zero', () => {
    const none: Movement = { ...movement, touchesAfterConversion: { ...movement.touchesAfterConversion, paidCustomers: 0, paidEvents: 0 } }
    expect(movementFigures(none)[5]).toMatchObject({ value: '0', warn: false, detail: '0 paid touches' })
    const empty: Movement = { ...movement, customers: 0, exits: [], customersSkipping: 0 }
    expect(movementFigures(empty)[1].share).toBe('0 % of customers')
    expect(movementFigures(empty)[4].share).toBe('0 % of the converted')
  })
})

describe('movement lists', () => {
  it('ranks stage skips and backtracks with bars against the largest row', () => {
    const skips = stageMoveRows(movement, 'stageSkips')
    expect(skips.map((r) => [r.label, r.customersText, r.bar, r.share, r.detail])).toEqual([
      ['Awareness → Decision', '120', 1, '12 %', '150 times'],
      ['Consideration → Purchase', '60', 0.5, '6 %', ''],
    ])
    expect(skips[0].panelTitle).toBe('Skipped Awareness → Decision')
    expect(skips[0].cohort).toEqual({ ...blank, kind: 'movement', movement: 'stageSkips', from: 'Awareness', to: 'Decision' })
    const backs = stageMoveRows(movement, 'backtracks')
    expect(backs.map((r) => [r.label, r.detail, r.panelTitle])).toEqual([['Decision → Consideration', '340 times', 'Went back Decision → Consideration']])
    expect(backs[0].cohort).toEqual({ ...blank, kind: 'movement', movement: 'backtracks', from: 'Decision', to: 'Consideration' })
  })

  it('narrows revisits by stage, entries by touchpoint and channel, exits by touchpoint', () => {
    const rev = revisitRows(movement)
    expect(rev.map((r) => [r.label, r.bar, r.detail])).toEqual([
      ['Consideration', 1, '260 times'],
      ['Awareness', 40 / 180, ''],
    ])
    expect(rev[0].cohort).toEqual({ ...blank, kind: 'movement', movement: 'revisits', node: 'Consideration' })

    const ent = entryRows(movement)
    expect(ent.map((r) => [r.label, r.tag, r.customersText, r.share])).toEqual([
      ['ad_click', 'paid_social', '600', '60 %'],
      ['site_visit', 'organic', '300', '30 %'],
      ['site_visit', 'no channel', '100', '10 %'],
    ])
    expect(new Set(ent.map((r) => r.key)).size).toBe(3)
    expect(ent[1].cohort).toEqual({ ...blank, kind: 'movement', movement: 'entries', node: 'site_visit', channel: 'organic' })
    expect(ent[1].panelTitle).toBe('Started at site_visit · organic')

    const ex = exitRows(movement)
    expect(ex.map((r) => [r.label, r.customersText, r.detail])).toEqual([
      ['purchase', '330', '100 % converted'],
      ['product_view', '250', '0 % converted'],
      ['ad_click', '200', '0 % converted'],
      ['support_ticket', '120', '58 % converted'],
      ['site_visit', '100', '0 % converted'],
    ])
    expect(ex[3].cohort).toEqual({ ...blank, kind: 'movement', movement: 'exits', node: 'support_ticket' })
    expect(ex[3].title).toBe('120 customers ended at support_ticket; 70 of them converted')
  })

  it('lists the touches after conversion, paid ones marked, optionally paid only', () => {
    const all = afterRows(movement, false)
    expect(all.map((r) => [r.touchpoint, r.channel, r.paid, r.eventsText, r.share, r.bar])).toEqual([
      ['support_ticket', 'support', false, '150', '29 %', 1],
      ['retargeting_ad', 'display', true, '120', '23 %', 0.8],
      ['newsletter', 'email', false, '110', '21 %', 110 / 150],
      ['site_visit', 'no channel', false, '100', '19 %', 100 / 150],
      ['retargeting_ad', 'paid_social', true, '40', '7.7 %', 40 / 150],
    ])
    expect(all[1].cohort).toEqual({ ...blank, kind: 'movement', movement: 'touchesAfterConversion', node: 'retargeting_ad', channel: 'display' })
    expect(all[1].title).toBe('120 paid touches at retargeting_ad (display) after converting')
    const paid = afterRows(movement, true)
    expect(paid.map((r) => [r.key, r.bar])).toEqual([
      ['retargeting_ad\u0000display', 1],
      ['retargeting_ad\u0000paid_social', 40 / 120],
    ])
  })

  it('says what reached people who had already converted', () => {
    expect(afterText(movement)).toBe(
      '520 touches reached 210 of 400 converted customers (53 %) after they converted; 160 of those touches were paid (31 %), reaching 90 customers.',
    )
    const unpaid: Movement = { ...movement, touchesAfterConversion: { ...movement.touchesAfterConversion, paidEvents: 0, paidCustomers: 0 } }
    expect(afterText(unpaid)).toBe('520 touches reached 210 of 400 converted customers (53 %) after they converted; none of them was paid.')
    const quiet: Movement = { ...movement, touchesAfterConversion: { events: 0, customers: 0, paidEvents: 0, paidCustomers: 0, touchpoints: [] } }
    expect(afterText(quiet)).toBe('None of the 400 converted customers was touched again after converting.')
    expect(afterText({ ...movement, exits: movement.exits.map((e) => ({ ...e, converted: 0 })) })).toBe(
      'No customer converted under this filter, so nothing came after a conversion. The goal is set in the Stages tab.',
    )
  })

  it('says how many customers switched channel and device, and how often', () => {
    expect(switchLines(movement).map((l) => [l.what, l.customersText, l.share, l.detail, l.panelTitle])).toEqual([
      ['Channel', '480', '48 %', '900 times in all, 1.9 per customer who switched', 'Switched channel'],
      ['Device', '30', '3 %', '45 times in all, 1.5 per customer who switched', 'Switched device'],
    ])
    expect(switchLines(movement)[1].cohort).toEqual({ ...blank, kind: 'movement', movement: 'deviceSwitches' })
    expect(switchLines({ ...movement, customersSwitchingDevice: 0, deviceSwitches: 0 })[1].detail).toBe('no switch')
  })

  it('shows the head of a long list until it is opened', () => {
    expect(firstRows([1, 2, 3, 4, 5], 3, false)).toEqual({ rows: [1, 2, 3], rest: 2 })
    expect(firstRows([1, 2, 3, 4, 5], 3, true)).toEqual({ rows: [1, 2, 3, 4, 5], rest: 0 })
    expect(firstRows([1, 2, 3], 3, false)).toEqual({ rows: [1, 2, 3], rest: 0 })
    expect(firstRows([], 3, false)).toEqual({ rows: [], rest: 0 })
  })

  it('names a missing channel', () => {
    expect(channelText('')).toBe('no channel')
    expect(channelText('email')).toBe('email')
  })
})
