/**
 * How the requested callbacks ended, and why: counts per outcome and, within each outcome, per reason (the
 * cancel reason a lead typed, the last dial result for unreached callbacks, and so on).
 */
import { HISTORY_OUTCOMES, type CallbackHistoryRecord } from './history-record'
import type { OutcomeReasonCount } from './history-views'
import { countOutcomes, type OutcomeTally } from './outcome-counts'

/** Counts per outcome and per (outcome, reason), reasons ordered by outcome then most frequent first. */
export function computeOutcomes(records: readonly CallbackHistoryRecord[]): {
  counts: OutcomeTally
  reasons: OutcomeReasonCount[]
} {
  const byReason = new Map<string, { outcome: CallbackHistoryRecord['outcome']; reason: string; count: number }>()
  for (const r of records) {
    const key = `${r.outcome}\u0000${r.reason}`
    const entry = byReason.get(key)
    if (entry) entry.count++
    else byReason.set(key, { outcome: r.outcome, reason: r.reason, count: 1 })
  }
  const order = (o: CallbackHistoryRecord['outcome']): number => HISTORY_OUTCOMES.indexOf(o)
  const reasons = [...byReason.values()].sort(
    (a, b) => order(a.outcome) - order(b.outcome) || b.count - a.count || a.reason.localeCompare(b.reason)
  )
  return { counts: countOutcomes(records), reasons }
}
