/**
 * Conversations API for callbacks: create, get, reschedule (`PATCH /conversations/callbacks`), bulk update,
 * disconnect (conversation, participant, communication, bulk), participant attributes, and the generic
 * `GET /conversations/{id}` / `POST …/disconnect` the blueprint's flows use.
 */
import type { CoreContext } from '../core-context'
import { badRequest, errorBody, notFound, requireArray, requireObject, requireString } from '../http/errors'
import { SimHttpError, type SimRequest, type SimRouter } from '../http/types'
import type { SimConversation } from '../org/conversation-types'
import { toCallbackConversation, toConversation } from '../org/conversation-views'
import { parseCreateCallback, parsePatchCallback, scalarString, type PatchCallbackInput } from './callback-body'

const CB = '/api/v2/conversations/callbacks'
const DISCONNECT = 'conversation:communication:disconnect'

/** `CreateCallbackResponse` / `PatchCallbackResponse`: the conversation ref plus the ACD callback id. */
function callbackRef(conv: SimConversation): Record<string, unknown> {
  const acd = conv.participants.find((p) => p.purpose === 'acd')
  return {
    conversation: { id: conv.id, selfUri: `/api/v2/conversations/${conv.id}` },
    callbackIdentifiers: acd ? [{ type: 'ACD', id: acd.communicationId }] : []
  }
}

function requireCallback(ctx: CoreContext, id: string): SimConversation {
  const conv = ctx.org.conversations.get(id)
  if (!conv || conv.media !== 'callback') throw notFound(`The callback conversation '${id}' was not found.`)
  return conv
}

function applyPatch(ctx: CoreContext, p: PatchCallbackInput): SimConversation {
  requireCallback(ctx, p.conversationId)
  return ctx.org.conversations.patchCallback(p.conversationId, {
    ...(p.callbackScheduledTime !== undefined ? { callbackScheduledTime: p.callbackScheduledTime } : {}),
    ...(p.queueId !== undefined ? { queueId: p.queueId } : {}),
    ...(p.callbackNumbers !== undefined ? { callbackNumbers: p.callbackNumbers } : {})
  })
}

function attributesBody(req: SimRequest): Record<string, string> {
  const o = requireObject(req.body)
  const attrs = requireObject(o.attributes ?? {}, 'attributes')
  return Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, v === null ? '' : scalarString(v, `attributes.${k}`)]))
}

function requireDisconnectState(body: unknown): void {
  const o = requireObject(body)
  if (o.state !== 'disconnected') throw badRequest("Only state 'disconnected' is supported.", 'invalid.value', 'state')
}

