/**
 * What happens when the dialer places a call: call-analysis dispositions at realistic shares for returned
 * callbacks, how long each takes, and the system wrap-up code the contact's call record shows.
 */
import type { DomainRandom } from '../shared/context'
import type { Disposition } from './response-set-store'

/** Shares of outcomes for numbers that are dialable (sum to 1). Callers who just asked for a callback mostly answer. */
export const DEFAULT_OUTCOME_SHARES: Readonly<Record<Disposition, number>> = {
  'callable.person': 0.66,
  'callable.noanswer': 0.13,
  'callable.machine': 0.1,
  'callable.busy': 0.06,
  'callable.disconnect': 0.01,
  'callable.sit': 0.01,
  'callable.fax': 0.005,
  'callable.lineconnected': 0,
  'uncallable.sit': 0.005,
  'uncallable.notfound': 0.02
}

/** System wrap-up codes the dialer writes into `callRecords[column].lastResult`. */
export const WRAPUP_CODES: Readonly<Record<Disposition, string>> = {
  'callable.person': 'ININ-OUTBOUND-LIVE-VOICE',
  'callable.noanswer': 'ININ-OUTBOUND-NO-ANSWER',
  'callable.machine': 'ININ-OUTBOUND-MACHINE',
  'callable.busy': 'ININ-OUTBOUND-BUSY',
  'callable.disconnect': 'ININ-OUTBOUND-DISCONNECT',
  'callable.sit': 'ININ-OUTBOUND-SIT-CALLABLE',
  'callable.fax': 'ININ-OUTBOUND-FAX',
  'callable.lineconnected': 'ININ-OUTBOUND-LINE-CONNECTED',
  'uncallable.sit': 'ININ-OUTBOUND-SIT-UNCALLABLE',
  'uncallable.notfound': 'ININ-OUTBOUND-INVALID-PHONE-NUMBER'
}

/** Wrap-up code when a live answer was handed to the response set's outbound flow. */
export const TRANSFERRED_TO_FLOW = 'ININ-OUTBOUND-TRANSFERRED-TO-FLOW'

/** True for a number an edge could dial: optional `+`, 7–15 digits once spaces, dashes, dots and brackets are removed. */
export function isDialable(phone: string | undefined): phone is string {
  if (phone === undefined) return false
  return /^\+?[0-9]{7,15}$/.test(phone.replace(/[\s\-().]/g, ''))
}

/** Draws a disposition from `shares` with the seeded random source. */
export function drawDisposition(
  random: DomainRandom,
  shares: Readonly<Record<Disposition, number>> = DEFAULT_OUTCOME_SHARES
): Disposition {
  const entries = Object.entries(shares) as Array<[Disposition, number]>
  const total = entries.reduce((sum, [, share]) => sum + share, 0)
  let r = random.next() * total
  for (const [disposition, share] of entries) {
    r -= share
    if (r < 0) return disposition
  }
  return 'callable.person'
}

/** Seconds from dialling to the disposition being known (ringing, answer, call analysis). */
export function dispositionDelaySeconds(random: DomainRandom, disposition: Disposition, noAnswerTimeout: number): number {
  const between = (lo: number, hi: number): number => lo + random.next() * (hi - lo)
  switch (disposition) {
    case 'callable.person':
      return between(6, 22)
    case 'callable.machine':
      return between(9, 24)
    case 'callable.noanswer':
      return noAnswerTimeout
    case 'callable.busy':
      return between(2, 5)
    case 'callable.disconnect':
    case 'callable.lineconnected':
      return between(5, 15)
    case 'callable.fax':
      return between(4, 8)
    case 'callable.sit':
    case 'uncallable.sit':
    case 'uncallable.notfound':
      return between(1, 3)
  }
}
