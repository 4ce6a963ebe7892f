// Pure helpers of the Report tab.

/** What the exported file is called: a consultant hands it over as is. */
export const reportFileName = 'client-report.html'

/** The default title: the workspace's name when it has one. */
export function defaultTitle(workspaceName: string): string {
  const name = workspaceName.replace(/\.wayline$/i, '').trim()
  return name ? `${name} — customer journeys` : 'Customer journeys'
}

/** The report as a file to save: UTF-8 HTML. */
export function reportBlob(html: string): Blob {
  return new Blob([html], { type: 'text/html;charset=utf-8' })
}
