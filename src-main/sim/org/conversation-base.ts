/**
 * The state and internal moves shared by every conversation mutator: the id map, ended-conversation retention,
 * per-queue indexes, participant construction, queue entry (convScore), leg teardown and the single `commit`
 * that publishes notifications. `ConversationStore` adds the public operations on top.
 */
import type { SimClock } from './clock'
import type { IdSource } from './ids'
import type { SimCommState, SimConversation, SimMediaType, SimParticipant, SimPurpose } from './conversation-types'
import { ConversationNotifier, type SimEventSink } from './conversation-notifier'
import { QueueIndexes } from './queue-indexes'
import type { RoutingStore } from './routing-store'
import { badRequest, notFound } from '../http/errors'

export type ConversationChange = 'created' | 'updated' | 'ended'
export type ConversationListener = (conv: SimConversation, change: ConversationChange) => void

/** Indexes, retention and notification plumbing of the conversation store (queries are public here). */
export abstract class ConversationBase {
  protected readonly byId = new Map<string, SimConversation>()
  protected readonly ended = new Set<string>()
  readonly indexes = new QueueIndexes()
  protected readonly notifier: ConversationNotifier
  protected readonly listeners = new Set<ConversationListener>()

  constructor(
    protected readonly routing: RoutingStore,
    protected readonly clock: SimClock,
    protected readonly ids: IdSource,
    sink: SimEventSink,
    private readonly endedRetention: number
  ) {
    this.notifier = new ConversationNotifier(sink, routing, this.indexes, clock)
    routing.onChange((c) => {
      if (c.kind === 'membership') this.notifier.agentsChanged(c.queueId)
      else {
        this.notifier.userChanged(c.userId)
        for (const q of routing.queuesOf(c.userId)) this.notifier.agentsChanged(q)
      }
    })
  }

