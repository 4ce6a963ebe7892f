import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { get } from 'svelte/store'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { IdentityOverview, Rules } from '../../api/types'
import { requestedView, selectedProfile } from '../../lib/selection'
import { installFakeGo, type FakeGo } from '../../test/fakeGo'
import { identityOverview } from './fixtures'
import IdentityView from './IdentityView.svelte'

let go: FakeGo | undefined
afterEach(() => {
  go?.restore()
  go = undefined
  selectedProfile.set(null)
  requestedView.set(null)
})

// After blocking the store id, Go answers with the giant gone and the value in the user's blocked list.
const afterBlock: IdentityOverview = {
  ...identityOverview,
  profiles: 49_814,
  overStitched: [],
  rules: { ...identityOverview.rules, blocked: [...identityOverview.rules.blocked, { type: 'customer_id', value: 'STORE-0001' }] },
}

const figure = (label: string) => screen.getByText(label, { selector: '.label' }).closest('.figure')!.querySelector('.value')!.textContent

describe('IdentityView', () => {
  it('shows the figures, the over-stitch bridges and the flagged profiles', async () => {
    go = installFakeGo({ Identity: { Overview: async () => identityOverview } })
    render(IdentityView, {})
    const card = await screen.findByRole('article', { name: 'Over-stitched profile p-giant1' })
    expect(figure('Profiles')).toBe('48.2k')
    expect(figure('Profile size')).toBe('2 · 7')
    expect(figure('Over-stitched')).toBe('1')
    expect(within(card).getByRole('heading').textContent).toBe('One profile holds 4,812 identifier values')
    const bridges = within(card).getAllByRole('listitem').map((li) => li.textContent!.replace(/\s+/g, ' ').trim())
    expect(bridges).toEqual([
      'customer_id STORE-0001 splits into 1,602 profiles · in 40,100 rows Block',
      'phone 0000000000 splits into 3 profiles · in 22 rows Block',
    ])
    const flagged = screen.getByRole('region', { name: 'Flagged profiles' })
    const rows = [...flagged.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()))
    expect(rows).toEqual([
      ['ann.lee@example.com', 'email', '5', '3'],
      ['C-20001', 'phone', '12', '10'],
    ])
  })

  it('blocks a bridging value only after confirming, then shows the rebuilt overview', async () => {
    go = installFakeGo({ Identity: { Overview: async () => identityOverview, BlockValue: async () => afterBlock } })
    const onChanged = vi.fn()
    render(IdentityView, { onChanged })
    await fireEvent.click(await screen.findByRole('button', { name: 'Block customer_id STORE-0001' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Block customer_id “STORE-0001”?' })
    expect(dialog.textContent).toContain('splits into 1,602 profiles')
    expect(go.calls.map((c) => c.method)).toEqual(['Overview'])

    await fireEvent.click(within(dialog).getByRole('button', { name: 'Block and rebuild' }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    expect(go.calls[1]).toEqual({ struct: 'Identity', method: 'BlockValue', args: ['customer_id', 'STORE-0001'] })
    expect(onChanged).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('article')).toBeNull()
    expect(figure('Profiles')).toBe('49.8k')
    expect(within(screen.getByRole('list', { name: 'Blocked values' })).getByText('STORE-0001')).toBeTruthy()
  })

  it('does nothing when the block is cancelled', async () => {
    go = installFakeGo({ Identity: { Overview: async () => identityOverview } })
    render(IdentityView, {})
    await fireEvent.click(await screen.findByRole('button', { name: 'Block phone 0000000000' }))
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(go.calls.map((c) => c.method)).toEqual(['Overview'])
  })

  it('shows the Go error when blocking fails', async () => {
    go = installFakeGo({ Identity: { Overview: async () => identityOverview, BlockValue: () => Promise.reject('workspace is read-only') } })
    render(IdentityView, {})
    await fireEvent.click(await screen.findByRole('button', { name: 'Block phone 0000000000' }))
    await fireEvent.click(screen.getByRole('button', { name: 'Block and rebuild' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('Could not block 0000000000')
    expect(alert.textContent).toContain('workspace is read-only')
  })

  it('opens a flagged profile through the app-wide selection', async () => {
    go = installFakeGo({ Identity: { Overview: async () => identityOverview } })
    render(IdentityView, {})
    await fireEvent.click(await screen.findByRole('button', { name: 'C-20001' }))
    expect(get(selectedProfile)).toBe('p-88aa01')
    expect(get(requestedView)).toBe('customers')
    await fireEvent.click(screen.getByRole('button', { name: 'Open profile p-giant1' }))
    expect(get(selectedProfile)).toBe('p-giant1')
  })

  it('edits the rules and saves them with SetRules', async () => {
    go = installFakeGo({ Identity: { Overview: async () => identityOverview, SetRules: async (r) => ({ ...identityOverview, rules: r as Rules }) } })
    render(IdentityView, {})
    const save = await screen.findByRole('button', { name: 'Save rules' })
    expect((save as HTMLButtonElement).disabled).toBe(true)
    expect(screen.getByText('test@test.com')).toBeTruthy()

    await fireEvent.change(screen.getByLabelText('Type of the value to block'), { target: { value: 'phone' } })
    await fireEvent.input(screen.getByLabelText('Value to block'), { target: { value: 'unknown' } })
    expect(screen.getByText('“unknown” is already blocked by default.')).toBeTruthy()
    await fireEvent.input(screen.getByLabelText('Value to block'), { target: { value: '+44 20 7946 0000' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Block' }))
    await fireEvent.click(screen.getByRole('button', { name: 'Unblock noreply@shop.example' }))
    await fireEvent.change(screen.getByLabelText('Limit for email'), { target: { value: '4' } })
    await fireEvent.input(screen.getByLabelText('Type that never merges'), { target: { value: 'session_id' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Add type' }))
    expect(screen.getByText('Unsaved changes')).toBeTruthy()

    await fireEvent.click(save)
    await waitFor(() => expect(go!.calls.some((c) => c.method === 'SetRules')).toBe(true))
    expect(go.calls.find((c) => c.method === 'SetRules')!.args).toEqual([
      {
        blocked: [{ type: 'phone', value: '+44 20 7946 0000' }],
        defaultBlocked: identityOverview.rules.defaultBlocked,
        limits: [
          { type: 'email', max: 4 },
          { type: 'phone', max: 10 },
        ],
        nonMerging: ['order_id', 'session_id'],
      },
    ])
    await waitFor(() => expect(screen.queryByText('Unsaved changes')).toBeNull())
  })
})
