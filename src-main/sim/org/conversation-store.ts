/**
 * Every conversation of the demo org and the only way to change one: each mutator keeps the per-queue indexes
 * right and publishes the notification topics (queue conversations, queue callbacks, observations) exactly once.
 * Route modules, sim-domain (dialer, data actions, flows) and the traffic model all act through these methods.
 */
import type { SimClock } from './clock'
import type { IdSource } from './ids'
import { ConversationBase } from './conversation-base'
import type { SimEventSink } from './conversation-notifier'
import type { SimCallbackInfo, SimConversation, SimMediaType, SimParticipant } from './conversation-types'
import type { RoutingStore } from './routing-store'
import { badRequest, notFound } from '../http/errors'

export type { ConversationChange, ConversationListener } from './conversation-base'

/** `CreateCallbackCommand` after validation (times in sim epoch ms). */
export interface CreateCallbackInput {
  queueId: string
  callbackNumbers: string[]
  callbackUserName?: string
  /** Undefined = due now. */
  callbackScheduledTime?: number
  scriptId?: string
  callerId?: string
  callerIdName?: string
  countryCode?: string
  /** Becomes the customer participant's `attributes`. */
  data?: Record<string, string>
  priority?: number
  skillIds?: string[]
  languageId?: string
}

/** What a placed dialer call is about (becomes `dialer*` participant attributes like Genesys outbound calls). */
export interface OutboundCallInput {
  phoneNumber: string
  campaignId: string
  contactListId: string
  contactId: string
  callerName?: string
  callerAddress?: string
  divisionId?: string
  /** Extra customer attributes (e.g. contact columns the outbound flow reads). */
  attributes?: Record<string, string>
}

/** An inbound call from the traffic model; with `queueId` it waits there at once, without it sits in the IVR. */
export interface InboundCallInput {
  ani: string
  dnis: string
  name?: string
  queueId?: string
  priority?: number
  attributes?: Record<string, string>
}

/** How many ended conversations stay queryable (details query, GET) before the oldest are forgotten. */
export const DEFAULT_ENDED_RETENTION = 20_000

/** The conversation store. Mutators throw SimHttpError (404 unknown id, 400 wrong state) for expected failures. */
export class ConversationStore extends ConversationBase {
  constructor(
    routing: RoutingStore,
    clock: SimClock,
    ids: IdSource,
    sink: SimEventSink,
    endedRetention = DEFAULT_ENDED_RETENTION
  ) {
    super(routing, clock, ids, sink, endedRetention)
  }

  /**
   * `POST /api/v2/conversations/callbacks`: a callback waiting in `queueId` (customer + acd participants, both
   * connected), `data` → customer attributes, `callbackScheduledTime` kept as given.
   */
  createCallback(input: CreateCallbackInput): SimConversation {
    const queue = this.routing.requireQueue(input.queueId)
    if (input.callbackNumbers.length === 0)
      throw badRequest('At least one callback number is required.', 'invalid.value', 'callbackNumbers')
    const now = this.clock.now()
    const callback: SimCallbackInfo = {
      callbackNumbers: [...input.callbackNumbers],
      ...opt('callbackUserName', input.callbackUserName),
      ...opt('callbackScheduledTime', input.callbackScheduledTime),
      ...opt('scriptId', input.scriptId),
      ...opt('callerId', input.callerId),
      ...opt('callerIdName', input.callerIdName),
      ...opt('countryCode', input.countryCode)
    }
    const conv: SimConversation = {
      id: this.ids.uuid(),
      media: 'callback',
      startTime: now,
      divisionId: queue.divisionId,
      participants: [],
      callback,
      phase: 'waiting',
      version: 0
    }
    const customer = this.participant('customer', 'connected', 'inbound', now, {
      name: input.callbackUserName,
      address: input.callbackNumbers[0],
      attributes: { ...(input.data ?? {}) }
    })
    customer.connectedTime = now
    conv.participants.push(customer)
    this.byId.set(conv.id, conv)
    this.enqueue(conv, queue.id, now, {
      priority: input.priority ?? 0,
      skillIds: input.skillIds ?? [],
      ...opt('languageId', input.languageId)
    })
    this.commit(conv, 'created', [])
    return conv
  }