  /** Observe every change (after indexes are updated and events published). Returns an unsubscribe function. */
  onChange(listener: ConversationListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get(id: string): SimConversation | undefined {
    return this.byId.get(id)
  }

  /** Like `get` but a Genesys 404 when unknown. */
  require(id: string): SimConversation {
    const c = this.byId.get(id)
    if (!c) throw notFound(`The conversation '${id}' was not found.`, 'not.found')
    return c
  }

  /** Live and retained ended conversations (for analytics queries; O(n), never per event). */
  all(): IterableIterator<SimConversation> {
    return this.byId.values()
  }

  get size(): number {
    return this.byId.size
  }

  /** Waiting conversations of a queue in routing order (sorts: for queries, not per event). */
  listWaiting(queueId: string, media: SimMediaType = 'callback'): SimConversation[] {
    return this.indexes.findWaiting(queueId, media)?.ordered() ?? []
  }

  /** The conversation an idle agent of the queue would get next (O(log n)). */
  nextWaiting(queueId: string, media: SimMediaType): SimConversation | undefined {
    return this.indexes.findWaiting(queueId, media)?.peek()
  }

  countWaiting(queueId: string, media?: SimMediaType): number {
    return this.indexes.countWaiting(queueId, media)
  }

  countInteracting(queueId: string, media?: SimMediaType): number {
    return this.indexes.countInteracting(queueId, media)
  }

  /** The participant currently holding the routing leg (acd while waiting, agent while interacting). */
  activeLeg(conv: SimConversation): SimParticipant | undefined {
    for (let i = conv.participants.length - 1; i >= 0; i--) {
      const p = conv.participants[i]!
      if (p.state !== 'disconnected' && (p.purpose === 'acd' || p.purpose === 'agent')) return p
    }
    return undefined
  }

  // ---- internals -------------------------------------------------------------------------------------------

  protected participant(
    purpose: SimPurpose,
    state: SimCommState,
    direction: 'inbound' | 'outbound',
    now: number,
    extra: Partial<Pick<SimParticipant, 'name' | 'address' | 'attributes' | 'queueId' | 'userId' | 'routing'>>
  ): SimParticipant {
    return {
      id: this.ids.uuid(),
      purpose,
      startTime: now,
      attributes: {},
      communicationId: this.ids.uuid(),
      state,
      initialState: state,
      direction,
      held: false,
      ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined))
    }
  }

  protected enqueue(conv: SimConversation, queueId: string, now: number, routing?: SimParticipant['routing']): void {
    const acd = this.participant('acd', 'connected', 'inbound', now, {
      name: this.routing.queues.get(queueId)?.name,
      queueId,
      routing: routing ?? { priority: 0, skillIds: [] }
    })
    acd.connectedTime = now
    conv.participants.push(acd)
    conv.queueId = queueId
    conv.enqueuedAt = now
    conv.phase = 'waiting'
    this.indexes.attach(conv, this.score(conv, acd))
  }

  /** Genesys convScore: enqueue ms − priority × 60 000 (PriorityOnly queues: priority dominates). */
  protected score(conv: SimConversation, leg: SimParticipant): number {
    const priority = leg.routing?.priority ?? 0
    const q = conv.queueId ? this.routing.queues.get(conv.queueId) : undefined
    if (q?.scoringMethod === 'PriorityOnly') return -priority * 1e13 + (conv.enqueuedAt ?? 0)
    return (conv.enqueuedAt ?? 0) - priority * 60_000
  }

  /** Ends the flow / queue / agent leg before a transfer (customer stays connected). */
  protected transferOut(conv: SimConversation, disconnectType: string): void {
    const now = this.clock.now()
    this.indexes.detach(conv)
    for (const p of conv.participants) {
      if (p.purpose !== 'customer' && p.state !== 'disconnected') this.endParticipant(p, now, disconnectType)
    }
    delete conv.queueId
    delete conv.enqueuedAt
  }

  protected endAll(conv: SimConversation, disconnectType: string): void {
    const now = this.clock.now()
    this.indexes.detach(conv)
    for (const p of conv.participants) if (p.state !== 'disconnected') this.endParticipant(p, now, disconnectType)
    conv.phase = 'ended'
    conv.endTime = now
    this.ended.add(conv.id)
    while (this.ended.size > this.endedRetention) {
      const oldest = this.ended.values().next().value as string
      this.ended.delete(oldest)
      this.byId.delete(oldest)
    }
  }

  protected endParticipant(p: SimParticipant, now: number, disconnectType: string): void {
    p.state = 'disconnected'
    p.endTime = now
    p.disconnectType = disconnectType
  }

  protected requireLive(id: string, media?: SimMediaType): SimConversation {
    const conv = this.require(id)
    if (media && conv.media !== media)
      throw badRequest(`The conversation '${id}' is not a ${media} conversation.`, 'conversation.wrong.media')
    if (conv.phase === 'ended')
      throw badRequest(`The conversation '${id}' is already disconnected.`, 'conversation.already.disconnected')
    return conv
  }

  protected requireParticipant(conv: SimConversation, participantId: string): SimParticipant {
    const p = conv.participants.find((x) => x.id === participantId)
    if (!p) throw notFound(`The participant '${participantId}' was not found.`, 'not.found')
    return p
  }

  protected snapshotCounts(conv: SimConversation): Array<[string, SimMediaType]> {
    return conv.queueId ? [[conv.queueId, conv.media]] : []
  }

  /**
   * Bumps the version, publishes topics, recounts the queues in `before` plus the current one, and tells
   * listeners. `before = null` when queue counts cannot have changed (attributes, priority).
   */
  protected commit(conv: SimConversation, change: ConversationChange, before: Array<[string, SimMediaType]> | null): void {
    conv.version++
    this.notifier.conversationChanged(conv)
    if (before) {
      const touched = new Map<string, SimMediaType>(before)
      if (conv.queueId) touched.set(conv.queueId, conv.media)
      for (const [q, m] of touched) this.notifier.countsChanged(q, m)
    }
    for (const l of this.listeners) l(conv, change)
  }
}
