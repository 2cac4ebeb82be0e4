/**
 * Composes the History report from the callback records of a range: every chart with its table (numbers
 * masked), totals, and plain notes about anything the report could not know. Main keeps the `ReportSource` so an
 * export rebuilds exactly the same table, with full numbers only when the user chose them.
 */
import { assertNever } from '../assert-never'
import { attemptsTable, busiestTable, outcomesTable, punctualityTable, volumesTable, type PhoneMode } from './history-tables'
import type { CallbackHistoryRecord } from './history-record'
import {
  INTERVAL_MINUTES,
  type BusiestChart,
  type HistoryReport,
  type HistoryTable,
  type HistoryTableId,
  type IntervalMinutes,
  type VolumesChart
} from './history-views'
import { computeAttempts } from './attempts'
import { computeBusiest } from './busiest'
import { computeOutcomes } from './outcomes'
import { histogram, measurePunctuality, summarise, type PunctualityMeasure } from './punctuality'
import type { HistoryRange } from './query-plan'
import { computeVolumes, groupByInterval } from './volumes'
import { formatZoned } from './zoned-time'

/** Everything a report is computed from; kept by main for exports. */
export interface ReportSource {
  readonly runId: string
  readonly range: HistoryRange
  readonly startMs: number
  readonly endMs: number
  /** The org was read up to here (before "now" when the range includes today). */
  readonly coveredUntilMs: number
  readonly generatedAtMs: number
  /** Callbacks found; those requested outside `[startMs, endMs)` are ignored. */
  readonly records: readonly CallbackHistoryRecord[]
  /** Callback id → agent answer time, from the campaign's calls. */
  readonly agentAnswers: ReadonlyMap<string, number>
  /** False when the campaign's calls could not be read (actual times then come from the placeholder). */
  readonly agentTimesRead: boolean
  readonly toleranceMinutes: number
  /** Callbacks whose attributes could not be read, and conversations with an unreadable shape. */
  readonly unreadDetails: number
  readonly rejected: number
}

function inRange(source: ReportSource): CallbackHistoryRecord[] {
  return source.records.filter((r) => r.requestedAtMs >= source.startMs && r.requestedAtMs < source.endMs)
}

function perInterval<T>(build: (minutes: IntervalMinutes) => T): { [K in IntervalMinutes]: T } {
  return { 15: build(15), 30: build(30), 60: build(60) }
}

function notesOf(
  source: ReportSource,
  records: readonly CallbackHistoryRecord[],
  measures: readonly PunctualityMeasure[]
): string[] {
  const notes: string[] = []
  const tz = source.range.timeZone
  if (source.coveredUntilMs < source.endMs)
    notes.push(
      `Requests up to ${formatZoned(source.coveredUntilMs, tz)} are included; later ones are not in the org's reports yet.`
    )
  if (source.unreadDetails > 0)
    notes.push(
      `The details of ${source.unreadDetails} callback(s) could not be read; their outcome is inferred from the conversation.`
    )
  const inferred = records.filter((r) => r.inferred && r.outcome === 'cancelled').length
  if (inferred > 0) notes.push(`${inferred} callback(s) ended without a recorded outcome and are counted as cancelled.`)
  if (source.rejected > 0) notes.push(`${source.rejected} conversation(s) had an unreadable shape and were skipped.`)
  const connected = records.filter((r) => r.outcome === 'connected').length
  if (connected > measures.length)
    notes.push(
      `${connected - measures.length} connected callback(s) had no promised wait recorded and are not in the punctuality chart.`
    )
  if (!source.agentTimesRead && connected > 0)
    notes.push(
      "The campaign's calls could not be read, so actual times are when the caller chose an agent, not when one answered."
    )
  return notes
}

/** The report the renderer shows (per-callback tables masked). */
export function buildHistoryReport(source: ReportSource): HistoryReport {
  const tz = source.range.timeZone
  const records = inRange(source)
  const measures = measurePunctuality(records, source.agentAnswers, source.toleranceMinutes)
  const { counts, reasons } = computeOutcomes(records)
  const attempts = computeAttempts(records)
  // Grouping reads each request's local wall clock (Intl), so each interval size is grouped once for both charts.
  const groups = perInterval((m) => groupByInterval(records, m, tz))
  const volumes = perInterval<VolumesChart>((m) => {
    const buckets = computeVolumes(groups[m], m, tz)
    return { intervalMinutes: m, buckets, table: volumesTable(buckets) }
  })
  const busiest = perInterval<BusiestChart>((m) => {
    const rows = computeBusiest(groups[m], measures, m, tz)
    return { intervalMinutes: m, rows, table: busiestTable(rows) }
  })
  return {
    runId: source.runId,
    from: source.range.from,
    to: source.range.to,
    timeZone: tz,
    startAt: new Date(source.startMs).toISOString(),
    endAt: new Date(source.endMs).toISOString(),
    coveredUntil: new Date(source.coveredUntilMs).toISOString(),
    generatedAt: new Date(source.generatedAtMs).toISOString(),
    totals: { requested: records.length, ...counts },
    volumes,
    outcomes: { counts, reasons, table: outcomesTable(records, tz, 'masked') },
    punctuality: {
      toleranceMinutes: source.toleranceMinutes,
      bins: histogram(measures, source.toleranceMinutes),
      ...summarise(measures),
      unmeasured: records.filter((r) => r.outcome === 'connected').length - measures.length,
      table: punctualityTable(measures, tz, 'masked')
    },
    attempts: { rows: attempts, table: attemptsTable(attempts) },
    busiest,
    notes: notesOf(source, records, measures)
  }
}

/** One table of the report, rebuilt for export with numbers `mode`. */
export function buildHistoryTable(
  source: ReportSource,
  id: HistoryTableId,
  minutes: IntervalMinutes,
  mode: PhoneMode
): HistoryTable {
  const tz = source.range.timeZone
  const records = inRange(source)
  switch (id) {
    case 'volumes':
      return volumesTable(computeVolumes(groupByInterval(records, minutes, tz), minutes, tz))
    case 'outcomes':
      return outcomesTable(records, tz, mode)
    case 'punctuality':
      return punctualityTable(measurePunctuality(records, source.agentAnswers, source.toleranceMinutes), tz, mode)
    case 'attempts':
      return attemptsTable(computeAttempts(records))
    case 'busiest': {
      const measures = measurePunctuality(records, source.agentAnswers, source.toleranceMinutes)
      return busiestTable(computeBusiest(groupByInterval(records, minutes, tz), measures, minutes, tz))
    }
    default:
      return assertNever(id, 'Unknown history table')
  }
}

/** Whether `value` is one of the report's interval sizes. */
export function isIntervalMinutes(value: number): value is IntervalMinutes {
  return (INTERVAL_MINUTES as readonly number[]).includes(value)
}