  /** Reschedule / re-route a waiting callback (`PATCH /conversations/callbacks`). `null` time = due now. */
  patchCallback(
    id: string,
    patch: { callbackScheduledTime?: number | null; queueId?: string; callbackNumbers?: string[] }
  ): SimConversation {
    const conv = this.requireLive(id, 'callback')
    let before: Array<[string, SimMediaType]> | null = null
    if (patch.callbackScheduledTime === null) delete conv.callback!.callbackScheduledTime
    else if (patch.callbackScheduledTime !== undefined) conv.callback!.callbackScheduledTime = patch.callbackScheduledTime
    if (patch.callbackNumbers) {
      if (patch.callbackNumbers.length === 0)
        throw badRequest('At least one callback number is required.', 'invalid.value', 'callbackNumbers')
      conv.callback!.callbackNumbers = [...patch.callbackNumbers]
    }
    if (patch.queueId && patch.queueId !== conv.queueId && conv.phase === 'waiting') {
      this.routing.requireQueue(patch.queueId)
      before = this.snapshotCounts(conv)
      const prior = this.activeLeg(conv)
      this.transferOut(conv, 'transfer')
      this.enqueue(conv, patch.queueId, this.clock.now(), prior?.routing ? { ...prior.routing } : undefined)
    }
    this.commit(conv, 'updated', before)
    return conv
  }

  /** Disconnects every participant (`PATCH /conversations/callbacks/{id}` `{state:"disconnected"}`, `POST …/disconnect`). */
  disconnect(id: string, disconnectType = 'client'): SimConversation {
    const conv = this.require(id)
    if (conv.phase === 'ended')
      throw badRequest(`The conversation '${id}' is already disconnected.`, 'conversation.already.disconnected')
    const before = this.snapshotCounts(conv)
    this.endAll(conv, disconnectType)
    this.commit(conv, 'ended', before)
    return conv
  }

  /** Disconnects one participant; in these two-party conversations that ends the conversation. */
  disconnectParticipant(id: string, participantId: string, disconnectType = 'client'): SimConversation {
    const conv = this.require(id)
    const p = this.requireParticipant(conv, participantId)
    if (p.state === 'disconnected' || conv.phase === 'ended') {
      throw badRequest(`The participant '${participantId}' is already disconnected.`, 'conversation.already.disconnected')
    }
    return this.disconnect(id, disconnectType)
  }

  /** Merges string attributes into a participant (`PATCH …/participants/{pid}/attributes`); returns the result. */
  setParticipantAttributes(id: string, participantId: string, attributes: Record<string, string>): Record<string, string> {
    const conv = this.require(id)
    const p = this.requireParticipant(conv, participantId)
    Object.assign(p.attributes, attributes)
    this.commit(conv, 'updated', null)
    return { ...p.attributes }
  }

  /** The customer participant (where callback `data` and the `cc.*` lifecycle attributes live). */
  customerOf(conv: SimConversation): SimParticipant | undefined {
    return conv.participants.find((p) => p.purpose === 'customer')
  }

  /** `PATCH /api/v2/routing/conversations/{id}`: re-scores a waiting conversation. */
  setRoutingPriority(id: string, priority: number): SimConversation {
    const conv = this.requireLive(id)
    const leg = this.activeLeg(conv)
    if (!leg?.routing || !conv.queueId)
      throw badRequest(`The conversation '${id}' is not being routed.`, 'conversation.not.routing')
    leg.routing.priority = priority
    if (conv.phase === 'waiting') this.indexes.attach(conv, this.score(conv, leg))
    this.commit(conv, 'updated', null)
    return conv
  }

