/**
 * The live callbacks board: a deterministic state machine (no I/O, injected clock) fed with notification
 * frames, REST snapshots and EWT readings, producing rows, KPIs and the ordered changes the diff stream carries.
 *
 * Host loop: on every frame `acc.add(board.applyFrame(frame))`; once per animation frame (or timer tick)
 * `acc.add(board.tick())` then `acc.take()`. After a gap: `const mark = board.seq`, fetch, then
 * `board.applySnapshot({sinceSeq: mark, …})` (see reconcile notes on `applySnapshot`).
 * Per event the work is O(participants); time-window KPIs are recomputed in `tick()` only, O(waiting).
 */
import type { Clock } from '../clock'
import { assertNever } from '../assert-never'
import type { LifecycleRecord } from '../lifecycle-record'
import { kpiDelta, timeKpis, type TimeKpis } from './board-kpis'
import { EMPTY_KPIS, type BoardChange, type BoardDiff, type BoardKpis, type BoardRow, type BoardStats } from './board-types'
import { CallbackStore, type ApplyMode, type ApplyResult } from './callback-store'
import { readFrame } from './frame'
import { OutboundState } from './outbound-state'
import { QueueObservations, type AggregateOutcome } from './queue-observations'
import { readCallbackConversation, type ConversationRead } from './read-conversation'
import type { BoardSnapshot, ReconcilePlan, ReconcileResult } from './reconcile'
import { TodayCounts, localStartOfDay, type StartOfDay } from './today-counts'
import type { DataTopic } from './topics'
import { RowProjector, type RowProjectorOptions } from './row-projection'

/** What the board watches and how long it remembers. */
export interface LiveBoardOptions {
  readonly clock: Clock
  /** Rows are kept only for placeholders in these queues (empty or omitted = any queue). */
  readonly holdingQueueIds?: readonly string[]
  /** Queue whose waiting / EWT / agents the KPI header shows. */
  readonly targetQueueId?: string | null
  readonly campaignId?: string | null
  readonly contactListId?: string | null
  /** How long finished callbacks stay on the board; 30 min by default. */
  readonly finishedRetentionMs?: number
  /** Grace after the due time before a waiting callback counts as overdue; 2 min by default. */
  readonly overdueAfterMs?: number
  /** How long a dropped row's key is remembered against late frames; 6 h by default. */
  readonly tombstoneTtlMs?: number
  readonly startOfDay?: StartOfDay
  /** Projection of each live callback's time to agent (needs `targetQueueId`); `false` switches it off. */
  readonly projection?: RowProjectorOptions | false
}

type Outcome = ApplyResult | AggregateOutcome

/** The live board model. */
export class LiveBoard {
  private readonly clock: Clock
  private readonly store: CallbackStore
  private readonly today: TodayCounts
  private readonly observations: QueueObservations
  private readonly outbound: OutboundState
  private readonly holdingIds: readonly string[]
  private readonly targetQueueId: string | null
  private readonly overdueAfterMs: number
  private readonly projector: RowProjector | null
  private current: BoardKpis = EMPTY_KPIS
  private time: TimeKpis = { dueIn5: 0, dueIn15: 0, overdue: 0, oldestRequestedAtMs: null }
  private timeComputedAtMs = Number.NEGATIVE_INFINITY
  private counters = { applied: 0, unchanged: 0, stale: 0, malformed: 0, unknownTopic: 0, ignored: 0 }
  private lastMalformed: string | null = null

  constructor(options: LiveBoardOptions) {
    this.clock = options.clock
    this.holdingIds = options.holdingQueueIds ?? []
    this.targetQueueId = options.targetQueueId ?? null
    this.overdueAfterMs = options.overdueAfterMs ?? 120_000
    this.today = new TodayCounts(options.startOfDay ?? localStartOfDay, this.clock())
    this.store = new CallbackStore({
      holdingQueueIds: this.holdingIds.length > 0 ? new Set(this.holdingIds) : null,
      finishedRetentionMs: options.finishedRetentionMs ?? 30 * 60_000,
      tombstoneTtlMs: options.tombstoneTtlMs ?? 6 * 3_600_000,
      today: this.today
    })
    const watched = new Set([...this.holdingIds, ...(this.targetQueueId ? [this.targetQueueId] : [])])
    this.observations = new QueueObservations(watched.size > 0 ? (q) => watched.has(q) : null)
    this.outbound = new OutboundState({ campaignId: options.campaignId ?? null, contactListId: options.contactListId ?? null })
    this.projector = this.targetQueueId && options.projection !== false ? new RowProjector(options.projection || {}) : null
  }

  /** Number of accepted callback events; read it before a reconciliation's requests (`sinceSeq`). */
  get seq(): number {
    return this.store.seq
  }

