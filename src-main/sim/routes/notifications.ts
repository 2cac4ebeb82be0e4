/**
 * Notifications API: channels (create with `connectUri` + `expires`, list, HEAD), subscriptions
 * (PUT replaces, POST adds, GET, DELETE; `ignoreErrors` reports rejected topics with `missingPermissions`)
 * and the available-topics catalogue.
 */
import type { CoreContext } from '../core-context'
import { badRequest, notFound, requireArray, requireObject } from '../http/errors'
import type { SimRequest, SimRouter } from '../http/types'
import type { Channel } from '../notifications/channel'
import { TOPIC_TEMPLATES } from '../notifications/topic-catalog'

const CHANNELS = '/api/v2/notifications/channels'

function channelJson(ch: Channel): Record<string, unknown> {
  return { connectUri: ch.connectUri, id: ch.id, expires: new Date(ch.expiresAt).toISOString() }
}

function topicsOf(req: SimRequest): string[] {
  return requireArray(req.body).map((t, i) => {
    const id = requireObject(t, `[${i}]`).id
    if (typeof id !== 'string' || id.length === 0) throw badRequest(`Topic [${i}] needs an id.`, 'invalid.value', `[${i}].id`)
    return id
  })
}

const EXPAND = new Set([
  'description',
  'enforced',
  'schema',
  'visibility',
  'transports',
  'publicApiTemplateUriPaths',
  'requiresPermissions',
  'permissionDetails',
  'topicParameters'
])

/** Registers the notifications REST routes (all "Requires NO permissions", like Genesys). */
export function registerNotificationRoutes(router: SimRouter, ctx: CoreContext): void {
  const { hub } = ctx
  router.add('POST', CHANNELS, (req) => ({ status: 200, body: channelJson(hub.create(req.principal!)) }))
  router.add('GET', CHANNELS, (req) => {
    const include = req.query.get('includechannels') ?? 'token'
    if (include !== 'token' && include !== 'oauthclient')
      throw badRequest("includechannels must be 'token' or 'oauthclient'.", 'invalid.value', 'includechannels')
    return { status: 200, body: { entities: hub.list(req.principal!, include).map(channelJson) } }
  })
  router.add('HEAD', `${CHANNELS}/:channelId`, (req) => {
    const ch = hub.get(req.params.channelId!)
    if (!ch) throw notFound(`The channel '${req.params.channelId}' was not found.`)
    return { status: 200 }
  })
  router.add('GET', `${CHANNELS}/:channelId/subscriptions`, (req) => ({
    status: 200,
    body: { entities: hub.topicsOf(hub.owned(req.params.channelId!, req.principal!)) }
  }))
  for (const [method, mode] of [
    ['PUT', 'replace'],
    ['POST', 'add']
  ] as const) {
    router.add(method, `${CHANNELS}/:channelId/subscriptions`, (req) => {
      const ch = hub.owned(req.params.channelId!, req.principal!)
      const ignoreErrors = req.query.get('ignoreErrors') === 'true'
      return { status: 200, body: { entities: hub.subscribe(ch, req.principal!, topicsOf(req), mode, ignoreErrors) } }
    })
  }
  router.add('DELETE', `${CHANNELS}/:channelId/subscriptions`, (req) => {
    hub.clear(hub.owned(req.params.channelId!, req.principal!))
    return { status: 200 }
  })
  router.add('GET', '/api/v2/notifications/availabletopics', (req) => {
    const expand = new Set(
      req.query
        .getAll('expand')
        .flatMap((v) => v.split(','))
        .filter((v) => EXPAND.has(v))
    )
    const entities = TOPIC_TEMPLATES.map((t) => ({
      id: t.id,
      ...(expand.has('description') ? { description: t.description } : {}),
      ...(expand.has('requiresPermissions') ? { requiresPermissions: [...t.requiresPermissions] } : {}),
      ...(expand.has('publicApiTemplateUriPaths') ? { publicApiTemplateUriPaths: [...t.publicApiTemplateUriPaths] } : {}),
      ...(expand.has('transports') ? { transports: ['All'] } : {}),
      ...(expand.has('visibility') ? { visibility: 'Public' } : {}),
      ...(expand.has('enforced') ? { enforced: true } : {}),
      ...(expand.has('topicParameters') ? { topicParameters: ['id'] } : {}),
      ...(expand.has('schema') ? { schema: { type: 'object' } } : {}),
      requiresCurrentUser: t.requiresCurrentUser === true,
      requiresDivisionPermissions: false
    }))
    return { status: 200, body: { entities } }
  })
}
