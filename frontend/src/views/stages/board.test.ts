import { describe, expect, it } from 'vitest'
import {
  addStage,
  boardFrom,
  changes,
  columns,
  heirOf,
  resetUpdate,
  moveTouchpoint,
  removeStage,
  renameStage,
  shiftStage,
  stageNameProblem,
  stagesUpdate,
  stillGuessed,
  toggleGoal,
} from './board'
import { stagesFixture } from './fixtures'

const saved = boardFrom(stagesFixture)
const names = (cols: ReturnType<typeof columns>) => cols.map((c) => [c.stage, c.cards.map((t) => t.touchpoint)])

describe('columns', () => {
  it('puts touchpoints under their stage by events, unknown stages under Unassigned', () => {
    expect(names(columns(saved, stagesFixture.touchpoints))).toEqual([
      ['Awareness', ['Home page', 'Ad click']],
      ['Consideration', ['Product page']],
      ['Decision', ['Add to cart', 'Checkout']],
      ['Purchase', ['Order placed']],
      ['Retention', ['Support ticket']],
      ['Unassigned', ['Mystery']],
    ])
    const cols = columns(saved, stagesFixture.touchpoints)
    expect(cols[0].events).toBe(131_600)
    expect(cols.at(-1)!.real).toBe(false)
  })

  it('has no Unassigned column when every touchpoint has a stage', () => {
    const b = moveTouchpoint(saved, 'Mystery', 'Retention')
    expect(columns(b, stagesFixture.touchpoints).map((c) => c.stage)).toEqual(saved.stages)
  })
})

describe('edits', () => {
  it('moves a touchpoint to another stage and ignores unknown stages', () => {
    const b = moveTouchpoint(saved, 'Checkout', 'Purchase')
    expect(b.stageOf['Checkout']).toBe('Purchase')
    expect(saved.stageOf['Checkout']).toBe('Decision')
    expect(moveTouchpoint(saved, 'Checkout', 'Nowhere')).toBe(saved)
    expect(moveTouchpoint(saved, 'Checkout', 'Decision')).toBe(saved)
  })

  it('renames a stage and carries its touchpoints, refusing clashes', () => {
    const b = renameStage(saved, 'Decision', '  Choice ')
    expect(b.stages).toEqual(['Awareness', 'Consideration', 'Choice', 'Purchase', 'Retention'])
    expect(b.stageOf['Add to cart']).toBe('Choice')
    expect(b.stageOf['Home page']).toBe('Awareness')
    expect(renameStage(saved, 'Decision', 'purchase')).toBe(saved)
    expect(renameStage(saved, 'Decision', '')).toBe(saved)
  })

  it('explains unusable names', () => {
    expect(stageNameProblem(saved, ' ')).toBe('A stage needs a name.')
    expect(stageNameProblem(saved, 'PURCHASE')).toBe('There is already a stage called “Purchase”.')
    expect(stageNameProblem(saved, 'unassigned')).toMatch(/reserved/)
    expect(stageNameProblem(saved, 'Decision', 'Decision')).toBe('')
    expect(stageNameProblem(saved, 'Advocacy')).toBe('')
  })

  it('adds a stage at the end', () => {
    expect(addStage(saved, ' Advocacy ').stages.at(-1)).toBe('Advocacy')
    expect(addStage(saved, 'Awareness')).toBe(saved)
  })

  it('removes a stage, giving its touchpoints to the stage before (after, for the first)', () => {
    expect(heirOf(saved, 'Decision')).toBe('Consideration')
    expect(heirOf(saved, 'Awareness')).toBe('Consideration')
    const b = removeStage(saved, 'Decision')
    expect(b.stages).toEqual(['Awareness', 'Consideration', 'Purchase', 'Retention'])
    expect(b.stageOf['Checkout']).toBe('Consideration')
    const first = removeStage(saved, 'Awareness')
    expect(first.stageOf['Home page']).toBe('Consideration')
    const one = { stages: ['Only'], stageOf: { a: 'Only' }, goal: [] }
    expect(removeStage(one, 'Only')).toBe(one)
  })

  it('reorders stages one place at a time, not past the ends', () => {
    expect(shiftStage(saved, 'Purchase', -1).stages).toEqual(['Awareness', 'Consideration', 'Purchase', 'Decision', 'Retention'])
    expect(shiftStage(saved, 'Awareness', -1)).toBe(saved)
    expect(shiftStage(saved, 'Retention', 1)).toBe(saved)
  })

  it('toggles goal touchpoints', () => {
    const b = toggleGoal(saved, 'Checkout')
    expect(b.goal).toEqual(['Order placed', 'Checkout'])
    expect(toggleGoal(b, 'Order placed').goal).toEqual(['Checkout'])
  })
})

describe('stagesUpdate', () => {
  it('sends the order, every touchpoint with a known stage and the goal', () => {
    const b = toggleGoal(moveTouchpoint(saved, 'Checkout', 'Purchase'), 'Checkout')
    expect(stagesUpdate(b)).toEqual({
      stages: ['Awareness', 'Consideration', 'Decision', 'Purchase', 'Retention'],
      mapping: [
        { touchpoint: 'Ad click', stage: 'Awareness' },
        { touchpoint: 'Add to cart', stage: 'Decision' },
        { touchpoint: 'Checkout', stage: 'Purchase' },
        { touchpoint: 'Home page', stage: 'Awareness' },
        { touchpoint: 'Order placed', stage: 'Purchase' },
        { touchpoint: 'Product page', stage: 'Consideration' },
        { touchpoint: 'Support ticket', stage: 'Retention' },
      ],
      goal: ['Checkout', 'Order placed'],
    })
  })
})

describe('changes', () => {
  it('is empty for the saved board', () => {
    expect(changes(saved, saved)).toEqual([])
  })

  it('lists moves, goal changes, added, removed and reordered stages', () => {
    let b = moveTouchpoint(saved, 'Checkout', 'Purchase')
    b = toggleGoal(toggleGoal(b, 'Checkout'), 'Order placed')
    b = addStage(b, 'Advocacy')
    b = shiftStage(b, 'Awareness', 1)
    expect(changes(saved, b)).toEqual([
      'stage “Advocacy” added',
      'stages reordered',
      'Checkout → Purchase',
      'Checkout is a goal',
      'Order placed is no longer a goal',
    ])
  })

  it('reports a rename once, not every touchpoint it carried', () => {
    expect(changes(saved, renameStage(saved, 'Decision', 'Choice'))).toEqual(['stage “Choice” added', 'stage “Decision” removed'])
  })
})

describe('stillGuessed', () => {
  it('holds until the user moves the card', () => {
    const cart = stagesFixture.touchpoints.find((t) => t.touchpoint === 'Add to cart')!
    const checkout = stagesFixture.touchpoints.find((t) => t.touchpoint === 'Checkout')!
    expect(stillGuessed(saved, saved, cart)).toBe(true)
    expect(stillGuessed(saved, saved, checkout)).toBe(false)
    expect(stillGuessed(saved, moveTouchpoint(saved, 'Add to cart', 'Purchase'), cart)).toBe(false)
  })
})

describe('resetUpdate', () => {
  it("sends Go's default stages and leaves every touchpoint and the goal to its guess", () => {
    expect(resetUpdate()).toEqual({ stages: ['Awareness', 'Consideration', 'Decision', 'Purchase', 'Retention', 'Advocacy'], mapping: [], goal: [] })
  })
})
