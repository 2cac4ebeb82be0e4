/**
 * Brings the board to the org's truth from REST in as few calls as possible, in two phases:
 *
 * 1. **Rows** (the board is complete again when this ends): one observation query lists every waiting id,
 *    details queries read the waiting callbacks 100 per call; callbacks the board does not know come from
 *    that bulk read, and only rows whose due time moved are re-read one by one (`getConversationsCallback`).
 *    The first snapshot reads a small queue one by one instead, and adds the header figures.
 * 2. **Refinement** (in the background, after the board is live again): details carry no participant
 *    attributes, so rows read in bulk are re-read for their lifecycle state when it matters (new or already
 *    due), callbacks that vanished are read for how they ended, and the header figures are refreshed.
 *
 * The board's `applySnapshot(sinceSeq)` protocol keeps events that arrived during the reads from being
 * overwritten; refinement reads are applied like events (ordered by their facts' time).
 */
import type { BoardChange } from '../../core/board/board-types'
import type { LiveBoard } from '../../core/board/live-board'
import type { Clock } from '../../core/clock'
import type { ApiError, Gateway } from '../gateway-types'
import type { DeploymentProfile } from '../profile/profile-schema'
import { readAggregates, readCallbacks, readEstimatedWaits, readListing, readWaitingDetails } from './board-reads'

/** Tuning with defaults chosen for API economy. */
export interface BoardSyncOptions {
  /** Up to this many waiting callbacks, the first snapshot reads them one by one (full attributes). */
  readonly perIdSnapshotLimit?: number
  /** Refinement re-reads at most this many rows per sync (the rest wait for their next event). */
  readonly refineLimit?: number
  /** How long before a gap a due row counts as possibly dispatched during it (the workflow's slice). */
  readonly dispatchSliceMs?: number
}

/** What one sync did, for logs, tests and the benchmark. */
export interface SyncReport {
  readonly kind: 'snapshot' | 'reconcile' | 'floor' | 'refine'
  readonly listed: number
  readonly fetched: number
  readonly dropped: number
  readonly changes: number
}

/** Work left for the refinement phase. */
export interface RefinePlan {
  /** Rows read without attributes (bulk) that are new or due: re-read for their lifecycle state. */
  readonly reread: readonly string[]
  /** Rows that left the queue during the gap: read for how they ended. */
  readonly vanished: readonly string[]
  /** Header figures to re-read: all of them after a gap, the EWTs on the floor, none after a snapshot. */
  readonly figures: 'all' | 'ewt' | 'none'
}

type SyncResult =
  | { readonly ok: true; readonly report: SyncReport; readonly refine: RefinePlan }
  | { readonly ok: false; readonly error: ApiError }

/** Runs syncs of one board against one org. */
export class BoardSync {
  constructor(
    private readonly gateway: Gateway,
    private readonly board: LiveBoard,
    private readonly profile: DeploymentProfile,
    private readonly clock: Clock,
    private readonly emit: (changes: readonly BoardChange[]) => void,
    private readonly options: BoardSyncOptions = {}
  ) {}

  /** First load: listing and header figures, then the callbacks one by one (few) or in bulk (many). */
  async snapshot(signal: AbortSignal): Promise<SyncResult> {
    const sinceSeq = this.board.seq
    const holding = [this.profile.holdingQueueId]
    const [listing, aggregates] = await Promise.all([
      readListing(this.gateway, holding, this.profile.targetQueueIds, signal),
      readAggregates(this.gateway, this.profile, signal)
    ])
    if (!listing.ok) return listing
    let conversations: readonly unknown[]
    let listedIds = listing.value.ids
    let listComplete = !listing.value.truncated
    let bulkIds: readonly string[] = []
    if (listComplete && listedIds.length <= (this.options.perIdSnapshotLimit ?? 25)) {
      const read = await readCallbacks(this.gateway, listedIds, signal)
      if (!read.ok) return read
      conversations = read.value
    } else {
      const details = await readWaitingDetails(this.gateway, holding, this.clock(), signal)
      if (!details.ok) return details
      conversations = details.value.conversations
      bulkIds = details.value.ids
      listedIds = [...new Set([...listedIds, ...details.value.ids])]
      listComplete = listComplete || details.value.complete
    }
    const result = this.board.applySnapshot({
      sinceSeq,
      conversations,
      listedIds,
      listComplete,
      queueObservations: listing.value.response,
      ...aggregates
    })
    this.emit(result.changes)
    const fetched = await this.readNow(result.unresolved, signal)
    return {
      ok: true,
      report: {
        kind: 'snapshot',
        listed: listedIds.length,
        fetched: conversations.length + fetched,
        dropped: result.dropped.length,
        changes: result.changes.length
      },
      refine: { reread: this.dueAmong(bulkIds, Number.NEGATIVE_INFINITY), vanished: [], figures: 'none' }
    }
  }