/** Registers the conversation/callback routes. */
export function registerConversationRoutes(router: SimRouter, ctx: CoreContext): void {
  const store = ctx.org.conversations

  router.add('POST', CB, (req) => ({ status: 200, body: callbackRef(store.createCallback(parseCreateCallback(req.body))) }), {
    permission: 'conversation:callback:create',
    permissionMode: 'all'
  })
  router.add('GET', CB, (req) => {
    if (!req.principal!.userId)
      throw new SimHttpError(
        400,
        'requires.user.context',
        'This request requires a user context. Client credentials cannot be used for requests to this resource.'
      )
    return { status: 200, body: { entities: [], pageSize: 25, pageNumber: 1, total: 0, pageCount: 0 } }
  })
  router.add('GET', `${CB}/:conversationId`, (req) => ({
    status: 200,
    body: toCallbackConversation(requireCallback(ctx, req.params.conversationId!), ctx.org.routing)
  }))
  router.add('PATCH', CB, (req) => ({ status: 200, body: callbackRef(applyPatch(ctx, parsePatchCallback(req.body))) }), {
    permission: 'conversation:callback:edit'
  })
  router.add(
    'POST',
    `${CB}/bulk/update`,
    (req) => {
      const o = requireObject(req.body)
      const items = requireArray(o.patchCallbackRequests, 'patchCallbackRequests')
      if (items.length > 50)
        throw badRequest('At most 50 callbacks can be updated per request.', 'invalid.value', 'patchCallbackRequests')
      const results: unknown[] = []
      const errorIndexes: number[] = []
      items.forEach((item, i) => {
        try {
          results.push({ entity: callbackRef(applyPatch(ctx, parsePatchCallback(item))) })
        } catch (e: unknown) {
          if (!(e instanceof SimHttpError)) throw e
          const b = errorBody(e, '')
          results.push({ error: { message: b.message, code: b.code } })
          errorIndexes.push(i)
        }
      })
      return { status: 200, body: { results, errorCount: errorIndexes.length, errorIndexes } }
    },
    { permission: 'conversation:callback:edit' }
  )
  router.add(
    'POST',
    `${CB}/bulk/disconnect`,
    (req) => {
      const o = requireObject(req.body)
      const items = requireArray(o.callbackDisconnectIdentifiers, 'callbackDisconnectIdentifiers')
      if (items.length > 100)
        throw badRequest(
          'At most 100 callbacks can be disconnected per request.',
          'invalid.value',
          'callbackDisconnectIdentifiers'
        )
      const parsed = items.map((x, i) => {
        const r = requireObject(x, `callbackDisconnectIdentifiers[${i}]`)
        return { conversationId: requireString(r, 'conversationId'), callbackId: requireString(r, 'callbackId') }
      })
      // Asynchronous in Genesys Cloud (202): unknown or already ended callbacks are skipped silently.
      for (const { conversationId, callbackId } of parsed) {
        const conv = store.get(conversationId)
        if (!conv || conv.media !== 'callback' || conv.phase === 'ended') continue
        if (!conv.participants.some((p) => p.communicationId === callbackId)) continue
        store.disconnect(conversationId, 'client')
      }
      return { status: 202 }
    },
    { permission: DISCONNECT }
  )
  router.add(
    'PATCH',
    `${CB}/:conversationId`,
    (req) => {
      requireDisconnectState(req.body)
      requireCallback(ctx, req.params.conversationId!)
      return { status: 200, body: toConversation(store.disconnect(req.params.conversationId!, 'client'), ctx.org.routing) }
    },
    { permission: DISCONNECT }
  )
  router.add(
    'PATCH',
    `${CB}/:conversationId/participants/:participantId`,
    (req) => {
      requireDisconnectState(req.body)
      requireCallback(ctx, req.params.conversationId!)
      store.disconnectParticipant(req.params.conversationId!, req.params.participantId!, 'client')
      return { status: 202 }
    },
    { permission: ['conversation:participant:wrapup', 'conversation:call:record', DISCONNECT] }
  )
  router.add('PATCH', `${CB}/:conversationId/participants/:participantId/communications/:communicationId`, (req) => {
    requireDisconnectState(req.body)
    const conv = requireCallback(ctx, req.params.conversationId!)
    const p = conv.participants.find((x) => x.id === req.params.participantId)
    if (!p || p.communicationId !== req.params.communicationId) throw notFound('The communication was not found.')
    store.disconnectParticipant(conv.id, p.id, 'client')
    return { status: 202, body: {} }
  })
  for (const base of [CB, '/api/v2/conversations']) {
    router.add('PATCH', `${base}/:conversationId/participants/:participantId/attributes`, (req) => {
      if (base === CB) requireCallback(ctx, req.params.conversationId!)
      const attributes = store.setParticipantAttributes(
        req.params.conversationId!,
        req.params.participantId!,
        attributesBody(req)
      )
      return base === CB ? { status: 200, body: { attributes } } : { status: 202 }
    })
  }
  router.add(
    'GET',
    '/api/v2/conversations/:conversationId',
    (req) => ({
      status: 200,
      body: toConversation(store.require(req.params.conversationId!), ctx.org.routing)
    }),
    { permission: 'conversation:communication:view' }
  )
  router.add(
    'POST',
    '/api/v2/conversations/:conversationId/disconnect',
    (req) => {
      store.disconnect(req.params.conversationId!, 'client')
      return { status: 202, body: 'Accepted', headers: { 'Content-Type': 'text/plain' } }
    },
    { permission: DISCONNECT }
  )
}
