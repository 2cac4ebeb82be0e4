import type { App, Session, WebContents } from 'electron'

/**
 * App-wide guards (DESIGN §3): every web contents may not navigate away from the bundle, may not open
 * windows, and every permission request (camera, notifications prompt, geolocation…) is denied.
 * Links meant for the browser go through `openExternalSafely` from explicit commands, never from here.
 */
export function installSecurityGuards(
  app: Pick<App, 'on'>,
  session: Session,
  isAppUrl: (url: string) => boolean,
  log: (line: string) => void
): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`[Security] denied permission request: ${permission}`)
    callback(false)
  })
  session.setPermissionCheckHandler(() => false)
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) {
        event.preventDefault()
        log('[Security] blocked navigation away from the app')
      }
    })
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => {
      log('[Security] blocked a new window')
      return { action: 'deny' }
    })
  })
}
