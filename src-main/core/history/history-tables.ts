/**
 * The table under each chart: the rows behind it, formatted once (local times, minutes with one decimal,
 * percentages) so the page and the CSV export show the same text. Per-callback tables carry the callback's
 * number masked by default; only main builds them with full numbers, for an export the user chose and main audits.
 */
import { maskPhone } from '../phone'
import { HISTORY_OUTCOMES, type CallbackHistoryRecord } from './history-record'
import type {
  AttemptsRow,
  BusiestRow,
  HistoryCell,
  HistoryColumn,
  HistoryTable,
  HistoryTableRow,
  VolumeBucket
} from './history-views'
import { OUTCOME_LABELS, countCells } from './outcome-counts'
import type { PunctualityMeasure } from './punctuality'
import { formatZoned } from './zoned-time'

/** Whether numbers appear masked (`•••• 0123`, the default everywhere) or in full (audited exports only). */
export type PhoneMode = 'masked' | 'full'

const col = (key: string, label: string, numeric = false): HistoryColumn => ({ key, label, numeric })
const OUTCOME_COLUMNS = HISTORY_OUTCOMES.map((o) => col(o, OUTCOME_LABELS[o], true))
const VERDICT = { early: 'Early', 'on-time': 'On time', late: 'Late' } as const
const percent = (share: number | null): number | null => (share === null ? null : Math.round(share * 1000) / 10)

function phone(number: string | null, mode: PhoneMode): string {
  if (!number) return ''
  return mode === 'full' ? number : maskPhone(number)
}

function row(key: string, cells: HistoryCell[], conversationId: string | null = null): HistoryTableRow {
  return { key, conversationId, cells }
}

/** Requests and outcomes per interval. */
export function volumesTable(buckets: readonly VolumeBucket[]): HistoryTable {
  return {
    id: 'volumes',
    title: 'Callbacks requested per interval',
    columns: [col('interval', 'Interval start'), col('requested', 'Requested', true), ...OUTCOME_COLUMNS],
    rows: buckets.map((b) => row(b.startAt, [b.label, b.requested, ...countCells(b.counts)]))
  }
}

/** Every requested callback, oldest first: how it ended, why, and who acted last. */
export function outcomesTable(records: readonly CallbackHistoryRecord[], timeZone: string, mode: PhoneMode): HistoryTable {
  const sorted = [...records].sort(
    (a, b) => a.requestedAtMs - b.requestedAtMs || a.conversationId.localeCompare(b.conversationId)
  )
  return {
    id: 'outcomes',
    title: 'Outcome of every callback',
    columns: [
      col('requested', 'Requested'),
      col('number', 'Callback number'),
      col('name', 'Name'),
      col('outcome', 'Outcome'),
      col('reason', 'Reason'),
      col('by', 'By'),
      col('at', 'Outcome at'),
      col('attempts', 'Dial attempts', true),
      col('conversation', 'Conversation ID')
    ],
    rows: sorted.map((r) =>
      row(
        r.conversationId,
        [
          formatZoned(r.requestedAtMs, timeZone),
          phone(r.number, mode),
          r.name ?? '',
          OUTCOME_LABELS[r.outcome],
          r.reason,
          r.actor ?? '',
          r.outcomeAtMs === null ? '' : formatZoned(r.outcomeAtMs, timeZone),
          r.attempts,
          r.conversationId
        ],
        r.conversationId
      )
    )
  }
}

/** Every measured callback: promised versus actual time to agent. */
export function punctualityTable(measures: readonly PunctualityMeasure[], timeZone: string, mode: PhoneMode): HistoryTable {
  const sorted = [...measures].sort((a, b) => a.record.requestedAtMs - b.record.requestedAtMs)
  return {
    id: 'punctuality',
    title: 'Promised versus actual time to agent',
    columns: [
      col('requested', 'Requested'),
      col('number', 'Callback number'),
      col('name', 'Name'),
      col('promisedWait', 'Promised wait (min)', true),
      col('promisedAt', 'Promised at'),
      col('reachedAt', 'Reached at'),
      col('source', 'Reached'),
      col('delta', 'Difference (min)', true),
      col('verdict', 'Verdict'),
      col('conversation', 'Conversation ID')
    ],
    rows: sorted.map((m) =>
      row(
        m.record.conversationId,
        [
          formatZoned(m.record.requestedAtMs, timeZone),
          phone(m.record.number, mode),
          m.record.name ?? '',
          m.record.promisedWaitSeconds === null ? null : Math.round(m.record.promisedWaitSeconds / 6) / 10,
          formatZoned(m.promisedAtMs, timeZone),
          formatZoned(m.reachedAtMs, timeZone),
          m.source === 'agent' ? 'Agent answered' : 'Caller chose an agent',
          m.deltaMinutes,
          VERDICT[m.verdict],
          m.record.conversationId
        ],
        m.record.conversationId
      )
    )
  }
}

/** Callbacks per number of dial attempts, by outcome. */
export function attemptsTable(rows: readonly AttemptsRow[]): HistoryTable {
  return {
    id: 'attempts',
    title: 'Dial attempts per callback',
    columns: [col('attempts', 'Dial attempts', true), col('total', 'Callbacks', true), ...OUTCOME_COLUMNS],
    rows: rows.map((r) => row(String(r.attempts), [r.attempts, r.total, ...countCells(r.counts)]))
  }
}

/** The busiest intervals, busiest first. */
export function busiestTable(rows: readonly BusiestRow[]): HistoryTable {
  return {
    id: 'busiest',
    title: 'Busiest intervals',
    columns: [
      col('rank', 'Rank', true),
      col('interval', 'Interval'),
      col('requested', 'Requested', true),
      col('connected', 'Connected', true),
      col('unreached', 'Unreached', true),
      col('cancelled', 'Cancelled', true),
      col('avgPromised', 'Avg promised wait (min)', true),
      col('late', 'Late %', true)
    ],
    rows: rows.map((r) =>
      row(r.startAt, [
        r.rank,
        r.label,
        r.requested,
        r.counts.connected,
        r.counts.unreached,
        r.counts.cancelled,
        r.avgPromisedMinutes,
        percent(r.lateShare)
      ])
    )
  }
}
