import { afterEach, describe, expect, it } from 'vitest'
import { isConflict, type Note } from '../../api/notes'
import { normaliseComparison } from '../../api/workshop'
import { installFakeGo, type FakeGo } from '../../test/fakeGo'
import { changeSummary, conflictMessage, newestFirst, dropPosition, freeSpot, notesInStage, targetFromKey, targetKey } from './board'
import {
  addStage,
  addTouchpoint,
  blankMap,
  errorField,
  fieldWithin,
  moveStage,
  moveTouchpoint,
  moveTouchpointToStage,
  percentFromShare,
  removeStage,
  setExpectation,
  setShare,
  shareFromPercent,
  slug,
  uniqueId,
} from './editor'
import { comparison, currentState, ideaNote, painNote } from './fixtures'
import { differenceText, groupPhrase, hypothesisSentence, intervalText, pText, sideFigure } from './hypothesis'
import { editNote } from './noteOps'
import { buildOverlay, departureText, followedText, gapTable, shareVerdict } from './overlay'

const names = (a: typeof currentState) => a.stages.map((s) => `${s.name}: ${s.touchpoints.map((t) => t.touchpoint).join(', ')}`)

describe('editor', () => {
  it('makes ids Go accepts and keeps them unique', () => {
    expect(slug('Future state (v2) — Café')).toBe('future-state-v2-cafe')
    expect(slug('   ')).toBe('map')
    expect(uniqueId('current-state', ['current-state', 'current-state-2'])).toBe('current-state-3')
    expect(blankMap(['current-state']).id).toBe('current-state-2')
  })

  it('adds, renames, reorders and deletes stages', () => {
    let a = addStage(currentState)
    expect(a.stages.map((s) => s.name)).toEqual(['Discover', 'Buy', 'Stage 3'])
    a = moveStage(a, 2, 0)
    expect(a.stages.map((s) => s.name)).toEqual(['Stage 3', 'Discover', 'Buy'])
    a = removeStage(a, 0)
    expect(a.stages.map((s) => s.name)).toEqual(['Discover', 'Buy'])
    expect(moveStage(a, 0, 99).stages.map((s) => s.name)).toEqual(['Buy', 'Discover'])
    // The original is untouched: the editor replaces, never mutates.
    expect(currentState.stages).toHaveLength(2)
  })

  it('adds touchpoints once in the whole map, and says why not otherwise', () => {
    const ok = addTouchpoint(currentState, 1, '  Store visit ', 0.25)
    expect(ok.error).toBe('')
    expect(names(ok.map)[1]).toBe('Buy: Checkout, Pay in store, Store visit')
    expect(ok.map.stages[1].touchpoints[2].expectedShare).toBe(0.25)
    const dup = addTouchpoint(currentState, 1, 'newsletter')
    expect(dup.error).toBe('newsletter is already in Discover: a touchpoint has one place in the expected order.')
    expect(dup.map).toBe(currentState)
    expect(addTouchpoint(currentState, 0, ' ').error).toBe('Type or pick a touchpoint first.')
  })

  it('reorders touchpoints within and across stages', () => {
    expect(names(moveTouchpoint(currentState, 0, 1, 0))[0]).toBe('Discover: Newsletter, Ad click')
    expect(names(moveTouchpointToStage(currentState, 0, 0, 1))).toEqual(['Discover: Newsletter', 'Buy: Checkout, Pay in store, Ad click'])
  })

  it('reads shares as percentages and clamps them to 0..100 %', () => {
    expect(shareFromPercent('25')).toBe(0.25)
    expect(shareFromPercent('12,5 %')).toBe(0.125)
    expect(shareFromPercent('140')).toBe(1)
    expect(shareFromPercent('-3')).toBe(0)
    expect(shareFromPercent('abc')).toBe(0)
    expect(percentFromShare(0.125)).toBe('12.5')
    expect(percentFromShare(0)).toBe('')
    expect(setShare(currentState, 0, 1, 0.45).stages[0].touchpoints[1].expectedShare).toBe(0.45)
  })

  it('sets, replaces and removes a persona expectation', () => {
    let a = setExpectation(currentState, 0, 'support', 'low')
    expect(a.personas![0].expect).toEqual([
      { feature: 'channel.email', level: 'high' },
      { feature: 'support', level: 'low' },
    ])
    a = setExpectation(a, 0, 'channel.email', 'low')
    expect(a.personas![0].expect![0]).toEqual({ feature: 'channel.email', level: 'low' })
    a = setExpectation(a, 0, 'channel.email', null)
    expect(a.personas![0].expect).toEqual([{ feature: 'support', level: 'low' }])
  })

  it.each([
    ['assumed map: stages[1].name: stage "Buy" is listed twice (also stages[0]): merge', 'stages[1].name', 'stage "Buy" is listed twice (also stages[0]): merge'],
    ['assumed map: stages[0].touchpoints[2].expectedShare at 12:7: expected share 4 of "X" is not between 0 and 1', 'stages[0].touchpoints[2].expectedShare', 'expected share 4 of "X" is not between 0 and 1'],
    ['assumed map: id: the map has no id', 'id', 'the map has no id'],
    ['assumed map: personas[0].expect[1].level: level "mid"', 'personas[0].expect[1].level', 'level "mid"'],
    ['workspace is read-only', '', 'workspace is read-only'],
  ])('finds the field of %s', (msg, field, text) => {
    expect(errorField(msg)).toEqual({ field, text })
  })

  it('puts an error on the field and the ones holding it', () => {
    expect(fieldWithin('stages[1].touchpoints[0].touchpoint', 'stages[1]')).toBe(true)
    expect(fieldWithin('stages[1].touchpoints[0].touchpoint', 'stages[1].touchpoints[0]')).toBe(true)
    expect(fieldWithin('stages[10].name', 'stages[1]')).toBe(false)
    expect(fieldWithin('name', 'stages[0].name')).toBe(false)
  })
})