  /** Applies one notification frame (text or parsed JSON). Never throws on foreign input. */
  applyFrame(raw: unknown): BoardChange[] {
    const out: BoardChange[] = []
    const frame = readFrame(raw)
    switch (frame.kind) {
      case 'malformed':
        this.count({ malformed: frame.reason })
        return out
      case 'system':
        this.counters.ignored++
        return out
      case 'unknown':
        this.counters.unknownTopic++
        return out
      case 'data':
        this.count(this.applyData(frame.topic, frame.body, frame.topicName, out))
        this.emitKpis(out)
        return out
      default:
        return assertNever(frame, 'Unknown frame kind')
    }
  }

  /** The campaign's callable time set id (null = none; undefined = the campaign has not been read yet). */
  get campaignCallableTimeSetId(): string | null | undefined {
    return this.outbound.callableTimeSetId
  }

  /** Applies a read of the campaign's callable time set (`GET /api/v2/outbound/callabletimesets/{id}`). */
  applyCallableTimeSet(id: string, body: unknown): BoardChange[] {
    const out: BoardChange[] = []
    this.count(this.outbound.applyCallableTimeSet(id, body))
    this.emitKpis(out)
    return out
  }

  private applyData(topic: DataTopic, body: unknown, topicName: string, out: BoardChange[]): Outcome {
    switch (topic.kind) {
      case 'queue-callbacks':
      case 'queue-conversations':
        return this.applyCallback(body, topic.queueId, { kind: 'event' }, out, topicName)
      case 'queue-observations':
        return this.observations.applyEvent(topic.queueId, body)
      case 'campaign':
        return this.outbound.applyCampaign(topic.campaignId, body)
      case 'campaign-progress':
        return this.outbound.applyProgress(topic.campaignId, body)
      case 'campaign-stats':
        return this.outbound.applyStats(topic.campaignId, body)
      case 'contact-list':
        return this.outbound.applyContactList(topic.contactListId, body)
      default:
        return assertNever(topic, 'Unknown data topic')
    }
  }

  private applyCallback(raw: unknown, queueId: string | null, mode: ApplyMode, out: BoardChange[], label: string): Outcome {
    return this.applyRead(readCallbackConversation(raw, queueId), mode, out, label)
  }

  private applyRead(read: ConversationRead, mode: ApplyMode, out: BoardChange[], label: string): Outcome {
    if (!read.ok) return { malformed: `${label}: ${read.reason}` }
    if (read.snapshot === null) return 'ignored'
    return this.store.apply(read.snapshot, mode, this.clock(), out)
  }

  /** Applies a callback conversation read from REST outside a reconciliation (e.g. right after a command). */
  applyConversation(raw: unknown): BoardChange[] {
    const out: BoardChange[] = []
    this.count(this.applyCallback(raw, null, { kind: 'event' }, out, 'conversation'))
    this.emitKpis(out)
    return out
  }

  /** Records an EWT reading for a queue (seconds, or the SDK's `EstimatedWaitTimePredictions`). */
  setEstimatedWait(queueId: string, value: unknown): BoardChange[] {
    const out: BoardChange[] = []
    this.count(this.observations.setEstimatedWait(queueId, value))
    this.emitKpis(out)
    return out
  }

  /** Which ids to fetch before `applySnapshot`: listed but unknown, and live here but no longer listed. */
  planReconcile(listedIds: readonly string[]): ReconcilePlan {
    const listed = new Set(listedIds)
    return {
      unknown: listedIds.filter((id) => !this.store.has(id)),
      vanished: this.store.liveIds().filter((id) => !listed.has(id))
    }
  }

  /**
   * Converges on a REST snapshot taken after a gap. Conversations are applied authoritatively unless an
   * event touched the row after `sinceSeq`. With a complete `listedIds`, every live row neither listed nor
   * among `conversations` (and untouched since `sinceSeq`) is dropped: supply the final state of vanished
   * callbacks in `conversations` to show them as finished instead.
   */
  applySnapshot(snapshot: BoardSnapshot): ReconcileResult {
    const out: BoardChange[] = []
    const mode: ApplyMode = { kind: 'snapshot', sinceSeq: snapshot.sinceSeq }
    const covered = new Set(snapshot.listedIds ?? [])
    for (const raw of snapshot.conversations ?? []) {
      const read = readCallbackConversation(raw, null)
      if (read.ok && read.snapshot) covered.add(read.snapshot.conversationId)
      this.count(this.applyRead(read, mode, out, 'snapshot'))
    }
    const dropped: string[] = []
    if (snapshot.listedIds && snapshot.listComplete) {
      for (const id of this.store.liveIds()) {
        if (covered.has(id) || this.store.touchedSeq(id) > snapshot.sinceSeq) continue
        this.store.drop(id, null, this.clock(), out)
        dropped.push(id)
      }
    }
    const aggregates: Array<[unknown, (body: unknown) => AggregateOutcome]> = [
      [snapshot.queueObservations, (b) => this.observations.applyQuery(b)],
      [snapshot.campaign, (b) => this.outbound.applyCampaign(null, b)],
      [snapshot.campaignProgress, (b) => this.outbound.applyProgress(null, b)],
      [snapshot.campaignStats, (b) => this.outbound.applyStats(null, b)],
      [snapshot.contactList, (b) => this.outbound.applyContactList(null, b)]
    ]
    for (const [body, apply] of aggregates) if (body !== undefined) this.count(apply(body))
    for (const [queueId, value] of Object.entries(snapshot.estimatedWaits ?? {}))
      this.count(this.observations.setEstimatedWait(queueId, value))
    this.store.waitingDirty = true
    this.emitKpis(out, true)
    const unresolved = (snapshot.listedIds ?? []).filter((id) => !this.store.has(id))
    return { changes: out, dropped, unresolved }
  }

