// App-wide "open profile" action: any view that lists customers sets the profile to show and asks the
// app to switch to the Customers view, which renders it. Plain Svelte stores, so .ts modules, tests and
// components share one instance.
import { get, writable } from 'svelte/store'
import type { ViewId } from './views'

/** The profile the Customers view should show (a profile id or any identifier value), or null. */
export const selectedProfile = writable<string | null>(null)

/** A view some component asked the app to show; the app switches and resets it to null. */
export const requestedView = writable<ViewId | null>(null)

/** Shows one customer's profile: sets selectedProfile and asks for the Customers view. */
export function openProfile(key: string): void {
  selectedProfile.set(key)
  requestedView.set('customers')
}

/** Reads and clears the pending view request (null when there is none). */
export function takeRequestedView(): ViewId | null {
  const v = get(requestedView)
  if (v !== null) requestedView.set(null)
  return v
}
