/**
 * Counting callbacks per outcome, shared by every chart so "connected" means the same in volumes, attempts and
 * busiest intervals, and the labels a lead reads are written once.
 */
import { HISTORY_OUTCOMES, type HistoryOutcome } from './history-record'
import type { OutcomeCounts } from './history-views'

/** Display names of the outcomes, in report order. */
export const OUTCOME_LABELS: Readonly<Record<HistoryOutcome, string>> = {
  connected: 'Connected',
  declined: 'Declined',
  unreached: 'Unreached',
  cancelled: 'Cancelled',
  open: 'Open'
}

/** A mutable tally used while a chart is computed. */
export type OutcomeTally = { -readonly [K in HistoryOutcome]: number }

/** All zeros. */
export function emptyCounts(): OutcomeTally {
  return { connected: 0, declined: 0, unreached: 0, cancelled: 0, open: 0 }
}

/** Counts the outcomes of `records`. */
export function countOutcomes(records: Iterable<{ readonly outcome: HistoryOutcome }>): OutcomeTally {
  const counts = emptyCounts()
  for (const r of records) counts[r.outcome]++
  return counts
}

/** The counts as cells in `HISTORY_OUTCOMES` order (connected … open). */
export function countCells(counts: OutcomeCounts): number[] {
  return HISTORY_OUTCOMES.map((o) => counts[o])
}

/** `part / whole` rounded to 3 decimals, 0 when `whole` is 0. */
export function shareOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000
}
