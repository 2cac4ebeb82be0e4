/**
 * Validates one notification frame (`{topicName, version, eventBody, metadata}`, genesys-api.md §2.3) and says
 * what it is. A frame that is not JSON or lacks a topic is a value (`malformed`), never an exception: the
 * socket keeps running and the caller counts it.
 */
import { z } from 'zod'
import { assertNever } from '../assert-never'
import { classifyTopic, type DataTopic, type SystemTopic } from './topics'

const envelopeSchema = z.object({
  topicName: z.string().min(1),
  eventBody: z.unknown().optional(),
  metadata: z.object({ CorrelationId: z.string().nullish() }).nullish()
})

/** A classified frame. */
export type Frame =
  | { readonly kind: 'data'; readonly topicName: string; readonly topic: DataTopic; readonly body: unknown }
  | { readonly kind: 'system'; readonly topicName: string; readonly system: SystemTopic; readonly body: unknown }
  | { readonly kind: 'unknown'; readonly topicName: string }
  | { readonly kind: 'malformed'; readonly reason: string }

/** Parses (when given text) and classifies a frame. */
export function readFrame(raw: unknown): Frame {
  let value = raw
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw)
    } catch (e: unknown) {
      if (e instanceof SyntaxError) return { kind: 'malformed', reason: 'not JSON' }
      throw e
    }
  }
  const parsed = envelopeSchema.safeParse(value)
  if (!parsed.success) return { kind: 'malformed', reason: 'not a notification envelope' }
  const { topicName, eventBody } = parsed.data
  const cls = classifyTopic(topicName, eventBody)
  switch (cls.kind) {
    case 'data':
      if (eventBody === undefined || eventBody === null) return { kind: 'malformed', reason: `${topicName}: no eventBody` }
      return { kind: 'data', topicName, topic: cls.topic, body: eventBody }
    case 'system':
      return { kind: 'system', topicName, system: cls.system, body: eventBody }
    case 'unknown':
      return { kind: 'unknown', topicName }
    default:
      return assertNever(cls, 'Unknown topic class')
  }
}
