import type { BoardRow } from '../../src-main/contract/live-views'
import { describeRule, isWithinRule, type CallableRule } from './callable-hours'
import { formatClock } from './time-format'

/** Verdict on a proposed reschedule: an error refuses it; a warning lets it go ahead with a caution. */
export interface RescheduleVerdict {
  readonly error: string | null
  readonly warning: string | null
}

/** Presets offered in the dialog, in minutes. */
export const RESCHEDULE_PRESETS = [5, 15, 30, 60] as const

/** Limits of the contract's `shiftMinutes` (commands.ts). */
export const SHIFT_MIN = -1440
export const SHIFT_MAX = 10080

/**
 * One new due time for every chosen callback: refused in the past; warned outside callable hours (`hours`: the
 * campaign's callable time set when main has read it, else the hours set in Settings).
 */
export function checkDueAt(dueAtMs: number | null, nowMs: number, hours: CallableRule): RescheduleVerdict {
  if (dueAtMs === null) return { error: 'Enter a date and a time.', warning: null }
  if (dueAtMs <= nowMs)
    return { error: `That time has already passed. Choose a time after ${formatClock(nowMs)}.`, warning: null }
  if (!isWithinRule(dueAtMs, hours)) {
    return {
      error: null,
      warning: `${formatClock(dueAtMs)} is outside the campaign’s callable hours (${describeRule(hours)}). It will not be dialled before the hours open.`
    }
  }
  return { error: null, warning: null }
}

/** Shifting each callback by N minutes (from its due time, or from now when it has none). */
export function checkShift(rows: readonly BoardRow[], minutes: number, nowMs: number, hours: CallableRule): RescheduleVerdict {
  if (!Number.isInteger(minutes) || minutes === 0)
    return { error: 'Enter a whole number of minutes other than 0.', warning: null }
  if (minutes < SHIFT_MIN || minutes > SHIFT_MAX)
    return { error: `Shift by between ${SHIFT_MIN} and ${SHIFT_MAX} minutes.`, warning: null }
  const targets = rows.map((r) => (r.dueAtMs ?? nowMs) + minutes * 60_000)
  const past = targets.filter((t) => t <= nowMs).length
  if (past > 0) {
    const which = rows.length === 1 ? 'The callback' : `${past} of the ${rows.length} callbacks`
    return { error: `${which} would be due in the past. Shift by fewer minutes, or pick a time instead.`, warning: null }
  }
  const outside = targets.filter((t) => !isWithinRule(t, hours)).length
  if (outside > 0) {
    const which = rows.length === 1 ? 'The new time is' : `${outside} of the new times ${outside === 1 ? 'is' : 'are'}`
    return {
      error: null,
      warning: `${which} outside the campaign’s callable hours (${describeRule(hours)}); those will not be dialled before the hours open.`
    }
  }
  return { error: null, warning: null }
}