describe('overlay', () => {
  const o = buildOverlay(comparison)

  it('lays each touchpoint in its stage, in the expected order, with observed against expected share', () => {
    expect(o.stages.map((s) => [s.stage, s.touchpoints.map((t) => `${t.position}. ${t.touchpoint}`)])).toEqual([
      ['Discover', ['1. Ad click', '2. Newsletter']],
      ['Buy', ['3. Checkout', '4. Pay in store']],
    ])
    const ad = o.stages[0].touchpoints[0]
    expect(ad.delta).toBeCloseTo(-0.2)
    expect(ad.verdict).toBe('below')
    expect(ad.inOrder).toBe(1800)
    expect(o.stages[0].touchpoints[1].verdict).toBe('as assumed')
    expect(o.stages[1].touchpoints[1].verdict).toBe('not in data')
    expect(o.stages[1].touchpoints[1].delta).toBeNull()
  })

  it('computes the share who followed each stage of those who reached it', () => {
    expect(o.stages[0].followedShare).toBeCloseTo(3000 / 4600)
    expect(o.stages[1].followedShare).toBeCloseTo(1350 / 2100)
  })

  it('puts unplanned touchpoints at their stage, or before the path', () => {
    expect(o.stages[0].unplanned.map((u) => u.touchpoint)).toEqual(['Live chat'])
    expect(o.beforePath.map((u) => u.touchpoint)).toEqual(['Store locator'])
  })

  it('marks the stage where the most customers first leave the path', () => {
    expect(o.stages.map((s) => s.firstExit?.customers ?? null)).toEqual([2300, null])
    expect(departureText(o.topDeparture!)).toBe('2,300 customers stop after Newsletter (Discover)')
    expect(departureText(comparison.departures[1])).toBe('200 customers leave the path after Ad click (Discover) for Live chat, which the map does not plan for')
    expect(departureText({ kind: 'ended', after: '', stage: '', to: '', customers: 1, share: 0 })).toBe('1 customer never reach the first planned step')
    expect(departureText({ kind: 'skip', after: '', stage: '', to: 'Account created', customers: 244, share: 0.49 })).toBe(
      '244 customers start at Account created, skipping the steps the map puts before it',
    )
    expect(departureText({ kind: 'unplanned', after: '', stage: '', to: 'Live chat', customers: 3, share: 0 })).toBe('3 customers start off the path, at Live chat')
  })

  it('says how many follow the map end to end', () => {
    expect(followedText(comparison)).toBe('27 % follow the assumed path end to end (1,350 of 5,000 customers)')
    expect(followedText({ ...comparison, customers: 0 })).toBe('No customers in the filter: widen it to compare.')
  })

  it('judges shares with the same 10-point margin as Go', () => {
    expect(shareVerdict({ observed: true, share: 0.51, expectedShare: 0.6, reached: 10 })).toBe('as assumed')
    expect(shareVerdict({ observed: true, share: 0.5, expectedShare: 0.6, reached: 10 })).toBe('below')
    expect(shareVerdict({ observed: true, share: 0.9, expectedShare: 0.6, reached: 10 })).toBe('above')
    expect(shareVerdict({ observed: true, share: 0.9, expectedShare: 0, reached: 10 })).toBe('not stated')
  })

  it('tables the gaps for CSV, biggest first as Go sent them', () => {
    const t = gapTable(comparison)
    expect(t[0]).toEqual(['Customers', 'Kind', 'Stage', 'Touchpoint', 'What happened'])
    expect(t[1].slice(0, 3)).toEqual([2500, 'Left the path', 'Discover'])
    expect(t).toHaveLength(7)
  })

  it('fills in what Go may leave out', () => {
    const c = normaliseComparison({ customers: 3, followedShare: null as unknown as number, gaps: [{ kind: 'loop', stage: 'A', touchpoint: 'x', customers: 2, text: '' } as never] })
    expect(c.followedShare).toBeNull()
    expect(c.stages).toEqual([])
    expect(c.gaps[0].index).toBe(0)
  })
})

