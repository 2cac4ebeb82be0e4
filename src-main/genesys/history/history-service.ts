/**
 * History: reads a day or range of callbacks from the org (never from anything only this console saw) and
 * builds the report. Every call goes through the Gateway (rate budget, 429s, retries, sign-out); a run reports
 * progress, can be cancelled by its id, and keeps its source so exports rebuild the very same tables. Exports
 * with full phone numbers are audited before the CSV is handed out.
 */
import type { Result } from '../../contract/result'
import { tableToCsv } from '../../core/history/csv'
import { buildHistoryReport, buildHistoryTable, type ReportSource } from '../../core/history/history-report'
import type { HistoryProgress, HistoryReport, HistoryTableId, IntervalMinutes } from '../../core/history/history-views'
import { resolveRange, type HistoryRange } from '../../core/history/query-plan'
import { DEFAULT_TOLERANCE_MINUTES } from '../../core/history/punctuality'
import type { Gateway } from '../gateway-types'
import { realTimers, type Timers } from '../timers'
import { AttributeReader } from './attribute-reader'
import { collectHistory, type HistoryTarget } from './history-collector'

/** A request to run a report. */
export interface HistoryRunRequest {
  readonly runId: string
  readonly range: HistoryRange
  readonly toleranceMinutes?: number
}

/** A request to export one table of a finished report. */
export interface HistoryExportRequest {
  readonly runId: string
  readonly table: HistoryTableId
  readonly intervalMinutes: IntervalMinutes
  readonly fullNumbers: boolean
}

/** The CSV of one table, ready to save. */
export interface HistoryExport {
  readonly fileName: string
  readonly csv: string
  readonly rows: number
  /** True only when full numbers were asked for, the table has numbers, and the export was audited. */
  readonly fullNumbers: boolean
}

/** What is audited when someone exports full phone numbers. */
export interface UnmaskedExportEvent {
  readonly runId: string
  readonly table: HistoryTableId
  readonly title: string
  readonly from: string
  readonly to: string
  readonly timeZone: string
  readonly rows: number
}

export interface HistoryServiceDeps {
  readonly gateway: Gateway
  /** The holding queue and campaign of the deployment profile, or null before one is chosen. */
  readonly target: () => HistoryTarget | null
  /** Writes the audit record; a rejection refuses the export. */
  readonly auditUnmaskedExport: (event: UnmaskedExportEvent) => Promise<void>
  readonly clock?: () => number
  readonly timers?: Timers
  readonly log?: (line: string) => void
  /** Details query page size (≤ 100); tests use small pages. */
  readonly pageSize?: number
}

/** Finished reports kept for export. */
const KEEP_REPORTS = 3
const fail = <T>(code: string, message: string): Result<T> => ({ ok: false, error: { code, message } })

export class HistoryService {
  private readonly running = new Map<string, AbortController>()
  private readonly sources = new Map<string, ReportSource>()
  private readonly reader: AttributeReader
  private readonly clock: () => number

  constructor(private readonly deps: HistoryServiceDeps) {
    this.reader = new AttributeReader(deps.gateway)
    this.clock = deps.clock ?? Date.now
  }

  /** Runs a report; resolves when it is built, cancelled or failed. Progress goes to `onProgress`. */
  async run(
    request: HistoryRunRequest,
    onProgress: (p: HistoryProgress) => void = () => undefined
  ): Promise<Result<HistoryReport>> {
    const target = this.deps.target()
    if (!target)
      return fail('no-profile', 'Choose the holding queue first: History reads the callbacks of the deployment profile.')
    const range = resolveRange(request.range, this.clock())
    if (!range.ok) return fail(range.code, range.message)
    if (this.running.has(request.runId)) return fail('already-running', 'That report is already running.')
    const controller = new AbortController()
    this.running.set(request.runId, controller)
    const log = this.deps.log ?? (() => undefined)
    try {
      const collected = await collectHistory(
        {
          gateway: this.deps.gateway,
          reader: this.reader,
          timers: this.deps.timers ?? realTimers,
          clock: this.clock,
          pageSize: this.deps.pageSize
        },
        target,
        range,
        { runId: request.runId, signal: controller.signal, onProgress }
      )
      if (!collected.ok) {
        const cancelled = controller.signal.aborted || collected.error.code === 'cancelled'
        log(`[HistoryService] run ${request.runId} ${cancelled ? 'cancelled' : `failed: ${collected.error.code}`}`)
        return cancelled
          ? fail('cancelled', 'The history query was cancelled.')
          : fail(collected.error.code, `Could not read the callback history. ${collected.error.message}`)
      }
      onProgress({ runId: request.runId, phase: 'building', fraction: 0.98, message: 'Building the charts…' })
      const source: ReportSource = {
        runId: request.runId,
        range: request.range,
        startMs: range.startMs,
        endMs: range.endMs,
        coveredUntilMs: range.queryEndMs,
        generatedAtMs: this.clock(),
        toleranceMinutes: request.toleranceMinutes ?? DEFAULT_TOLERANCE_MINUTES,
        ...collected.value
      }
      this.keep(source)
      log(`[HistoryService] run ${request.runId}: ${source.records.length} callbacks`)
      return { ok: true, value: buildHistoryReport(source) }
    } finally {
      this.running.delete(request.runId)
    }
  }

  /** Cancels a running report; false when no such run is running. */
  cancel(runId: string): boolean {
    const controller = this.running.get(runId)
    controller?.abort()
    return controller !== undefined
  }

  /** The CSV of one table of a finished report; full numbers only for tables that have them, audited first. */
  async export(request: HistoryExportRequest): Promise<Result<HistoryExport>> {
    const source = this.sources.get(request.runId)
    if (!source) return fail('not-found', 'That report is no longer available. Run it again, then export.')
    const full = buildHistoryTable(source, request.table, request.intervalMinutes, request.fullNumbers ? 'full' : 'masked')
    const hasNumbers = full.columns.some((c) => c.key === 'number')
    const fullNumbers = request.fullNumbers && hasNumbers
    if (fullNumbers) {
      try {
        await this.deps.auditUnmaskedExport({
          runId: source.runId,
          table: request.table,
          title: full.title,
          from: source.range.from,
          to: source.range.to,
          timeZone: source.range.timeZone,
          rows: full.rows.length
        })
      } catch (e: unknown) {
        this.deps.log?.(`[HistoryService] audit of an unmasked export failed: ${e instanceof Error ? e.message : String(e)}`)
        return fail('audit-failed', 'The export with full numbers could not be recorded in the audit log, so it was not made.')
      }
    }
    const interval = request.table === 'volumes' || request.table === 'busiest' ? `-${request.intervalMinutes}min` : ''
    const days = source.range.from === source.range.to ? source.range.from : `${source.range.from}_${source.range.to}`
    return {
      ok: true,
      value: {
        fileName: `callback-history-${request.table}${interval}-${days}${fullNumbers ? '-full-numbers' : ''}.csv`,
        csv: tableToCsv(full, { bom: true }),
        rows: full.rows.length,
        fullNumbers
      }
    }
  }

  /** Cancels every run and forgets reports and cached details (sign-out, another org or profile). */
  clear(): void {
    for (const controller of this.running.values()) controller.abort()
    this.sources.clear()
    this.reader.clear()
  }

  private keep(source: ReportSource): void {
    this.sources.delete(source.runId)
    this.sources.set(source.runId, source)
    while (this.sources.size > KEEP_REPORTS) this.sources.delete(this.sources.keys().next().value!)
  }
}
