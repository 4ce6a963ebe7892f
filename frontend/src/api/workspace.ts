import { call } from './transport'
import type { Environment, Overview, RecentWorkspace, WorkspaceInfo } from './types'

const ws = <T>(method: string, ...args: unknown[]) => call<T>('Workspace', method, ...args)

/** Typed calls to the bound Workspace struct. */
export const workspace = {
  environment: () => ws<Environment>('Environment'),
  current: () => ws<WorkspaceInfo>('Current'),
  recent: () => ws<RecentWorkspace[] | null>('Recent').then((r) => r ?? []),
  open: (path: string) => ws<WorkspaceInfo>('Open', path),
  create: (path: string) => ws<WorkspaceInfo>('Create', path),
  /** An empty path lets Go choose the default location. */
  createDemo: (path: string, customers: number) => ws<WorkspaceInfo>('CreateDemo', path, customers),
  close: () => ws<void>('Close'),
  /** Native dialogs (desktop only); "" when the user cancels. */
  pickOpen: () => ws<string>('PickOpen'),
  pickSave: () => ws<string>('PickSave'),
  overview: () => ws<Overview>('Overview'),
}
