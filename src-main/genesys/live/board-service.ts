/**
 * The live board service: one notification channel and core's LiveBoard reducer, kept true to the org.
 * Frames go straight into the reducer; the first snapshot and every post-gap reconcile come from REST
 * (BoardSync); changes leave as coalesced diffs at most once per frame, with a connection banner. In steady
 * state the only REST calls are the reconciliation floor (one listing + the target EWTs per interval), plus
 * a self-heal when the queue's own waiting count disagrees with the board for too long.
 */
import type { BoardSnapshotView, ConnectionView } from '../../contract/live-views'
import { backoffDelay } from '../../core/backoff'
import type { BoardDiff } from '../../core/board/board-types'
import { LiveBoard, type LiveBoardOptions } from '../../core/board/live-board'
import { boardTopics } from '../../core/board/topics'
import type { Clock, Random } from '../../core/clock'
import { Emitter, type Disposable } from '../../core/disposable'
import type { Gateway } from '../gateway-types'
import { ChannelManager, type ChannelManagerOptions } from '../notifications/channel-manager'
import type { DeploymentProfile } from '../profile/profile-schema'
import type { TokenChange } from '../session/session'
import { realTimers, sleep, type TimerHandle, type Timers } from '../timers'
import { readCallableTimeSet } from './board-reads'
import { BoardSync, type BoardSyncOptions, type SyncReport } from './board-sync'
import { connectionView, type SyncFacts } from './connection-view'
import { DiffPump } from './diff-pump'

/** Tuning and seams; production defaults throughout. */
export interface LiveBoardServiceOptions {
  readonly gateway: Gateway
  readonly profile: DeploymentProfile
  readonly clock?: Clock
  readonly random?: Random
  readonly timers?: Timers
  readonly log?: (line: string) => void
  /** Passed to the channel manager (watchdog, rollover lead, socket seam). */
  readonly channel?: Omit<ChannelManagerOptions, 'gateway' | 'clock' | 'random' | 'timers' | 'log'>
  readonly board?: Omit<LiveBoardOptions, 'clock' | 'holdingQueueIds' | 'targetQueueId' | 'campaignId' | 'contactListId'>
  readonly sync?: BoardSyncOptions
  /** Diff batching interval; 16 ms. */
  readonly frameMs?: number
  /** Time KPIs and retention; 1 s. */
  readonly tickMs?: number
  /** The reconciliation floor; 5 min. */
  readonly floorIntervalMs?: number
  /** A gap longer than this reads "stale"; 30 s. */
  readonly staleAfterMs?: number
  /** Board and queue counts may disagree this long before a self-heal reconcile; 20 s. */
  readonly mismatchGraceMs?: number
  /** How long the floor waits for events in flight before calling a disagreement real; 2 s. */
  readonly settleMs?: number
  /** Without a live channel after this long, load the board anyway; 5 s. */
  readonly snapshotWithoutChannelAfterMs?: number
}

type SyncKind = 'snapshot' | 'reconcile' | 'floor'
const RANK: Record<SyncKind, number> = { floor: 0, reconcile: 1, snapshot: 2 }

/** The service the host wires to `board:*` and pushes as `board:changed` / connection events. */
export class LiveBoardService implements Disposable {
  readonly board: LiveBoard
  readonly channel: ChannelManager
  private readonly diffs = new Emitter<BoardDiff>()
  private readonly connections = new Emitter<ConnectionView>()
  private readonly synced = new Emitter<SyncReport>()
  /** Coalesced board changes, at most one per frame. */
  readonly onDidChange = this.diffs.event
  /** The connection banner, whenever it changes. */
  readonly onDidChangeConnection = this.connections.event
  /** Each completed sync (snapshot, reconcile, floor). */
  readonly onDidSync = this.synced.event
  private readonly clock: Clock
  private readonly random: Random
  private readonly timers: Timers
  private readonly log: (line: string) => void
  private readonly pump: DiffPump
  private readonly sync: BoardSync
  private readonly disposables: Disposable[] = []
  private controller = new AbortController()
  /** The callable time set last read (or being read) for the campaign; undefined = none asked for yet. */
  private callableTimesFor: string | null | undefined = undefined
  private retryCallableTimes = false
  private started = false
  private hasBaseline = false
  private syncing: Promise<void> | null = null
  private queued: SyncKind | null = null
  private failed: string | null = null
  private failures = 0
  private incompleteSince: number | null = null
  private gapStartedAt: number | null = null
  private lastReconcileAt = Number.NEGATIVE_INFINITY
  private mismatchSince: number | null = null
  private lastView: ConnectionView | null = null
  private timersOwned: {
    tick?: TimerHandle
    floor?: TimerHandle
    retry?: TimerHandle
    stale?: TimerHandle
    fallback?: TimerHandle
  } = {}

