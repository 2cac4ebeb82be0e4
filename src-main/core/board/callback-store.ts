/**
 * The board's rows and what it remembers about them: one entry per callback with its order key, the callbacks
 * currently waiting / dispatched (O(1) counts), finished rows kept for a retention window, and tombstones
 * for rows it dropped so a late or repeated frame cannot bring a phantom row back.
 *
 * Apply modes: an `event` (a notification, or a fresh REST read after a command) is ordered by key against what
 * the store holds; a `snapshot` entry from reconciliation is authoritative unless an event touched the row after
 * the snapshot's requests were sent (`sinceSeq`), in which case it is ordered like an event.
 */
import { isTerminalState } from '../lifecycle-model'
import type { LifecycleRecord } from '../lifecycle-record'
import type { BoardChange, BoardRow } from './board-types'
import type { CallbackSnapshot } from './callback-snapshot'
import { deriveCallback, rowsEqual } from './derive-row'
import { compareKeys, maxKey, type OrderKey } from './event-order'
import { ExpiryHeap } from './expiry-heap'
import { carryProjection, type ProjectionFields } from './row-projection'
import type { TodayCounts } from './today-counts'

/** How a callback snapshot is applied. */
export type ApplyMode = { readonly kind: 'event' } | { readonly kind: 'snapshot'; readonly sinceSeq: number }

/** What applying one snapshot did. */
export type ApplyResult = 'applied' | 'unchanged' | 'stale' | 'ignored'

interface Entry {
  row: BoardRow
  record: LifecycleRecord
  key: OrderKey
  number: string | null
  touchedSeq: number
  expiresAtMs: number | null
}

interface Tombstone {
  readonly key: OrderKey
  readonly seq: number
  readonly expiresAtMs: number
}

/** Store settings. */
export interface CallbackStoreOptions {
  readonly holdingQueueIds: ReadonlySet<string> | null
  readonly finishedRetentionMs: number
  readonly tombstoneTtlMs: number
  readonly today: TodayCounts
}

/** Rows, live sets, retention and tombstones; every operation is O(1) or O(log n) except listings. */
export class CallbackStore {
  private readonly entries = new Map<string, Entry>()
  private readonly tombstones = new Map<string, Tombstone>()
  /** Waiting rows by id: the time-window KPIs scan these values directly. */
  private readonly waiting = new Map<string, BoardRow>()
  private readonly dispatched = new Set<string>()
  private readonly finishedExpiry = new ExpiryHeap()
  private readonly tombstoneExpiry = new ExpiryHeap()
  private seqNo = 0
  /** True when the waiting set or a waiting row changed since the time KPIs were last computed. */
  waitingDirty = false

  constructor(private readonly options: CallbackStoreOptions) {}

  /** Count of accepted events so far; a reconciliation reads it before sending its requests. */
  get seq(): number {
    return this.seqNo
  }

  /** Callbacks in state `waiting`, O(1). */
  get waitingCount(): number {
    return this.waiting.size
  }

  /** Callbacks in state `dispatched`, O(1). */
  get dispatchedCount(): number {
    return this.dispatched.size
  }

  /** Applies one callback snapshot, appending the resulting row change to `out`. */
  apply(snap: CallbackSnapshot, mode: ApplyMode, nowMs: number, out: BoardChange[]): ApplyResult {
    const id = snap.conversationId
    const existing = this.entries.get(id)
    const tomb = existing ? undefined : this.tombstones.get(id)
    const holding = this.options.holdingQueueIds
    if (!existing && holding && snap.queueId !== null && !holding.has(snap.queueId)) return 'ignored'
    const derived = deriveCallback(snap)
    const authoritative =
      mode.kind === 'snapshot' && (existing ? existing.touchedSeq <= mode.sinceSeq : !tomb || tomb.seq <= mode.sinceSeq)
    const held = existing?.key ?? tomb?.key
    // Equal keys: last arrival wins for a row we hold; a dropped row needs strictly newer facts to come back.
    const order = held ? compareKeys(derived.key, held) : 1
    if (!authoritative && (order < 0 || (order === 0 && tomb !== undefined))) return 'stale'
    if (mode.kind === 'event') this.seqNo++
    const touchedSeq = mode.kind === 'event' ? this.seqNo : (existing?.touchedSeq ?? 0)
    if (existing && rowsEqual(existing.row, derived.row)) {
      existing.record = derived.record
      existing.key = authoritative ? derived.key : maxKey(existing.key, derived.key)
      existing.touchedSeq = Math.max(existing.touchedSeq, touchedSeq)
      return 'unchanged'
    }
    const { record } = derived
    const row = carryProjection(existing?.row, derived.row)
    const terminal = isTerminalState(row.state)
    const finishedAtMs = terminal ? (record.stateAtMs ?? snap.facts.endedAtMs ?? snap.eventTimeMs) : null
    this.options.today.note(id, row.state, finishedAtMs)
    const expiresAtMs = finishedAtMs === null ? null : finishedAtMs + this.options.finishedRetentionMs
    if (expiresAtMs !== null && expiresAtMs <= nowMs) {
      // Finished before the retention window: counted today (if it was), never shown.
      if (existing) this.drop(id, derived.key, nowMs, out)
      else this.bury(id, derived.key, nowMs)
      return existing ? 'applied' : 'ignored'
    }
    this.entries.set(id, { row, record, key: derived.key, number: snap.number, touchedSeq, expiresAtMs })
    this.tombstones.delete(id)
    this.track(id, row, existing?.row)
    if (expiresAtMs !== null) this.finishedExpiry.push({ id, atMs: expiresAtMs })
    out.push({ kind: 'upsert', row })
    return 'applied'
  }

