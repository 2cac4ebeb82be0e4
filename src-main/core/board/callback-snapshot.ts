/**
 * Turns any conversation shape the board receives (REST `CallbackConversation` / `Conversation`, the two queue
 * conversation topics, analytics details) into one small `CallbackSnapshot`: the facts about a placeholder
 * callback at one moment. Everything after this point is shape-independent.
 *
 * - The placeholder participant is the last `acd` participant carrying callback fields (else the last one that
 *   carries them); a conversation without callback fields is not a callback and gives null.
 * - It is ended when the placeholder or the conversation has ended, or when every participant with a state
 *   is `disconnected`/`terminated`.
 * - `cc.*` attributes are merged across participants, the participant that acted most recently winning per key,
 *   so the board does not depend on which participant a writer chose (writers should use
 *   `attributeParticipantId`, the customer participant).
 * - The event time is the newest timestamp in the snapshot (participant times and `cc.*At` attributes).
 */
import { maybeMs } from '../attribute-values'
import { CC, CC_PREFIX } from '../lifecycle-model'
import type { PlaceholderFacts } from '../lifecycle-record'
import type { ParsedAnalyticsConversation, ParsedConversation, ParsedParticipant } from './conversation-schemas'

/** The facts about one placeholder callback that the board derives its row from. */
export interface CallbackSnapshot {
  readonly conversationId: string
  readonly queueId: string | null
  readonly facts: PlaceholderFacts
  /** Merged `cc.*` attributes (other attributes dropped). */
  readonly attributes: Readonly<Record<string, string>>
  /** First callback number, unmasked: stays in main. */
  readonly number: string | null
  readonly name: string | null
  readonly dueAtMs: number | null
  readonly startedAtMs: number | null
  readonly eventTimeMs: number
}

const ENDED: ReadonlySet<string> = new Set(['disconnected', 'terminated'])
const CC_TIME_KEYS = [CC.stateAt, CC.actedAt, CC.requestedAt, CC.cancelledAt, CC.dispatchedAt, CC.rescheduledAt] as const

type Nullish<T> = T | null | undefined

function latest(values: Iterable<Nullish<string>>): number | null {
  let best: number | null = null
  for (const v of values) {
    const ms = maybeMs(v ?? undefined)
    if (ms !== null && (best === null || ms > best)) best = ms
  }
  return best
}

function earliest(values: Iterable<Nullish<string>>): number | null {
  let best: number | null = null
  for (const v of values) {
    const ms = maybeMs(v ?? undefined)
    if (ms !== null && (best === null || ms < best)) best = ms
  }
  return best
}

function ccTime(attrs: Readonly<Record<string, string>>): number {
  return latest(CC_TIME_KEYS.map((k) => attrs[k])) ?? Number.NEGATIVE_INFINITY
}

/** Merges `cc.*` keys of several participants' attributes, the most recently acting participant last. */
export function mergeCcAttributes(all: ReadonlyArray<Readonly<Record<string, string>>>): Record<string, string> {
  const ordered = all.map((attrs, index) => ({ attrs, index, at: ccTime(attrs) }))
  ordered.sort((a, b) => a.at - b.at || a.index - b.index)
  const merged: Record<string, string> = {}
  for (const { attrs } of ordered) {
    for (const key of Object.keys(attrs)) if (key.startsWith(CC_PREFIX)) merged[key] = attrs[key]!
  }
  return merged
}

const commOf = (p: ParsedParticipant) => (p.callbacks && p.callbacks.length > 0 ? p.callbacks[p.callbacks.length - 1] : undefined)
const isCallbackParticipant = (p: ParsedParticipant): boolean =>
  (p.callbacks?.length ?? 0) > 0 || p.callbackNumbers != null || p.callbackScheduledTime != null
const stateOf = (p: ParsedParticipant): string | null => p.state ?? commOf(p)?.state ?? (p.endTime ? 'disconnected' : null)
const numbersOf = (p: ParsedParticipant): string[] =>
  (p.callbackNumbers ?? []).map(String).concat(commOf(p)?.callbackNumbers ?? [])

