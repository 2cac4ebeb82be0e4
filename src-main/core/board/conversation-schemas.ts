/**
 * Runtime schemas for the conversation shapes the board reads. They declare only the fields the board uses,
 * all optional and nullable, and ignore everything else, so a newer API adding fields never breaks the board
 * while a frame with the wrong types is refused (and counted) instead of corrupting a row.
 *
 * One participant schema covers both wire families: the flattened callback fields of `CallbackConversation`
 * and the `v2.routing.queues.{id}.conversations.callbacks` topic, and the nested `callbacks[]` of
 * `Conversation` and the `v2.routing.queues.{id}.conversations` topic.
 */
import { z } from 'zod'

const text = z.string().nullish()
const ref = z.object({ id: text, name: text }).nullish()
/** Numbers sometimes arrive as JSON numbers (the blueprint's bug); read them as strings. */
export const callbackNumbersSchema = z
  .array(z.union([z.string(), z.number()]))
  .nullish()
  .transform((list) => (list ?? []).map(String))
/** Attribute values should be strings; numbers and booleans are stringified, anything else dropped. */
export const attributesSchema = z
  .record(z.string(), z.unknown())
  .nullish()
  .transform((record) => {
    const out: Record<string, string> = {}
    for (const [key, value] of Object.entries(record ?? {})) {
      if (typeof value === 'string') out[key] = value
      else if (typeof value === 'number' || typeof value === 'boolean') out[key] = String(value)
    }
    return out
  })

/** A nested callback communication (`Callback`, `QueueConversationEventTopicCallback`). */
export const callbackCommunicationSchema = z.object({
  id: text,
  state: text,
  disconnectType: text,
  connectedTime: text,
  disconnectedTime: text,
  callbackNumbers: callbackNumbersSchema,
  callbackUserName: text,
  callbackScheduledTime: text
})

/** A participant of either family. */
export const conversationParticipantSchema = z.object({
  id: text,
  name: text,
  purpose: text,
  state: text,
  disconnectType: text,
  startTime: text,
  connectedTime: text,
  endTime: text,
  startHoldTime: text,
  startAcwTime: text,
  endAcwTime: text,
  parkTime: text,
  resumeTime: text,
  queue: ref,
  queueId: text,
  conversationRoutingData: z.object({ queue: ref }).nullish(),
  attributes: attributesSchema,
  callbackNumbers: z.array(z.union([z.string(), z.number()])).nullish(),
  callbackUserName: text,
  callbackScheduledTime: text,
  callbacks: z.array(callbackCommunicationSchema).nullish()
})

/** `CallbackConversation`, `Conversation` and both queue conversation topic bodies. */
export const conversationSchema = z.object({
  id: z.string().min(1),
  startTime: text,
  endTime: text,
  participants: z.array(conversationParticipantSchema).nullish()
})

/** A parsed participant. */
export type ParsedParticipant = z.infer<typeof conversationParticipantSchema>

/** A parsed conversation of either family. */
export type ParsedConversation = z.infer<typeof conversationSchema>

const segment = z.object({ segmentStart: text, segmentEnd: text, queueId: text, disconnectType: text })
const session = z.object({
  mediaType: text,
  callbackNumbers: callbackNumbersSchema,
  callbackUserName: text,
  callbackScheduledTime: text,
  segments: z.array(segment).nullish()
})

/**
 * `AnalyticsConversation` from a details query or job (`participants[].sessions[]`), the bulk way to read many
 * callbacks at once. `attributes` are present only in the "with attributes" variants.
 */
export const analyticsConversationSchema = z.object({
  conversationId: z.string().min(1),
  conversationStart: text,
  conversationEnd: text,
  participants: z
    .array(
      z.object({
        participantId: text,
        participantName: text,
        purpose: text,
        attributes: attributesSchema,
        sessions: z.array(session).nullish()
      })
    )
    .nullish()
})

/** A parsed analytics conversation. */
export type ParsedAnalyticsConversation = z.infer<typeof analyticsConversationSchema>
