/**
 * Renders internal conversations into the SDK's wire shapes: `CallbackConversation` (flattened callback fields,
 * also the queue callbacks topic body), `Conversation` (per-media arrays) and `QueueConversationEventTopicConversation`.
 * Keeping every shape here means REST responses and events can never disagree.
 */
import type { SimConversation, SimParticipant } from './conversation-types'
import type { RoutingStore } from './routing-store'

type Json = Record<string, unknown>

const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString())

/** Drops undefined values so the JSON looks like Genesys' (absent, not null). */
function clean<T extends Json>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k]
  return o
}

/** The conversation's division and queue; event bodies (`forEvent`) carry the division without its name. */
function divisions(conv: SimConversation, routing: RoutingStore, forEvent = false): Json[] {
  const d = routing.division(conv.divisionId)
  const selfUri = `/api/v2/authorization/divisions/${d.id}`
  const division = forEvent ? { id: d.id, selfUri } : { id: d.id, name: d.name, selfUri }
  const entities = conv.queueId ? [{ id: conv.queueId, selfUri: `/api/v2/routing/queues/${conv.queueId}` }] : []
  return [{ division, entities }]
}

function queueRef(routing: RoutingStore, queueId: string | undefined, withUri: boolean): Json | undefined {
  if (!queueId) return undefined
  const q = routing.queues.get(queueId)
  return clean({ id: queueId, name: q?.name, selfUri: withUri ? `/api/v2/routing/queues/${queueId}` : undefined })
}

function userRef(routing: RoutingStore, userId: string | undefined, withUri: boolean): Json | undefined {
  if (!userId) return undefined
  return clean({ id: userId, name: routing.users.get(userId)?.name, selfUri: withUri ? `/api/v2/users/${userId}` : undefined })
}

function routingData(p: SimParticipant, routing: RoutingStore, withUri: boolean): Json | undefined {
  if (!p.routing) return undefined
  return clean({
    queue: queueRef(routing, p.queueId, withUri),
    language: p.routing.languageId ? { id: p.routing.languageId } : undefined,
    priority: p.routing.priority,
    skills: p.routing.skillIds.map((id) => ({ id })),
    scoredAgents: [],
    label: withUri ? p.routing.label : undefined
  })
}

function wrapup(p: SimParticipant): Json | undefined {
  return p.wrapup ? clean({ ...p.wrapup, endTime: iso(p.wrapup.endTime) }) : undefined
}

function callbackFields(conv: SimConversation): Json {
  const cb = conv.callback
  if (!cb) return {}
  return clean({
    callbackNumbers: [...cb.callbackNumbers],
    callbackUserName: cb.callbackUserName,
    callbackScheduledTime: iso(cb.callbackScheduledTime),
    automatedCallbackConfigId: cb.automatedCallbackConfigId,
    skipEnabled: false,
    externalCampaign: false,
    timeoutSeconds: 0
  })
}

/** One flattened callback participant (`CallbackMediaParticipant` / queue callbacks topic participant). */
function callbackParticipant(conv: SimConversation, p: SimParticipant, routing: RoutingStore, forEvent: boolean): Json {
  return clean({
    id: p.id,
    name: p.name,
    address: p.address,
    startTime: iso(p.startTime),
    connectedTime: iso(p.connectedTime),
    endTime: iso(p.endTime),
    purpose: p.purpose,
    state: p.state,
    initialState: forEvent ? p.initialState : undefined,
    direction: p.direction,
    disconnectType: p.disconnectType,
    held: p.held,
    wrapupRequired: p.purpose === 'agent',
    user: userRef(routing, p.userId, !forEvent),
    queue: queueRef(routing, p.queueId, !forEvent),
    attributes: { ...p.attributes },
    script: conv.callback?.scriptId ? { id: conv.callback.scriptId } : undefined,
    wrapup: wrapup(p),
    conversationRoutingData: routingData(p, routing, !forEvent),
    provider: 'PureCloud',
    mediaRoles: [],
    ...callbackFields(conv)
  })
}

/** `GET /api/v2/conversations/callbacks/{id}` body (CallbackConversation). */
export function toCallbackConversation(conv: SimConversation, routing: RoutingStore): Json {
  return {
    id: conv.id,
    participants: conv.participants.map((p) => callbackParticipant(conv, p, routing, false)),
    otherMediaUris: [],
    recentTransfers: [],
    divisions: divisions(conv, routing),
    selfUri: `/api/v2/conversations/callbacks/${conv.id}`
  }
}

