/**
 * Divisions, queues, users, memberships and wrap-up codes of the demo org, keyed by id with name and
 * membership indexes so lookups never scan.
 */
import type { IdSource } from './ids'
import type { SimClock } from './clock'
import type { QueueHistory, RoutingStatus, SimDivision, SimQueue, SimUser, SimWrapupCode } from './routing-types'
import { conflict, notFound } from '../http/errors'

const DEFAULT_HISTORY: QueueHistory = { ahtSeconds: 300, abandonRate: 0.05 }

/** Input for creating a queue; unknown fields are kept in `extra`. */
export interface QueueInput {
  name: string
  divisionId?: string
  description?: string
  queueFlow?: { id: string; name?: string }
  mediaSettings?: Record<string, unknown>
  scoringMethod?: 'TimestampAndPriority' | 'PriorityOnly'
  extra?: Record<string, unknown>
  by?: string
}

/** Listener for agent status changes (the conversation store recounts on-queue agents for observations). */
export type RoutingListener = (change: { kind: 'userStatus'; userId: string } | { kind: 'membership'; queueId: string }) => void

/** The routing part of the org. All mutators throw SimHttpError for expected failures (404 / 409). */
export class RoutingStore {
  readonly divisions = new Map<string, SimDivision>()
  readonly queues = new Map<string, SimQueue>()
  readonly users = new Map<string, SimUser>()
  readonly wrapupCodes = new Map<string, SimWrapupCode>()
  /** queueId → member userIds. */
  private readonly members = new Map<string, Set<string>>()
  /** userId → queueIds. */
  private readonly userQueues = new Map<string, Set<string>>()
  /** queueId → wrap-up code ids assigned to it. */
  private readonly queueWrapups = new Map<string, Set<string>>()
  private readonly queueByName = new Map<string, string>()
  private readonly history = new Map<string, QueueHistory>()
  private readonly listeners = new Set<RoutingListener>()
  /** The "Home" division every new object defaults to. */
  readonly homeDivision: SimDivision

  constructor(
    private readonly ids: IdSource,
    private readonly clock: SimClock
  ) {
    this.homeDivision = this.addDivision('Home')
  }

