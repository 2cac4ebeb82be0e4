/**
 * Emulation of Genesys' estimated wait time: AHT × position in queue ÷ active agents × (1 − abandon rate)
 * (the documented "queuing theory" form, formula `BEST`); with no agent on queue it reports the longest current
 * wait (formula `SIMPLE`), as Architect's EWT notes describe. Not truncated to minutes.
 */
import type { SimMediaType } from './conversation-types'
import type { SimOrg } from './org'
import type { QueueHistory } from './routing-types'
import { badRequest } from '../http/errors'

/** `PredictionResults`. */
export interface PredictionResult {
  intent: string
  formula: 'BEST' | 'SIMPLE'
  estimatedWaitTimeSeconds: number
}

const MODELLED: readonly SimMediaType[] = ['callback', 'call']

/** EWT for a queue, for one media type (`all` = every media) or for one waiting conversation. */
export function estimateWait(
  org: SimOrg,
  queueId: string,
  media: SimMediaType | 'all',
  conversationId?: string
): PredictionResult {
  const { routing, conversations } = org
  routing.requireQueue(queueId)
  let position: number
  let intentMedia: SimMediaType | 'all' = media
  if (conversationId) {
    const conv = conversations.get(conversationId)
    if (!conv || conv.phase !== 'waiting' || conv.queueId !== queueId) {
      throw badRequest(
        `The conversation '${conversationId}' is not waiting in queue '${queueId}'.`,
        'conversation.not.in.queue',
        'conversationId'
      )
    }
    intentMedia = conv.media
    position = conversations.indexes.findWaiting(queueId, conv.media)?.positionOf(conv.id) ?? 1
  } else {
    position = (media === 'all' ? conversations.countWaiting(queueId) : conversations.countWaiting(queueId, media)) + 1
  }
  const intent = intentMedia.toUpperCase()
  const agents = routing.onQueueMembers(queueId).length
  if (agents === 0) {
    return { intent, formula: 'SIMPLE', estimatedWaitTimeSeconds: longestWaitSeconds(org, queueId, intentMedia) }
  }
  return { intent, formula: 'BEST', estimatedWaitTimeSeconds: queuingEwtSeconds(routing.historyOf(queueId), position, agents) }
}

/** The `BEST` formula: AHT × position in queue ÷ agents on queue × (1 − abandon rate), whole seconds (agents > 0). */
export function queuingEwtSeconds(history: QueueHistory, positionInQueue: number, agents: number): number {
  const seconds = ((history.ahtSeconds * positionInQueue) / agents) * (1 - history.abandonRate)
  return Math.max(0, Math.round(seconds))
}

/** Seconds the oldest waiting conversation has waited (O(n); queries only). */
export function longestWaitSeconds(org: SimOrg, queueId: string, media: SimMediaType | 'all'): number {
  const now = org.clock.now()
  let oldest = now
  for (const m of media === 'all' ? MODELLED : [media]) {
    for (const c of org.conversations.indexes.findWaiting(queueId, m)?.values() ?? []) {
      if (c.enqueuedAt !== undefined && c.enqueuedAt < oldest) oldest = c.enqueuedAt
    }
  }
  return Math.max(0, Math.round((now - oldest) / 1000))
}