  constructor(private readonly options: LiveBoardServiceOptions) {
    this.clock = options.clock ?? Date.now
    this.random = options.random ?? Math.random
    this.timers = options.timers ?? realTimers
    this.log = options.log ?? (() => undefined)
    const p = options.profile
    this.board = new LiveBoard({
      ...options.board,
      clock: this.clock,
      holdingQueueIds: [p.holdingQueueId],
      targetQueueId: p.targetQueueIds[0] ?? null,
      campaignId: p.campaignId,
      contactListId: p.contactListId
    })
    this.pump = new DiffPump(this.timers, this.clock, options.frameMs ?? 16, (d) => this.diffs.fire(d))
    this.sync = new BoardSync(options.gateway, this.board, p, this.clock, (changes) => this.pump.add(changes), options.sync)
    this.channel = new ChannelManager({
      ...options.channel,
      gateway: options.gateway,
      clock: this.clock,
      random: this.random,
      timers: this.timers,
      log: this.log
    })
    this.disposables.push(
      this.channel.onDidReceive((frame) => {
        this.pump.add(this.board.applyFrame(frame))
        this.followCallableTimes()
      }),
      this.channel.onDidChangeStatus(() => this.updateConnection()),
      this.channel.onDidNeedReconcile((s) => {
        if (s.gapStartedAt !== null) {
          this.incompleteSince ??= s.gapStartedAt
          this.gapStartedAt = Math.min(this.gapStartedAt ?? s.gapStartedAt, s.gapStartedAt)
        }
        this.requestSync(this.hasBaseline ? 'reconcile' : 'snapshot', s.reason)
      })
    )
  }

  /** Subscribes and loads the board. */
  start(): void {
    if (this.started) return
    this.started = true
    this.controller = new AbortController()
    this.callableTimesFor = undefined
    const p = this.options.profile
    this.channel.start(
      boardTopics({
        holdingQueueIds: [p.holdingQueueId],
        targetQueueIds: p.targetQueueIds,
        campaignId: p.campaignId,
        contactListId: p.contactListId
      })
    )
    this.timersOwned.fallback = this.timers.setTimeout(() => {
      if (!this.hasBaseline && !this.syncing) this.requestSync('snapshot', 'no live channel yet')
    }, this.options.snapshotWithoutChannelAfterMs ?? 5_000)
    this.scheduleTick()
    this.scheduleFloor()
    this.updateConnection()
  }

  /** Stops streaming and syncing; the board keeps its rows (a later `start` reconciles). */
  stop(): void {
    this.started = false
    this.controller.abort()
    this.channel.stop()
    for (const t of Object.values(this.timersOwned)) this.timers.clearTimeout(t)
    this.timersOwned = {}
    this.pump.flush()
    this.updateConnection()
  }

  /** Wires the session's token lifecycle: renewals roll the channel over; sign-out stops the board. */
  handleTokenChange(change: TokenChange): void {
    if (change === 'renewed' && this.started) void this.channel.rollover('token renewed')
    if (change === 'signed-out') this.stop()
  }