  /**
   * After a gap that started at `gapStartedAt`: re-list, read the waiting callbacks in bulk, and re-read one
   * by one only rows whose due time moved.
   */
  async reconcile(signal: AbortSignal, gapStartedAt: number | null = null): Promise<SyncResult> {
    const kind = 'reconcile' as const
    const sinceSeq = this.board.seq
    const holding = [this.profile.holdingQueueId]
    const listing = await readListing(this.gateway, holding, this.profile.targetQueueIds, signal)
    if (!listing.ok) return listing
    let listedIds = listing.value.ids
    let listComplete = !listing.value.truncated
    const bulk: unknown[] = []
    const changed: string[] = []
    {
      const details = await readWaitingDetails(this.gateway, holding, this.clock(), signal)
      if (!details.ok) return details
      listedIds = [...new Set([...listedIds, ...details.value.ids])]
      listComplete = listComplete || details.value.complete
      for (const raw of details.value.conversations) {
        const { id, dueAtMs } = dueOf(raw)
        const row = this.board.row(id)
        if (!row) bulk.push(raw)
        else if (row.dueAtMs !== dueAtMs) changed.push(id)
      }
    }
    const read = await readCallbacks(this.gateway, changed, signal)
    if (!read.ok) return read
    const result = this.board.applySnapshot({
      sinceSeq,
      conversations: [...bulk, ...read.value],
      listedIds,
      listComplete,
      queueObservations: listing.value.response
    })
    this.emit(result.changes)
    const fetched = await this.readNow(result.unresolved, signal)
    const bulkIds = bulk.map((raw) => dueOf(raw).id)
    const slice = this.options.dispatchSliceMs ?? 2 * 60_000
    const dueSince = (gapStartedAt ?? this.clock()) - slice
    return {
      ok: true,
      report: {
        kind,
        listed: listedIds.length,
        fetched: bulk.length + read.value.length + fetched,
        dropped: result.dropped.length,
        changes: result.changes.length
      },
      refine: {
        reread: [
          ...new Set([
            ...bulkIds,
            ...this.dueAmong(
              this.board.rows().map((r) => r.id),
              dueSince
            )
          ])
        ],
        vanished: result.dropped,
        figures: 'all'
      }
    }
  }

  /**
   * The reconciliation floor, the only REST the board needs in steady state: one listing (which also
   * refreshes the queue figures) and the target EWTs. Ids the listing and the board disagree on are given
   * `settleMs` for events still in flight; a disagreement that remains asks for a full reconcile.
   */
  async floor(
    signal: AbortSignal,
    settle: () => Promise<void>
  ): Promise<{ ok: true; report: SyncReport; escalate: boolean } | { ok: false; error: ApiError }> {
    const liveBefore = this.liveIds()
    const listing = await readListing(this.gateway, [this.profile.holdingQueueId], this.profile.targetQueueIds, signal)
    if (!listing.ok) return listing
    const estimatedWaits = await readEstimatedWaits(this.gateway, this.profile.targetQueueIds, signal)
    const result = this.board.applySnapshot({
      sinceSeq: this.board.seq,
      queueObservations: listing.value.response,
      estimatedWaits
    })
    this.emit(result.changes)
    if (listing.value.truncated)
      return { ok: true, report: this.floorReport(listing.value.ids.length, result.changes.length), escalate: false }
    const listed = new Set(listing.value.ids)
    // Rows live before the request but not listed should have ended; listed ids should be on the board.
    const suspects = (): string[] => {
      const live = this.liveIds()
      return [
        ...[...liveBefore].filter((id) => !listed.has(id) && live.has(id)),
        ...listing.value.ids.filter((id) => !this.board.row(id))
      ]
    }
    let disagree = suspects()
    if (disagree.length > 0) {
      await settle()
      disagree = suspects()
    }
    return { ok: true, report: this.floorReport(listed.size, result.changes.length), escalate: disagree.length > 0 }
  }

