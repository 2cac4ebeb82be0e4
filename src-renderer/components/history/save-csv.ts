/**
 * Hands a CSV to the user as a download: a Blob URL on a temporary `<a download>`. Works the same in web mode
 * (the browser's download) and in the desktop app (Electron's save dialog), and never navigates the page.
 */
export function saveCsv(fileName: string, csv: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
  const link = doc.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  link.hidden = true
  doc.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1_000)
}
