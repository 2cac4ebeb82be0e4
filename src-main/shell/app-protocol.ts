import type { Protocol } from 'electron'
import { CONTENT_SECURITY_POLICY } from './csp'
import { readStaticFile } from './static-files'

/** The privileged scheme the renderer is served from, so `fetch` (Spark icons) and a real origin work, unlike file://. */
export const APP_SCHEME = 'app'

export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true }
} as const

/** Serves `app://bundle/<path>` from the built renderer folder only; anything else is a 404. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    if (url.host !== 'bundle') return new Response('Not found', { status: 404 })
    const file = await readStaticFile(rendererDir, url.pathname.replace(/^\//, ''))
    if (!file) return new Response('Not found', { status: 404 })
    return new Response(new Uint8Array(file.body), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff'
      }
    })
  })
}
