/**
 * The only URLs the desktop app will hand to the operating system: Genesys Cloud's own hosts over https
 * (sign-in pages, help, the admin UI) and the console's own loopback sign-in listener. Everything else is refused.
 */
const ALLOWED_DOMAINS = [
  'mypurecloud.com',
  'mypurecloud.ie',
  'mypurecloud.de',
  'mypurecloud.jp',
  'mypurecloud.com.au',
  'pure.cloud',
  'us-gov-pure.cloud',
  'genesys.cloud',
  'genesys.com'
] as const

/** True when the URL may be opened in the system browser. */
export function isAllowedExternalUrl(raw: string, loopbackAuthorizeBase?: string): boolean {
  if (!URL.canParse(raw)) return false
  const url = new URL(raw)
  if (url.username || url.password) return false
  if (loopbackAuthorizeBase && raw.startsWith(loopbackAuthorizeBase)) return true
  if (url.protocol !== 'https:') return false
  const host = url.hostname.toLowerCase()
  return ALLOWED_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`))
}

/** Opens a URL only after the allow-list check; returns whether it was opened. */
export async function openExternalSafely(
  shell: { openExternal(url: string): Promise<void> },
  url: string,
  log: (line: string) => void,
  loopbackAuthorizeBase?: string
): Promise<boolean> {
  if (!isAllowedExternalUrl(url, loopbackAuthorizeBase)) {
    log('[Security] refused to open a link that is not on the allow-list')
    return false
  }
  await shell.openExternal(url)
  return true
}
