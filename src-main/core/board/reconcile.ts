/**
 * Inputs and outputs of reconciliation: after any gap in the notification stream (connect, reconnect,
 * rollover), main reads the truth from REST and the board converges on it with no lost or phantom rows.
 *
 * Protocol (the host does the I/O, the board decides):
 * 1. `const sinceSeq = board.seq` before sending any request.
 * 2. List live callback ids in the holding queue(s) (observation / activity details) → `listedIds`.
 * 3. `board.planReconcile(listedIds)` → fetch `unknown` (new to the board) and, to show how they ended,
 *    `vanished` (live here, not listed) with `getConversationsCallback`; optionally re-read observations,
 *    campaign, progress, stats, contact list, EWT.
 * 4. `board.applySnapshot({sinceSeq, listedIds, listComplete, conversations, …})`. Vanished rows whose final
 *    state was supplied move to finished; the rest are dropped (and tombstoned). `unresolved` lists ids still
 *    unknown (a failed fetch): fetch and `applyConversation` them, or reconcile again.
 */
import type { BoardChange } from './board-types'

/** Everything read from REST for one reconciliation; omit what was not read. */
export interface BoardSnapshot {
  /** `board.seq` read before the first request was sent. */
  readonly sinceSeq: number
  /** Callback conversations read (`CallbackConversation`, `Conversation` or analytics details shapes). */
  readonly conversations?: readonly unknown[]
  /** Ids of every live callback in the holding queue(s), when listed. */
  readonly listedIds?: readonly string[]
  /** True when `listedIds` is the complete set (not truncated): enables dropping absent rows. */
  readonly listComplete?: boolean
  /** `QueueObservationQueryResponse` for the holding and target queues. */
  readonly queueObservations?: unknown
  readonly campaign?: unknown
  readonly campaignProgress?: unknown
  readonly campaignStats?: unknown
  readonly contactList?: unknown
  /** EWT per queue id: seconds or `EstimatedWaitTimePredictions`. */
  readonly estimatedWaits?: Readonly<Record<string, unknown>>
}

/** The ids a reconciliation should fetch before applying its snapshot. */
export interface ReconcilePlan {
  /** Listed but not on the board. */
  readonly unknown: readonly string[]
  /** Live on the board but no longer listed (finished during the gap). */
  readonly vanished: readonly string[]
}

/** What a reconciliation changed. */
export interface ReconcileResult {
  readonly changes: readonly BoardChange[]
  /** Live rows removed because the complete listing no longer had them and no final state was supplied. */
  readonly dropped: readonly string[]
  /** Listed ids the board still has no conversation for. */
  readonly unresolved: readonly string[]
}