  /** The campaign dialer places a call: customer participant `contacting`, dialer ids in its attributes. */
  createOutboundCall(input: OutboundCallInput): SimConversation {
    const now = this.clock.now()
    const conv: SimConversation = {
      id: this.ids.uuid(),
      media: 'call',
      startTime: now,
      divisionId: this.routing.division(input.divisionId).id,
      participants: [],
      call: {
        ani: input.phoneNumber,
        dnis: input.callerAddress ?? input.phoneNumber,
        dialer: { campaignId: input.campaignId, contactListId: input.contactListId, contactId: input.contactId }
      },
      phase: 'dialing',
      version: 0
    }
    conv.participants.push(
      this.participant('customer', 'contacting', 'outbound', now, {
        address: `tel:${input.phoneNumber}`,
        attributes: {
          dialerCampaignId: input.campaignId,
          dialerContactListId: input.contactListId,
          dialerContactId: input.contactId,
          dialerInteractionId: conv.id,
          ...(input.attributes ?? {})
        }
      })
    )
    this.byId.set(conv.id, conv)
    this.commit(conv, 'created', [])
    return conv
  }

  /** A dialled or inbound call is answered and handed to a flow (`ivr` participant). */
  connectToFlow(id: string, flowName = 'Outbound flow'): SimConversation {
    const conv = this.requireLive(id, 'call')
    const now = this.clock.now()
    const customer = this.customerOf(conv)!
    if (customer.state !== 'connected') {
      customer.state = 'connected'
      customer.connectedTime = now
    }
    if (!conv.participants.some((p) => p.purpose === 'ivr' && p.state === 'connected')) {
      const ivr = this.participant('ivr', 'connected', 'inbound', now, { name: flowName })
      ivr.connectedTime = now
      conv.participants.push(ivr)
    }
    conv.phase = 'ivr'
    this.commit(conv, 'updated', null)
    return conv
  }

  /** Model inbound traffic: a call arriving (waiting in `queueId` at once, or in the IVR without one). */
  createInboundCall(input: InboundCallInput): SimConversation {
    const now = this.clock.now()
    const conv: SimConversation = {
      id: this.ids.uuid(),
      media: 'call',
      startTime: now,
      divisionId: input.queueId ? this.routing.requireQueue(input.queueId).divisionId : this.routing.homeDivision.id,
      participants: [],
      call: { ani: input.ani, dnis: input.dnis },
      phase: 'ivr',
      version: 0
    }
    const customer = this.participant('customer', 'connected', 'inbound', now, {
      name: input.name,
      address: `tel:${input.ani}`,
      attributes: { ...(input.attributes ?? {}) }
    })
    customer.connectedTime = now
    conv.participants.push(customer)
    this.byId.set(conv.id, conv)
    if (input.queueId) this.enqueue(conv, input.queueId, now, { priority: input.priority ?? 0, skillIds: [] })
    this.commit(conv, 'created', [])
    return conv
  }

  /** Transfer to ACD: ends the current flow/queue/agent leg and waits in `queueId` with `priority`. */
  transferToQueue(id: string, queueId: string, options: { priority?: number; skillIds?: string[] } = {}): SimConversation {
    const conv = this.requireLive(id)
    this.routing.requireQueue(queueId)
    const before = this.snapshotCounts(conv)
    this.transferOut(conv, 'transfer')
    this.enqueue(conv, queueId, this.clock.now(), { priority: options.priority ?? 0, skillIds: options.skillIds ?? [] })
    this.commit(conv, 'updated', before)
    return conv
  }

  /** Routes a waiting conversation to an agent (acd leg ends with `transfer`, agent leg connected). */
  assignAgent(id: string, userId: string): SimConversation {
    const conv = this.requireLive(id)
    if (conv.phase !== 'waiting' || !conv.queueId)
      throw badRequest(`The conversation '${id}' is not waiting in a queue.`, 'conversation.not.waiting')
    if (!this.routing.users.has(userId)) throw notFound(`The user '${userId}' was not found.`)
    const before = this.snapshotCounts(conv)
    const now = this.clock.now()
    const acd = this.activeLeg(conv)!
    this.indexes.detach(conv)
    this.endParticipant(acd, now, 'transfer')
    const agent = this.participant('agent', 'connected', conv.media === 'callback' ? 'outbound' : 'inbound', now, {
      name: this.routing.users.get(userId)!.name,
      queueId: conv.queueId,
      userId,
      ...(acd.routing ? { routing: { ...acd.routing } } : {})
    })
    agent.connectedTime = now
    conv.participants.push(agent)
    conv.phase = 'interacting'
    this.indexes.attach(conv, 0)
    this.commit(conv, 'updated', before)
    return conv
  }
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}
