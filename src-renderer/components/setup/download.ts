/**
 * Saves text as a file from the page itself (Blob + object URL + `<a download>`), so exports work the same in
 * the desktop window and in web mode without any Node API.
 */
export function downloadText(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** A file-name-safe form of the lead's name prefix (`Callback Console` → `callback-console`). */
export function fileStem(namePrefix: string): string {
  return (
    namePrefix
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'callback-setup'
  )
}
