import platformClient from 'purecloud-platform-client-v2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DemoOrg } from '../../../src-main/sim/server'
import { loggedIn, rejection, startQuietOrg } from './sim-harness'

describe('demo org analytics queries', () => {
  let demo: DemoOrg
  let analytics: InstanceType<typeof platformClient.AnalyticsApi>
  let conversations: InstanceType<typeof platformClient.ConversationsApi>
  let holdingId: string
  const ids: string[] = []
  beforeAll(async () => {
    demo = await startQuietOrg({ rateLimitPerMinute: 10_000 })
    const client = await loggedIn(demo)
    analytics = new platformClient.AnalyticsApi(client)
    conversations = new platformClient.ConversationsApi(client)
    holdingId = demo.org.routing.createQueue({ name: 'Waiting callbacks' }).id
    for (let i = 0; i < 5; i++) {
      ids.push(
        (
          await conversations.postConversationsCallbacks({
            queueId: holdingId,
            callbackNumbers: [`+1555020${i}`],
            callbackUserName: `Caller ${i}`
          })
        ).conversation.id!
      )
    }
    await conversations.patchConversationsCallback(ids[4]!, { state: 'disconnected' } as never)
    // A call answered by an agent in the target queue.
    const call = demo.org.conversations.createInboundCall({
      ani: '+15550999',
      dnis: '+18005550000',
      queueId: demo.seed.targetQueueId
    })
    demo.org.conversations.assignAgent(call.id, demo.seed.agentUserIds[0]!)
  })
  afterAll(() => demo.close())

  it('answers the blueprint "Get callbacks waiting" query ($.results[0].data[0].stats.count)', async () => {
    const res = await analytics.postAnalyticsQueuesObservationsQuery({
      filter: {
        type: 'and',
        predicates: [
          { type: 'dimension', dimension: 'mediaType', operator: 'matches', value: 'callback' },
          { type: 'dimension', dimension: 'queueId', operator: 'matches', value: holdingId }
        ]
      },
      metrics: ['oWaiting']
    })
    expect(res.results?.[0]?.group).toEqual({ queueId: holdingId, mediaType: 'callback' })
    expect(res.results?.[0]?.data?.[0]?.stats?.count).toBe(4)
  })

  it('lists waiting conversations as detail observations, oldest first', async () => {
    const res = await analytics.postAnalyticsQueuesObservationsQuery({
      filter: {
        type: 'or',
        predicates: [
          { dimension: 'queueId', value: holdingId },
          { dimension: 'queueId', value: demo.seed.targetQueueId }
        ]
      },
      metrics: ['oWaiting', 'oInteracting', 'oOnQueueUsers', 'oMemberUsers'],
      detailMetrics: ['oWaiting']
    })
    const holding = res.results!.find((r) => r.group!.queueId === holdingId)!
    const waiting = holding.data!.find((d) => d.metric === 'oWaiting')!
    expect(waiting.observations?.map((o) => o.conversationId)).toEqual(ids.slice(0, 4))
    expect(waiting.observations?.[0]?.participantName).toBe('Caller 0')
    const target = res.results!.find((r) => r.group!.queueId === demo.seed.targetQueueId)!
    expect(target.data!.find((d) => d.metric === 'oInteracting')!.stats!.count).toBe(1)
    expect(target.data!.find((d) => d.metric === 'oMemberUsers')!.stats!.count).toBe(12)
    expect(target.data!.filter((d) => d.metric === 'oOnQueueUsers').reduce((n, d) => n + d.stats!.count!, 0)).toBe(12)

    expect(
      (
        await rejection(
          analytics.postAnalyticsQueuesObservationsQuery({
            filter: { type: 'and', predicates: [{ dimension: 'mediaType', value: 'callback' }] },
            metrics: ['oWaiting']
          })
        )
      ).status
    ).toBe(400)
    expect(
      (
        await rejection(
          analytics.postAnalyticsQueuesObservationsQuery({
            filter: { type: 'and', predicates: [{ dimension: 'queueId', value: holdingId }] },
            metrics: ['oBogus']
          })
        )
      ).status
    ).toBe(400)
    expect(
      (
        await rejection(
          analytics.postAnalyticsQueuesObservationsQuery({
            filter: { type: 'xor', predicates: [] },
            metrics: ['oWaiting']
          } as never)
        )
      ).status
    ).toBe(400)
  })

  it('answers the conversation activity query with entities and paging', async () => {
    const body = {
      metrics: [{ metric: 'oWaiting', details: true }],
      groupBy: ['queueId'],
      filter: {
        type: 'and',
        predicates: [
          { dimension: 'queueId', value: holdingId },
          { dimension: 'mediaType', value: 'callback' }
        ]
      }
    }
    const page1 = await analytics.postAnalyticsConversationsActivityQuery(body, { pageSize: 3, pageNumber: 1 })
    const r = page1.results![0]!
    expect(r.group).toEqual({ queueId: holdingId })
    expect(r.data![0]).toMatchObject({ metric: 'oWaiting', count: 4 })
    expect(r.entities!.map((e) => e.conversationId)).toEqual(ids.slice(0, 3))
    expect(r.truncated).toBe(true)
    const page2 = await analytics.postAnalyticsConversationsActivityQuery(body, { pageSize: 3, pageNumber: 2 })
    expect(page2.results![0]!.entities!.map((e) => e.conversationId)).toEqual([ids[3]])
    expect(page1.entityIdDimension).toBe('conversationId')
    expect(
      (await rejection(analytics.postAnalyticsConversationsActivityQuery({ metrics: [{ metric: 'nope' }], groupBy: [] }))).status
    ).toBe(400)
  })

  it('answers the details query ("still in queue" pattern) with paging and totalHits', async () => {
    const now = Date.now()
    const interval = `${new Date(now - 3_600_000).toISOString()}/${new Date(now + 60_000).toISOString()}`
    const query = {
      interval,
      order: 'asc',
      conversationFilters: [{ type: 'and', predicates: [{ dimension: 'conversationEnd', operator: 'notExists' }] }],
      segmentFilters: [
        {
          type: 'and',
          predicates: [
            { dimension: 'segmentType', value: 'interact' },
            { dimension: 'queueId', value: holdingId },
            { dimension: 'segmentEnd', operator: 'notExists' },
            { dimension: 'mediaType', value: 'callback' }
          ]
        }
      ],
      paging: { pageSize: 2, pageNumber: 2 }
    }
    const res = await analytics.postAnalyticsConversationsDetailsQuery(query as never)
    expect(res.totalHits).toBe(4)
    expect(res.conversations?.map((c) => c.conversationId)).toEqual(ids.slice(2, 4))
    const acd = res.conversations![0]!.participants!.find((p) => p.purpose === 'acd')!
    expect(acd.sessions![0]!.segments![0]!.queueId).toBe(holdingId)
    expect(acd.sessions![0]!.callbackNumbers).toEqual(['+15550202'])

    const ended = await analytics.postAnalyticsConversationsDetailsQuery({
      interval,
      conversationFilters: [{ type: 'and', predicates: [{ dimension: 'conversationEnd', operator: 'exists' }] }]
    } as never)
    expect(ended.conversations?.map((c) => c.conversationId)).toEqual([ids[4]])
    expect((await rejection(analytics.postAnalyticsConversationsDetailsQuery({ interval: 'yesterday' } as never))).status).toBe(
      400
    )
    expect(
      (await rejection(analytics.postAnalyticsConversationsDetailsQuery({ interval, paging: { pageSize: 1000, pageNumber: 1 } })))
        .status
    ).toBe(400)
  })
})
