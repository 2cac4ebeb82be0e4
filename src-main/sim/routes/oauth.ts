/**
 * The login service: `POST /oauth/token` (client credentials, authorization code + PKCE S256, refresh) and the
 * auto-consent `GET /oauth/authorize` page that redirects to a loopback `redirect_uri` with `code` and `state`.
 * Errors use the OAuth shape (`error`, `error_description`) like login.<env> does.
 */
import { findClient, isLoopbackRedirect, type DemoClient } from '../auth/clients'
import type { CoreContext } from '../core-context'
import type { SimRequest, SimResponse, SimRouter } from '../http/types'

function oauthError(status: number, error: string, description: string): SimResponse {
  return { status, body: { error, description, error_description: description } }
}

function basicCredentials(req: SimRequest): { id: string; secret: string } | undefined {
  const h = req.headers.authorization
  if (typeof h !== 'string') return undefined
  const m = /^basic\s+(\S+)$/i.exec(h.trim())
  if (!m) return undefined
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8')
  const i = decoded.indexOf(':')
  if (i < 0) return undefined
  return { id: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) }
}

function form(req: SimRequest): Record<string, string> {
  const b = req.body
  if (b && typeof b === 'object' && !Array.isArray(b)) {
    return Object.fromEntries(Object.entries(b).filter(([, v]) => typeof v === 'string')) as Record<string, string>
  }
  if (typeof b === 'string') return Object.fromEntries(new URLSearchParams(b))
  return {}
}

function tokenResponse(ctx: CoreContext, client: DemoClient, userId?: string): SimResponse {
  const rec = ctx.tokens.issue(client, userId ? { userId } : {})
  const body: Record<string, unknown> = {
    access_token: rec.token,
    token_type: 'bearer',
    expires_in: Math.round((rec.expiresAt - rec.issuedAt) / 1000)
  }
  if (userId) body.refresh_token = ctx.tokens.createRefreshToken(client.id, userId)
  return { status: 200, body, headers: { 'Cache-Control': 'no-store' } }
}

/** Resolves the calling client: Basic header (confidential) or `client_id` (public PKCE client). */
function callingClient(req: SimRequest, f: Record<string, string>): DemoClient | SimResponse {
  const basic = basicCredentials(req)
  if (basic) {
    const c = findClient(basic.id)
    if (!c || !c.secret || c.secret !== basic.secret) return oauthError(401, 'invalid_client', 'client authentication failed')
    return c
  }
  const c = findClient(f.client_id)
  if (!c) return oauthError(401, 'invalid_client', 'client not found')
  if (c.secret) return oauthError(401, 'invalid_client', 'client authentication is required')
  return c
}

function tokenHandler(ctx: CoreContext) {
  return (req: SimRequest): SimResponse => {
    const f = form(req)
    const grant = f.grant_type
    const client = callingClient(req, f)
    if ('status' in client) return client
    switch (grant) {
      case 'client_credentials':
        if (client.grantType !== 'CLIENT-CREDENTIALS')
          return oauthError(400, 'unauthorized_client', 'grant type not allowed for this client')
        return tokenResponse(ctx, client)
      case 'authorization_code': {
        if (client.grantType !== 'CODE') return oauthError(400, 'unauthorized_client', 'grant type not allowed for this client')
        if (!f.code || !f.redirect_uri) return oauthError(400, 'invalid_request', 'code and redirect_uri are required')
        const r = ctx.tokens.redeemCode(f.code, client.id, f.redirect_uri, f.code_verifier)
        if ('error' in r) return oauthError(400, 'invalid_grant', r.error)
        return tokenResponse(ctx, client, r.userId)
      }
      case 'refresh_token': {
        const r = f.refresh_token ? ctx.tokens.redeemRefreshToken(f.refresh_token, client.id) : undefined
        if (!r) return oauthError(400, 'invalid_grant', 'refresh token is invalid')
        return tokenResponse(ctx, client, r.userId)
      }
      default:
        return oauthError(400, 'unsupported_grant_type', `grant type '${grant ?? ''}' is not supported`)
    }
  }
}

function page(status: number, title: string, text: string, headers: Record<string, string> = {}): SimResponse {
  const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1><p>${esc(text)}</p></body></html>`
  return { status, body: html, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers } }
}

function authorizeHandler(ctx: CoreContext) {
  return (req: SimRequest): SimResponse => {
    const q = req.query
    const client = findClient(q.get('client_id') ?? undefined)
    const redirectUri = q.get('redirect_uri') ?? ''
    // Never redirect to an unverified URI: errors about the client or the URI are shown on the page.
    if (!client || client.grantType !== 'CODE')
      return page(400, 'Sign-in failed', 'Unknown client or the client does not use the authorization code grant.')
    if (!isLoopbackRedirect(redirectUri))
      return page(400, 'Sign-in failed', 'The redirect_uri must be a loopback address (127.0.0.1, localhost or [::1]).')
    const target = new URL(redirectUri)
    const state = q.get('state')
    if (state !== null) target.searchParams.set('state', state)
    const fail = (error: string, description: string): SimResponse => {
      target.searchParams.set('error', error)
      target.searchParams.set('error_description', description)
      return { status: 302, body: '', headers: { Location: target.toString(), 'Content-Type': 'text/plain' } }
    }
    if (q.get('response_type') !== 'code') return fail('unsupported_response_type', 'only response_type=code is supported')
    const challenge = q.get('code_challenge')
    if (!challenge) return fail('invalid_request', 'code_challenge is required for this public client')
    if ((q.get('code_challenge_method') ?? 'plain') !== 'S256')
      return fail('invalid_request', 'code_challenge_method must be S256')
    const code = ctx.tokens.createCode(client.id, redirectUri, challenge, ctx.desktopUserId())
    target.searchParams.set('code', code)
    const out = page(302, 'Signed in to the demo org', 'Returning to Callback Console…', { Location: target.toString() })
    return out
  }
}

/** Registers the login service routes (no bearer auth, no rate limit). */
export function registerOAuthRoutes(router: SimRouter, ctx: CoreContext): void {
  router.add('POST', '/oauth/token', tokenHandler(ctx), { auth: 'none' })
  router.add('GET', '/oauth/authorize', authorizeHandler(ctx), { auth: 'none' })
}