  private track(id: string, row: BoardRow, previous: BoardRow | undefined): void {
    if (previous?.state === 'waiting' || row.state === 'waiting') this.waitingDirty = true
    this.waiting.delete(id)
    this.dispatched.delete(id)
    if (row.state === 'waiting') this.waiting.set(id, row)
    else if (row.state === 'dispatched') this.dispatched.add(id)
  }

  private bury(id: string, key: OrderKey, nowMs: number): void {
    const expiresAtMs = nowMs + this.options.tombstoneTtlMs
    this.tombstones.set(id, { key, seq: this.seqNo, expiresAtMs })
    this.tombstoneExpiry.push({ id, atMs: expiresAtMs })
  }

  /** Removes a row (remembering its key in a tombstone) and appends the removal to `out`. */
  drop(id: string, key: OrderKey | null, nowMs: number, out: BoardChange[]): void {
    const entry = this.entries.get(id)
    if (!entry) return
    this.entries.delete(id)
    if (this.waiting.delete(id)) this.waitingDirty = true
    this.dispatched.delete(id)
    this.bury(id, key ? maxKey(key, entry.key) : entry.key, nowMs)
    out.push({ kind: 'remove', id })
  }

  /** Drops finished rows past retention and forgets expired tombstones. */
  expire(nowMs: number, out: BoardChange[]): void {
    for (let next = this.finishedExpiry.peek(); next && next.atMs <= nowMs; next = this.finishedExpiry.peek()) {
      this.finishedExpiry.pop()
      const entry = this.entries.get(next.id)
      if (entry && entry.expiresAtMs === next.atMs) this.drop(next.id, null, nowMs, out)
    }
    for (let next = this.tombstoneExpiry.peek(); next && next.atMs <= nowMs; next = this.tombstoneExpiry.peek()) {
      this.tombstoneExpiry.pop()
      if (this.tombstones.get(next.id)?.expiresAtMs === next.atMs) this.tombstones.delete(next.id)
    }
  }

  /** Replaces a live row's projection fields (not an event: no sequence number) and appends the upsert to `out`. */
  setProjection(id: string, fields: ProjectionFields, out: BoardChange[]): void {
    const entry = this.entries.get(id)
    if (!entry || (entry.row.state !== 'waiting' && entry.row.state !== 'dispatched')) return
    const row: BoardRow = { ...entry.row, ...fields }
    entry.row = row
    if (this.waiting.has(id)) this.waiting.set(id, row)
    out.push({ kind: 'upsert', row })
  }

  /** Waiting and dispatched rows with the dispatch time their record knows (for the projection). */
  *liveEntries(): Iterable<{ readonly row: BoardRow; readonly dispatchedAtMs: number | null }> {
    for (const row of this.waiting.values()) yield { row, dispatchedAtMs: null }
    for (const id of this.dispatched) {
      const entry = this.entries.get(id)
      if (entry) yield { row: entry.row, dispatchedAtMs: entry.record.dispatchedAtMs }
    }
  }

  /** Row, record and unmasked number of one callback (the number only for audited reveals in main). */
  get(id: string): { readonly row: BoardRow; readonly record: LifecycleRecord; readonly number: string | null } | undefined {
    return this.entries.get(id)
  }

  /** Last event sequence that touched the row (0 when never, or unknown id). */
  touchedSeq(id: string): number {
    return this.entries.get(id)?.touchedSeq ?? 0
  }

  /** Ids of callbacks waiting or dispatched. */
  liveIds(): string[] {
    return [...this.waiting.keys(), ...this.dispatched]
  }

  /** Rows of waiting callbacks. */
  waitingRows(): Iterable<BoardRow> {
    return this.waiting.values()
  }

  /** Every row, in insertion order (the UI sorts). */
  rows(): BoardRow[] {
    return Array.from(this.entries.values(), (e) => e.row)
  }

  /** Whether the board shows a row for this conversation. */
  has(id: string): boolean {
    return this.entries.has(id)
  }
}
