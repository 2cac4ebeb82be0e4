/**
 * Who am I and what may I do: `tokens/me` (GET/HEAD/DELETE), `users/me`, users, and the organization limits
 * the console reads to size its rate-limit budget.
 */
import type { CoreContext } from '../core-context'
import { notFound } from '../http/errors'
import { SimHttpError, type SimRequest, type SimResponse, type SimRouter } from '../http/types'
import type { SimUser } from '../org/routing-types'

/** `User` JSON for a demo user. */
export function userJson(ctx: CoreContext, u: SimUser): Record<string, unknown> {
  const d = ctx.org.routing.division(u.divisionId)
  return {
    id: u.id,
    name: u.name,
    division: { id: d.id, name: d.name, selfUri: `/api/v2/authorization/divisions/${d.id}` },
    email: u.email,
    username: u.email,
    state: 'active',
    ...(u.title ? { title: u.title } : {}),
    ...(u.department ? { department: u.department } : {}),
    primaryContactInfo: [{ address: u.email, mediaType: 'EMAIL', type: 'PRIMARY' }],
    addresses: [],
    version: u.version,
    acdAutoAnswer: false,
    selfUri: `/api/v2/users/${u.id}`
  }
}

function org(ctx: CoreContext): { id: string; name: string } {
  return { id: ctx.org.id, name: ctx.org.name }
}

function tokenInfo(ctx: CoreContext, req: SimRequest): Record<string, unknown> {
  const rec = ctx.tokens.record(req.principal!.token)!
  return {
    organization: org(ctx),
    homeOrganization: org(ctx),
    authorizedScope: [...rec.scope],
    ...(rec.userId ? { dateTokenIdles: new Date(rec.expiresAt).toISOString() } : {}),
    OAuthClient: {
      id: rec.clientId,
      name: rec.clientName,
      authorizedGrantType: rec.grantType,
      ...(rec.scope.length > 0 ? { scope: [...rec.scope] } : {}),
      organization: org(ctx)
    }
  }
}

/** Limits in the namespaces the console cares about (Genesys names; values as the demo org enforces them). */
function limits(ctx: CoreContext): Record<string, Record<string, number>> {
  return {
    'platform.api': {
      'token.rate.per.minute': ctx.limiter.limit,
      'client.credentials.token.rate.per.minute': ctx.limiter.limit,
      'org.app.user.rate.per.minute': ctx.limiter.limit,
      'request.bytes.max': 512_000
    },
    notifications: {
      'channels.per.user.app.max': 20,
      'topics.per.channel.max': ctx.hub.maxTopics,
      'channel.ttl.seconds': Math.round(ctx.hub.ttlMs / 1000)
    },
    outbound: { 'campaigns.max': 50, 'contact.lists.max': 1000 }
  }
}

function userMe(ctx: CoreContext, req: SimRequest): SimResponse {
  const userId = req.principal!.userId
  if (!userId) {
    throw new SimHttpError(
      400,
      'requires.user.context',
      'This request requires a user context. Client credentials cannot be used for requests to this resource.'
    )
  }
  const u = ctx.org.routing.users.get(userId)
  if (!u) throw notFound(`The user '${userId}' was not found.`)
  const me = userJson(ctx, u)
  const expand = new Set((req.query.getAll('expand').join(',') || '').split(',').filter(Boolean))
  if (expand.has('organization'))
    me.organization = { ...org(ctx), state: 'active', selfUri: `/api/v2/organizations/${ctx.org.id}` }
  if (expand.has('token')) me.token = tokenInfo(ctx, req)
  if (expand.has('authorization'))
    me.authorization = { roles: [{ id: 'demo-role', name: 'Demo supervisor' }], permissions: [...req.principal!.permissions] }
  return { status: 200, body: me }
}

/** Registers tokens/me, users and organization limits. */
export function registerIdentityRoutes(router: SimRouter, ctx: CoreContext): void {
  router.add('GET', '/api/v2/tokens/me', (req) => ({ status: 200, body: tokenInfo(ctx, req) }))
  router.add('HEAD', '/api/v2/tokens/me', () => ({ status: 200 }))
  router.add('DELETE', '/api/v2/tokens/me', (req) => {
    ctx.tokens.revoke(req.principal!.token)
    return { status: 204 }
  })
  router.add('GET', '/api/v2/tokens/timeout', () => ({
    status: 200,
    body: { idleTokenTimeoutSeconds: 28800, enableIdleTokenTimeout: false }
  }))
  router.add('GET', '/api/v2/users/me', (req) => userMe(ctx, req))
  router.add(
    'GET',
    '/api/v2/users/:userId',
    (req) => {
      const u = ctx.org.routing.users.get(req.params.userId!)
      if (!u) throw notFound(`The user '${req.params.userId}' was not found.`)
      return { status: 200, body: userJson(ctx, u) }
    },
    { permission: ['directory:user:view', 'routing:queue:view'] }
  )
  router.add('GET', '/api/v2/organizations/me', () => ({
    status: 200,
    body: {
      ...org(ctx),
      defaultLanguage: 'en-us',
      defaultCountryCode: 'US',
      state: 'active',
      version: 1,
      selfUri: `/api/v2/organizations/${ctx.org.id}`
    }
  }))
  router.add('GET', '/api/v2/organizations/limits/namespaces', (req) => {
    const names = Object.keys(limits(ctx)).sort()
    const pageSize = Number(req.query.get('pageSize') ?? 100) || 100
    const pageNumber = Number(req.query.get('pageNumber') ?? 1) || 1
    const entities = names.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map((name) => ({ name }))
    return {
      status: 200,
      body: { entities, pageSize, pageNumber, total: names.length, pageCount: Math.ceil(names.length / pageSize) }
    }
  })
  for (const suffix of ['', '/defaults']) {
    router.add('GET', `/api/v2/organizations/limits/namespaces/:namespace${suffix}`, (req) => {
      const ns = req.params.namespace!
      const values = limits(ctx)[ns]
      if (!values) throw notFound(`The limits namespace '${ns}' was not found.`)
      return { status: 200, body: { entities: Object.entries(values).map(([key, value]) => ({ key, namespace: ns, value })) } }
    })
  }
}
