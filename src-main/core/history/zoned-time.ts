/**
 * Wall-clock arithmetic in a named IANA time zone, so a History report's days and 15/30/60-minute intervals are
 * the lead's own local ones (not UTC) on both sides of a daylight-saving change. Pure: only `Intl`, no clock.
 */

/** A local calendar day, `YYYY-MM-DD`. */
export type LocalDay = string

/** Wall-clock fields of one instant in a zone (month 1–12, hour 0–23). */
export interface ZonedParts {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second: number
}

const MINUTE_MS = 60_000
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit'
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** True for a zone `Intl` knows (`Europe/London`, `UTC`, …); input from the renderer is checked with this. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone)
    return true
  } catch (e: unknown) {
    if (e instanceof RangeError) return false
    throw e
  }
}

/** Wall-clock fields of `ms` in `timeZone`. */
export function zonedParts(ms: number, timeZone: string): ZonedParts {
  const out: Record<string, number> = {}
  for (const part of formatter(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') out[part.type] = Number(part.value)
  }
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour! % 24, minute: out.minute!, second: out.second! }
}

/** The zone's offset from UTC at `ms`, in ms (positive east of Greenwich). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone)
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000))
}

/** The instant a wall-clock time happens in `timeZone` (the later reading when a gap or overlap makes it ambiguous). */
export function zonedTimeToMs(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute)
  const first = guess - zoneOffsetMs(guess, timeZone)
  return guess - zoneOffsetMs(first, timeZone)
}

function parseDay(day: LocalDay): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) throw new Error(`not a day: ${day}`)
  return [Number(m[1]), Number(m[2]), Number(m[3])]
}

/** Local midnight starting `day` in `timeZone`, as epoch ms. */
export function startOfZonedDay(day: LocalDay, timeZone: string): number {
  const [y, m, d] = parseDay(day)
  return zonedTimeToMs(y, m, d, 0, 0, timeZone)
}

/** Calendar arithmetic on local days (`2024-02-28` + 1 → `2024-02-29`). */
export function addDays(day: LocalDay, days: number): LocalDay {
  const [y, m, d] = parseDay(day)
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/** Number of calendar days from `from` to `to` (0 when equal, negative when `to` is earlier). */
export function daysBetween(from: LocalDay, to: LocalDay): number {
  const [y1, m1, d1] = parseDay(from)
  const [y2, m2, d2] = parseDay(to)
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000)
}

/** The local day `ms` falls on in `timeZone`. */
export function zonedDay(ms: number, timeZone: string): LocalDay {
  const p = zonedParts(ms, timeZone)
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`
}

/**
 * Start of the local interval of `minutes` (a divisor of 60) that contains `ms`: 10:37 with 15 → 10:30 local.
 * Works for zones with half- and quarter-hour offsets because it floors the wall clock, not UTC.
 */
export function zonedBucketStart(ms: number, minutes: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone)
  const intoBucket = ((p.hour * 60 + p.minute) % minutes) * MINUTE_MS + p.second * 1000 + (((ms % 1000) + 1000) % 1000)
  return ms - intoBucket
}

const pad = (n: number): string => String(n).padStart(2, '0')

/** `YYYY-MM-DD HH:mm` in `timeZone`: the one format tables and CSV exports use, so both always agree. */
export function formatZoned(ms: number, timeZone: string): string {
  const p = zonedParts(ms, timeZone)
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`
}

/** `HH:mm` in `timeZone`, for interval ends and axis labels. */
export function formatZonedClock(ms: number, timeZone: string): string {
  const p = zonedParts(ms, timeZone)
  return `${pad(p.hour)}:${pad(p.minute)}`
}
