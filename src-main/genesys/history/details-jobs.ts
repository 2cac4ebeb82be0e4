/**
 * The async details jobs (`/api/v2/analytics/conversations/details/jobs`): the bulk way to read days the
 * analytics data lake already holds, and the only analytics read that returns participant attributes. One job
 * per chunk: submit, poll until fulfilled, then read the results by cursor. A cancelled run deletes its job.
 * When the org does not offer jobs (or the data lake's availability cannot be read) History uses the query.
 */
import type platformClient from 'purecloud-platform-client-v2'
import { parseHistoryConversations } from '../../core/history/analytics-schema'
import { detailsJobBody, type QueryChunk, type SegmentFilter } from '../../core/history/query-plan'
import type { ApiResult, Gateway } from '../gateway-types'
import { sleep, type Timers } from '../timers'
import type { Listing } from './details-pager'

/** Results page size of a job (the API allows up to 1000). */
export const JOB_PAGE_SIZE = 1000
/** Longest a job may stay queued or running before History gives up on it. */
export const JOB_MAX_WAIT_MS = 10 * 60_000
const POLL_DELAYS_MS = [1_000, 2_000, 3_000, 5_000]

/** Dependencies of the job reader. */
export interface JobOptions {
  readonly signal?: AbortSignal
  readonly timers: Timers
  readonly clock: () => number
  readonly label: string
  /** Called while waiting for a job and after each results page. */
  readonly onTick?: () => void
}

const opts = (o: JobOptions, idempotent: boolean) => ({ idempotent, label: o.label, ...(o.signal ? { signal: o.signal } : {}) })

/** The data lake's `dataAvailabilityDate` as epoch ms, or null when the org cannot tell us (no jobs then). */
export async function readAvailability(gateway: Gateway, o: JobOptions): Promise<number | null> {
  const r = await gateway.call(
    'GET /api/v2/analytics/conversations/details/jobs/availability',
    (a) => a.analytics.getAnalyticsConversationsDetailsJobsAvailability(),
    opts(o, true)
  )
  if (!r.ok) return null
  const ms = Date.parse(r.value.dataAvailabilityDate ?? '')
  return Number.isNaN(ms) ? null : ms
}

async function waitForJob(gateway: Gateway, jobId: string, o: JobOptions): Promise<ApiResult<void>> {
  const deadline = o.clock() + JOB_MAX_WAIT_MS
  for (let i = 0; ; i++) {
    const status = await gateway.call(
      'GET /api/v2/analytics/conversations/details/jobs/{jobId}',
      (a) => a.analytics.getAnalyticsConversationsDetailsJob(jobId),
      opts(o, true)
    )
    if (!status.ok) return status
    const state = status.value.state ?? ''
    if (state === 'FULFILLED') return { ok: true, value: undefined }
    if (state === 'FAILED' || state === 'CANCELLED' || state === 'EXPIRED')
      return {
        ok: false,
        error: {
          code: 'server',
          message: `The analytics job ended ${state.toLowerCase()}. ${status.value.errorMessage ?? ''}`.trim()
        }
      }
    if (o.clock() >= deadline)
      return { ok: false, error: { code: 'server', message: 'The analytics job took too long. Try a shorter range.' } }
    o.onTick?.()
    try {
      await sleep(o.timers, POLL_DELAYS_MS[Math.min(i, POLL_DELAYS_MS.length - 1)]!, o.signal)
    } catch {
      return { ok: false, error: { code: 'cancelled', message: `${o.label} was cancelled.` } }
    }
  }
}

async function readResults(gateway: Gateway, jobId: string, into: Listing, o: JobOptions): Promise<ApiResult<Listing>> {
  let cursor: string | undefined
  do {
    const page = await gateway.call(
      'GET /api/v2/analytics/conversations/details/jobs/{jobId}/results',
      (a) =>
        a.analytics.getAnalyticsConversationsDetailsJobResults(jobId, { pageSize: JOB_PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
      opts(o, true)
    )
    if (!page.ok) return page
    const parsed = parseHistoryConversations(page.value.conversations)
    for (const conv of parsed.conversations) into.conversations.set(conv.conversationId, conv)
    into.rejected += parsed.rejected
    into.pages++
    o.onTick?.()
    cursor = page.value.cursor || undefined
  } while (cursor)
  return { ok: true, value: into }
}

/** Reads one chunk through a job into `into` (conversations come with their participants' attributes). */
export async function listByJob(
  gateway: Gateway,
  filters: readonly SegmentFilter[],
  chunk: QueryChunk,
  into: Listing,
  o: JobOptions
): Promise<ApiResult<Listing>> {
  const body = detailsJobBody(filters, chunk) as platformClient.Models.AsyncConversationQuery
  const submitted = await gateway.call(
    'POST /api/v2/analytics/conversations/details/jobs',
    (a) => a.analytics.postAnalyticsConversationsDetailsJobs(body),
    opts(o, false)
  )
  if (!submitted.ok) return submitted
  const jobId = submitted.value.jobId
  if (!jobId) return { ok: false, error: { code: 'server', message: 'Genesys Cloud did not start the analytics job.' } }
  const waited = await waitForJob(gateway, jobId, o)
  const result = waited.ok ? await readResults(gateway, jobId, into, o) : waited
  if (!result.ok && result.error.code === 'cancelled') {
    // Best effort, outside the cancelled signal: tell Genesys Cloud we no longer need the job.
    void gateway.call('DELETE /api/v2/analytics/conversations/details/jobs/{jobId}', (a) =>
      a.analytics.deleteAnalyticsConversationsDetailsJob(jobId)
    )
  }
  return result
}