describe('hypotheses', () => {
  const name = (id: string) => ({ 'persona-1': 'Bargain hunters' })[id] ?? id

  it.each([
    [{ a: { touchpoints: ['Call the store'] }, metric: 'conversion', direction: 'higher' }, 'Customers who used Call the store convert more often than everyone else.'],
    [
      { a: { channels: ['email', 'web', 'store'], personas: ['persona-1'] }, b: { devices: ['mobile'] }, metric: 'value', direction: 'lower' },
      'Customers who came through email, web or store and are Bargain hunters bring less value than customers who used mobile devices.',
    ],
    [{ a: { from: '2024-01-01', to: '2024-03-31', sources: ['Shop'] }, metric: 'events', direction: 'higher' }, 'Customers who appear in Shop and were active from 2024-01-01 to 2024-03-31 have more events than everyone else.'],
    [{ a: {}, b: { to: '2024-02-01' }, metric: 'events', direction: 'lower' }, 'All customers have fewer events than customers who were active until 2024-02-01.'],
  ] as const)('builds the sentence %#', (h, want) => {
    expect(hypothesisSentence(h as never, name)).toBe(want)
  })

  it('says "all customers" for an empty group', () => {
    expect(groupPhrase({ touchpoints: [] })).toBe('all customers')
  })

  it('formats the numbers of a verdict in the metric’s unit', () => {
    expect(differenceText('conversion', 0.12)).toBe('+12.0 pts')
    expect(differenceText('conversion', -0.031)).toBe('−3.1 pts')
    expect(differenceText('value', -12.4)).toBe('−12.40')
    expect(differenceText('events', 1.26)).toBe('+1.3 events')
    expect(differenceText('events', null)).toBe('–')
    expect(intervalText('conversion', { low: 0.075, high: 0.165 })).toBe('95 % interval +7.5 pts to +16.5 pts')
    expect(intervalText('conversion', { low: null, high: 0.1 })).toBe('')
    expect(pText(0.0000021)).toBe('p < 0.001')
    expect(pText(0.0042)).toBe('p = 0.004')
    expect(pText(0.31)).toBe('p = 0.31')
    expect(sideFigure('conversion', { rate: 0.42, mean: 0.42 })).toBe('42 %')
    expect(sideFigure('value', { rate: null, mean: 64.5 })).toBe('64.50')
  })
})