/** `v2.routing.queues.{id}.conversations.callbacks` event body (flattened participant fields). */
export function toQueueCallbackEvent(conv: SimConversation, routing: RoutingStore): Json {
  return {
    id: conv.id,
    participants: conv.participants.map((p) => callbackParticipant(conv, p, routing, true)),
    otherMediaUris: [],
    accessAttributes: [],
    divisions: divisions(conv, routing, true)
  }
}

/** The per-media communication object (`Callback` or `Call`) nested under a generic participant. */
function communication(conv: SimConversation, p: SimParticipant, forEvent: boolean): Json {
  const base = clean({
    state: p.state,
    initialState: p.initialState,
    id: p.communicationId,
    direction: p.direction,
    held: p.held,
    disconnectType: p.disconnectType,
    connectedTime: iso(p.connectedTime),
    disconnectedTime: iso(p.endTime),
    provider: 'PureCloud',
    wrapup: wrapup(p),
    afterCallWorkRequired: false
  })
  if (conv.media === 'callback') {
    const cb = conv.callback!
    return clean({
      ...base,
      callbackNumbers: [...cb.callbackNumbers],
      callbackUserName: cb.callbackUserName,
      callbackScheduledTime: iso(cb.callbackScheduledTime),
      scriptId: cb.scriptId,
      callerId: cb.callerId,
      callerIdName: cb.callerIdName,
      automatedCallbackConfigId: cb.automatedCallbackConfigId,
      skipEnabled: false,
      externalCampaign: false,
      timeoutSeconds: 0,
      ...(forEvent ? {} : { segments: [] })
    })
  }
  const call = conv.call!
  const customerSide = p.purpose === 'customer'
  const self = customerSide ? call.ani : call.dnis
  const other = customerSide ? call.dnis : call.ani
  return clean({
    ...base,
    recording: false,
    recordingState: 'none',
    muted: false,
    confined: false,
    securePause: false,
    self: { addressNormalized: `tel:${self}` },
    other: { addressNormalized: `tel:${other}` },
    ...(forEvent ? {} : { segments: [], disconnectReasons: [] })
  })
}

function genericParticipant(conv: SimConversation, p: SimParticipant, routing: RoutingStore, forEvent: boolean): Json {
  const comm = communication(conv, p, forEvent)
  return clean({
    id: p.id,
    startTime: forEvent ? undefined : iso(p.startTime),
    endTime: iso(p.endTime),
    connectedTime: iso(p.connectedTime),
    name: p.name,
    userId: p.userId,
    userUri: !forEvent && p.userId ? `/api/v2/users/${p.userId}` : undefined,
    queueId: p.queueId,
    queueName: !forEvent && p.queueId ? routing.queues.get(p.queueId)?.name : undefined,
    purpose: p.purpose,
    participantType: forEvent ? undefined : p.purpose === 'customer' ? 'External' : 'Internal',
    address: p.address,
    ani: !forEvent && conv.call ? `tel:${conv.call.ani}` : undefined,
    dnis: !forEvent && conv.call ? `tel:${conv.call.dnis}` : undefined,
    wrapupRequired: p.purpose === 'agent',
    wrapup: wrapup(p),
    conversationRoutingData: routingData(p, routing, !forEvent),
    attributes: { ...p.attributes },
    mediaRoles: [],
    calls: conv.media === 'call' ? [comm] : [],
    callbacks: conv.media === 'callback' ? [comm] : [],
    chats: [],
    emails: [],
    messages: []
  })
}

/** `GET /api/v2/conversations/{id}` body (Conversation). */
export function toConversation(conv: SimConversation, routing: RoutingStore): Json {
  return clean({
    id: conv.id,
    startTime: new Date(conv.startTime).toISOString(),
    endTime: iso(conv.endTime),
    participants: conv.participants.map((p) => genericParticipant(conv, p, routing, false)),
    conversationIds: [],
    maxParticipants: 10,
    recordingState: 'none',
    state: conv.phase === 'ended' ? 'disconnected' : 'connected',
    divisions: divisions(conv, routing),
    recentTransfers: [],
    securePause: false,
    selfUri: `/api/v2/conversations/${conv.id}`
  })
}

/** `v2.routing.queues.{id}.conversations` event body (QueueConversationEventTopicConversation). */
export function toQueueConversationEvent(conv: SimConversation, routing: RoutingStore): Json {
  return {
    id: conv.id,
    maxParticipants: 10,
    participants: conv.participants.map((p) => genericParticipant(conv, p, routing, true)),
    recentTransfers: [],
    recordingState: 'none',
    accessAttributes: [],
    securePause: false,
    divisions: divisions(conv, routing, true)
  }
}
