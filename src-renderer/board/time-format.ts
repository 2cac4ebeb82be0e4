/**
 * Small, pure formatters for times on the board. Times arrive as epoch ms (BoardRow) or ISO strings (views);
 * everything is shown in the user's local time, because that is the clock on the wall of the contact center.
 */

const pad = (n: number): string => String(n).padStart(2, '0')

/** `14:05` in local time, or an em dash when unknown; the board's compact time column. */
export function formatClock(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—'
  const d = new Date(ms)
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** `Tue 14:05` when not today, else `14:05`: audit and timeline entries can be older than today. */
export function formatWhen(ms: number | null | undefined, nowMs: number): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—'
  const d = new Date(ms)
  const today = new Date(nowMs)
  const sameDay = d.getFullYear() === today.getFullYear() && d.getMonth() === today.getMonth() && d.getDate() === today.getDate()
  return sameDay
    ? formatClock(ms)
    : `${d.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' })} ${formatClock(ms)}`
}

/** `1 h 05 min`, `4 min`, `35 s`: durations (promised waits, EWT) read aloud well and stay short. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—'
  const s = Math.max(0, Math.round(seconds))
  if (s < 60) return `${s} s`
  const minutes = Math.round(s / 60)
  if (minutes < 60) return `${minutes} min`
  return `${Math.floor(minutes / 60)} h ${pad(minutes % 60)} min`
}

/**
 * Live countdown to a due time: `in 4:05`, `due now`, `3:10 overdue`, or `as soon as possible` when the
 * callback has no scheduled time. Seconds are shown so the one shared ticker visibly moves every row.
 */
export function formatCountdown(dueAtMs: number | null, nowMs: number): string {
  if (dueAtMs === null) return 'as soon as possible'
  const diff = Math.round((dueAtMs - nowMs) / 1000)
  if (diff === 0) return 'due now'
  const abs = Math.abs(diff)
  const h = Math.floor(abs / 3600)
  const m = Math.floor((abs % 3600) / 60)
  const s = abs % 60
  const text = h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`
  return diff > 0 ? `in ${text}` : `${text} overdue`
}

/** This computer's IANA time zone: reports and setup use the lead's own days and intervals. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

/** Local `YYYY-MM-DD` for a time, the value format of `gux-datepicker`. */
export function toLocalDate(ms: number): string {
  const d = new Date(ms)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** Local `HH:mm` for a time, the value format of `gux-time-picker`. */
export function toLocalTime(ms: number): string {
  const d = new Date(ms)
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** Epoch ms of a local date (`YYYY-MM-DD`) and time (`HH:mm`), or null when either is not a real value. */
export function fromLocalDateTime(date: string, time: string): number | null {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const tm = /^(\d{2}):(\d{2})$/.exec(time)
  if (!dm || !tm) return null
  const [y, mo, d, h, mi] = [dm[1], dm[2], dm[3], tm[1], tm[2]].map(Number) as [number, number, number, number, number]
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null
  const value = new Date(y, mo - 1, d, h, mi, 0, 0)
  return value.getDate() === d ? value.getTime() : null
}

/**
 * The projected time to agent shown beside the promise (issue 7): `agent ~14:07`, with `, 3 min late` or
 * `, 4 min early` when the projection is more than two minutes off; `no agents on queue` when there is no basis;
 * empty when main has not projected the row (finished rows, no target queue).
 */
export function formatProjection(row: {
  readonly projectedAtMs?: number | null
  readonly projectionDeltaSeconds?: number | null
  readonly projectionFlag?: 'late' | 'early' | 'on-time'
}): string {
  if (row.projectedAtMs === undefined) return ''
  if (row.projectedAtMs === null) return 'no agents on queue'
  const at = `agent ~${formatClock(row.projectedAtMs)}`
  const delta = Math.abs(row.projectionDeltaSeconds ?? 0)
  if (row.projectionFlag === 'late') return `${at}, ${formatDuration(delta)} late`
  if (row.projectionFlag === 'early') return `${at}, ${formatDuration(delta)} early`
  return at
}
