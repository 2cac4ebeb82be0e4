/**
 * The request pipeline of the demo org, in Genesys' order: route → bearer auth → rate limit (+ 429/5xx/latency
 * faults) → permission → body → handler. Every expected failure leaves as a Genesys-shaped error; an unexpected
 * throw is a bug and becomes a logged 500.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TokenStore } from '../auth/token-store'
import { missingOf } from '../auth/permissions'
import type { Faults } from '../faults'
import { parseBody, readBody } from './body'
import { errorBody, missingPermissions, tooManyRequests, unauthorized } from './errors'
import type { RateLimiter } from './rate-limit'
import type { Router } from './router'
import { SimHttpError, type SimPrincipal, type SimRequest, type SimResponse } from './types'

export interface DispatchDeps {
  readonly router: Router
  readonly tokens: TokenStore
  readonly limiter: RateLimiter
  readonly faults: Faults
  readonly maxBodyBytes: number
  readonly log: (line: string) => void
}

/** Handles one HTTP request end to end. Never rejects. */
export async function dispatch(deps: DispatchDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const contextId = randomUUID()
  const extraHeaders: Record<string, string> = { 'inin-correlation-id': contextId }
  try {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const method = (req.method ?? 'GET').toUpperCase()
    const raw = await readBody(req, deps.maxBodyBytes)
    const found = deps.router.lookup(method === 'HEAD' ? 'HEAD' : method, url.pathname)
    const lookup = found.kind === 'none' && method === 'HEAD' ? deps.router.lookup('GET', url.pathname) : found
    if (lookup.kind === 'none')
      throw new SimHttpError(404, 'not.found', `HTTP 404 Not Found: no route for ${method} ${url.pathname}`)
    if (lookup.kind === 'method') {
      throw new SimHttpError(405, 'method.not.allowed', `HTTP 405 Method Not Allowed: ${method} ${url.pathname}`, {
        Allow: lookup.allowed.join(', ')
      })
    }
    const { match } = lookup
    let principal: SimPrincipal | undefined
    if (match.options.auth !== 'none') {
      principal = authenticate(deps.tokens, req)
      const latency = deps.faults.latencyMs()
      if (latency > 0) await new Promise((r) => setTimeout(r, latency))
      const decision = deps.limiter.take(principal.token)
      Object.assign(extraHeaders, decision.headers)
      if (!decision.allowed) throw tooManyRequests(decision.resetSeconds, decision.headers)
      // A storm answers with the short Retry-After Genesys sends for bursts, not the window's reset.
      const stormRetryAfter = deps.faults.rateLimitNow(principal.clientId)
      if (stormRetryAfter !== null) throw tooManyRequests(stormRetryAfter, decision.headers)
      if (deps.faults.serverErrorNow())
        throw new SimHttpError(503, 'service.unavailable', 'The service is currently unavailable. Please try again later.')
      checkPermission(principal, match.options.permission, match.options.permissionMode ?? 'any')
    }
    const body = parseBody(raw, req.headers['content-type'])
    const simReq: SimRequest = {
      method,
      path: url.pathname,
      params: match.params,
      query: url.searchParams,
      body,
      headers: req.headers,
      ...(principal ? { principal } : {})
    }
    const out = await match.handler(simReq)
    send(res, out, extraHeaders, method === 'HEAD')
  } catch (e: unknown) {
    if (e instanceof SimHttpError) {
      send(res, { status: e.status, body: errorBody(e, contextId), headers: e.headers }, extraHeaders, req.method === 'HEAD')
      return
    }
    deps.log(
      `[DemoOrg] unhandled error on ${req.method} ${req.url?.split('?')[0]}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`
    )
    const err = new SimHttpError(500, 'internal.server.error', 'The server encountered an unexpected condition.')
    send(res, { status: 500, body: errorBody(err, contextId) }, extraHeaders, req.method === 'HEAD')
  }
}

function authenticate(tokens: TokenStore, req: IncomingMessage): SimPrincipal {
  const header = req.headers.authorization
  const m = typeof header === 'string' ? /^bearer\s+(\S+)\s*$/i.exec(header) : null
  if (!m) throw unauthorized(true)
  const principal = tokens.principal(m[1]!)
  if (!principal) throw unauthorized(false)
  return principal
}

function checkPermission(principal: SimPrincipal, permission: string | readonly string[] | undefined, mode: 'any' | 'all'): void {
  if (permission === undefined) return
  const required = typeof permission === 'string' ? [permission] : permission
  const missing = missingOf(principal.permissions, required, mode)
  if (missing.length > 0) throw missingPermissions(missing, mode === 'all')
}

/** Writes a SimResponse: JSON unless the handler set another content type (HTML pages, redirects, uploads). */
export function send(res: ServerResponse, out: SimResponse, extra: Record<string, string>, headOnly: boolean): void {
  if (res.headersSent) return
  const headers: Record<string, string> = { ...extra, ...(out.headers ?? {}) }
  const hasType = Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')
  let payload: string | Buffer | undefined
  if (out.body !== undefined && out.status !== 204) {
    if (hasType && (typeof out.body === 'string' || Buffer.isBuffer(out.body))) payload = out.body
    else {
      payload = JSON.stringify(out.body)
      if (!hasType) headers['Content-Type'] = 'application/json; charset=UTF-8'
    }
  }
  if (payload !== undefined) headers['Content-Length'] = String(Buffer.byteLength(payload))
  res.writeHead(out.status, headers)
  res.end(headOnly ? undefined : payload)
}
