import { describe, expect, it } from 'vitest'
import type { Note } from '../../api/notes'
import { defaultKindColours } from '../workshop/board'
import { mapNotes, observedMap } from './fixtures'
import { layoutMap } from './layout'
import { addHeight, groupNotes, noteGap, noteHeight } from './notesLane'
import { mapTable, mapTableHeader } from './table'

const pad = 10
const notesLane = (l: ReturnType<typeof layoutMap>) => l.lanes.find((x) => x.id === 'notes')!
const ids = (list: readonly { id: string }[]) => list.map((n) => n.id)

describe('groupNotes', () => {
  it('gives each stage the notes on it, its touchpoints and its cells, oldest first, and the whole map its own', () => {
    const g = groupNotes(observedMap, mapNotes)
    expect(g.stages.map(ids)).toEqual([['n4'], [], ['n2', 'n1', 'n3'], [], [], []])
    expect(ids(g.whole)).toEqual(['n5'])
  })

  it('leaves out notes on an assumed map and on personas', () => {
    const shown = groupNotes(observedMap, mapNotes)
    const all = [...shown.stages.flat(), ...shown.whole].map((n) => n.id)
    expect(all).not.toContain('n6')
    expect(all).not.toContain('n7')
  })
})

describe('layoutMap: the notes lane', () => {
  it('is the last lane and, without notes, just holds a "+ Note" per stage', () => {
    const l = layoutMap(observedMap, { width: 1400 })
    const lane = notesLane(l)
    expect(l.lanes.at(-1)).toBe(lane)
    expect(lane.label).toBe('Notes')
    expect(lane.height).toBe(2 * pad + addHeight)
    expect(l.height).toBe(lane.y + lane.height)
    expect(l.notes.boxes).toEqual([])
    expect(l.notes.strip).toBeNull()
    expect(l.notes.adds).toEqual(l.columns.map((c) => ({ stage: c.stage.name, x: c.x + pad, y: lane.y + pad })))
  })

  it('stacks each stage\'s notes in its column under the whole map\'s strip, with "+ Note" below them', () => {
    const l = layoutMap(observedMap, { width: 1400, notes: mapNotes })
    const lane = notesLane(l)
    const strip = 2 * pad + noteHeight
    // The strip, the tallest stack (Decision's three) and the button.
    expect(l.notes.strip).toEqual({ y: lane.y, height: strip })
    expect(lane.height).toBe(strip + 2 * pad + 3 * (noteHeight + noteGap) + addHeight)
    expect(l.height).toBe(lane.y + lane.height)

    const whole = l.notes.boxes.find((b) => b.note.id === 'n5')!
    expect([whole.stage, whole.x, whole.y]).toEqual(['', l.columns[0].x + pad, lane.y + pad])

    const decision = l.columns[2]
    const top = lane.y + strip + pad
    const inDecision = l.notes.boxes.filter((b) => b.stage === 'Decision')
    expect(inDecision.map((b) => [b.note.id, b.x, b.y, b.width])).toEqual([
      ['n2', decision.x + pad, top, decision.width - 2 * pad],
      ['n1', decision.x + pad, top + noteHeight + noteGap, decision.width - 2 * pad],
      ['n3', decision.x + pad, top + 2 * (noteHeight + noteGap), decision.width - 2 * pad],
    ])
    expect(l.notes.adds.find((a) => a.stage === 'Decision')).toEqual({ stage: 'Decision', x: decision.x + pad, y: top + 3 * (noteHeight + noteGap) })
    expect(l.notes.adds.find((a) => a.stage === 'Purchase')).toEqual({ stage: 'Purchase', x: l.columns[3].x + pad, y: top })

    // Everything inside the lane.
    for (const b of l.notes.boxes) {
      expect(b.y).toBeGreaterThanOrEqual(lane.y)
      expect(b.y + noteHeight).toBeLessThanOrEqual(lane.y + lane.height)
      expect(b.x + b.width).toBeLessThanOrEqual(l.width)
    }
    for (const a of l.notes.adds) expect(a.y + addHeight).toBeLessThanOrEqual(lane.y + lane.height)
  })

  it('draws a note in its own colour with its kind, author and what it is on, never faded by evidence', () => {
    const l = layoutMap(observedMap, { width: 1400, notes: mapNotes })
    const by = (id: string) => l.notes.boxes.find((b) => b.note.id === id)!
    expect(by('n1')).toMatchObject({ fill: '#ccff90', ink: '#1f2328', kindText: 'OPPORTUNITY', byline: 'Dana', lines: ['Show delivery costs before', 'the payment step'] })
    expect(by('n2')).toMatchObject({ fill: '#aecbfa', kindText: 'QUESTION', byline: 'Sam · Store call' })
    expect(by('n3').byline).toBe('Dana · Checkout: payment') // the column names the stage
    expect(by('n3').title).toBe('Pain point by Dana on Checkout: payment\nCard declined loops')
    expect('opacity' in by('n1')).toBe(false)
  })

  it('takes the kind\'s colour when a note has none, and white ink on a dark one', () => {
    const plain: Note = { ...mapNotes[0], id: 'p', color: '' }
    const dark: Note = { ...mapNotes[0], id: 'd', color: '#202060' }
    const l = layoutMap(observedMap, { width: 1400, notes: [plain, dark], kinds: { ...defaultKindColours, opportunity: '#b3f0c8' } })
    expect(l.notes.boxes.find((b) => b.note.id === 'p')!.fill).toBe('#b3f0c8')
    expect(l.notes.boxes.find((b) => b.note.id === 'd')!.ink).toBe('#ffffff')
  })

  it('clamps long text to two lines ending in …', () => {
    const long: Note = { ...mapNotes[0], id: 'long', text: 'Customers who reach the payment step with a saved card still re-enter it because the form forgets it after a failed attempt' }
    const b = layoutMap(observedMap, { width: 1400, notes: [long] }).notes.boxes[0]
    expect(b.lines).toHaveLength(2)
    expect(b.lines[1].endsWith('…')).toBe(true)
    for (const line of b.lines) expect(line.length * 6.6).toBeLessThanOrEqual(b.width - 16)
  })

  it('wraps the whole map\'s notes onto more rows when they do not fit across', () => {
    const many: Note[] = Array.from({ length: 8 }, (_, k) => ({ ...mapNotes[4], id: `m${k}`, created: `2026-11-20T10:0${k}:00Z` }))
    const l = layoutMap(observedMap, { width: 1400, notes: many })
    const lane = notesLane(l)
    const boxes = l.notes.boxes
    // Six columns of 194 px inner width fit six notes across.
    expect(boxes.filter((b) => b.y === lane.y + pad)).toHaveLength(6)
    expect(boxes.filter((b) => b.y === lane.y + pad + noteHeight + noteGap).map((b) => b.x)).toEqual([l.columns[0].x + pad, l.columns[0].x + pad + 194 + noteGap])
    expect(l.notes.strip!.height).toBe(2 * pad + 2 * noteHeight + noteGap)
    expect(lane.height).toBe(l.notes.strip!.height + 2 * pad + addHeight)
  })
})

