import { attributeParticipantId, readCallbackConversation } from '../../core/board/read-conversation'
import type { CallbackTruth } from '../../core/lifecycle'
import { readLifecycle } from '../../core/lifecycle-record'

/** Everything an action needs to know about one placeholder, read fresh from Genesys Cloud. */
export interface CallbackSnapshot {
  readonly truth: CallbackTruth
  /** The participant whose attributes carry the `cc.*` keys (the customer side). */
  readonly attributesParticipantId: string
  readonly attributes: Readonly<Record<string, string>>
  readonly phoneNumber: string | null
  readonly name: string | null
}

/**
 * Maps `GET /api/v2/conversations/callbacks/{id}` to the lifecycle truth with the board's own reader, so the
 * board and the commands can never disagree about a callback's state.
 */
export function toCallbackSnapshot(conversation: unknown): CallbackSnapshot | null {
  const read = readCallbackConversation(conversation)
  const participantId = attributeParticipantId(conversation)
  if (!read.ok || read.snapshot === null || participantId === null) return null
  const s = read.snapshot
  return {
    truth: { conversationId: s.conversationId, record: readLifecycle(s.attributes, s.facts), dueAtMs: s.dueAtMs },
    attributesParticipantId: participantId,
    attributes: s.attributes,
    phoneNumber: s.number,
    name: s.name
  }
}