describe('notes board', () => {
  it('gathers the notes of a stage column: on the stage, its touchpoints and its cells, on this map', () => {
    const cell: Note = { ...painNote, id: 'c', target: { kind: 'cell', stage: 'buy', touchpoint: 'Checkout' } }
    const other: Note = { ...painNote, id: 'o', target: { kind: 'stage', map: 'future-state', stage: 'Buy' } }
    const got = notesInStage([painNote, ideaNote, cell, other], 'current-state', 'Buy', ['Checkout', 'Pay in store'])
    expect(got.map((n) => n.id)).toEqual(['n2', 'c'])
  })

  it('round-trips a target through a select value', () => {
    const t = { kind: 'cell' as const, stage: 'Buy', touchpoint: 'Checkout' }
    expect(targetFromKey(targetKey(t), 'm')).toEqual({ ...t, map: 'm' })
  })

  it('turns a drop into a position on the lane, clamped to it', () => {
    const lane = { left: 100, top: 50, width: 200, height: 100 }
    expect(dropPosition(lane, { x: 150, y: 100 }, { x: 10, y: 0 })).toEqual({ x: 0.2, y: 0.5 })
    expect(dropPosition(lane, { x: 900, y: -40 })).toEqual({ x: 1, y: 0 })
  })

  it('finds a free spot for a new note', () => {
    expect(freeSpot([])).toEqual({ x: 0, y: 0 })
    expect(freeSpot([{ x: 0, y: 0 }])).toEqual({ x: 0.5, y: 0 })
    expect(freeSpot([{ x: 0, y: 0 }, { x: 0.5, y: 0 }])).toEqual({ x: 0, y: 0.25 })
  })

  it('orders the history newest first', () => {
    const c = (at: string, version: number) => ({ at, version })
    expect(newestFirst([c('2024-01-01T10:00:00Z', 1), c('2024-01-01T10:05:00Z', 3), c('2024-01-01T10:05:00Z', 2)])).toEqual([
      c('2024-01-01T10:05:00Z', 3),
      c('2024-01-01T10:05:00Z', 2),
      c('2024-01-01T10:00:00Z', 1),
    ])
  })

  it('summarises history entries', () => {
    expect(changeSummary({ action: 'created', after: painNote })).toBe('added “Ads promise a discount the site does not show”')
    expect(changeSummary({ action: 'edited', before: painNote, after: { ...painNote, text: 'Ads lie', kind: 'question' } })).toBe(
      'edited text “Ads promise a discount the site does not show” → “Ads lie”, kind Pain point → Question',
    )
  })
})

describe('conflicting edits', () => {
  let go: FakeGo | undefined
  afterEach(() => go?.restore())

  it('recognises Go’s conflict error', () => {
    expect(isConflict(new Error('conflict: note n1 is at version 3, not 2'))).toBe(true)
    expect(isConflict(new Error('note not found'))).toBe(false)
  })

  it('reloads the note and names who changed it when Update reports a conflict', async () => {
    const theirs = { ...painNote, text: 'Ads are fine', version: 2 }
    go = installFakeGo({
      Notes: {
        Update: async () => Promise.reject('conflict: note n1 is at version 2, not 1'),
        List: async () => [theirs, ideaNote],
        History: async () => [{ note: 'n1', version: 2, at: '', author: 'Sam', action: 'edited', before: painNote, after: theirs }],
      },
    })
    const out = await editNote(painNote, { text: 'Mine' })
    expect(out.ok).toBe(false)
    if (out.ok || !out.conflict) throw new Error('want a conflict')
    expect(out.latest?.text).toBe('Ads are fine')
    expect(out.message).toBe('Sam edited this note while you were typing. It now shows their version (version 2); your text is kept below — copy it back if it still applies.')
    expect(go.calls.map((c) => c.method)).toEqual(['Update', 'List', 'History'])
    expect((go.calls[0].args[0] as Note).version).toBe(1)
  })

  it('says when the note was deleted meanwhile', () => {
    expect(conflictMessage(undefined, 'Sam')).toBe('Someone else deleted this note while you were editing it; your text was not saved.')
  })

  it('passes other errors through without reloading', async () => {
    go = installFakeGo({ Notes: { Update: async () => Promise.reject('the note has no text') } })
    expect(await editNote(painNote, { text: '' })).toEqual({ ok: false, conflict: false, message: 'the note has no text' })
  })
})