  /** The whole board for a renderer that (re)connects. */
  snapshotView(): BoardSnapshotView {
    this.pump.flush()
    return {
      rows: this.board.rows(),
      kpis: this.board.kpis(),
      connection: this.connection(),
      serverNow: new Date(this.clock()).toISOString()
    }
  }

  connection(): ConnectionView {
    return connectionView(this.channel.status(), this.syncFacts(), this.clock(), this.options.staleAfterMs ?? 30_000)
  }

  /**
   * Feeds a callback conversation read from REST (e.g. right after a cancel / reschedule / call-now) into the
   * board, ordered like an event, so the acting console shows the outcome before the notification arrives.
   */
  ingest(conversation: unknown): void {
    this.pump.add(this.board.applyConversation(conversation))
  }

  /** Re-reads the truth now (e.g. after the user's own action failed oddly). */
  reconcileNow(reason: string): Promise<void> {
    return this.requestSync(this.hasBaseline ? 'reconcile' : 'snapshot', reason)
  }

  /** Resolves once the board has its first snapshot. */
  whenSynced(): Promise<void> {
    if (this.hasBaseline) return Promise.resolve()
    return new Promise((resolve) => {
      const d = this.synced.event(() => {
        d.dispose()
        resolve()
      })
    })
  }

  /** Resolves once no snapshot, reconcile or refinement is running (tests and the benchmark). */
  async whenIdle(): Promise<void> {
    while (this.syncing) await this.syncing
  }

  /** Emits pending changes now (tests and the benchmark). */
  flush(): void {
    this.pump.flush()
  }

  dispose(): void {
    this.stop()
    for (const d of this.disposables.splice(0)) d.dispose()
    this.channel.dispose()
    this.pump.dispose()
    this.diffs.dispose()
    this.connections.dispose()
    this.synced.dispose()
  }

  // ---- syncing -----------------------------------------------------------------------------------------------

  private requestSync(kind: SyncKind, reason: string): Promise<void> {
    if (!this.started) return Promise.resolve()
    if (this.syncing) {
      if (this.queued === null || RANK[kind] > RANK[this.queued]) this.queued = kind
      return this.syncing
    }
    const run = this.runSync(kind, reason).finally(() => {
      if (this.syncing === run) this.syncing = null
      const next = this.queued
      this.queued = null
      if (next !== null) void this.requestSync(next, 'queued')
    })
    this.syncing = run
    this.updateConnection()
    return run
  }

  private async runSync(kind: SyncKind, reason: string): Promise<void> {
    if (kind === 'floor' && this.hasBaseline) return this.runFloor()
    const signal = this.controller.signal
    const effective = this.hasBaseline ? 'reconcile' : 'snapshot'
    const startedAt = this.clock()
    const gap = this.gapStartedAt
    this.gapStartedAt = null
    const result = effective === 'snapshot' ? await this.sync.snapshot(signal) : await this.sync.reconcile(signal, gap)
    if (signal.aborted) return
    if (!result.ok) {
      if (gap !== null) this.gapStartedAt = Math.min(this.gapStartedAt ?? gap, gap)
      this.failed = result.error.message
      this.incompleteSince ??= startedAt
      const delay = Math.max(1_000, backoffDelay(this.failures++, { baseMs: 2_000, capMs: 60_000 }, this.random))
      this.log(`[LiveBoard] ${effective} failed (${result.error.code}); retrying in ${Math.round(delay / 1000)} s`)
      this.timers.clearTimeout(this.timersOwned.retry)
      this.timersOwned.retry = this.timers.setTimeout(() => void this.requestSync(effective, 'retry'), delay)
      this.updateConnection()
      return
    }
    this.failed = null
    this.failures = 0
    this.hasBaseline = true
    this.lastReconcileAt = this.clock()
    if (this.channel.status().state === 'live') this.incompleteSince = null
    const r = result.report
    this.log(`[LiveBoard] ${effective} (${reason}): ${r.listed} listed, ${r.fetched} read, ${r.dropped} dropped`)
    this.pump.add(this.board.tick())
    if (this.retryCallableTimes) {
      this.retryCallableTimes = false
      this.callableTimesFor = undefined
    }
    this.followCallableTimes()
    this.updateConnection()
    this.synced.fire(r)
    const refined = await this.sync.refine(result.refine, signal)
    if (signal.aborted) return
    if (refined.fetched > 0) this.log(`[LiveBoard] refined ${refined.fetched} row(s)`)
    this.synced.fire(refined)
  }