describe('mapTable: notes', () => {
  it('lists each stage\'s notes after its other rows, and the whole map\'s at the end', () => {
    const rows = mapTable(observedMap, mapNotes)
    expect(rows[0]).toEqual(mapTableHeader)
    const notes = rows.filter((r) => r[1] === 'note')
    expect(notes).toEqual([
      ['Awareness', 'note', 'Email reaches fewer than half', null, null, null, null, null, null, null, 'Idea by Dana'],
      ['Decision', 'note', 'Why do callers convert more?', null, null, null, null, null, null, null, 'Question by Sam; on Store call'],
      ['Decision', 'note', 'Show delivery costs before the payment step', null, null, null, null, null, null, null, 'Opportunity by Dana'],
      ['Decision', 'note', 'Card declined loops', null, null, null, null, null, null, null, 'Pain point by Dana; on Decision × Checkout: payment'],
      ['', 'note', 'Re-run after the November release', null, null, null, null, null, null, null, 'Idea by Lee'],
    ])
    // Right after Decision's opportunity, before Purchase starts.
    const firstDecisionNote = rows.findIndex((r) => r[0] === 'Decision' && r[1] === 'note')
    expect(rows[firstDecisionNote - 1].slice(0, 2)).toEqual(['Decision', 'opportunity'])
    expect(rows[firstDecisionNote + 3].slice(0, 2)).toEqual(['Purchase', 'stage'])
    expect(rows.at(-1)![0]).toBe('')
  })

  it('has no note rows without notes', () => {
    expect(mapTable(observedMap).some((r) => r[1] === 'note')).toBe(false)
    expect(mapTable(observedMap, [])).toEqual(mapTable(observedMap))
  })
})
