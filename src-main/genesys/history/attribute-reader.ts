/**
 * Reads the `cc.*` lifecycle attributes of callbacks the synchronous details query listed (that query returns
 * conversations "without attributes"): one `GET /api/v2/conversations/{id}` each, a few at a time so the board's
 * own calls still get through the shared rate budget. Ended conversations never change, so their attributes
 * are cached for the session and a second report of the same day costs no reads.
 */
import { readCallbackConversation } from '../../core/board/read-conversation'
import type { Enrichment } from '../../core/history/history-record'
import type { ApiResult, Gateway } from '../gateway-types'

/** Reads in flight at once. */
export const ATTRIBUTE_CONCURRENCY = 4
/** Ended conversations remembered per session. */
export const ATTRIBUTE_CACHE_LIMIT = 20_000

/** What a batch of reads found: enrichments by id, and ids that could not be read (their outcome is inferred). */
export interface AttributeReads {
  readonly enrichments: Map<string, Enrichment>
  readonly unread: string[]
}

export interface ReadOptions {
  readonly signal?: AbortSignal
  readonly concurrency?: number
  readonly onRead?: (done: number, total: number) => void
}

/** Failures that end the whole report rather than one callback's details. */
const FATAL = new Set(['unauthorized', 'forbidden', 'cancelled'])

export class AttributeReader {
  private readonly cache = new Map<string, Enrichment>()

  constructor(private readonly gateway: Gateway) {}

  /** Reads every id (cached ones free); a permission problem, sign-out or cancel fails the batch. */
  async read(ids: readonly string[], options: ReadOptions = {}): Promise<ApiResult<AttributeReads>> {
    const enrichments = new Map<string, Enrichment>()
    const unread: string[] = []
    const todo: string[] = []
    for (const id of ids) {
      const cached = this.cache.get(id)
      if (cached) enrichments.set(id, cached)
      else todo.push(id)
    }
    let done = ids.length - todo.length
    let fatal: ApiResult<AttributeReads> | null = null
    options.onRead?.(done, ids.length)
    const worker = async (): Promise<void> => {
      while (todo.length > 0 && fatal === null) {
        const id = todo.shift()!
        const r = await this.gateway.call(
          'GET /api/v2/conversations/{conversationId}',
          (a) => a.conversations.getConversation(id),
          {
            label: 'read a callback’s details',
            ...(options.signal ? { signal: options.signal } : {})
          }
        )
        if (!r.ok && FATAL.has(r.error.code)) fatal = r
        else {
          const read = r.ok ? readCallbackConversation(r.value) : null
          if (read?.ok && read.snapshot) {
            const s = read.snapshot
            const enrichment: Enrichment = { attributes: s.attributes, ended: s.facts.ended, endedAtMs: s.facts.endedAtMs }
            enrichments.set(id, enrichment)
            if (s.facts.ended) this.remember(id, enrichment)
          } else unread.push(id)
        }
        options.onRead?.(++done, ids.length)
      }
    }
    const lanes = Math.max(1, Math.min(options.concurrency ?? ATTRIBUTE_CONCURRENCY, todo.length))
    await Promise.all(Array.from({ length: lanes }, worker))
    return fatal ?? { ok: true, value: { enrichments, unread } }
  }

  /** Forgets everything (sign-out, another org). */
  clear(): void {
    this.cache.clear()
  }

  private remember(id: string, enrichment: Enrichment): void {
    if (this.cache.size >= ATTRIBUTE_CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!)
    this.cache.set(id, enrichment)
  }
}
