import platformClient from 'purecloud-platform-client-v2'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { DemoOrg } from '../../../src-main/sim/server'
import { FrameRecorder, loggedIn, rejection, startQuietOrg, type ApiClient } from './sim-harness'

describe('demo org fault switches', () => {
  let demo: DemoOrg
  let client: ApiClient
  const sockets: FrameRecorder[] = []
  beforeAll(async () => {
    demo = await startQuietOrg({ rateLimitPerMinute: 10_000, adminToken: 'test-admin-token' })
    client = await loggedIn(demo)
  })
  afterEach(() => {
    demo.faults.reset()
    for (const s of sockets.splice(0)) s.close()
  })
  afterAll(() => demo.close())

  /** A channel subscribed to the target queue's callbacks, with a connected socket. */
  async function watch(): Promise<{
    ws: FrameRecorder
    channelId: string
    topic: string
    api: InstanceType<typeof platformClient.NotificationsApi>
  }> {
    const api = new platformClient.NotificationsApi(await loggedIn(demo))
    const ch = await api.postNotificationsChannels()
    const topic = `v2.routing.queues.${demo.seed.targetQueueId}.conversations.callbacks`
    await api.putNotificationsChannelSubscriptions(ch.id!, [{ id: topic }])
    const ws = await FrameRecorder.open(ch.connectUri!)
    sockets.push(ws)
    return { ws, channelId: ch.id!, topic, api }
  }

  const createCallback = () =>
    new platformClient.ConversationsApi(client).postConversationsCallbacks({
      queueId: demo.seed.targetQueueId,
      callbackNumbers: ['+15550400']
    })

  it('is all off by default', () => {
    expect(demo.faults.settings).toEqual({
      rateLimitShare: 0,
      rateLimitRetryAfterSeconds: 1,
      rateLimitClientIds: [],
      serverErrorShare: 0,
      serverErrorBurst: 0,
      latencyMs: 0,
      duplicateEventShare: 0,
      reorderEventShare: 0
    })
  })

  it('drops sockets without a close frame; the channel survives for a reconnect', async () => {
    const { ws, channelId } = await watch()
    expect(demo.faults.dropSockets()).toBeGreaterThanOrEqual(1)
    expect((await ws.waitClosed()).code).toBe(1006)
    const again = await FrameRecorder.open(`ws://127.0.0.1:${demo.port}/channels/${channelId}`)
    sockets.push(again)
    expect(again.ws.readyState).toBe(1)
  })

  it('sends v2.system.socket_closing and closes after the grace period', async () => {
    const { ws, channelId } = await watch()
    demo.faults.sendSocketClosing(50)
    const msg = await ws.next((f) => f.topicName === 'v2.system.socket_closing')
    expect(msg.eventBody).toMatchObject({
      channelId,
      systemTopicType: 'socket_closing',
      organizationId: demo.org.id,
      oauthClientId: 'callback-console-demo'
    })
    expect((await ws.waitClosed()).code).toBe(1001)
  })

  it('expires channels early', async () => {
    const { ws, api, channelId } = await watch()
    expect(demo.faults.expireChannels()).toBeGreaterThanOrEqual(1)
    expect((await ws.waitClosed()).reason).toBe('Channel expired')
    expect((await rejection(api.getNotificationsChannelSubscriptions(channelId))).status).toBe(404)
  })

  it("storm 429s carry a short, configurable Retry-After; the genuine per-token limit keeps its window's reset", async () => {
    const storm = async (): Promise<{ status: number; retryAfter: string | null; body: Record<string, unknown> }> => {
      const res = await fetch(`${demo.baseUrl}/api/v2/routing/queues`, {
        headers: { Authorization: `Bearer ${demo.issueToken('callback-console-demo').token}` }
      })
      return {
        status: res.status,
        retryAfter: res.headers.get('retry-after'),
        body: (await res.json()) as Record<string, unknown>
      }
    }
    const before = demo.faults.injected.rateLimited
    demo.faults.set({ rateLimitShare: 1 })
    expect(await storm()).toMatchObject({ status: 429, retryAfter: '1', body: { code: 'too.many.requests.retry.after' } })
    demo.faults.set({ rateLimitRetryAfterSeconds: 2.2 })
    const two = await storm()
    expect(two.retryAfter).toBe('3')
    expect(two.body.message).toBe('Rate limit exceeded the maximum. Retry the request in [3] seconds')
    expect(demo.faults.set({ rateLimitRetryAfterSeconds: 500 }).rateLimitRetryAfterSeconds).toBe(60)
    expect(demo.faults.injected.rateLimited - before).toBe(2)
    // Scoped to one OAuth client: the others pass.
    demo.faults.set({ rateLimitRetryAfterSeconds: 1, rateLimitClientIds: ['callback-console-desktop'] })
    expect((await storm()).status).toBe(200)
    demo.faults.reset()
    expect(demo.faults.settings.rateLimitRetryAfterSeconds).toBe(1)

    const limited = await startQuietOrg({ rateLimitPerMinute: 2 })
    try {
      const token = limited.issueToken('callback-console-demo').token
      const get = () => fetch(`${limited.baseUrl}/api/v2/routing/queues`, { headers: { Authorization: `Bearer ${token}` } })
      await get()
      await get()
      const over = await get()
      expect(over.status).toBe(429)
      const reset = Number(over.headers.get('inin-ratelimit-reset'))
      expect(reset).toBeGreaterThan(50)
      expect(Number(over.headers.get('retry-after'))).toBe(reset)
    } finally {
      await limited.close()
    }
  })

  it('answers a share of requests with 429 (storm) and bursts of 503', async () => {
    const routing = new platformClient.RoutingApi(client)
    demo.faults.set({ rateLimitShare: 1 })
    const storm = await rejection(routing.getRoutingQueues())
    expect(storm.status).toBe(429)
    demo.faults.set({ rateLimitShare: 0, serverErrorBurst: 2 })
    expect((await rejection(routing.getRoutingQueues())).status).toBe(503)
    expect((await rejection(routing.getRoutingQueues())).status).toBe(503)
    expect((await routing.getRoutingQueues()).total).toBeGreaterThan(0)
    demo.faults.set({ serverErrorShare: 0.5 })
    const statuses: number[] = []
    for (let i = 0; i < 40; i++)
      statuses.push(
        await routing.getRoutingQueues().then(
          () => 200,
          (e: { status: number }) => e.status
        )
      )
    expect(statuses).toContain(503)
    expect(statuses).toContain(200)
  })

  it('adds latency to API requests', async () => {
    demo.faults.set({ latencyMs: 120 })
    const t0 = performance.now()
    await new platformClient.RoutingApi(client).getRoutingQueues()
    expect(performance.now() - t0).toBeGreaterThanOrEqual(115)
  })

  it('revokes tokens: calls get 401 and their channels close', async () => {
    const { ws } = await watch()
    const victim = await loggedIn(demo)
    expect(demo.faults.revokeTokens()).toBeGreaterThanOrEqual(2)
    expect((await rejection(new platformClient.RoutingApi(victim).getRoutingQueues())).status).toBe(401)
    expect((await ws.waitClosed()).reason).toBe('Token revoked')
    client = await loggedIn(demo)
  })

  it('duplicates events', async () => {
    const { ws, topic } = await watch()
    demo.faults.set({ duplicateEventShare: 1 })
    const id = (await createCallback()).conversation.id
    await ws.next((f) => f.topicName === topic)
    await new Promise((r) => setTimeout(r, 30))
    const copies = ws.onTopic(topic).filter((f) => f.eventBody.id === id)
    expect(copies).toHaveLength(2)
    expect(copies[0]!.metadata?.CorrelationId).toBe(copies[1]!.metadata?.CorrelationId)
  })

  it('delivers events out of order', async () => {
    const { ws, topic } = await watch()
    demo.faults.set({ reorderEventShare: 1 })
    const first = (await createCallback()).conversation.id
    const second = (await createCallback()).conversation.id
    await ws.next((f) => f.topicName === topic && f.eventBody.id === first)
    const order = ws.onTopic(topic).map((f) => f.eventBody.id)
    expect(order.indexOf(second)).toBeLessThan(order.indexOf(first))
  })

  it('can be flipped over the admin route with the admin token only', async () => {
    const url = `${demo.baseUrl}/__sim/faults`
    const anon = await fetch(url, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } })
    expect(anon.status).toBe(401)
    const oauth = await fetch(url, { headers: { Authorization: `Bearer ${demo.issueToken('callback-console-demo').token}` } })
    expect(oauth.status).toBe(401)
    const admin = { Authorization: 'Bearer test-admin-token', 'Content-Type': 'application/json' }
    const set = await fetch(url, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ settings: { rateLimitShare: 2, latencyMs: 5 } })
    })
    expect(((await set.json()) as { settings: { rateLimitShare: number } }).settings.rateLimitShare).toBe(1)
    expect(demo.faults.settings.latencyMs).toBe(5)
    await fetch(url, { method: 'POST', headers: admin, body: JSON.stringify({ settings: { rateLimitShare: 0 } }) })
    const { ws } = await watch()
    const act = await fetch(url, { method: 'POST', headers: admin, body: JSON.stringify({ action: 'dropSockets' }) })
    expect(((await act.json()) as { affected: number }).affected).toBeGreaterThanOrEqual(1)
    await ws.waitClosed()
    const bad = await fetch(url, { method: 'POST', headers: admin, body: JSON.stringify({ action: 'explode' }) })
    expect(bad.status).toBe(400)
    await fetch(url, { method: 'POST', headers: admin, body: JSON.stringify({ action: 'reset' }) })
    expect(
      ((await (await fetch(url, { headers: admin })).json()) as { settings: { latencyMs: number } }).settings.latencyMs
    ).toBe(0)
  })
})
