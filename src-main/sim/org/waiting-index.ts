/**
 * The conversations waiting in one queue for one media type, in routing order. Genesys scores a waiting
 * interaction as `enqueue time − priority × 60 000 ms` (lowest first); the score only changes when the priority
 * does, so a lazy-deletion heap gives O(log n) add/remove/next even with 10,000 waiting callbacks.
 */
import type { SimConversation } from './conversation-types'
import { heapPop, heapPush } from '../model/event-heap'

/** A heap entry ordered by (score, seq); stale once the conversation left or was re-scored (seq moved on). */
interface HeapEntry {
  /** The routing score. */
  readonly t: number
  readonly seq: number
  readonly id: string
}

/** Per-queue, per-media waiting set with O(1) count and O(log n) "who is next". */
export class WaitingIndex {
  private readonly live = new Map<string, { conv: SimConversation; score: number; seq: number }>()
  private heap: HeapEntry[] = []
  private seq = 0

  get size(): number {
    return this.live.size
  }

  has(id: string): boolean {
    return this.live.has(id)
  }

  /** Adds or re-scores a conversation. */
  upsert(conv: SimConversation, score: number): void {
    const entry = { conv, score, seq: this.seq++ }
    this.live.set(conv.id, entry)
    heapPush(this.heap, { t: score, seq: entry.seq, id: conv.id })
    // Keep stale entries from piling up when the same conversations are re-scored repeatedly.
    if (this.heap.length > 64 && this.heap.length > 4 * this.live.size) this.rebuild()
  }

  remove(id: string): boolean {
    return this.live.delete(id)
  }

  /** The conversation an idle agent would get next, without removing it. */
  peek(): SimConversation | undefined {
    for (;;) {
      const top = this.heap[0]
      if (!top) return undefined
      const e = this.live.get(top.id)
      if (e && e.seq === top.seq) return e.conv
      heapPop(this.heap)
    }
  }

  /** Insertion-ordered iteration (cheap; not routing order). */
  values(): IterableIterator<SimConversation> {
    const it = this.live.values()
    return (function* () {
      for (const e of it) yield e.conv
    })()
  }

  /** Routing order snapshot (sorts; for queries, not per event). */
  ordered(): SimConversation[] {
    return [...this.live.values()].sort((a, b) => a.score - b.score || a.seq - b.seq).map((e) => e.conv)
  }

  /** 1-based position in routing order, or undefined when not waiting here (O(n); for EWT queries). */
  positionOf(id: string): number | undefined {
    const me = this.live.get(id)
    if (!me) return undefined
    let pos = 1
    for (const e of this.live.values()) {
      if (e.score < me.score || (e.score === me.score && e.seq < me.seq)) pos++
    }
    return pos
  }

  private rebuild(): void {
    this.heap = []
    for (const [id, e] of this.live) heapPush(this.heap, { t: e.score, seq: e.seq, id })
  }
}
