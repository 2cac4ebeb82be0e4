/**
 * The async-jobs path, which the demo org does not offer yet: a hand-written fake of the analytics and
 * conversations APIs (SDK-typed payloads) behind a minimal Gateway.
 */
import type platformClient from 'purecloud-platform-client-v2'
import { describe, expect, it } from 'vitest'
import { buildHistoryReport } from '../../../src-main/core/history/history-report'
import type { ApiResult, CallOptions, Gateway, PlatformApis } from '../../../src-main/genesys/gateway-types'
import { HistoryService } from '../../../src-main/genesys/history/history-service'
import type { Timers, TimerHandle } from '../../../src-main/genesys/timers'
import { daySource, dayCampaignCalls, dayConversations } from './day-fixture'
import { CAMPAIGN, HOLDING, at, type Conv } from './fixtures'

const soon: Timers = {
  setTimeout: (fn) => setTimeout(fn, 0) as unknown as TimerHandle,
  clearTimeout: (h) => clearTimeout(h as unknown as ReturnType<typeof setTimeout>)
}

type JobState = 'FULFILLED' | 'FAILED' | 'PENDING'

/** Fake org: conversations answered by start time within the interval; jobs with attributes, queries without. */
class FakeOrg implements Gateway {
  readonly calls: string[] = []
  readonly deleted: string[] = []
  private readonly jobs = new Map<string, { interval: string; campaign: boolean; polls: number }>()
  /** Called on every poll of a job's status (a test cancels from here). */
  onPoll: (polls: number) => void = () => undefined
  constructor(
    private readonly availability: string,
    private readonly jobState: JobState = 'FULFILLED'
  ) {}

  private readonly placeholders = dayConversations()
  private readonly campaignCalls = dayCampaignCalls()

  private matching(interval: string, campaign: boolean): Conv[] {
    const [a, b] = interval.split('/').map((s) => Date.parse(s)) as [number, number]
    return (campaign ? this.campaignCalls : this.placeholders).filter((c) => {
      const start = Date.parse(c.conversationStart!)
      return start >= a && start < b
    })
  }

  private readonly apis = {
    analytics: {
      getAnalyticsConversationsDetailsJobsAvailability: async () => ({ dataAvailabilityDate: this.availability }),
      postAnalyticsConversationsDetailsJobs: async (body: platformClient.Models.AsyncConversationQuery) => {
        const jobId = `job-${this.jobs.size + 1}`
        const campaign = JSON.stringify(body.segmentFilters).includes('outboundCampaignId')
        this.jobs.set(jobId, { interval: body.interval, campaign, polls: 0 })
        return { jobId }
      },
      getAnalyticsConversationsDetailsJob: async (jobId: string) => {
        const job = this.jobs.get(jobId)!
        this.onPoll(job.polls + 1)
        return { state: job.polls++ === 0 ? 'QUEUED' : this.jobState }
      },
      getAnalyticsConversationsDetailsJobResults: async (jobId: string, opts: { cursor?: string }) => {
        const job = this.jobs.get(jobId)!
        const all = this.matching(job.interval, job.campaign)
        const half = Math.ceil(all.length / 2)
        return opts.cursor === 'second'
          ? { conversations: all.slice(half) }
          : { conversations: all.slice(0, half), cursor: 'second' }
      },
      deleteAnalyticsConversationsDetailsJob: async (jobId: string) => void this.deleted.push(jobId),
      postAnalyticsConversationsDetailsQuery: async (body: platformClient.Models.ConversationQuery) => {
        const campaign = JSON.stringify(body.segmentFilters).includes(`"${CAMPAIGN}"`)
        expect(JSON.stringify(body.segmentFilters)).toContain(campaign ? CAMPAIGN : HOLDING)
        const all = this.matching(body.interval, campaign).map((c) => ({
          ...c,
          participants: c.participants!.map(({ attributes: _drop, ...p }) => p)
        }))
        const { pageSize, pageNumber } = body.paging!
        return { conversations: all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize), totalHits: all.length }
      }
    },
    conversations: {
      getConversation: async (id: string): Promise<platformClient.Models.Conversation> => {
        const c = this.placeholders.find((p) => p.conversationId === id)!
        const session = c.participants![1]!.sessions![0]!
        return {
          id,
          startTime: c.conversationStart!,
          ...(c.conversationEnd ? { endTime: c.conversationEnd } : {}),
          participants: [
            { id: `${id}-cust`, purpose: 'customer', attributes: c.participants![0]!.attributes ?? {} },
            {
              id: `${id}-acd`,
              purpose: 'acd',
              queueId: HOLDING,
              callbacks: [{ state: c.conversationEnd ? 'disconnected' : 'scheduled', callbackNumbers: session.callbackNumbers }]
            }
          ]
        }
      }
    }
  } as unknown as PlatformApis

  async call<T>(endpoint: string, run: (apis: PlatformApis) => Promise<T>, options: CallOptions = {}): Promise<ApiResult<T>> {
    this.calls.push(endpoint)
    if (options.signal?.aborted) return { ok: false, error: { code: 'cancelled', message: 'cancelled' } }
    return { ok: true, value: await run(this.apis) }
  }

  callCounts(): ReadonlyMap<string, number> {
    const counts = new Map<string, number>()
    for (const c of this.calls) counts.set(c, (counts.get(c) ?? 0) + 1)
    return counts
  }
}

const NOW = at('12:00', '2026-03-11')
const run = (org: FakeOrg, onProgress?: Parameters<HistoryService['run']>[1]) => {
  const service = new HistoryService({
    gateway: org,
    target: () => ({ holdingQueueId: HOLDING, campaignId: CAMPAIGN }),
    auditUnmaskedExport: async () => undefined,
    clock: () => NOW,
    timers: soon,
    pageSize: 3
  })
  return {
    service,
    result: service.run({ runId: 'j1', range: { from: '2026-03-10', to: '2026-03-10', timeZone: 'Europe/London' } }, onProgress)
  }
}
const expected = buildHistoryReport(daySource({ runId: 'j1', generatedAtMs: NOW }))

describe('HistoryService with analytics jobs', () => {
  it('reads the data lake part with jobs (attributes included) and reads attributes only for the rest', async () => {
    const org = new FakeOrg('2026-03-10T10:30:00.000Z')
    const r = await run(org).result
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value).toEqual(expected)
    const counts = org.callCounts()
    expect(counts.get('POST /api/v2/analytics/conversations/details/jobs')).toBe(2) // callbacks + campaign calls
    expect(counts.get('GET /api/v2/analytics/conversations/details/jobs/{jobId}/results')).toBe(4)
    // c09, c10, c11 and c13 were requested after 10:30: the only ones read one by one.
    expect(counts.get('GET /api/v2/conversations/{conversationId}')).toBe(4)
  })

  it('falls back to the query when a job fails', async () => {
    const org = new FakeOrg('2026-03-10T10:30:00.000Z', 'FAILED')
    const r = await run(org).result
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value).toEqual(expected)
    expect(org.callCounts().get('GET /api/v2/conversations/{conversationId}')).toBe(12)
  })

  it('deletes its job when cancelled while waiting for it', async () => {
    const org = new FakeOrg('2026-03-10T23:00:00.000Z', 'PENDING')
    const { service, result } = run(org)
    org.onPoll = (polls) => {
      if (polls === 3) service.cancel('j1')
    }
    expect((await result).ok ? 'ok' : 'cancelled').toBe('cancelled')
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(org.deleted).toEqual(['job-1'])
    expect(org.calls).not.toContain('GET /api/v2/analytics/conversations/details/jobs/{jobId}/results')
  })
})
