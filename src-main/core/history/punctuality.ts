/**
 * Did we call people back when we said? For every connected callback with a recorded promise: actual time to
 * agent minus promised time, in minutes (0.1 precision). The agent's answer on the campaign call is the actual
 * time when known, else the moment the caller answered and chose an agent. A callback is on time when the
 * difference lies in [−tolerance, +tolerance); the histogram's bins have ±tolerance as edges, so every bin is
 * wholly early, on time or late and the shares always agree with the bars.
 */
import type { CallbackHistoryRecord } from './history-record'
import type { PunctualityBin, PunctualityVerdict } from './history-views'
import { shareOf } from './outcome-counts'

/** Where the actual time came from. */
export type ReachedSource = 'agent' | 'answered'

/** The punctuality of one callback. */
export interface PunctualityMeasure {
  readonly record: CallbackHistoryRecord
  readonly promisedAtMs: number
  readonly reachedAtMs: number
  readonly source: ReachedSource
  /** reached − promised, minutes, rounded to 0.1 (negative = early). */
  readonly deltaMinutes: number
  readonly verdict: PunctualityVerdict
}

/** Default allowance either side of the promise. */
export const DEFAULT_TOLERANCE_MINUTES = 5
const FIXED_EDGES = [-60, -30, -15, 15, 30, 60]

/** The verdict of a difference. */
export function verdictOf(deltaMinutes: number, toleranceMinutes: number): PunctualityVerdict {
  if (deltaMinutes < -toleranceMinutes) return 'early'
  return deltaMinutes < toleranceMinutes ? 'on-time' : 'late'
}

/** Measures every connected callback that has both a promise and an actual time. */
export function measurePunctuality(
  records: readonly CallbackHistoryRecord[],
  agentAnswers: ReadonlyMap<string, number>,
  toleranceMinutes: number
): PunctualityMeasure[] {
  const out: PunctualityMeasure[] = []
  for (const record of records) {
    if (record.outcome !== 'connected' || record.promisedAtMs === null) continue
    const agentAt = agentAnswers.get(record.conversationId)
    const useAgent = agentAt !== undefined && agentAt >= record.requestedAtMs
    const reachedAtMs = useAgent ? agentAt : record.outcomeAtMs
    if (reachedAtMs === null) continue
    const deltaMinutes = Math.round((reachedAtMs - record.promisedAtMs) / 6_000) / 10 + 0 // never -0
    out.push({
      record,
      promisedAtMs: record.promisedAtMs,
      reachedAtMs,
      source: useAgent ? 'agent' : 'answered',
      deltaMinutes,
      verdict: verdictOf(deltaMinutes, toleranceMinutes)
    })
  }
  return out
}

/** Bin edges for a tolerance: fixed steps plus −tolerance, 0 and +tolerance. */
export function binEdges(toleranceMinutes: number): number[] {
  return [...new Set([...FIXED_EDGES, -toleranceMinutes, 0, toleranceMinutes])].sort((a, b) => a - b)
}

const fmt = (n: number): string => (n < 0 ? `−${Math.abs(n)}` : n > 0 ? `+${n}` : '0')

/** The histogram: bins `[edge_i, edge_i+1)` plus open-ended bins below the first and above the last edge. */
export function histogram(measures: readonly PunctualityMeasure[], toleranceMinutes: number): PunctualityBin[] {
  const edges = binEdges(toleranceMinutes)
  const bounds: [number | null, number | null][] = [[null, edges[0]!]]
  for (let i = 0; i + 1 < edges.length; i++) bounds.push([edges[i]!, edges[i + 1]!])
  bounds.push([edges[edges.length - 1]!, null])
  return bounds.map(([from, to]) => {
    const count = measures.filter((m) => (from === null || m.deltaMinutes >= from) && (to === null || m.deltaMinutes < to)).length
    const probe = from === null ? to! - 1 : to === null ? from : (from + to) / 2
    const label = from === null ? `< ${fmt(to!)} min` : to === null ? `≥ ${fmt(from)} min` : `${fmt(from)} to ${fmt(to)} min`
    return { label, fromMinutes: from, toMinutes: to, count, verdict: verdictOf(probe, toleranceMinutes) }
  })
}

/** Nearest-rank percentile (p in 0..1) of sorted values; null for none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!
}

/** Early / on-time / late counts and shares, median and p90 of the differences. */
export function summarise(measures: readonly PunctualityMeasure[]) {
  const early = measures.filter((m) => m.verdict === 'early').length
  const late = measures.filter((m) => m.verdict === 'late').length
  const onTime = measures.length - early - late
  const sorted = measures.map((m) => m.deltaMinutes).sort((a, b) => a - b)
  return {
    measured: measures.length,
    early,
    onTime,
    late,
    earlyShare: shareOf(early, measures.length),
    onTimeShare: shareOf(onTime, measures.length),
    lateShare: shareOf(late, measures.length),
    medianMinutes: percentile(sorted, 0.5),
    p90Minutes: percentile(sorted, 0.9)
  }
}
