import { describe, expect, it } from 'vitest'
import { describeCallableTimes, isWithinCallableTimes, isWithinHours } from '../../src-renderer/board/callable-hours'
import { checkDueAt, checkShift } from '../../src-renderer/board/reschedule-check'
import {
  formatCountdown,
  formatDuration,
  formatProjection,
  fromLocalDateTime,
  toLocalDate,
  toLocalTime
} from '../../src-renderer/board/time-format'
import { makeRow, MIN, NOW } from './support/fixtures'

const HOURS = { start: '08:00', end: '20:00' }

describe('time formatting', () => {
  it('shows the projected time to agent beside the promise, flagged when more than two minutes off', () => {
    const at = new Date(2026, 10, 24, 14, 7).getTime()
    expect(formatProjection({})).toBe('')
    expect(formatProjection({ projectedAtMs: null })).toBe('no agents on queue')
    expect(formatProjection({ projectedAtMs: at, projectionDeltaSeconds: 40, projectionFlag: 'on-time' })).toBe('agent ~14:07')
    expect(formatProjection({ projectedAtMs: at, projectionDeltaSeconds: 185, projectionFlag: 'late' })).toBe(
      'agent ~14:07, 3 min late'
    )
    expect(formatProjection({ projectedAtMs: at, projectionDeltaSeconds: -245, projectionFlag: 'early' })).toBe(
      'agent ~14:07, 4 min early'
    )
  })

  it('counts down, reaches due, and counts overdue', () => {
    expect(formatCountdown(NOW + 4 * MIN + 5000, NOW)).toBe('in 4:05')
    expect(formatCountdown(NOW, NOW)).toBe('due now')
    expect(formatCountdown(NOW - 3 * MIN - 10_000, NOW)).toBe('3:10 overdue')
    expect(formatCountdown(NOW + 2 * 3600_000, NOW)).toBe('in 2:00:00')
    expect(formatCountdown(null, NOW)).toBe('as soon as possible')
  })

  it('formats durations and round-trips local date and time', () => {
    expect(formatDuration(35)).toBe('35 s')
    expect(formatDuration(900)).toBe('15 min')
    expect(formatDuration(3900)).toBe('1 h 05 min')
    expect(fromLocalDateTime(toLocalDate(NOW), toLocalTime(NOW))).toBe(NOW)
    expect(fromLocalDateTime('2026-02-30', '10:00')).toBeNull()
    expect(fromLocalDateTime('2026-11-24', '')).toBeNull()
  })
})

describe('reschedule checks', () => {
  it('refuses a time in the past with a plain message', () => {
    const verdict = checkDueAt(NOW - MIN, NOW, HOURS)
    expect(verdict.error).toBe('That time has already passed. Choose a time after 10:00.')
  })

  it('warns, but allows, a time outside callable hours', () => {
    const late = fromLocalDateTime(toLocalDate(NOW), '21:30')!
    expect(isWithinHours(late, HOURS)).toBe(false)
    const verdict = checkDueAt(late, NOW, HOURS)
    expect(verdict.error).toBeNull()
    expect(verdict.warning).toContain('21:30 is outside the campaign’s callable hours (08:00–20:00)')
    expect(checkDueAt(NOW + 30 * MIN, NOW, HOURS)).toEqual({ error: null, warning: null })
  })

  it('judges against the campaign’s own callable time set, in its time zone, when main has read it', () => {
    // Mon–Fri 09:00–17:00 in New York (UTC−5 in January).
    const windows = [
      {
        timeZoneId: 'America/New_York',
        slots: [1, 2, 3, 4, 5].map((day) => ({ day, startTime: '09:00:00.000', stopTime: '17:00:00.000' }))
      }
    ]
    const now = Date.UTC(2026, 0, 5, 12, 0) // Monday 07:00 in New York
    const mondayTen = Date.UTC(2026, 0, 5, 15, 0) // 10:00 there
    const mondayEighteen = Date.UTC(2026, 0, 5, 23, 0) // 18:00 there
    const saturdayTen = Date.UTC(2026, 0, 10, 15, 0)
    expect(isWithinCallableTimes(mondayTen, windows)).toBe(true)
    expect(isWithinCallableTimes(mondayEighteen, windows)).toBe(false)
    expect(isWithinCallableTimes(saturdayTen, windows)).toBe(false)
    expect(checkDueAt(mondayTen, now, windows)).toEqual({ error: null, warning: null })
    expect(checkDueAt(saturdayTen, now, windows).warning).toContain(
      'outside the campaign’s callable hours (Mon–Fri 09:00–17:00 in America/New_York)'
    )
    expect(
      describeCallableTimes([
        {
          timeZoneId: 'Europe/London',
          slots: [
            { day: 1, startTime: '08:00:00', stopTime: '20:00:00' },
            { day: 2, startTime: '08:00:00', stopTime: '20:00:00' },
            { day: 6, startTime: '09:00:00', stopTime: '13:00:00' }
          ]
        }
      ])
    ).toBe('Mon, Tue 08:00–20:00, Sat 09:00–13:00 in Europe/London')
  })

  it('refuses a bulk shift that would put some callbacks in the past, warns outside hours', () => {
    const rows = [makeRow('1', {}, 5), makeRow('2', {}, 30)]
    expect(checkShift(rows, -10, NOW, HOURS).error).toBe(
      '1 of the 2 callbacks would be due in the past. Shift by fewer minutes, or pick a time instead.'
    )
    expect(checkShift(rows, 0, NOW, HOURS).error).toContain('other than 0')
    expect(checkShift(rows, 15, NOW, HOURS)).toEqual({ error: null, warning: null })
    expect(checkShift(rows, 11 * 60, NOW, HOURS).warning).toContain('2 of the new times are outside')
  })
})
