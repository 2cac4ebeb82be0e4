/**
 * Reads the lifecycle truth of one callback from what Genesys Cloud holds: the placeholder's participant state
 * and its `cc.*` attributes. The board, the console's commands and the demo org all use this one mapping.
 *
 * | `cc.state`              | placeholder                               | derived state | inferred |
 * |-------------------------|-------------------------------------------|---------------|----------|
 * | terminal (any of four)  | live or ended                             | that state    | no       |
 * | `waiting`/`dispatched`  | live                                      | that state    | no       |
 * | `waiting`/`dispatched`  | ended (disconnected outside the contract) | `cancelled`   | yes      |
 * | absent or unreadable    | live, `dialing`/`contacting`             | `dispatched`  | yes      |
 * | absent or unreadable    | live, any other state                     | `waiting`     | yes      |
 * | absent or unreadable    | ended                                     | `cancelled`   | yes      |
 *
 * "Ended" = every participant that has a state is `disconnected`/`terminated`. A disconnected placeholder
 * without an outcome is a cancellation (the blueprint's workflow reads it the same way: it skips the dial).
 */
import { maybeInt, maybeMs, maybeText } from './attribute-values'
import {
  CC,
  isDialOutcome,
  isLifecycleAction,
  isLifecycleState,
  isTerminalState,
  type DialOutcome,
  type LifecycleAction,
  type LifecycleState
} from './lifecycle-model'

/** What the placeholder conversation itself says, independent of attributes. */
export interface PlaceholderFacts {
  readonly ended: boolean
  /** State of the placeholder (callback) participant, e.g. `alerting`, `scheduled`, `dialing`. */
  readonly participantState: string | null
  readonly endedAtMs: number | null
}

/** The lifecycle view of one callback; times are epoch ms. */
export interface LifecycleRecord {
  readonly state: LifecycleState
  /** True when the state was deduced from the placeholder rather than read from `cc.state`. */
  readonly inferred: boolean
  readonly stateAtMs: number | null
  readonly requestedAtMs: number | null
  readonly promisedWaitSeconds: number | null
  readonly attempts: number
  readonly lastOutcome: DialOutcome | null
  readonly lastAction: LifecycleAction | null
  readonly actedBy: string | null
  readonly actedById: string | null
  readonly actedAtMs: number | null
  readonly reason: string | null
  readonly actionId: string | null
  readonly cancelledBy: string | null
  readonly cancelledAtMs: number | null
  readonly dispatchedBy: string | null
  readonly dispatchedAtMs: number | null
  readonly contactId: string | null
}

/**
 * Only the states that mean "ringing the caller". A waiting placeholder's participants are `connected` (the
 * callback is connected to the queue), so `connected` alone says nothing about dialling.
 */
const DIALLING_STATES: ReadonlySet<string> = new Set(['dialing', 'contacting'])

function deriveState(written: LifecycleState | null, facts: PlaceholderFacts): { state: LifecycleState; inferred: boolean } {
  if (written && isTerminalState(written)) return { state: written, inferred: false }
  if (facts.ended) return { state: 'cancelled', inferred: true }
  if (written) return { state: written, inferred: false }
  const dialling = facts.participantState !== null && DIALLING_STATES.has(facts.participantState)
  return { state: dialling ? 'dispatched' : 'waiting', inferred: true }
}

/** Derives the lifecycle record from attributes (any extra keys ignored) and placeholder facts. */
export function readLifecycle(attributes: Readonly<Record<string, string>>, facts: PlaceholderFacts): LifecycleRecord {
  const raw = attributes[CC.state]
  const written = isLifecycleState(raw) ? raw : null
  const { state, inferred } = deriveState(written, facts)
  const stateAtMs = inferred && facts.ended ? facts.endedAtMs : maybeMs(attributes[CC.stateAt])
  const outcome = attributes[CC.lastOutcome]
  const action = attributes[CC.lastAction]
  return {
    state,
    inferred,
    stateAtMs,
    requestedAtMs: maybeMs(attributes[CC.requestedAt]),
    promisedWaitSeconds: maybeInt(attributes[CC.promisedWaitSeconds]),
    attempts: maybeInt(attributes[CC.attempts]) ?? 0,
    lastOutcome: isDialOutcome(outcome) ? outcome : null,
    lastAction: isLifecycleAction(action) ? action : null,
    actedBy: maybeText(attributes[CC.actedBy]),
    actedById: maybeText(attributes[CC.actedById]),
    actedAtMs: maybeMs(attributes[CC.actedAt]),
    reason: maybeText(attributes[CC.reason]),
    actionId: maybeText(attributes[CC.actionId]),
    cancelledBy: maybeText(attributes[CC.cancelledBy]),
    cancelledAtMs: maybeMs(attributes[CC.cancelledAt]),
    dispatchedBy: maybeText(attributes[CC.dispatchedBy]),
    dispatchedAtMs: maybeMs(attributes[CC.dispatchedAt]),
    contactId: maybeText(attributes[CC.contactId])
  }
}
