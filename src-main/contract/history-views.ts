/**
 * The History page's commands, event and views.
 *
 * Commands
 * - `history:run` (HistoryRunInput) → HistoryReportView. Long-running: resolves when the report is built;
 *   `history:progress` events carry the same `runId` meanwhile. The renderer picks the `runId` so it can cancel
 *   before the answer arrives.
 * - `history:cancel` ({runId}) → boolean (false when that run is not running). The pending `history:run` then
 *   resolves to `{ok: false, error: {code: 'cancelled'}}`.
 * - `history:export` (HistoryExportInput) → HistoryExportView: the CSV of one table of a finished run.
 *   `fullNumbers: true` writes an `export-unmasked` audit record first (refused if the audit write fails).
 * Event
 * - `history:progress` → HistoryProgressView.
 * Error codes: `no-profile`, `invalid-range`, `already-running`, `cancelled`, `not-found`, `audit-failed`, and the
 * gateway's (`forbidden`, `rate-limited`, `network`, …).
 */
import { z } from 'zod'
import type { HistoryProgress, HistoryReport } from '../core/history/history-views'

export type {
  AttemptsChart,
  AttemptsRow,
  BusiestChart,
  BusiestRow,
  HistoryCell,
  HistoryColumn,
  HistoryPhase,
  HistoryTable as HistoryTableView,
  HistoryTableId,
  HistoryTableRow,
  IntervalMinutes,
  OutcomeCounts,
  OutcomeReasonCount,
  OutcomesChart,
  PunctualityBin,
  PunctualityChart,
  PunctualityVerdict,
  VolumeBucket,
  VolumesChart
} from '../core/history/history-views'
export type { HistoryOutcome } from '../core/history/history-record'

/** The report of a range, every per-callback table masked. */
export type HistoryReportView = HistoryReport
/** Progress of a running report. */
export type HistoryProgressView = HistoryProgress

/** Same rule as the contract's entity ids: the renderer's run ids never reach a service unchecked. */
const runId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'not a valid run id')

/** Table ids, repeated as a literal list so this schema needs no runtime import from core. */
const TABLE_IDS = ['volumes', 'outcomes', 'punctuality', 'attempts', 'busiest'] as const
const intervalMinutes = z.union([z.literal(15), z.literal(30), z.literal(60)])

const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

export const historyRunSchema = z
  .object({
    runId,
    from: z.iso.date(),
    to: z.iso.date(),
    timeZone: z.string().min(1).max(64).refine(isTimeZone, 'not a time zone this computer knows'),
    toleranceMinutes: z.number().int().min(1).max(30).optional()
  })
  .refine((r) => r.from <= r.to, { message: 'the first day must not be after the last day', path: ['to'] })

export const historyCancelSchema = z.object({ runId })

export const historyExportSchema = z.object({
  runId,
  table: z.enum(TABLE_IDS),
  intervalMinutes,
  fullNumbers: z.boolean()
})

export type HistoryRunInput = z.input<typeof historyRunSchema>
export type HistoryExportInput = z.input<typeof historyExportSchema>

/** The CSV of one table (UTF-8 with BOM, RFC 4180), for the renderer to save. */
export interface HistoryExportView {
  readonly fileName: string
  readonly csv: string
  readonly rows: number
  /** True only when full numbers were written (and audited). */
  readonly fullNumbers: boolean
}

export const historyCommandInputSchemas = {
  'history:run': historyRunSchema,
  'history:cancel': historyCancelSchema,
  'history:export': historyExportSchema
} as const

export interface HistoryCommandOutputs {
  'history:run': HistoryReportView
  'history:cancel': boolean
  'history:export': HistoryExportView
}

export interface HistoryEventPayloads {
  'history:progress': HistoryProgressView
}
