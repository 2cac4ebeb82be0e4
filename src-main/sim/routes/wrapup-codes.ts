/**
 * Wrap-up codes (`RoutingApi` …Wrapupcode…): list, create, get, update, delete, and a queue's codes. Guided
 * setup creates one and its teardown deletes it, so the whole lifecycle answers as Genesys does: 404 unknown,
 * 409 `general.conflict` for a name another code has, 400 for a missing name.
 */
import type { CoreContext } from '../core-context'
import { requireArray, requireObject, requireString } from '../http/errors'
import type { SimRouter } from '../http/types'
import type { SimWrapupCode } from '../org/routing-types'
import { nameFilter } from '../domains/shared/listing'
import { pageOf } from './queue-json'

const CODES = '/api/v2/routing/wrapupcodes'

/** `WrapupCode` JSON. */
export function wrapupJson(ctx: CoreContext, w: SimWrapupCode): Record<string, unknown> {
  const d = ctx.org.routing.division(w.divisionId)
  return {
    id: w.id,
    name: w.name,
    division: { id: d.id, name: d.name, selfUri: `/api/v2/authorization/divisions/${d.id}` },
    ...(w.description !== undefined ? { description: w.description } : {}),
    dateCreated: new Date(w.dateCreated).toISOString(),
    ...(w.dateModified !== undefined ? { dateModified: new Date(w.dateModified).toISOString() } : {}),
    selfUri: `${CODES}/${w.id}`
  }
}

/** `WrapupCodeRequest` → name, division id and description. */
function parseWrapupBody(body: unknown): { name: string; divisionId?: string; description?: string } {
  const o = requireObject(body)
  const division = o.division && typeof o.division === 'object' ? (o.division as { id?: unknown }).id : undefined
  return {
    name: requireString(o, 'name'),
    ...(typeof division === 'string' ? { divisionId: division } : {}),
    ...(typeof o.description === 'string' ? { description: o.description } : {})
  }
}

/** Registers the wrap-up code routes. */
export function registerWrapupCodeRoutes(router: SimRouter, ctx: CoreContext): void {
  const { routing } = ctx.org
  router.add(
    'GET',
    CODES,
    (req) => {
      const matchName = nameFilter(req.query.get('name'))
      const items = [...routing.wrapupCodes.values()]
        .filter((w) => matchName(w.name))
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((w) => wrapupJson(ctx, w))
      return { status: 200, body: pageOf(items, req.query, CODES) }
    },
    { permission: 'routing:wrapupCode:view' }
  )
  router.add(
    'POST',
    CODES,
    (req) => {
      const b = parseWrapupBody(req.body)
      return { status: 200, body: wrapupJson(ctx, routing.createWrapupCode(b.name, b.divisionId, b.description)) }
    },
    { permission: 'routing:wrapupCode:add' }
  )
  router.add(
    'GET',
    `${CODES}/:codeId`,
    (req) => ({ status: 200, body: wrapupJson(ctx, routing.requireWrapupCode(req.params.codeId!)) }),
    { permission: 'routing:wrapupCode:view' }
  )
  router.add(
    'PUT',
    `${CODES}/:codeId`,
    (req) => {
      routing.requireWrapupCode(req.params.codeId!)
      const w = routing.updateWrapupCode(req.params.codeId!, parseWrapupBody(req.body))
      return { status: 200, body: wrapupJson(ctx, w) }
    },
    { permission: 'routing:wrapupCode:edit' }
  )
  router.add(
    'DELETE',
    `${CODES}/:codeId`,
    (req) => {
      routing.deleteWrapupCode(req.params.codeId!)
      return { status: 204 }
    },
    { permission: 'routing:wrapupCode:delete', permissionMode: 'all' }
  )
  router.add(
    'GET',
    '/api/v2/routing/queues/:queueId/wrapupcodes',
    (req) => {
      const items = routing.wrapupCodesOf(routing.requireQueue(req.params.queueId!).id).map((w) => wrapupJson(ctx, w))
      return { status: 200, body: pageOf(items, req.query, `/api/v2/routing/queues/${req.params.queueId}/wrapupcodes`) }
    },
    { permission: 'routing:queue:view' }
  )
  router.add(
    'POST',
    '/api/v2/routing/queues/:queueId/wrapupcodes',
    (req) => {
      const ids = requireArray(req.body).map((x, i) => requireString(requireObject(x, `[${i}]`), 'id'))
      routing.assignWrapupCodes(req.params.queueId!, ids)
      return { status: 200, body: ids.map((id) => wrapupJson(ctx, routing.requireWrapupCode(id))) }
    },
    { permission: 'routing:queue:edit' }
  )
}
