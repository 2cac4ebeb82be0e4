import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/** The decision for one incoming request: the path below the secret prefix, or a refusal. */
export type GuardDecision =
  { readonly allowed: true; readonly subPath: string } | { readonly allowed: false; readonly reason: string }

/**
 * Web mode's front door. Every request must (1) name our loopback address and port in `Host` (defeats DNS
 * rebinding), (2) come from our own origin when it says where it comes from (defeats other sites in the same
 * browser), and (3) carry the per-launch secret as its first path segments `/s/<secret>/`.
 */
export function checkWebRequest(req: IncomingMessage, port: number, secret: string): GuardDecision {
  const expectedHost = `127.0.0.1:${port}`
  if (req.headers.host !== expectedHost) return { allowed: false, reason: 'host' }
  const origin = req.headers.origin
  if (origin !== undefined && origin !== `http://${expectedHost}`) return { allowed: false, reason: 'origin' }
  const fetchSite = req.headers['sec-fetch-site']
  if (typeof fetchSite === 'string' && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return { allowed: false, reason: 'fetch-site' }
  }
  const url = req.url ?? ''
  const match = /^\/s\/([A-Za-z0-9_-]+)(\/[^?#]*)?(?:[?#].*)?$/.exec(url)
  if (!match || !secretsEqual(match[1], secret)) return { allowed: false, reason: 'secret' }
  return { allowed: true, subPath: (match[2] ?? '').replace(/^\//, '') }
}

function secretsEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
