/**
 * The vocabulary of the callback lifecycle contract (DESIGN.md §1): states, dial outcomes, actions, who acts,
 * the `cc.*` participant-attribute keys every console, deployed flow and the demo org read and write, and the
 * allowed state transitions. One definition, so nobody writes a key or a state the others cannot read.
 */

/** Every lifecycle state, in contract order. */
export const LIFECYCLE_STATES = ['waiting', 'dispatched', 'connected', 'declined', 'unreached', 'cancelled'] as const

/** Where a callback is in its life; stored as `cc.state`. */
export type LifecycleState = (typeof LIFECYCLE_STATES)[number]

/** States after which nothing may act on the callback (its placeholder is disconnected). */
export type TerminalState = Exclude<LifecycleState, 'waiting' | 'dispatched'>

/** Result of one dial attempt as the campaign / outbound flow reports it; stored as `cc.lastOutcome`. */
export const DIAL_OUTCOMES = ['answered', 'declined', 'busy', 'no-answer', 'machine', 'invalid', 'failed'] as const

/** One dial attempt's result: `answered` = caller chose an agent, `declined` = no longer needs help. */
export type DialOutcome = (typeof DIAL_OUTCOMES)[number]

/** What was last done to a callback; stored as `cc.lastAction`. */
export const LIFECYCLE_ACTIONS = ['request', 'dispatch', 'call-now', 'reschedule', 'cancel', 'outcome'] as const

/** A kind of lifecycle action (`dispatch` = the workflow's own due-time dial, `call-now` = a console's). */
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number]

/** Who acted: a signed-in user, a deployed flow, or the console itself (e.g. a sweep). */
export interface Actor {
  readonly kind: 'user' | 'flow' | 'system'
  readonly id: string
  /** Display name shown on boards and in the audit log. */
  readonly name: string
}

/** Prefix of every attribute this contract owns; other attributes on the placeholder are left alone. */
export const CC_PREFIX = 'cc.'

/** The attribute keys of the contract. Timestamps are ISO-8601 UTC strings; numbers are decimal strings. */
export const CC = {
  state: 'cc.state',
  stateAt: 'cc.stateAt',
  requestedAt: 'cc.requestedAt',
  promisedWaitSeconds: 'cc.promisedWaitSeconds',
  attempts: 'cc.attempts',
  lastOutcome: 'cc.lastOutcome',
  lastAction: 'cc.lastAction',
  actedBy: 'cc.actedBy',
  actedById: 'cc.actedById',
  actedAt: 'cc.actedAt',
  reason: 'cc.reason',
  actionId: 'cc.actionId',
  cancelledBy: 'cc.cancelledBy',
  cancelledAt: 'cc.cancelledAt',
  dispatchedBy: 'cc.dispatchedBy',
  dispatchedAt: 'cc.dispatchedAt',
  rescheduledBy: 'cc.rescheduledBy',
  rescheduledAt: 'cc.rescheduledAt',
  previousDueAt: 'cc.previousDueAt',
  contactId: 'cc.contactId',
  /**
   * When the caller entered the target queue (in-queue flow `Flow.StartDateTimeUtc`, ISO): the virtual place the
   * callback keeps, read by the timing policy (core/timing); absent = the request time (`cc.requestedAt`).
   */
  queuedAt: 'cc.queuedAt'
} as const

/** An attribute write: `cc.*` keys to string values (Genesys participant attributes are strings). */
export type AttributePatch = Readonly<Record<string, string>>

/**
 * Allowed moves. `waiting → waiting` is a reschedule; `dispatched → waiting` is a retry after an unanswered
 * attempt (with a new due time); terminal states go nowhere.
 */
export const TRANSITIONS: Readonly<Record<LifecycleState, readonly LifecycleState[]>> = {
  waiting: ['waiting', 'dispatched', 'cancelled'],
  dispatched: ['waiting', 'connected', 'declined', 'unreached', 'cancelled'],
  connected: [],
  declined: [],
  unreached: [],
  cancelled: []
}

const STATE_SET: ReadonlySet<string> = new Set(LIFECYCLE_STATES)
const OUTCOME_SET: ReadonlySet<string> = new Set(DIAL_OUTCOMES)
const ACTION_SET: ReadonlySet<string> = new Set(LIFECYCLE_ACTIONS)

/** Type guard for values read from foreign attributes. */
export function isLifecycleState(value: unknown): value is LifecycleState {
  return typeof value === 'string' && STATE_SET.has(value)
}

/** Type guard for `cc.lastOutcome` values. */
export function isDialOutcome(value: unknown): value is DialOutcome {
  return typeof value === 'string' && OUTCOME_SET.has(value)
}

/** Type guard for `cc.lastAction` values. */
export function isLifecycleAction(value: unknown): value is LifecycleAction {
  return typeof value === 'string' && ACTION_SET.has(value)
}

/** True for connected / declined / unreached / cancelled. */
export function isTerminalState(state: LifecycleState): state is TerminalState {
  return TRANSITIONS[state].length === 0
}

/** Whether the contract allows moving from `from` to `to`. */
export function canTransition(from: LifecycleState, to: LifecycleState): boolean {
  return TRANSITIONS[from].includes(to)
}

/**
 * Campaign contact id for a callback's n-th dial attempt (1-based). Deterministic, so two consoles (or a console
 * and the workflow) dispatching the same attempt append the same contact, and the append stays idempotent.
 */
export function contactIdFor(conversationId: string, attempt: number): string {
  return `${conversationId}-a${attempt}`
}