  onChange(listener: RoutingListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  addDivision(name: string): SimDivision {
    const d = { id: this.ids.uuid(), name }
    this.divisions.set(d.id, d)
    return d
  }

  division(id: string | undefined): SimDivision {
    return (id && this.divisions.get(id)) || this.homeDivision
  }

  createQueue(input: QueueInput): SimQueue {
    const key = input.name.trim().toLowerCase()
    if (this.queueByName.has(key)) throw conflict(`A queue with the name '${input.name}' already exists.`, 'general.conflict')
    if (input.divisionId && !this.divisions.has(input.divisionId)) throw notFound('The division was not found.')
    const now = this.clock.now()
    const q: SimQueue = {
      id: this.ids.uuid(),
      name: input.name,
      divisionId: input.divisionId ?? this.homeDivision.id,
      ...(input.description !== undefined ? { description: input.description } : {}),
      dateCreated: now,
      dateModified: now,
      ...(input.by ? { createdBy: input.by, modifiedBy: input.by } : {}),
      ...(input.queueFlow ? { queueFlow: input.queueFlow } : {}),
      mediaSettings: input.mediaSettings ?? defaultMediaSettings(),
      scoringMethod: input.scoringMethod ?? 'TimestampAndPriority',
      extra: input.extra ?? {}
    }
    this.queues.set(q.id, q)
    this.queueByName.set(key, q.id)
    this.members.set(q.id, new Set())
    return q
  }

  /** Full replacement (PUT semantics): omitted optional fields are reset. */
  replaceQueue(id: string, input: QueueInput): SimQueue {
    const q = this.requireQueue(id)
    const key = input.name.trim().toLowerCase()
    const owner = this.queueByName.get(key)
    if (owner && owner !== id) throw conflict(`A queue with the name '${input.name}' already exists.`, 'general.conflict')
    if (input.divisionId && !this.divisions.has(input.divisionId)) throw notFound('The division was not found.')
    this.queueByName.delete(q.name.trim().toLowerCase())
    this.queueByName.set(key, id)
    q.name = input.name
    q.divisionId = input.divisionId ?? q.divisionId
    q.description = input.description
    q.queueFlow = input.queueFlow
    q.mediaSettings = input.mediaSettings ?? q.mediaSettings
    q.scoringMethod = input.scoringMethod ?? q.scoringMethod
    q.extra = input.extra ?? {}
    q.dateModified = this.clock.now()
    if (input.by) q.modifiedBy = input.by
    return q
  }

  deleteQueue(id: string): void {
    const q = this.requireQueue(id)
    this.queues.delete(id)
    this.queueByName.delete(q.name.trim().toLowerCase())
    for (const u of this.members.get(id) ?? []) this.userQueues.get(u)?.delete(id)
    this.members.delete(id)
    this.queueWrapups.delete(id)
  }

  requireQueue(id: string): SimQueue {
    const q = this.queues.get(id)
    if (!q) throw notFound(`The queue '${id}' was not found.`)
    return q
  }

  queueByExactName(name: string): SimQueue | undefined {
    const id = this.queueByName.get(name.trim().toLowerCase())
    return id ? this.queues.get(id) : undefined
  }

  addUser(input: { name: string; email: string; divisionId?: string; title?: string; department?: string }): SimUser {
    const u: SimUser = {
      id: this.ids.uuid(),
      name: input.name,
      email: input.email,
      divisionId: input.divisionId ?? this.homeDivision.id,
      ...(input.title ? { title: input.title } : {}),
      ...(input.department ? { department: input.department } : {}),
      routingStatus: 'OFF_QUEUE',
      presence: 'Offline',
      routingStatusSince: this.clock.now(),
      version: 1
    }
    this.users.set(u.id, u)
    this.userQueues.set(u.id, new Set())
    return u
  }

  /** Adds queue members (the model's agents, or seeded users). */
  addMembers(queueId: string, userIds: readonly string[]): void {
    const set = this.members.get(queueId)
    if (!set) throw notFound(`The queue '${queueId}' was not found.`)
    for (const u of userIds) {
      if (!this.users.has(u)) throw notFound(`The user '${u}' was not found.`)
      set.add(u)
      this.userQueues.get(u)!.add(queueId)
    }
    this.emit({ kind: 'membership', queueId })
  }

  membersOf(queueId: string): ReadonlySet<string> {
    return this.members.get(queueId) ?? new Set()
  }

  queuesOf(userId: string): ReadonlySet<string> {
    return this.userQueues.get(userId) ?? new Set()
  }

  /** Moves an agent between routing statuses (and the matching presence); notifies listeners. */
  setUserStatus(userId: string, status: RoutingStatus, presence?: string): void {
    const u = this.users.get(userId)
    if (!u) throw notFound(`The user '${userId}' was not found.`)
    if (u.routingStatus === status && (presence === undefined || presence === u.presence)) return
    u.routingStatus = status
    u.presence = presence ?? (status === 'OFF_QUEUE' ? 'Available' : 'On Queue')
    u.routingStatusSince = this.clock.now()
    this.emit({ kind: 'userStatus', userId })
  }

  /** Members of the queue that are on queue (any status but OFF_QUEUE). */
  onQueueMembers(queueId: string): SimUser[] {
    const out: SimUser[] = []
    for (const id of this.membersOf(queueId)) {
      const u = this.users.get(id)
      if (u && u.routingStatus !== 'OFF_QUEUE') out.push(u)
    }
    return out
  }

  createWrapupCode(name: string, divisionId?: string, description?: string): SimWrapupCode {
    this.assertWrapupNameFree(name)
    const w: SimWrapupCode = {
      id: this.ids.uuid(),
      name,
      divisionId: divisionId ?? this.homeDivision.id,
      ...(description !== undefined ? { description } : {}),
      dateCreated: this.clock.now()
    }
    this.wrapupCodes.set(w.id, w)
    return w
  }

  /** `PUT /routing/wrapupcodes/{id}`: replaces name, division and description (404 unknown, 409 name taken). */
  updateWrapupCode(id: string, input: { name: string; divisionId?: string; description?: string }): SimWrapupCode {
    const w = this.requireWrapupCode(id)
    this.assertWrapupNameFree(input.name, id)
    if (input.divisionId !== undefined && !this.divisions.has(input.divisionId))
      throw notFound(`The division '${input.divisionId}' was not found.`)
    w.name = input.name
    w.divisionId = input.divisionId ?? w.divisionId
    if (input.description !== undefined) w.description = input.description
    else delete w.description
    w.dateModified = this.clock.now()
    return w
  }

  /**
   * Deletes a code and drops it from every queue that offered it. Genesys lets a code in use be deleted
   * (its past wrap-ups stay in analytics), so a queue assignment does not block it.
   */
  deleteWrapupCode(id: string): void {
    this.requireWrapupCode(id)
    this.wrapupCodes.delete(id)
    for (const set of this.queueWrapups.values()) set.delete(id)
  }

  requireWrapupCode(id: string): SimWrapupCode {
    const w = this.wrapupCodes.get(id)
    if (!w) throw notFound(`The wrap-up code '${id}' was not found.`)
    return w
  }

  private assertWrapupNameFree(name: string, exceptId?: string): void {
    const key = name.trim().toLowerCase()
    for (const w of this.wrapupCodes.values()) {
      if (w.id !== exceptId && w.name.trim().toLowerCase() === key)
        throw conflict(`A wrap-up code named '${name}' already exists.`, 'general.conflict')
    }
  }

  assignWrapupCodes(queueId: string, codeIds: readonly string[]): void {
    this.requireQueue(queueId)
    let set = this.queueWrapups.get(queueId)
    if (!set) this.queueWrapups.set(queueId, (set = new Set()))
    for (const id of codeIds) {
      if (!this.wrapupCodes.has(id)) throw notFound(`The wrap-up code '${id}' was not found.`)
      set.add(id)
    }
  }

  wrapupCodesOf(queueId: string): SimWrapupCode[] {
    return [...(this.queueWrapups.get(queueId) ?? [])].flatMap((id) => this.wrapupCodes.get(id) ?? [])
  }

  /** History used by the EWT emulation (model-fed; defaults AHT 300 s, 5 % abandons). */
  historyOf(queueId: string): QueueHistory {
    return this.history.get(queueId) ?? DEFAULT_HISTORY
  }

  setHistory(queueId: string, history: QueueHistory): void {
    this.history.set(queueId, { ...history })
  }

  private emit(change: Parameters<RoutingListener>[0]): void {
    for (const l of this.listeners) l(change)
  }
}

/** Media settings Genesys fills in for a new queue. */
export function defaultMediaSettings(): Record<string, unknown> {
  const base = { alertingTimeoutSeconds: 8, serviceLevel: { percentage: 0.8, durationMs: 20000 } }
  return {
    call: { ...base, enableAutoAnswer: false },
    callback: { ...base, alertingTimeoutSeconds: 30, enableAutoAnswer: false, mode: 'AgentFirst', enableAutoDialAndEnd: false },
    chat: { ...base, alertingTimeoutSeconds: 30, enableAutoAnswer: false },
    email: { ...base, alertingTimeoutSeconds: 300, serviceLevel: { percentage: 0.8, durationMs: 86400000 } },
    message: { ...base, alertingTimeoutSeconds: 30, enableAutoAnswer: false }
  }
}
