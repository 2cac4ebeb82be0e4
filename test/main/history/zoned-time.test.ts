import { describe, expect, it } from 'vitest'
import {
  addDays,
  daysBetween,
  formatZoned,
  isValidTimeZone,
  startOfZonedDay,
  zonedBucketStart,
  zonedDay,
  zoneOffsetMs
} from '../../../src-main/core/history/zoned-time'

describe('zoned time', () => {
  it('finds local midnight in zones east and west of UTC', () => {
    expect(new Date(startOfZonedDay('2026-03-10', 'Europe/London')).toISOString()).toBe('2026-03-10T00:00:00.000Z')
    expect(new Date(startOfZonedDay('2026-07-10', 'Europe/London')).toISOString()).toBe('2026-07-09T23:00:00.000Z')
    expect(new Date(startOfZonedDay('2026-07-10', 'America/Chicago')).toISOString()).toBe('2026-07-10T05:00:00.000Z')
    expect(new Date(startOfZonedDay('2026-07-10', 'Asia/Kathmandu')).toISOString()).toBe('2026-07-09T18:15:00.000Z')
  })

  it('gives a spring-forward day 23 hours and an autumn day 25', () => {
    const tz = 'Europe/London'
    const hours = (day: string) => (startOfZonedDay(addDays(day, 1), tz) - startOfZonedDay(day, tz)) / 3_600_000
    expect(hours('2026-03-29')).toBe(23)
    expect(hours('2026-10-25')).toBe(25)
    expect(hours('2026-03-10')).toBe(24)
  })

  it('floors to local intervals, including quarter-hour offsets', () => {
    const ms = Date.parse('2026-07-10T09:37:12.345Z')
    expect(new Date(zonedBucketStart(ms, 15, 'Europe/London')).toISOString()).toBe('2026-07-10T09:30:00.000Z')
    expect(new Date(zonedBucketStart(ms, 60, 'Europe/London')).toISOString()).toBe('2026-07-10T09:00:00.000Z')
    // Kathmandu is UTC+5:45: 09:37Z is 15:22 local, so the local hour starts at 15:00 local = 09:15Z.
    expect(new Date(zonedBucketStart(ms, 60, 'Asia/Kathmandu')).toISOString()).toBe('2026-07-10T09:15:00.000Z')
    expect(new Date(zonedBucketStart(ms, 30, 'Asia/Kathmandu')).toISOString()).toBe('2026-07-10T09:15:00.000Z')
  })

  it('formats and reads local days, offsets and calendar arithmetic', () => {
    const ms = Date.parse('2026-07-09T23:30:00Z')
    expect(formatZoned(ms, 'Europe/London')).toBe('2026-07-10 00:30')
    expect(zonedDay(ms, 'Europe/London')).toBe('2026-07-10')
    expect(zoneOffsetMs(ms, 'Europe/London')).toBe(3_600_000)
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(daysBetween('2026-01-30', '2026-03-01')).toBe(30)
    expect(isValidTimeZone('Europe/London')).toBe(true)
    expect(isValidTimeZone('Mars/Olympus')).toBe(false)
  })
})
