import type { DialOutcome, LifecycleState } from '../../src-main/contract/live-views'

/** Words for the lifecycle states (DESIGN.md §1), as a contact-center lead says them. */
export const STATE_LABELS: Readonly<Record<LifecycleState, string>> = {
  waiting: 'Waiting',
  dispatched: 'Dialling',
  connected: 'Connected',
  declined: 'Declined',
  unreached: 'Unreached',
  cancelled: 'Cancelled'
}

/** Tone of each state's chip, mapped to Spark badge tokens in CSS (`.chip-<tone>`). */
export const STATE_TONES: Readonly<Record<LifecycleState, 'info' | 'warning' | 'success' | 'error' | 'neutral'>> = {
  waiting: 'info',
  dispatched: 'warning',
  connected: 'success',
  declined: 'neutral',
  unreached: 'error',
  cancelled: 'neutral'
}

/** Words for dial outcomes in the "last outcome" column. */
export const OUTCOME_LABELS: Readonly<Record<DialOutcome, string>> = {
  answered: 'Answered',
  declined: 'Declined',
  busy: 'Busy',
  'no-answer': 'No answer',
  machine: 'Answering machine',
  invalid: 'Invalid number',
  failed: 'Failed'
}

/** Every state in contract order, for the state filter. */
export const ALL_STATES: readonly LifecycleState[] = ['waiting', 'dispatched', 'connected', 'declined', 'unreached', 'cancelled']