  /**
   * Reads the campaign's callable time set when the campaign points at a new one (a string compare per frame;
   * one REST read per change). A failed read is retried at the next sync, not per frame.
   */
  private followCallableTimes(): void {
    const id = this.board.campaignCallableTimeSetId
    if (id === undefined || id === this.callableTimesFor) return
    this.callableTimesFor = id
    if (id === null) return
    const signal = this.controller.signal
    void readCallableTimeSet(this.options.gateway, id, signal).then((r) => {
      if (signal.aborted) return
      if (!r.ok) {
        this.log(`[LiveBoard] campaign callable hours not readable (${r.error.code})`)
        if (this.callableTimesFor === id) this.retryCallableTimes = true
        return
      }
      this.pump.add(this.board.applyCallableTimeSet(id, r.value))
    })
  }

  private async runFloor(): Promise<void> {
    const signal = this.controller.signal
    const settle = (): Promise<void> => sleep(this.timers, this.options.settleMs ?? 2_000, signal).catch(() => undefined)
    const result = await this.sync.floor(signal, settle)
    if (signal.aborted) return
    if (!result.ok) {
      this.log(`[LiveBoard] floor check failed (${result.error.code})`)
      return
    }
    this.synced.fire(result.report)
    if (result.escalate) {
      this.log('[LiveBoard] the org lists callbacks the board does not agree with; reconciling')
      this.queued = 'reconcile'
    }
  }

  // ---- time --------------------------------------------------------------------------------------------------

  private scheduleTick(): void {
    this.timersOwned.tick = this.timers.setTimeout(() => {
      if (!this.started) return
      this.pump.add(this.board.tick())
      this.checkCounts()
      this.updateConnection()
      this.scheduleTick()
    }, this.options.tickMs ?? 1_000)
  }

  private scheduleFloor(): void {
    this.timersOwned.floor = this.timers.setTimeout(
      () => {
        if (!this.started) return
        if (this.hasBaseline) void this.requestSync('floor', 'reconciliation floor')
        this.scheduleFloor()
      },
      this.options.floorIntervalMs ?? 5 * 60_000
    )
  }

  /** The holding queue's live `oWaiting` is a free cross-check of the board: heal a lasting disagreement. */
  private checkCounts(): void {
    const k = this.board.kpis()
    const now = this.clock()
    if (!this.hasBaseline || this.syncing || k.holdingWaiting === null || k.holdingWaiting === k.waiting + k.dispatched) {
      this.mismatchSince = null
      return
    }
    this.mismatchSince ??= now
    if (now - this.mismatchSince >= (this.options.mismatchGraceMs ?? 20_000) && now - this.lastReconcileAt >= 60_000) {
      this.mismatchSince = null
      void this.requestSync('reconcile', `board shows ${k.waiting + k.dispatched}, queue reports ${k.holdingWaiting}`)
    }
  }

  private syncFacts(): SyncFacts {
    return {
      started: this.started,
      hasBaseline: this.hasBaseline,
      syncing: this.syncing !== null,
      failed: this.failed,
      incompleteSince: this.incompleteSince
    }
  }

  private updateConnection(): void {
    const status = this.channel.status()
    if (status.state === 'reconnecting' && status.gapSince !== null) this.incompleteSince ??= status.gapSince
    const view = this.connection()
    const last = this.lastView
    if (
      last &&
      last.state === view.state &&
      last.since === view.since &&
      last.detail === view.detail &&
      last.rejectedTopics.length === view.rejectedTopics.length
    )
      return
    this.lastView = view
    this.connections.fire(view)
  }
}
