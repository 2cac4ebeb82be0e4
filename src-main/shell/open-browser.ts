import { spawn } from 'node:child_process'

/**
 * Opens a URL in the system browser: the console's own loopback URL, or (for sign-in) an address the caller has
 * checked with `isAllowedExternalUrl`. Failure is reported, never fatal (the URL is printed anyway).
 */
export function openInBrowser(url: string, log: (line: string) => void): void {
  if (!/^https?:\/\//.test(url)) throw new Error('openInBrowser only opens http(s) URLs')
  const [command, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]]
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true })
    child.on('error', () => log('[WebShell] could not open a browser; open the URL above yourself'))
    child.unref()
  } catch (e: unknown) {
    log(`[WebShell] could not open a browser: ${e instanceof Error ? e.message : String(e)}`)
  }
}
