/**
 * How many dial attempts callbacks needed, and how each attempt count ended: whether retries earn their keep
 * (connected after 2 or 3 attempts) or only delay an `unreached`.
 */
import type { CallbackHistoryRecord } from './history-record'
import type { AttemptsRow } from './history-views'
import { countOutcomes } from './outcome-counts'

/** One row per attempt count from 0 to the highest seen (gaps filled with zeros). */
export function computeAttempts(records: readonly CallbackHistoryRecord[]): AttemptsRow[] {
  if (records.length === 0) return []
  const max = Math.max(...records.map((r) => r.attempts))
  const rows: AttemptsRow[] = []
  for (let attempts = 0; attempts <= max; attempts++) {
    const members = records.filter((r) => r.attempts === attempts)
    rows.push({ attempts, total: members.length, counts: countOutcomes(members) })
  }
  return rows
}
