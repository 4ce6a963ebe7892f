import { call } from './transport'
import type {
  Batch,
  ColumnRole,
  ImportRequest,
  ImportResult,
  Inspection,
  Recipe,
  Rejection,
  SavedRecipe,
} from './types'

const im = <T>(method: string, ...args: unknown[]) => call<T>('Imports', method, ...args)

/** The message Run rejects with when the user cancelled; shown as a notice, not as an error. */
export const cancelledMessage = 'import cancelled; nothing was stored'

/** Typed calls to the bound Imports struct. */
export const imports = {
  /** Native file dialog (desktop only); empty when cancelled. */
  pickFiles: () => im<string[] | null>('PickFiles').then((f) => f ?? []),
  /** With recipe null Go detects everything; with a recipe it applies it to the sample. */
  inspect: (path: string, recipe: Recipe | null) => im<Inspection>('Inspect', path, recipe),
  recipeFromRoles: (path: string, base: Recipe, roles: ColumnRole[]) =>
    im<Recipe>('RecipeFromRoles', path, base, roles),
  run: (req: ImportRequest) => im<ImportResult>('Run', req),
  cancel: () => im<void>('Cancel'),
  list: () => im<Batch[] | null>('List').then((b) => b ?? []),
  remove: (id: number) => im<void>('Remove', id),
  rejections: (id: number) => im<Rejection[] | null>('Rejections', id).then((r) => r ?? []),
  recipes: () => im<SavedRecipe[] | null>('Recipes').then((r) => r ?? []),
  saveRecipe: (name: string, recipe: Recipe) => im<void>('SaveRecipe', name, recipe),
}
