import { describe, expect, it } from 'vitest'
import { buildHistoryReport } from '../../../src-main/core/history/history-report'
import type { HistoryTable } from '../../../src-main/core/history/history-views'
import { daySource } from './day-fixture'

const column = (table: HistoryTable, label: string) => {
  const i = table.columns.findIndex((c) => c.label === label)
  if (i < 0) throw new Error(`no column ${label}`)
  return table.rows.map((r) => r.cells[i])
}

describe('history report on a known day', () => {
  const report = buildHistoryReport(daySource())

  it('counts every callback requested in the range, and only those', () => {
    expect(report.totals).toEqual({ requested: 12, connected: 5, declined: 1, unreached: 1, cancelled: 3, open: 2 })
    expect(report.outcomes.table.rows.map((r) => r.conversationId)).not.toContain('c12')
  })

  it('puts requests in local hourly, half-hourly and quarter-hourly intervals with their outcomes', () => {
    const hourly = report.volumes[60].buckets.map((b) => [
      b.label,
      b.requested,
      b.counts.connected,
      b.counts.cancelled,
      b.counts.open
    ])
    expect(hourly).toEqual([
      ['2026-03-10 09:00', 6, 4, 0, 0],
      ['2026-03-10 10:00', 4, 0, 3, 1],
      ['2026-03-10 11:00', 2, 1, 0, 1]
    ])
    expect(report.volumes[15].buckets.map((b) => b.requested)).toEqual([3, 2, 1, 0, 1, 1, 2, 0, 1, 0, 0, 1])
    expect(report.volumes[30].buckets.map((b) => b.requested)).toEqual([5, 1, 2, 2, 1, 1])
    expect(column(report.volumes[60].table, 'Requested')).toEqual([6, 4, 2])
    expect(report.volumes[60].table.rows[0]!.cells).toEqual(['2026-03-10 09:00', 6, 4, 1, 1, 0, 0])
  })

  it('explains outcomes with reasons and who acted', () => {
    expect(report.outcomes.reasons).toEqual([
      { outcome: 'connected', reason: 'Answered and chose an agent', count: 5 },
      { outcome: 'declined', reason: 'Answered, no longer needed help', count: 1 },
      { outcome: 'unreached', reason: 'No answer', count: 1 },
      { outcome: 'cancelled', reason: 'Caller rang back in', count: 1 },
      { outcome: 'cancelled', reason: 'Duplicate request', count: 1 },
      { outcome: 'cancelled', reason: 'Ended without a recorded outcome', count: 1 },
      { outcome: 'open', reason: 'Being dialled', count: 1 },
      { outcome: 'open', reason: 'Waiting', count: 1 }
    ])
    const rows = new Map(report.outcomes.table.rows.map((r) => [r.conversationId, r.cells]))
    expect(rows.get('c07')).toEqual([
      '2026-03-10 10:05',
      '•••• 0007',
      'Caller c07',
      'Cancelled',
      'Caller rang back in',
      'Jane Lead',
      '2026-03-10 10:10',
      0,
      'c07'
    ])
    expect(rows.get('c01')?.slice(3, 8)).toEqual([
      'Connected',
      'Answered and chose an agent',
      'Callbacks dialer',
      '2026-03-10 09:15',
      1
    ])
    expect(rows.get('c09')?.slice(3, 8)).toEqual(['Cancelled', 'Ended without a recorded outcome', '', '2026-03-10 10:50', 1])
    expect(rows.get('c10')?.slice(3, 7)).toEqual(['Open', 'Waiting', '', ''])
  })

  it('measures promised versus actual time to agent, preferring the agent answer', () => {
    const p = report.punctuality
    expect([p.measured, p.unmeasured, p.early, p.onTime, p.late]).toEqual([4, 1, 1, 2, 1])
    expect([p.earlyShare, p.onTimeShare, p.lateShare]).toEqual([0.25, 0.5, 0.25])
    expect([p.medianMinutes, p.p90Minutes]).toEqual([1, 38])
    const delta = new Map(p.table.rows.map((r) => [r.conversationId, [r.cells[6], r.cells[7], r.cells[8]]]))
    expect(delta.get('c01')).toEqual(['Agent answered', 1, 'On time'])
    expect(delta.get('c02')).toEqual(['Caller chose an agent', 4, 'On time'])
    expect(delta.get('c03')).toEqual(['Agent answered', 38, 'Late'])
    expect(delta.get('c04')).toEqual(['Agent answered', -17, 'Early'])
    const nonEmpty = p.bins.filter((b) => b.count > 0).map((b) => [b.label, b.count, b.verdict])
    expect(nonEmpty).toEqual([
      ['−30 to −15 min', 1, 'early'],
      ['0 to +5 min', 2, 'on-time'],
      ['+30 to +60 min', 1, 'late']
    ])
    expect(p.bins.reduce((n, b) => n + b.count, 0)).toBe(p.measured)
    expect(p.bins.map((b) => b.label)).toEqual([
      '< −60 min',
      '−60 to −30 min',
      '−30 to −15 min',
      '−15 to −5 min',
      '−5 to 0 min',
      '0 to +5 min',
      '+5 to +15 min',
      '+15 to +30 min',
      '+30 to +60 min',
      '≥ +60 min'
    ])
  })

  it('distributes dial attempts by outcome', () => {
    expect(
      report.attempts.rows.map((r) => [
        r.attempts,
        r.total,
        r.counts.connected,
        r.counts.cancelled,
        r.counts.unreached,
        r.counts.open
      ])
    ).toEqual([
      [0, 4, 0, 2, 0, 2],
      [1, 6, 4, 1, 0, 0],
      [2, 1, 1, 0, 0, 0],
      [3, 1, 0, 0, 1, 0]
    ])
  })

  it('ranks the busiest intervals, earlier first on ties, with promise and lateness', () => {
    expect(report.busiest[60].table.rows.map((r) => r.cells)).toEqual([
      [1, '2026-03-10 09:00–10:00', 6, 4, 1, 0, 17.5, 25],
      [2, '2026-03-10 10:00–11:00', 4, 0, 0, 3, 15, null],
      [3, '2026-03-10 11:00–12:00', 2, 1, 0, 0, 15, null]
    ])
    expect(report.busiest[15].rows.map((r) => r.label.slice(11, 16))).toEqual([
      '09:00',
      '09:15',
      '10:30',
      '09:30',
      '10:00',
      '10:15',
      '11:00',
      '11:45'
    ])
  })

  it('says what it could not know', () => {
    expect(report.notes).toEqual([
      '1 callback(s) ended without a recorded outcome and are counted as cancelled.',
      '1 connected callback(s) had no promised wait recorded and are not in the punctuality chart.'
    ])
    const partial = buildHistoryReport(
      daySource({ coveredUntilMs: Date.parse('2026-03-10T12:00:00Z'), agentTimesRead: false, unreadDetails: 2 })
    )
    expect(partial.notes[0]).toBe("Requests up to 2026-03-10 12:00 are included; later ones are not in the org's reports yet.")
    expect(partial.notes).toContain(
      'The details of 2 callback(s) could not be read; their outcome is inferred from the conversation.'
    )
    expect(partial.notes.at(-1)).toMatch(/actual times are when the caller chose an agent/)
  })

  it('is empty but well formed for a day without callbacks', () => {
    const empty = buildHistoryReport(daySource({ records: [] }))
    expect(empty.totals.requested).toBe(0)
    expect(empty.volumes[15].buckets).toEqual([])
    expect(empty.punctuality.medianMinutes).toBeNull()
    expect(empty.punctuality.lateShare).toBe(0)
    expect(empty.attempts.rows).toEqual([])
    expect(empty.busiest[30].rows).toEqual([])
  })
})