  private floorReport(listed: number, changes: number): SyncReport {
    return { kind: 'floor', listed, fetched: 0, dropped: 0, changes }
  }

  private liveIds(): Set<string> {
    return new Set(
      this.board
        .rows()
        .filter((r) => r.state === 'waiting' || r.state === 'dispatched')
        .map((r) => r.id)
    )
  }

  /** Phase 2: re-reads (bounded, most urgent first), how vanished rows ended, and the header figures. */
  async refine(plan: RefinePlan, signal: AbortSignal): Promise<SyncReport> {
    const limit = this.options.refineLimit ?? 50
    const urgent = plan.reread
      .map((id) => this.board.row(id))
      .filter((r) => r !== undefined && (r.state === 'waiting' || r.state === 'dispatched'))
      .sort((a, b) => (a!.dueAtMs ?? 0) - (b!.dueAtMs ?? 0))
      .slice(0, limit)
      .map((r) => r!.id)
    let fetched = await this.readNow(urgent, signal)
    fetched += await this.readNow(plan.vanished.slice(0, limit), signal)
    if (plan.figures === 'none') return { kind: 'refine', listed: 0, fetched, dropped: 0, changes: 0 }
    const aggregates =
      plan.figures === 'all'
        ? await readAggregates(this.gateway, this.profile, signal)
        : { estimatedWaits: await readEstimatedWaits(this.gateway, this.profile.targetQueueIds, signal) }
    const result = this.board.applySnapshot({ sinceSeq: this.board.seq, ...aggregates })
    this.emit(result.changes)
    return { kind: 'refine', listed: 0, fetched, dropped: 0, changes: result.changes.length }
  }

  /** Reads callbacks one by one and applies them like events (REST truth, ordered by its facts' time). */
  private async readNow(ids: readonly string[], signal: AbortSignal): Promise<number> {
    if (ids.length === 0) return 0
    const read = await readCallbacks(this.gateway, ids, signal)
    if (!read.ok) return 0
    for (const raw of read.value) this.emit(this.board.applyConversation(raw))
    return read.value.length
  }

  /**
   * Ids among `ids` whose row the workflow may have dispatched without an event reaching us: live rows
   * already due, read in bulk (state inferred) or due since `dueSince`.
   */
  private dueAmong(ids: readonly string[], dueSince: number): string[] {
    const now = this.clock()
    const out: string[] = []
    for (const id of ids) {
      const r = this.board.row(id)
      if (!r || r.state !== 'waiting' || r.dueAtMs === null || r.dueAtMs > now + 60_000) continue
      if (r.stateInferred || r.dueAtMs >= dueSince) out.push(id)
    }
    return out
  }
}

/** Id and due time of an analytics details conversation (the only per-row fact the bulk read compares). */
function dueOf(raw: unknown): { id: string; dueAtMs: number | null } {
  const c = raw as {
    conversationId?: string
    participants?: Array<{ sessions?: Array<{ mediaType?: string; callbackScheduledTime?: string }> }>
  }
  const session = (c.participants ?? [])
    .flatMap((p) => p.sessions ?? [])
    .find((s) => s.mediaType === 'callback' && s.callbackScheduledTime)
  const at = session?.callbackScheduledTime ? Date.parse(session.callbackScheduledTime) : Number.NaN
  return { id: c.conversationId ?? '', dueAtMs: Number.isNaN(at) ? null : at }
}
