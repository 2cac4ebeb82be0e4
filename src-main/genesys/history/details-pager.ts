/**
 * Pages `POST /api/v2/analytics/conversations/details/query` through a set of chunks. Pages are read until
 * one comes back short (never trusting `totalHits`, which moves while data arrives); a chunk whose first page
 * reports more hits than `maxPages` pages hold is halved first; conversations are deduplicated by id across
 * pages and chunks (a conversation overlapping two chunks is returned by both), the last read winning.
 */
import type platformClient from 'purecloud-platform-client-v2'
import { parseHistoryConversations, type HistoryConversation } from '../../core/history/analytics-schema'
import { detailsQueryBody, splitChunk, type QueryChunk, type SegmentFilter } from '../../core/history/query-plan'
import type { ApiResult, Gateway } from '../gateway-types'

/** The details API's largest page. */
export const MAX_PAGE_SIZE = 100
/** Pages one chunk may take before it is split. */
export const MAX_PAGES_PER_CHUNK = 50

/** What a listing found. */
export interface Listing {
  readonly conversations: Map<string, HistoryConversation>
  /** Conversations with a shape that could not be read. */
  rejected: number
  pages: number
}

/** Tuning and hooks of one listing. */
export interface ListOptions {
  readonly signal?: AbortSignal
  readonly pageSize?: number
  readonly maxPages?: number
  /** Human words for errors ("read the callback history"). */
  readonly label: string
  /** Called after every page with the chunks finished so far and their total (which grows when one splits). */
  readonly onPage?: (done: number, total: number, listing: Listing) => void
}

const ENDPOINT = 'POST /api/v2/analytics/conversations/details/query'

/** A new, empty listing (several listings can share one to deduplicate across them). */
export function emptyListing(): Listing {
  return { conversations: new Map(), rejected: 0, pages: 0 }
}

/** Reads every page of every chunk into `into`; the first failure (or a cancel) ends the listing. */
export async function listByQuery(
  gateway: Gateway,
  filters: readonly SegmentFilter[],
  chunks: readonly QueryChunk[],
  options: ListOptions,
  into: Listing = emptyListing()
): Promise<ApiResult<Listing>> {
  const pageSize = Math.min(options.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE)
  const maxPages = options.maxPages ?? MAX_PAGES_PER_CHUNK
  const queue = [...chunks]
  let done = 0
  while (queue.length > 0) {
    const chunk = queue.shift()!
    for (let pageNumber = 1; ; pageNumber++) {
      const body = detailsQueryBody(filters, chunk, pageNumber, pageSize) as platformClient.Models.ConversationQuery
      const page = await gateway.call(ENDPOINT, (a) => a.analytics.postAnalyticsConversationsDetailsQuery(body), {
        idempotent: true,
        label: options.label,
        ...(options.signal ? { signal: options.signal } : {})
      })
      if (!page.ok) return page
      const halves = pageNumber === 1 && (page.value.totalHits ?? 0) > maxPages * pageSize ? splitChunk(chunk) : null
      if (halves) {
        queue.unshift(...halves)
        break
      }
      const parsed = parseHistoryConversations(page.value.conversations)
      for (const conv of parsed.conversations) into.conversations.set(conv.conversationId, conv)
      into.rejected += parsed.rejected
      into.pages++
      const raw = Array.isArray(page.value.conversations) ? page.value.conversations.length : 0
      if (raw < pageSize) {
        done++
        options.onPage?.(done, done + queue.length, into)
        break
      }
      options.onPage?.(done, done + queue.length + 1, into)
    }
  }
  return { ok: true, value: into }
}