/** Snapshot of a REST or topic conversation; null when it has no callback participant. */
export function snapshotFromConversation(conv: ParsedConversation, fallbackQueueId: string | null): CallbackSnapshot | null {
  const participants = conv.participants ?? []
  const candidates = participants.filter(isCallbackParticipant)
  if (candidates.length === 0) return null
  const acd = candidates.filter((p) => p.purpose === 'acd')
  const placeholder = (acd.length > 0 ? acd : candidates)[(acd.length > 0 ? acd : candidates).length - 1]!
  const comm = commOf(placeholder)
  const stated = participants.map(stateOf).filter((s): s is string => s !== null)
  const placeholderState = stateOf(placeholder)
  const ended =
    Boolean(conv.endTime) ||
    (placeholderState !== null && ENDED.has(placeholderState)) ||
    (stated.length > 0 && stated.every((s) => ENDED.has(s)))
  const attributes = mergeCcAttributes(participants.map((p) => p.attributes))
  const times = participants.flatMap((p) => [
    p.startTime,
    p.connectedTime,
    p.endTime,
    p.startHoldTime,
    p.startAcwTime,
    p.endAcwTime,
    p.parkTime,
    p.resumeTime,
    ...(p.callbacks ?? []).flatMap((c) => [c.connectedTime, c.disconnectedTime])
  ])
  const eventTimeMs = latest([...times, conv.startTime, conv.endTime, ...CC_TIME_KEYS.map((k) => attributes[k])]) ?? 0
  const customer = participants.find((p) => p.purpose === 'customer')
  const number = numbersOf(placeholder)[0] ?? candidates.flatMap(numbersOf)[0] ?? null
  const name =
    placeholder.callbackUserName ??
    comm?.callbackUserName ??
    candidates.find((p) => p.callbackUserName)?.callbackUserName ??
    customer?.name ??
    null
  const queueId =
    placeholder.queue?.id ?? placeholder.queueId ?? placeholder.conversationRoutingData?.queue?.id ?? fallbackQueueId ?? null
  return {
    conversationId: conv.id,
    queueId,
    facts: {
      ended,
      participantState: placeholderState,
      endedAtMs: ended
        ? (latest([placeholder.endTime, comm?.disconnectedTime, conv.endTime]) ?? latest(participants.map((p) => p.endTime)))
        : null
    },
    attributes,
    number,
    name: name || null,
    dueAtMs: maybeMs(placeholder.callbackScheduledTime ?? comm?.callbackScheduledTime ?? undefined),
    startedAtMs: earliest([conv.startTime, ...participants.map((p) => p.startTime)]),
    eventTimeMs
  }
}

/** Snapshot of an analytics details conversation; null when it has no callback session. */
export function snapshotFromAnalytics(conv: ParsedAnalyticsConversation): CallbackSnapshot | null {
  const participants = conv.participants ?? []
  const withCallback = participants
    .map((p) => ({ p, sessions: (p.sessions ?? []).filter((s) => s.mediaType === 'callback') }))
    .filter((x) => x.sessions.length > 0)
  if (withCallback.length === 0) return null
  const chosen = withCallback.find((x) => x.p.purpose === 'acd') ?? withCallback[0]!
  const session = chosen.sessions[chosen.sessions.length - 1]!
  const segments = chosen.sessions.flatMap((s) => s.segments ?? [])
  const queueId = [...segments].reverse().find((s) => s.queueId)?.queueId ?? null
  const attributes = mergeCcAttributes(participants.map((p) => p.attributes))
  const segmentTimes = participants.flatMap((p) =>
    (p.sessions ?? []).flatMap((s) => (s.segments ?? []).flatMap((g) => [g.segmentStart, g.segmentEnd]))
  )
  const ended = Boolean(conv.conversationEnd)
  return {
    conversationId: conv.conversationId,
    queueId,
    facts: { ended, participantState: null, endedAtMs: ended ? maybeMs(conv.conversationEnd ?? undefined) : null },
    attributes,
    number: session.callbackNumbers[0] ?? null,
    name: session.callbackUserName ?? participants.find((p) => p.purpose === 'customer')?.participantName ?? null,
    dueAtMs: maybeMs(session.callbackScheduledTime ?? undefined),
    startedAtMs: maybeMs(conv.conversationStart ?? undefined),
    eventTimeMs:
      latest([conv.conversationStart, conv.conversationEnd, ...segmentTimes, ...CC_TIME_KEYS.map((k) => attributes[k])]) ?? 0
  }
}
