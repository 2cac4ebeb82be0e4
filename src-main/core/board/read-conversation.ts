/**
 * The entry points for foreign conversation payloads: validate (never throw), normalise to a CallbackSnapshot,
 * and derive the lifecycle truth the command layer feeds to `decide()`. The command executor, the board and
 * the demo org's tests all read callbacks through these.
 */
import type { CallbackTruth } from '../lifecycle'
import { readLifecycle } from '../lifecycle-record'
import { snapshotFromAnalytics, snapshotFromConversation, type CallbackSnapshot } from './callback-snapshot'
import { analyticsConversationSchema, conversationSchema } from './conversation-schemas'
import { describeIssue } from './describe-issue'

/** Result of reading one payload: a snapshot (null = valid but not a callback) or why it was refused. */
export type ConversationRead =
  { readonly ok: true; readonly snapshot: CallbackSnapshot | null } | { readonly ok: false; readonly reason: string }

const isAnalyticsShape = (raw: unknown): boolean =>
  typeof raw === 'object' && raw !== null && 'conversationId' in raw && !('id' in raw)

/**
 * Reads a `CallbackConversation`, `Conversation`, queue topic body or analytics conversation.
 * `fallbackQueueId` is the queue from the topic name, used when the body does not say.
 */
export function readCallbackConversation(raw: unknown, fallbackQueueId: string | null = null): ConversationRead {
  if (isAnalyticsShape(raw)) {
    const parsed = analyticsConversationSchema.safeParse(raw)
    return parsed.success
      ? { ok: true, snapshot: snapshotFromAnalytics(parsed.data) }
      : { ok: false, reason: describeIssue(parsed.error) }
  }
  const parsed = conversationSchema.safeParse(raw)
  return parsed.success
    ? { ok: true, snapshot: snapshotFromConversation(parsed.data, fallbackQueueId) }
    : { ok: false, reason: describeIssue(parsed.error) }
}

/** The lifecycle truth of a callback read from REST (null when the payload is not a readable callback). */
export function callbackTruthOf(raw: unknown): CallbackTruth | null {
  const read = readCallbackConversation(raw)
  if (!read.ok || read.snapshot === null) return null
  const s = read.snapshot
  return { conversationId: s.conversationId, record: readLifecycle(s.attributes, s.facts), dueAtMs: s.dueAtMs }
}

/**
 * The participant lifecycle writers should patch (`patchConversationsCallbackParticipantAttributes`): the
 * customer participant, else the placeholder (`acd`) participant, else the first. Null when unreadable.
 */
export function attributeParticipantId(raw: unknown): string | null {
  const parsed = conversationSchema.safeParse(raw)
  if (!parsed.success) return null
  const participants = parsed.data.participants ?? []
  const pick =
    participants.find((p) => p.purpose === 'customer' && p.id) ??
    participants.find((p) => p.purpose === 'acd' && p.id) ??
    participants.find((p) => p.id)
  return pick?.id ?? null
}
