// A file uploaded from the browser is stored on the server under a generated name. Where Go derives
// something from that name (the default source name, the files of a result), the user should see the
// name of the file they chose.

const base = (p: string) => p.split(/[\\/]/).pop() ?? p
const stem = (name: string) => name.replace(/(\.gz)?$/i, '').replace(/\.[^.]+$/, '')

/** The source name to offer: Go's, unless Go only echoed the server-side file name back. */
export function defaultSourceName(recipeSource: string | undefined, serverPath: string, chosenName: string): string {
  const source = recipeSource ?? ''
  const server = base(serverPath)
  if (chosenName && chosenName !== server && (source === '' || source === server || source === stem(server))) {
    return stem(chosenName)
  }
  return source
}

/** The name to show for a file Go reports by its server path. */
export function chosenName(path: string, fallback: string, chosen: readonly { path: string; name: string }[]): string {
  return chosen.find((c) => c.path === path)?.name || fallback
}
