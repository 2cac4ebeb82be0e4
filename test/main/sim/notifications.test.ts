import platformClient from 'purecloud-platform-client-v2'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { DemoOrg } from '../../../src-main/sim/server'
import { FrameRecorder, loggedIn, rejection, sdkClient, startQuietOrg, type ApiClient } from './sim-harness'

/** HEAD has no body, so the SDK rejects with `undefined`; extended responses carry the status. */
async function headStatus(demo: DemoOrg, client: ApiClient, channelId: string): Promise<number> {
  const c = sdkClient(demo)
  c.setAccessToken((client as unknown as { authData: { accessToken: string } }).authData.accessToken)
  c.setReturnExtendedResponses(true)
  try {
    return ((await new platformClient.NotificationsApi(c).headNotificationsChannel(channelId)) as unknown as { status: number })
      .status
  } catch (e: unknown) {
    return (e as { status: number }).status
  }
}

describe('demo org notifications', () => {
  let demo: DemoOrg
  let client: ApiClient
  let notifications: InstanceType<typeof platformClient.NotificationsApi>
  const sockets: FrameRecorder[] = []
  beforeAll(async () => {
    demo = await startQuietOrg({ rateLimitPerMinute: 10_000, heartbeatMs: 40 })
    client = await loggedIn(demo)
    notifications = new platformClient.NotificationsApi(client)
  })
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close()
  })
  afterAll(() => demo.close())

  const open = async (uri: string): Promise<FrameRecorder> => {
    const s = await FrameRecorder.open(uri)
    sockets.push(s)
    return s
  }

  it('creates, lists and checks channels', async () => {
    const ch = await notifications.postNotificationsChannels()
    expect(ch.connectUri).toBe(`ws://127.0.0.1:${demo.port}/channels/${ch.id}`)
    expect(Date.parse(ch.expires!) - Date.now()).toBeGreaterThan(23.9 * 3600_000)
    const list = await notifications.getNotificationsChannels()
    expect(list.entities?.map((c) => c.id)).toContain(ch.id)
    await notifications.headNotificationsChannel(ch.id!)
    expect(await headStatus(demo, client, 'streaming-0-nope')).toBe(404)
    // Another token of the same client sees it only with includechannels=oauthclient.
    const other = new platformClient.NotificationsApi(await loggedIn(demo))
    expect((await other.getNotificationsChannels()).entities?.map((c) => c.id)).not.toContain(ch.id)
    expect((await other.getNotificationsChannels({ includechannels: 'oauthclient' })).entities?.map((c) => c.id)).toContain(ch.id)
  })

  it('replaces, adds, lists and clears subscriptions', async () => {
    const ch = await notifications.postNotificationsChannels()
    const q = demo.seed.targetQueueId
    const put = await notifications.putNotificationsChannelSubscriptions(ch.id!, [
      { id: `v2.routing.queues.${q}.conversations.callbacks` }
    ])
    expect(put.entities?.map((t) => t.id)).toEqual([`v2.routing.queues.${q}.conversations.callbacks`])
    await notifications.postNotificationsChannelSubscriptions(ch.id!, [{ id: `v2.analytics.queues.${q}.observations` }])
    const got = await notifications.getNotificationsChannelSubscriptions(ch.id!)
    expect(got.entities?.map((t) => t.id).sort()).toEqual([
      `v2.analytics.queues.${q}.observations`,
      `v2.routing.queues.${q}.conversations.callbacks`
    ])
    await notifications.putNotificationsChannelSubscriptions(ch.id!, [{ id: `v2.routing.queues.${q}.conversations` }])
    expect((await notifications.getNotificationsChannelSubscriptions(ch.id!)).entities?.map((t) => t.id)).toEqual([
      `v2.routing.queues.${q}.conversations`
    ])
    await notifications.deleteNotificationsChannelSubscriptions(ch.id!)
    expect((await notifications.getNotificationsChannelSubscriptions(ch.id!)).entities).toEqual([])
    expect((await rejection(notifications.putNotificationsChannelSubscriptions(ch.id!, [{ id: 'v2.bogus.topic' }]))).status).toBe(
      400
    )
    expect((await rejection(notifications.getNotificationsChannelSubscriptions('streaming-0-missing'))).status).toBe(404)
  })

  it('rejects topics without permission, or reports them with ignoreErrors and missingPermissions', async () => {
    const limited = sdkClient(demo)
    limited.setAccessToken(
      demo.issueToken('callback-console-viewer', { permissions: ['routing:queue:view', 'conversation:communication:view'] }).token
    )
    const api = new platformClient.NotificationsApi(limited)
    const ch = await api.postNotificationsChannels()
    const q = demo.seed.targetQueueId
    const topics = [{ id: `v2.routing.queues.${q}.conversations.callbacks` }, { id: `v2.analytics.queues.${q}.observations` }]
    const strict = await rejection(api.putNotificationsChannelSubscriptions(ch.id!, topics))
    expect(strict.status).toBe(403)
    expect(String(strict.message)).toContain('analytics:queueObservation:view')
    expect((await api.getNotificationsChannelSubscriptions(ch.id!)).entities).toEqual([])
    const lenient = await api.putNotificationsChannelSubscriptions(ch.id!, topics, { ignoreErrors: true })
    const rejected = lenient.entities!.find((t) => t.state === 'Rejected')!
    expect(rejected.id).toBe(`v2.analytics.queues.${q}.observations`)
    expect(rejected.missingPermissions).toEqual(['analytics:queueObservation:view'])
    expect(lenient.entities!.find((t) => t.state === 'Permitted')!.id).toBe(topics[0]!.id)
    // A client-credentials token has no user: user-only topics are rejected.
    const userTopic = await notifications.postNotificationsChannelSubscriptions(
      (await notifications.postNotificationsChannels()).id!,
      [{ id: `v2.users.${demo.seed.supervisorUserId}.conversations` }],
      { ignoreErrors: true }
    )
    expect(userTopic.entities![0]!.state).toBe('Rejected')
  })

  it('enforces 1000 topics per channel and 20 channels per user and app', async () => {
    const ch = await notifications.postNotificationsChannels()
    const many = Array.from({ length: 1001 }, (_, i) => ({ id: `v2.routing.queues.q${i}.conversations` }))
    const err = await rejection(notifications.putNotificationsChannelSubscriptions(ch.id!, many))
    expect(err.status).toBe(400)
    await notifications.putNotificationsChannelSubscriptions(ch.id!, many.slice(0, 1000))
    expect((await notifications.getNotificationsChannelSubscriptions(ch.id!)).entities).toHaveLength(1000)

    const fresh = new platformClient.NotificationsApi(await loggedIn(demo, 'callback-console-viewer'))
    const first = await fresh.postNotificationsChannels()
    const live = await open(first.connectUri!)
    const created = [first.id!]
    for (let i = 0; i < 20; i++) created.push((await fresh.postNotificationsChannels()).id!)
    const remaining = (await fresh.getNotificationsChannels()).entities!.map((c) => c.id)
    expect(remaining).toHaveLength(20)
    // The connected channel survives; the oldest idle one was evicted.
    expect(remaining).toContain(first.id)
    expect(remaining).not.toContain(created[1])
    expect(live.closed).toBeUndefined()
  })

  it('streams heartbeats, answers ping with pong, and delivers queue events with the SDK shapes', async () => {
    const q = demo.seed.targetQueueId
    const ch = await notifications.postNotificationsChannels()
    await notifications.putNotificationsChannelSubscriptions(ch.id!, [
      { id: `v2.routing.queues.${q}.conversations.callbacks` },
      { id: `v2.routing.queues.${q}.conversations` },
      { id: `v2.analytics.queues.${q}.observations` }
    ])
    const ws = await open(ch.connectUri!)
    const beat = await ws.next((f) => f.topicName === 'channel.metadata' && f.eventBody.message === 'WebSocket Heartbeat')
    expect(beat.version).toBe('2')
    ws.ws.send(JSON.stringify({ message: 'ping' }))
    await ws.next((f) => f.eventBody.message === 'pong')

    const api = new platformClient.ConversationsApi(client)
    const created = await api.postConversationsCallbacks({
      queueId: q,
      callbackNumbers: ['+15550300'],
      data: { 'cc.state': 'waiting' }
    })
    const cbTopic = `v2.routing.queues.${q}.conversations.callbacks`
    const ev = await ws.next((f) => f.topicName === cbTopic)
    const body = ev.eventBody as { id: string; participants: Array<Record<string, unknown>> }
    expect(body.id).toBe(created.conversation.id)
    expect(body.participants[0]).toMatchObject({
      purpose: 'customer',
      state: 'connected',
      attributes: { 'cc.state': 'waiting' },
      callbackNumbers: ['+15550300']
    })
    expect(body.participants[1]).toMatchObject({ purpose: 'acd', queue: { id: q } })
    expect(ev.metadata?.CorrelationId).toBeTruthy()
    const generic = await ws.next((f) => f.topicName === `v2.routing.queues.${q}.conversations`)
    expect((generic.eventBody.participants as Array<{ callbacks: unknown[]; queueId?: string }>)[1]!.queueId).toBe(q)
    const obs = await ws.next(
      (f) =>
        f.topicName === `v2.analytics.queues.${q}.observations` &&
        (f.eventBody.group as { mediaType?: string }).mediaType === 'callback'
    )
    const metrics = (obs.eventBody.data as Array<{ metrics: Array<{ metric: string; stats: { count: number } }> }>)[0]!.metrics
    expect(metrics.find((m) => m.metric === 'oWaiting')!.stats.count).toBe(demo.org.conversations.countWaiting(q, 'callback'))

    await api.patchConversationsCallback(created.conversation.id!, { state: 'disconnected' } as never)
    const gone = await ws.next(
      (f) =>
        f.topicName === cbTopic && (f.eventBody.participants as Array<{ state: string }>).every((p) => p.state === 'disconnected')
    )
    expect((gone.eventBody.participants as Array<{ disconnectType: string }>)[0]!.disconnectType).toBe('client')
  })

  it('lets a second socket replace the first and refuses unknown channels', async () => {
    const ch = await notifications.postNotificationsChannels()
    const a = await open(ch.connectUri!)
    const b = await open(ch.connectUri!)
    expect((await a.waitClosed()).code).toBe(4000)
    await b.next((f) => f.eventBody.message === 'WebSocket Heartbeat')
    await expect(FrameRecorder.open(`ws://127.0.0.1:${demo.port}/channels/streaming-0-unknown`)).rejects.toThrow(/404/)
  })
})

describe('demo org channel expiry', () => {
  it('closes the socket and forgets the channel when it expires', async () => {
    const demo = await startQuietOrg({ channelTtlMs: 150 })
    try {
      const api = new platformClient.NotificationsApi(await loggedIn(demo))
      const ch = await api.postNotificationsChannels()
      const ws = await FrameRecorder.open(ch.connectUri!)
      const closed = await ws.waitClosed()
      expect(closed.reason).toBe('Channel expired')
      expect(await headStatus(demo, (api as unknown as { apiClient: ApiClient }).apiClient, ch.id!)).toBe(404)
    } finally {
      await demo.close()
    }
  })
})