  /**
   * Time passes: day rollover, retention, (at most once a second unless rows changed) time KPIs, and (every few
   * seconds) the projected time to agent of live rows — O(live rows) per refresh, re-sending only rows whose
   * projection moved materially.
   */
  tick(): BoardChange[] {
    const out: BoardChange[] = []
    const now = this.clock()
    this.today.rollover(now)
    this.store.expire(now, out)
    this.emitKpis(out, this.store.waitingDirty || now - this.timeComputedAtMs >= 1_000)
    this.project(now, out)
    return out
  }

  private project(now: number, out: BoardChange[]): void {
    const target = this.targetQueueId
    if (!this.projector || !target || !this.projector.due(now)) return
    const kpis = {
      waiting: this.observations.waiting(target),
      agentsOnQueue: this.observations.agentsOnQueue(target),
      ewtSeconds: this.observations.estimatedWaitSeconds(target)
    }
    for (const { id, fields } of this.projector.refresh(this.store.liveEntries(), kpis, now))
      this.store.setProjection(id, fields, out)
  }

  private emitKpis(out: BoardChange[], withTime = false): void {
    if (withTime) {
      const now = this.clock()
      this.time = timeKpis(this.store.waitingRows(), now, this.overdueAfterMs)
      this.timeComputedAtMs = now
      this.store.waitingDirty = false
    }
    const holding = this.holdingIds.map((q) => this.observations.waiting(q)).filter((v): v is number => v !== null)
    const target = this.targetQueueId
    const next: BoardKpis = {
      waiting: this.store.waitingCount,
      dispatched: this.store.dispatchedCount,
      ...this.time,
      connectedToday: this.today.get('connected'),
      declinedToday: this.today.get('declined'),
      unreachedToday: this.today.get('unreached'),
      cancelledToday: this.today.get('cancelled'),
      holdingWaiting: holding.length > 0 ? holding.reduce((a, b) => a + b, 0) : null,
      targetWaiting: target ? this.observations.waiting(target) : null,
      targetEwtSeconds: target ? this.observations.estimatedWaitSeconds(target) : null,
      targetAgentsOnQueue: target ? this.observations.agentsOnQueue(target) : null,
      ...this.outbound.value
    }
    const delta = kpiDelta(this.current, next)
    this.current = next
    if (delta) out.push({ kind: 'kpis', kpis: delta })
  }

  private count(outcome: Outcome): void {
    if (typeof outcome === 'object') {
      this.counters.malformed++
      this.lastMalformed = outcome.malformed
      return
    }
    this.counters[
      outcome === 'applied' ? 'applied' : outcome === 'unchanged' ? 'unchanged' : outcome === 'stale' ? 'stale' : 'ignored'
    ]++
  }

  /** Every row, insertion order. */
  rows(): BoardRow[] {
    return this.store.rows()
  }

  /** One row, or undefined. */
  row(id: string): BoardRow | undefined {
    return this.store.get(id)?.row
  }

  /** The lifecycle record behind a row (timeline / detail drawer). */
  record(id: string): LifecycleRecord | undefined {
    return this.store.get(id)?.record
  }

  /** The unmasked number, for an audited reveal in main only; never put it in a row, log or event. */
  numberOf(id: string): string | null {
    return this.store.get(id)?.number ?? null
  }

  /** KPIs as last emitted in the change stream. */
  kpis(): BoardKpis {
    return this.current
  }

  /** Input counters. */
  stats(): BoardStats {
    return { ...this.counters, lastMalformed: this.lastMalformed }
  }

  /** The whole board as one diff, for a renderer that (re)connects; pair it with a fresh DiffAccumulator. */
  fullDiff(): BoardDiff {
    return { upserts: this.rows(), removals: [], kpis: { ...this.current } }
  }
}
