/**
 * The intervals with the most callback requests, and how those peaks were served: what was promised on
 * average and how often the promise was missed. Ties go to the earlier interval.
 */
import type { CallbackHistoryRecord } from './history-record'
import type { BusiestRow, IntervalMinutes } from './history-views'
import { countOutcomes, shareOf } from './outcome-counts'
import type { PunctualityMeasure } from './punctuality'
import { formatZoned, formatZonedClock } from './zoned-time'

/** How many intervals the table lists. */
export const BUSIEST_LIMIT = 10

/** The top intervals by requests (at most `limit`), busiest first; `groups` from `groupByInterval`. */
export function computeBusiest(
  groups: ReadonlyMap<number, readonly CallbackHistoryRecord[]>,
  measures: readonly PunctualityMeasure[],
  minutes: IntervalMinutes,
  timeZone: string,
  limit = BUSIEST_LIMIT
): BusiestRow[] {
  const verdicts = new Map(measures.map((m) => [m.record.conversationId, m.verdict]))
  const ranked = [...groups.entries()].sort(([aStart, a], [bStart, b]) => b.length - a.length || aStart - bStart).slice(0, limit)
  return ranked.map(([start, members], index) => {
    const promised = members.map((r) => r.promisedWaitSeconds).filter((s): s is number => s !== null)
    const measured = members.map((r) => verdicts.get(r.conversationId)).filter((v) => v !== undefined)
    const avg = promised.length === 0 ? null : Math.round(promised.reduce((a, b) => a + b, 0) / promised.length / 6) / 10
    return {
      rank: index + 1,
      startAt: new Date(start).toISOString(),
      label: `${formatZoned(start, timeZone)}–${formatZonedClock(start + minutes * 60_000, timeZone)}`,
      requested: members.length,
      counts: countOutcomes(members),
      avgPromisedMinutes: avg,
      lateShare: measured.length === 0 ? null : shareOf(measured.filter((v) => v === 'late').length, measured.length)
    }
  })
}
