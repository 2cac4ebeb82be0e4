/**
 * The one-shot `http://127.0.0.1:<random port>/` listener that catches the OAuth redirect (RFC 8252): it takes
 * `code` only with the `state` this sign-in started, answers the browser with a small "you can close this tab"
 * page, and closes. Requests with a wrong state are refused without ending the sign-in, so a stray or forged
 * request cannot cancel or hijack it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** What the redirect brought back. */
export type RedirectOutcome =
  | { readonly kind: 'code'; readonly code: string }
  | { readonly kind: 'denied'; readonly error: string; readonly description: string | null }

/** A listening one-shot redirect target. */
export interface LoopbackListener {
  readonly redirectUri: string
  /** Settles once with the redirect's outcome; rejects with an AbortError on cancel. */
  readonly outcome: Promise<RedirectOutcome>
  close(): void
}

const PAGE_STYLE = 'font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;line-height:1.5'

function page(res: ServerResponse, status: number, title: string, text: string): void {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body style="${PAGE_STYLE}"><h1>${title}</h1><p>${text}</p></body></html>`
  res.writeHead(status, {
    Connection: 'close',
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'"
  })
  res.end(html)
}

/** Starts the listener on 127.0.0.1 with an OS-chosen port. */
export async function startLoopbackListener(expectedState: string, signal: AbortSignal): Promise<LoopbackListener> {
  let settle: ((o: RedirectOutcome) => void) | undefined
  let fail: ((e: Error) => void) | undefined
  const outcome = new Promise<RedirectOutcome>((resolve, reject) => {
    settle = resolve
    fail = reject
  })
  outcome.catch(() => undefined)
  let done = false
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (req.method !== 'GET' || url.pathname !== '/') return page(res, 404, 'Not found', 'Nothing here.')
    if (done) return page(res, 410, 'Already used', 'This sign-in has already finished. You can close this tab.')
    if (url.searchParams.get('state') !== expectedState) {
      return page(
        res,
        400,
        'Sign-in not recognised',
        'This link does not belong to the sign-in Callback Console started. Close this tab and start again from the console.'
      )
    }
    const code = url.searchParams.get('code')
    const error = url.searchParams.get('error')
    done = true
    if (code) {
      page(res, 200, 'Signed in', 'You can close this tab and return to Callback Console.')
      settle?.({ kind: 'code', code })
    } else {
      page(res, 400, 'Sign-in failed', 'Genesys Cloud did not sign you in. Return to Callback Console for details.')
      settle?.({ kind: 'denied', error: error ?? 'unknown_error', description: url.searchParams.get('error_description') })
    }
    res.on('finish', close)
  })
  const close = (): void => {
    server.close()
    server.closeIdleConnections()
  }
  const onAbort = (): void => {
    done = true
    const e = new Error('Sign-in was cancelled')
    e.name = 'AbortError'
    fail?.(e)
    close()
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  signal.addEventListener('abort', onAbort, { once: true })
  if (signal.aborted) onAbort()
  const { port } = server.address() as AddressInfo
  return {
    redirectUri: `http://127.0.0.1:${port}/`,
    outcome,
    close: () => {
      signal.removeEventListener('abort', onAbort)
      close()
    }
  }
}
