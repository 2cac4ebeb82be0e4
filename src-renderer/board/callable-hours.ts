/**
 * The campaign's callable hours as the console knows them (a user setting until the contract carries the
 * campaign's own call windows). Reschedules outside them are allowed but warned about, because the campaign
 * will not dial until the window opens.
 */

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
