/**
 * The History report as it crosses to the renderer: per chart, the numbers it draws and the table of rows
 * behind it. Tables are generic (columns + cells) so the page renders them and the CSV export writes them from
 * the very same rows. Plain, readonly, serialisable; phone numbers in them are masked.
 */
import type { HistoryOutcome } from './history-record'

/** The interval sizes volumes and busiest intervals are reported in. */
export const INTERVAL_MINUTES = [15, 30, 60] as const
export type IntervalMinutes = (typeof INTERVAL_MINUTES)[number]

/** Every table (one per chart) a report has and the export can write. */
export const HISTORY_TABLE_IDS = ['volumes', 'outcomes', 'punctuality', 'attempts', 'busiest'] as const
export type HistoryTableId = (typeof HISTORY_TABLE_IDS)[number]

/** One cell: text, a number (written as a number to CSV), or empty. */
export type HistoryCell = string | number | null

export interface HistoryColumn {
  readonly key: string
  readonly label: string
  /** Right-aligned in the page; never formula-neutralised in CSV. */
  readonly numeric: boolean
}

export interface HistoryTableRow {
  readonly key: string
  /** The callback a per-callback row is about (for `data-conversation-id`), else null. */
  readonly conversationId: string | null
  readonly cells: readonly HistoryCell[]
}

export interface HistoryTable {
  readonly id: HistoryTableId
  readonly title: string
  readonly columns: readonly HistoryColumn[]
  readonly rows: readonly HistoryTableRow[]
}

/** Callbacks per outcome. */
export type OutcomeCounts = { readonly [K in HistoryOutcome]: number }

export interface VolumeBucket {
  /** Interval start, ISO UTC. */
  readonly startAt: string
  /** Local `YYYY-MM-DD HH:mm`. */
  readonly label: string
  readonly requested: number
  readonly counts: OutcomeCounts
}

export interface VolumesChart {
  readonly intervalMinutes: IntervalMinutes
  readonly buckets: readonly VolumeBucket[]
  readonly table: HistoryTable
}

export interface OutcomeReasonCount {
  readonly outcome: HistoryOutcome
  readonly reason: string
  readonly count: number
}

export interface OutcomesChart {
  readonly counts: OutcomeCounts
  readonly reasons: readonly OutcomeReasonCount[]
  readonly table: HistoryTable
}

export type PunctualityVerdict = 'early' | 'on-time' | 'late'

export interface PunctualityBin {
  readonly label: string
  /** Inclusive lower edge in minutes (null = open-ended). */
  readonly fromMinutes: number | null
  /** Exclusive upper edge in minutes (null = open-ended). */
  readonly toMinutes: number | null
  readonly count: number
  /** The verdict of the bin's midpoint, for colouring. */
  readonly verdict: PunctualityVerdict
}

export interface PunctualityChart {
  readonly toleranceMinutes: number
  readonly bins: readonly PunctualityBin[]
  /** Connected callbacks with both a promise and an actual time. */
  readonly measured: number
  /** Connected callbacks without a recorded promise (not in the histogram). */
  readonly unmeasured: number
  readonly early: number
  readonly onTime: number
  readonly late: number
  /** Shares of `measured`, 0..1 (0 when nothing was measured). */
  readonly earlyShare: number
  readonly onTimeShare: number
  readonly lateShare: number
  /** Median and 90th percentile of actual − promised, minutes; null when nothing was measured. */
  readonly medianMinutes: number | null
  readonly p90Minutes: number | null
  readonly table: HistoryTable
}

export interface AttemptsRow {
  readonly attempts: number
  readonly total: number
  readonly counts: OutcomeCounts
}

export interface AttemptsChart {
  readonly rows: readonly AttemptsRow[]
  readonly table: HistoryTable
}

export interface BusiestRow {
  readonly rank: number
  readonly startAt: string
  /** Local `YYYY-MM-DD HH:mm–HH:mm`. */
  readonly label: string
  readonly requested: number
  readonly counts: OutcomeCounts
  readonly avgPromisedMinutes: number | null
  /** Share of measured callbacks of the interval that reached an agent late; null when none was measured. */
  readonly lateShare: number | null
}

export interface BusiestChart {
  readonly intervalMinutes: IntervalMinutes
  readonly rows: readonly BusiestRow[]
  readonly table: HistoryTable
}

/** The whole report for a range. */
export interface HistoryReport {
  readonly runId: string
  readonly from: string
  readonly to: string
  readonly timeZone: string
  /** The range as instants (ISO UTC), and how far the org could be read (stops before "now"). */
  readonly startAt: string
  readonly endAt: string
  readonly coveredUntil: string
  readonly generatedAt: string
  readonly totals: OutcomeCounts & { readonly requested: number }
  readonly volumes: { readonly [K in IntervalMinutes]: VolumesChart }
  readonly outcomes: OutcomesChart
  readonly punctuality: PunctualityChart
  readonly attempts: AttemptsChart
  readonly busiest: { readonly [K in IntervalMinutes]: BusiestChart }
  /** Plain sentences about gaps: unread details, inferred outcomes, the range stopping at "now". */
  readonly notes: readonly string[]
}

/** Where a running History query is. */
export type HistoryPhase = 'listing' | 'details' | 'agent-times' | 'building'

/** Pushed while a History query runs, so a long range shows progress (and can be cancelled). */
export interface HistoryProgress {
  readonly runId: string
  readonly phase: HistoryPhase
  /** Overall completion, 0..1, never going backwards within a run. */
  readonly fraction: number
  /** One plain sentence, e.g. "Reading callback details: 120 of 250". */
  readonly message: string
}
