/**
 * The campaign's callable hours as the console knows them: the campaign's own callable time set when main has
 * read it from the org (`BoardKpis.campaignCallableTimes`), else the daily hours set in Settings. Reschedules
 * outside them are allowed but warned about, because the campaign will not dial until the window opens.
 */
import type { BoardKpis } from '../../src-main/contract/live-views'

/** A daily window in local time, `HH:mm` each; `end` after `start` (no windows across midnight). */
export interface CallableHours {
  readonly start: string
  readonly end: string
}

/** The default the brief asks for: 08:00–20:00 local. */
export const DEFAULT_CALLABLE_HOURS: CallableHours = { start: '08:00', end: '20:00' }

const minutesOf = (hhmm: string): number | null => {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm)
  if (!m) return null
  const h = Number(m[1])
  const mi = Number(m[2])
  return h <= 23 && mi <= 59 ? h * 60 + mi : null
}

/** True when the window is two valid times with `start` before `end`. */
export function isValidHours(hours: CallableHours): boolean {
  const s = minutesOf(hours.start)
  const e = minutesOf(hours.end)
  return s !== null && e !== null && s < e
}

/** Whether a time (epoch ms) falls inside the window, judged in local time; the end minute is excluded. */
export function isWithinHours(ms: number, hours: CallableHours): boolean {
  const s = minutesOf(hours.start)
  const e = minutesOf(hours.end)
  if (s === null || e === null) return true
  const d = new Date(ms)
  const minute = d.getHours() * 60 + d.getMinutes()
  return minute >= s && minute < e
}

/** One time zone's windows of the campaign's callable time set (as main reads it from the org). */
export type CallableWindow = BoardKpis['campaignCallableTimes'] extends readonly (infer W)[] | null ? W : never

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
const secondsOf = (hhmmss: string): number | null => {
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?/.exec(hhmmss)
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0) : null
}
const zoneFormats = new Map<string, Intl.DateTimeFormat>()

/** Weekday (1 = Monday … 7 = Sunday) and second of the day of `ms` in an IANA zone; null for an unknown zone. */
function weekTimeIn(timeZone: string, ms: number): { day: number; second: number } | null {
  let format = zoneFormats.get(timeZone)
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23'
      })
    } catch {
      return null
    }
    zoneFormats.set(timeZone, format)
  }
  const parts = Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, p.value]))
  const day = WEEKDAYS.indexOf(String(parts.weekday)) + 1
  return day > 0 ? { day, second: Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second) } : null
}

/** Whether the campaign may dial at `ms`: inside any slot of any window, each judged in its own time zone. */
export function isWithinCallableTimes(ms: number, windows: readonly CallableWindow[]): boolean {
  return windows.some((w) => {
    const at = weekTimeIn(w.timeZoneId, ms)
    if (!at) return true // a zone this browser does not know: do not warn on a guess
    return w.slots.some((s) => {
      const start = secondsOf(s.startTime)
      const stop = secondsOf(s.stopTime)
      return s.day === at.day && start !== null && stop !== null && at.second >= start && at.second < stop
    })
  })
}

/** `Mon–Fri 08:00–20:00, Sat 09:00–13:00 in Europe/London`: the windows in one line. */
export function describeCallableTimes(windows: readonly CallableWindow[]): string {
  return windows
    .map((w) => {
      const byHours = new Map<string, number[]>()
      for (const s of w.slots) {
        const key = `${s.startTime.slice(0, 5)}–${s.stopTime.slice(0, 5)}`
        byHours.set(key, [...(byHours.get(key) ?? []), s.day])
      }
      const parts = [...byHours].map(([hours, days]) => `${dayRanges(days)} ${hours}`)
      return `${parts.join(', ') || 'never'} in ${w.timeZoneId}`
    })
    .join('; ')
}

function dayRanges(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b)
  const ranges: string[] = []
  for (let i = 0; i < sorted.length;) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++
    const from = WEEKDAYS[sorted[i]! - 1]!
    ranges.push(
      j > i + 1
        ? `${from}–${WEEKDAYS[sorted[j]! - 1]}`
        : sorted
            .slice(i, j + 1)
            .map((d) => WEEKDAYS[d - 1])
            .join(', ')
    )
    i = j + 1
  }
  return ranges.join(', ')
}

/** The rule a reschedule is checked against: the campaign's own windows when main knows them, else Settings. */
export type CallableRule = CallableHours | readonly CallableWindow[]

export function isWithinRule(ms: number, rule: CallableRule): boolean {
  return Array.isArray(rule)
    ? isWithinCallableTimes(ms, rule as readonly CallableWindow[])
    : isWithinHours(ms, rule as CallableHours)
}

export function describeRule(rule: CallableRule): string {
  return Array.isArray(rule)
    ? describeCallableTimes(rule as readonly CallableWindow[])
    : `${(rule as CallableHours).start}–${(rule as CallableHours).end}`
}
