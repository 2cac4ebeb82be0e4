/**
 * The History service against the demo org's own seeded day of history (full demo org, live traffic running),
 * checked against what the org holds as read independently through the SDK: every placeholder of the day, its
 * `cc.*` attributes, and the campaign calls' agent legs.
 */
import platformClient from 'purecloud-platform-client-v2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CC } from '../../../src-main/core/lifecycle-model'
import { HistoryService } from '../../../src-main/genesys/history/history-service'
import type { GenesysSession } from '../../../src-main/genesys/session/session'
import { SOLUTION_NAMES } from '../../../src-main/sim/domains/solution/seed-solution'
import { startDemoOrg, type DemoOrg } from '../../../src-main/sim/server'
import { ADMIN_CLIENT, DEMO_SECRET, demoTarget, newSession } from '../genesys/helpers/demo'

type ApiClient = typeof platformClient.ApiClient
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone
const localDay = (ms: number): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms)

describe('History on the demo org’s seeded day', () => {
  let demo: DemoOrg
  let session: GenesysSession
  let sdk: ApiClient
  let holdingQueueId: string
  let campaignId: string
  let yesterday: string

  beforeAll(async () => {
    demo = await startDemoOrg({ seed: 11, log: () => undefined })
    await (demo.org as unknown as { traffic: { history: Promise<unknown> } }).traffic.history
    const Ctor = (platformClient as unknown as { ApiClientClass: new () => ApiClient }).ApiClientClass
    sdk = new Ctor()
    sdk.config.live_reload_config = false
    sdk.setGateway({ host: '127.0.0.1', protocol: 'http', port: demo.port })
    await sdk.loginClientCredentialsGrant(ADMIN_CLIENT, DEMO_SECRET)
    holdingQueueId = (await new platformClient.RoutingApi(sdk).getRoutingQueues({ name: SOLUTION_NAMES.holdingQueue }))
      .entities![0]!.id!
    campaignId = (await new platformClient.OutboundApi(sdk).getOutboundCampaigns({ name: SOLUTION_NAMES.campaign })).entities![0]!
      .id!
    yesterday = localDay(demo.org.clock.now() - 86_400_000)
    session = newSession()
    const signedIn = await session.signInWithClientCredentials(demoTarget(demo), ADMIN_CLIENT, DEMO_SECRET)
    if (!signedIn.ok) throw new Error(signedIn.error.message)
  })
  afterAll(async () => {
    session?.dispose()
    await demo?.close()
  })

  /** Yesterday's placeholders and their attributes, read by the test itself through the SDK. */
  async function orgDay(): Promise<{ id: string; attributes: Record<string, string> }[]> {
    const analytics = new platformClient.AnalyticsApi(sdk)
    const start = Date.parse(`${yesterday}T00:00:00Z`) - 14 * 3_600_000
    const res = await analytics.postAnalyticsConversationsDetailsQuery({
      interval: `${new Date(start).toISOString()}/${new Date(start + 52 * 3_600_000).toISOString()}`,
      segmentFilters: [
        {
          type: 'and',
          predicates: [
            { dimension: 'queueId', value: holdingQueueId },
            { dimension: 'mediaType', value: 'callback' }
          ]
        }
      ],
      paging: { pageSize: 100, pageNumber: 1 }
    })
    const mine = (res.conversations ?? []).filter((c) => localDay(Date.parse(c.conversationStart!)) === yesterday)
    const conversations = new platformClient.ConversationsApi(sdk)
    return Promise.all(
      mine.map(async (c) => {
        const full = await conversations.getConversation(c.conversationId!)
        const attributes = Object.assign({}, ...full.participants.map((p) => p.attributes ?? {})) as Record<string, string>
        return { id: c.conversationId!, attributes }
      })
    )
  }

  it('reports exactly the placeholders, outcomes and promises the org holds', async () => {
    const service = new HistoryService({
      gateway: session.gateway,
      target: () => ({ holdingQueueId, campaignId }),
      auditUnmaskedExport: async () => undefined,
      clock: () => demo.org.clock.now()
    })
    const r = await service.run({ runId: 'seeded', range: { from: yesterday, to: yesterday, timeZone } })
    if (!r.ok) throw new Error(r.error.message)
    const org = await orgDay()
    expect(org.length).toBeGreaterThan(5)
    expect(r.value.totals.requested).toBe(org.length)
    const stateOf = new Map(org.map((c) => [c.id, c.attributes[CC.state]]))
    for (const row of r.value.outcomes.table.rows)
      expect(String(row.cells[3]).toLowerCase()).toBe(stateOf.get(row.conversationId!))
    for (const state of ['connected', 'declined', 'unreached', 'cancelled'] as const)
      expect(r.value.totals[state]).toBe(org.filter((c) => c.attributes[CC.state] === state).length)
    const cancelledBy = r.value.outcomes.table.rows.filter((row) => row.cells[3] === 'Cancelled').map((row) => row.cells[5])
    expect(cancelledBy.every((by) => by === 'Dana Supervisor')).toBe(true)
    // Every connected callback with a promise is measured, from the agent's own answer on the campaign call.
    const connected = org.filter((c) => c.attributes[CC.state] === 'connected' && c.attributes[CC.promisedWaitSeconds])
    expect(r.value.punctuality.measured).toBe(connected.length)
    expect(r.value.punctuality.table.rows.every((row) => row.cells[6] === 'Agent answered')).toBe(true)
    const bins = r.value.punctuality.bins.reduce((n, b) => n + b.count, 0)
    expect(bins).toBe(connected.length)
    expect(r.value.notes.filter((n) => /could not be read|unreadable/.test(n))).toEqual([])
  })
})
