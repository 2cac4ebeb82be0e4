/**
 * From a CallbackSnapshot to what the board stores: the lifecycle record (core/lifecycle-record.ts mapping),
 * the row the renderer sees (number masked), and the row's order key.
 */
import { readLifecycle, type LifecycleRecord } from '../lifecycle-record'
import { maskPhone } from '../phone'
import type { BoardRow } from './board-types'
import type { CallbackSnapshot } from './callback-snapshot'
import { orderKey, type OrderKey } from './event-order'

/** Everything the board derives from one snapshot. */
export interface DerivedCallback {
  readonly row: BoardRow
  readonly record: LifecycleRecord
  readonly key: OrderKey
}

/** Derives record, row and key; pure, O(attributes). */
export function deriveCallback(snapshot: CallbackSnapshot): DerivedCallback {
  const record = readLifecycle(snapshot.attributes, snapshot.facts)
  const row: BoardRow = {
    id: snapshot.conversationId,
    queueId: snapshot.queueId,
    maskedNumber: maskPhone(snapshot.number),
    name: snapshot.name,
    requestedAtMs: record.requestedAtMs ?? snapshot.startedAtMs,
    promisedWaitSeconds: record.promisedWaitSeconds,
    dueAtMs: snapshot.dueAtMs,
    state: record.state,
    stateInferred: record.inferred,
    stateAtMs: record.stateAtMs,
    attempts: record.attempts,
    lastOutcome: record.lastOutcome,
    lastAction: record.lastAction,
    actedBy: record.actedBy,
    reason: record.reason,
    eventTimeMs: snapshot.eventTimeMs
  }
  return { row, record, key: orderKey(snapshot.eventTimeMs, snapshot.facts.ended, record.state) }
}

const ROW_FIELDS: ReadonlyArray<keyof BoardRow> = [
  'id',
  'queueId',
  'maskedNumber',
  'name',
  'requestedAtMs',
  'promisedWaitSeconds',
  'dueAtMs',
  'state',
  'stateInferred',
  'stateAtMs',
  'attempts',
  'lastOutcome',
  'lastAction',
  'actedBy',
  'reason',
  'eventTimeMs'
]

/** Field-by-field equality of two rows (rows are flat), used to drop duplicate events. */
export function rowsEqual(a: BoardRow, b: BoardRow): boolean {
  for (const field of ROW_FIELDS) if (a[field] !== b[field]) return false
  return true
}
