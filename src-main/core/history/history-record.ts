/**
 * One callback as History sees it afterwards: the placeholder conversation from analytics plus its `cc.*`
 * lifecycle attributes, reduced to what the charts need (when it was requested, how it ended, why and by whom,
 * what was promised, how many dials). The lifecycle is read with the board's own `readLifecycle`, so a report
 * and the live board can never disagree about a callback's state.
 */
import { assertNever } from '../assert-never'
import { maybeMs } from '../attribute-values'
import { mergeCcAttributes } from '../board/callback-snapshot'
import { CC, type Actor, type DialOutcome, type LifecycleState } from '../lifecycle-model'
import { readLifecycle } from '../lifecycle-record'
import { sumMetric, type HistoryConversation } from './analytics-schema'

/** How a callback ended; `open` = still waiting or being dialled when the report was made. */
export const HISTORY_OUTCOMES = ['connected', 'declined', 'unreached', 'cancelled', 'open'] as const

/** One outcome category of the reports. */
export type HistoryOutcome = (typeof HISTORY_OUTCOMES)[number]

/** Who acted last: a person, a deployed flow (dialer, workflow), or the console itself. */
export type ActorKind = Actor['kind']

/** A requested callback, as History reports it. Times are epoch ms; `number` is unmasked and stays in main. */
export interface CallbackHistoryRecord {
  readonly conversationId: string
  /** When the placeholder was created (the request), from the conversation start. */
  readonly requestedAtMs: number
  readonly number: string | null
  readonly name: string | null
  readonly state: LifecycleState
  readonly outcome: HistoryOutcome
  /** True when the state was deduced (no `cc.state`), e.g. a placeholder disconnected outside the contract. */
  readonly inferred: boolean
  readonly outcomeAtMs: number | null
  readonly promisedWaitSeconds: number | null
  /** When the caller was told to expect the call: request time + promised wait. */
  readonly promisedAtMs: number | null
  readonly attempts: number
  readonly lastOutcome: DialOutcome | null
  /** Plain words: the cancel reason, the last dial result, or what is happening now. */
  readonly reason: string
  readonly actor: string | null
  readonly actorKind: ActorKind | null
  /** False when no `cc.*` attributes could be read (its outcome is then inferred from the conversation). */
  readonly attributesKnown: boolean
}

/** What a separate read of the conversation added: its attributes and whether (and when) it has ended. */
export interface Enrichment {
  readonly attributes: Readonly<Record<string, string>>
  readonly ended: boolean
  readonly endedAtMs: number | null
}

const DIAL_RESULT: Readonly<Record<DialOutcome, string>> = {
  answered: 'Answered',
  declined: 'Declined',
  busy: 'Busy',
  'no-answer': 'No answer',
  machine: 'Answering machine',
  invalid: 'Invalid number',
  failed: 'Call failed'
}

/** The plain label of a dial result (`no-answer` → "No answer"). */
export function dialResultLabel(outcome: DialOutcome): string {
  return DIAL_RESULT[outcome]
}

function actorKindOf(actedById: string | null): ActorKind | null {
  const kind = actedById?.split(':')[0]
  return kind === 'user' || kind === 'flow' || kind === 'system' ? kind : null
}

function callbackSession(conv: HistoryConversation) {
  const withCallback = (conv.participants ?? []).filter((p) => (p.sessions ?? []).some((s) => s.mediaType === 'callback'))
  const placeholder = withCallback.find((p) => p.purpose === 'acd') ?? withCallback[0]
  const sessions = (placeholder?.sessions ?? []).filter((s) => s.mediaType === 'callback')
  return sessions[sessions.length - 1] ?? null
}

/**
 * Builds the record of one placeholder conversation; null when it is not a callback or has no start time.
 * `enrichment` (a fresh read of the conversation) wins over what the analytics payload itself carries.
 */
export function toCallbackHistory(conv: HistoryConversation, enrichment: Enrichment | null): CallbackHistoryRecord | null {
  const session = callbackSession(conv)
  const requestedAtMs = maybeMs(conv.conversationStart ?? undefined)
  if (session === null || requestedAtMs === null) return null
  const participants = conv.participants ?? []
  const attributes = enrichment?.attributes ?? mergeCcAttributes(participants.map((p) => p.attributes))
  const conversationEndMs = maybeMs(conv.conversationEnd ?? undefined)
  const ended = (enrichment?.ended ?? false) || conversationEndMs !== null
  const endedAtMs = enrichment?.endedAtMs ?? conversationEndMs
  const record = readLifecycle(attributes, { ended, participantState: null, endedAtMs })
  const open = record.state === 'waiting' || record.state === 'dispatched'
  const outcome: HistoryOutcome = open ? 'open' : (record.state as HistoryOutcome)
  const attributesKnown = Object.keys(attributes).length > 0
  const promisedFrom = record.requestedAtMs ?? requestedAtMs
  const attempts = attributes[CC.attempts] !== undefined ? record.attempts : (sumMetric(conv, 'nCallbackAttempts') ?? 0)
  return {
    conversationId: conv.conversationId,
    requestedAtMs,
    number: session.callbackNumbers[0] ?? null,
    name: session.callbackUserName ?? participants.find((p) => p.purpose === 'customer')?.participantName ?? null,
    state: record.state,
    outcome,
    inferred: record.inferred,
    outcomeAtMs: open ? null : (record.stateAtMs ?? endedAtMs),
    promisedWaitSeconds: record.promisedWaitSeconds,
    promisedAtMs: record.promisedWaitSeconds === null ? null : promisedFrom + record.promisedWaitSeconds * 1000,
    attempts,
    lastOutcome: record.lastOutcome,
    reason: reasonOf(outcome, record.state, record.inferred, record.reason, record.lastOutcome),
    actor: open ? null : outcome === 'cancelled' ? (record.cancelledBy ?? record.actedBy) : record.actedBy,
    actorKind: open ? null : actorKindOf(record.actedById),
    attributesKnown
  }
}

function reasonOf(
  outcome: HistoryOutcome,
  state: LifecycleState,
  inferred: boolean,
  reason: string | null,
  lastOutcome: DialOutcome | null
): string {
  switch (outcome) {
    case 'connected':
      return 'Answered and chose an agent'
    case 'declined':
      return 'Answered, no longer needed help'
    case 'unreached':
      return lastOutcome ? DIAL_RESULT[lastOutcome] : 'Not reached'
    case 'cancelled':
      return inferred ? 'Ended without a recorded outcome' : (reason ?? 'No reason given')
    case 'open':
      return state === 'dispatched' ? 'Being dialled' : 'Waiting'
    default:
      return assertNever(outcome, 'Unknown history outcome')
  }
}
