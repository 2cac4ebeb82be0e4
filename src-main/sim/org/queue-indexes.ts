/**
 * Per-queue, per-media indexes of waiting and interacting conversations, so counts are O(1) and "next to route"
 * is O(log n) for the observation queries, EWT and the traffic model.
 */
import type { SimConversation, SimMediaType } from './conversation-types'
import { WaitingIndex } from './waiting-index'

/** Waiting + interacting sets for every queue the org routes to. */
export class QueueIndexes {
  private readonly waiting = new Map<string, Map<SimMediaType, WaitingIndex>>()
  private readonly interacting = new Map<string, Map<SimMediaType, Set<string>>>()

  waitingIn(queueId: string, media: SimMediaType): WaitingIndex {
    let byMedia = this.waiting.get(queueId)
    if (!byMedia) this.waiting.set(queueId, (byMedia = new Map()))
    let idx = byMedia.get(media)
    if (!idx) byMedia.set(media, (idx = new WaitingIndex()))
    return idx
  }

  interactingIn(queueId: string, media: SimMediaType): Set<string> {
    let byMedia = this.interacting.get(queueId)
    if (!byMedia) this.interacting.set(queueId, (byMedia = new Map()))
    let set = byMedia.get(media)
    if (!set) byMedia.set(media, (set = new Set()))
    return set
  }

  /** The waiting index if it exists (queries must not create indexes for arbitrary ids). */
  findWaiting(queueId: string, media: SimMediaType): WaitingIndex | undefined {
    return this.waiting.get(queueId)?.get(media)
  }

  /** The interacting set if it exists. */
  findInteracting(queueId: string, media: SimMediaType): ReadonlySet<string> | undefined {
    return this.interacting.get(queueId)?.get(media)
  }

  /** Removes the conversation from whatever index its current phase/queue put it in. */
  detach(conv: SimConversation): void {
    if (!conv.queueId) return
    if (conv.phase === 'waiting') this.waiting.get(conv.queueId)?.get(conv.media)?.remove(conv.id)
    else if (conv.phase === 'interacting') this.interacting.get(conv.queueId)?.get(conv.media)?.delete(conv.id)
  }

  /** Adds the conversation per its current phase/queue; `score` orders waiting ones. */
  attach(conv: SimConversation, score: number): void {
    if (!conv.queueId) return
    if (conv.phase === 'waiting') this.waitingIn(conv.queueId, conv.media).upsert(conv, score)
    else if (conv.phase === 'interacting') this.interactingIn(conv.queueId, conv.media).add(conv.id)
  }

  countWaiting(queueId: string, media?: SimMediaType): number {
    return countIn(this.waiting.get(queueId), media)
  }

  countInteracting(queueId: string, media?: SimMediaType): number {
    return countIn(this.interacting.get(queueId), media)
  }

  /** Media types that currently have an index for the queue (for observation groups). */
  mediaTypesOf(queueId: string): SimMediaType[] {
    const out = new Set<SimMediaType>()
    for (const m of this.waiting.get(queueId)?.keys() ?? []) out.add(m)
    for (const m of this.interacting.get(queueId)?.keys() ?? []) out.add(m)
    return [...out]
  }
}

/** Size of one media's set, or of all of them when `media` is unset. */
function countIn(byMedia: ReadonlyMap<SimMediaType, { readonly size: number }> | undefined, media?: SimMediaType): number {
  if (!byMedia) return 0
  if (media) return byMedia.get(media)?.size ?? 0
  let n = 0
  for (const x of byMedia.values()) n += x.size
  return n
}
