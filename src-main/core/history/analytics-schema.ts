/**
 * The slice of `AnalyticsConversation` (details query, details job, single details GET) that History reads:
 * times, participants with their sessions, segments and metrics, and — only in the job results — attributes.
 * Every field is optional and unknown fields are ignored, so a newer API never breaks a report; a conversation
 * with the wrong types is skipped and counted instead of throwing.
 */
import { z } from 'zod'
import { attributesSchema, callbackNumbersSchema } from '../board/conversation-schemas'

const text = z.string().nullish()

const segmentSchema = z.object({
  segmentStart: text,
  segmentEnd: text,
  segmentType: text,
  queueId: text,
  disconnectType: text
})

const metricSchema = z.object({ name: text, value: z.number().nullish(), emitDate: text })

const sessionSchema = z.object({
  sessionId: text,
  mediaType: text,
  direction: text,
  callbackNumbers: callbackNumbersSchema,
  callbackUserName: text,
  callbackScheduledTime: text,
  outboundCampaignId: text,
  outboundContactId: text,
  segments: z.array(segmentSchema).nullish(),
  metrics: z.array(metricSchema).nullish()
})

const participantSchema = z.object({
  participantId: text,
  participantName: text,
  purpose: text,
  userId: text,
  attributes: attributesSchema,
  sessions: z.array(sessionSchema).nullish()
})

/** One conversation of a details query / job as History reads it. */
export const historyConversationSchema = z.object({
  conversationId: z.string().min(1),
  conversationStart: text,
  conversationEnd: text,
  participants: z.array(participantSchema).nullish()
})

/** A parsed analytics conversation. */
export type HistoryConversation = z.infer<typeof historyConversationSchema>
/** A parsed analytics participant. */
export type HistoryParticipant = z.infer<typeof participantSchema>
/** A parsed analytics session. */
export type HistorySession = z.infer<typeof sessionSchema>

/** Conversations that parsed, and how many did not (reports say so rather than hiding it). */
export interface ParsedConversations {
  readonly conversations: readonly HistoryConversation[]
  readonly rejected: number
}

/** Parses a page's `conversations` array leniently: good ones kept, bad ones counted. */
export function parseHistoryConversations(raw: unknown): ParsedConversations {
  if (!Array.isArray(raw)) return { conversations: [], rejected: 0 }
  const conversations: HistoryConversation[] = []
  let rejected = 0
  for (const item of raw) {
    const parsed = historyConversationSchema.safeParse(item)
    if (parsed.success) conversations.push(parsed.data)
    else rejected++
  }
  return { conversations, rejected }
}

/** Sum of one session metric over a conversation's sessions (e.g. `nCallbackAttempts`), null when never emitted. */
export function sumMetric(conv: HistoryConversation, name: string): number | null {
  let total: number | null = null
  for (const p of conv.participants ?? []) {
    for (const s of p.sessions ?? []) {
      for (const m of s.metrics ?? []) {
        if (m.name === name && typeof m.value === 'number') total = (total ?? 0) + m.value
      }
    }
  }
  return total
}
