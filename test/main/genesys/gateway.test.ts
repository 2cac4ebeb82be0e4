import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SessionGateway, type GatewayHost } from '../../../src-main/genesys/gateway'
import type { PlatformApis } from '../../../src-main/genesys/gateway-types'
import { createSdkClient } from '../../../src-main/genesys/session/sdk-client'
import { ManualTimers } from '../../../src-main/genesys/timers'
import type { DemoOrg } from '../../../src-main/sim/server'
import { ADMIN_CLIENT, VIEWER_CLIENT, gatewayForToken, startTestOrg } from './helpers/demo'

describe('SessionGateway against the demo org', () => {
  let org: DemoOrg
  let gateway: SessionGateway
  let rejected = 0

  beforeEach(async () => {
    org = await startTestOrg({ plugins: {}, rateLimitPerMinute: 120 })
    rejected = 0
    gateway = gatewayForToken(org, org.issueToken(ADMIN_CLIENT).token, () => rejected++)
  })

  afterEach(async () => {
    await org.close()
  })

  it('retries an idempotent read through a burst of 503s and counts every request', async () => {
    org.faults.set({ serverErrorBurst: 2 })
    const r = await gateway.call('GET /api/v2/routing/queues', (a) => a.routing.getRoutingQueues())
    expect(r.ok).toBe(true)
    expect(r.ok && r.value.entities?.map((q) => q.name)).toContain('Customer Service')
    expect(gateway.stats()).toMatchObject({ requests: 3, retries: 2 })
    expect(gateway.callCounts().get('GET /api/v2/routing/queues')).toBe(3)
  })

  it('never retries a non-idempotent call after a 503', async () => {
    org.faults.set({ serverErrorBurst: 1 })
    const r = await gateway.call('POST /api/v2/notifications/channels', (a) => a.notifications.postNotificationsChannels())
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error).toMatchObject({ code: 'server', status: 503 })
    expect(gateway.stats()).toMatchObject({ requests: 1, retries: 0 })
    expect(org.channelCount()).toBe(0)
  })

  it('names the missing permission on a 403', async () => {
    const limited = gatewayForToken(org, org.issueToken(VIEWER_CLIENT, { permissions: ['analytics:*:view'] }).token)
    const r = await limited.call('GET /api/v2/routing/queues', (a) => a.routing.getRoutingQueues(), { label: 'list queues' })
    expect(!r.ok && r.error).toMatchObject({ code: 'forbidden', status: 403, missingPermissions: ['routing:queue:view'] })
    expect(!r.ok && r.error.message).toMatch(/lacks the permission routing:queue:view/)
  })

  it('reports 401 to the session and maps it to a plain message', async () => {
    org.faults.revokeTokens()
    const r = await gateway.call('GET /api/v2/tokens/me', (a) => a.tokens.getTokensMe())
    expect(!r.ok && r.error.code).toBe('unauthorized')
    expect(rejected).toBe(1)
  })

  it('sizes the budget from the org limits', async () => {
    expect(await gateway.loadOrgLimits('client-credentials')).toBe(120)
    expect(gateway.stats().limitPerMinute).toBe(120)
  })

  it('cancels a call in flight when its signal aborts', async () => {
    org.faults.set({ latencyMs: 2_000 })
    const controller = new AbortController()
    const pending = gateway.call('GET /api/v2/routing/queues', (a) => a.routing.getRoutingQueues(), { signal: controller.signal })
    setTimeout(() => controller.abort(), 30)
    const r = await pending
    expect(!r.ok && r.error.code).toBe('cancelled')
  })
})

describe('SessionGateway and Retry-After', () => {
  let server: Server
  let hits: number[] = []

  beforeEach(async () => {
    hits = []
    server = createServer((req, res) => {
      hits.push(Date.now())
      const limited = hits.length === 1
      if (limited) {
        res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '1' })
        res.end(
          JSON.stringify({
            status: 429,
            code: 'too.many.requests.retry.after',
            message: 'Rate limit exceeded the maximum. Retry the request in [1] seconds'
          })
        )
        return
      }
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ entities: [{ id: 'q1', name: 'Queue' }] }))
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  })

  afterEach(async () => {
    server.closeAllConnections()
    await new Promise((r) => server.close(r))
  })

  function stubGateway(): SessionGateway {
    const controller = new AbortController()
    const sdk = createSdkClient(
      { kind: 'demo', baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` },
      () => controller.signal
    )
    sdk.client.setAccessToken('stub')
    return new SessionGateway({ apis: sdk.apis, signal: controller.signal, tokenRejected: () => undefined })
  }

  it('waits at least Retry-After before trying again, even for a POST', async () => {
    const gateway = stubGateway()
    const r = await gateway.call('POST /api/v2/analytics/queues/observations/query', (a) =>
      a.analytics.postAnalyticsQueuesObservationsQuery({ filter: { type: 'or', predicates: [] }, metrics: ['oWaiting'] })
    )
    expect(r.ok).toBe(true)
    expect(hits).toHaveLength(2)
    expect(hits[1]! - hits[0]!).toBeGreaterThanOrEqual(950)
    expect(gateway.stats()).toMatchObject({ rateLimited: 1, retries: 1, requests: 2 })
  })

  it('blocks other calls while a Retry-After is pending', async () => {
    const gateway = stubGateway()
    const first = gateway.call('GET /api/v2/routing/queues', (a) => a.routing.getRoutingQueues())
    await new Promise((r) => setTimeout(r, 100))
    const second = gateway.call('GET /api/v2/routing/queues', (a) => a.routing.getRoutingQueues())
    const [a, b] = await Promise.all([first, second])
    expect(a.ok && b.ok).toBe(true)
    expect(hits).toHaveLength(3)
    expect(hits[1]! - hits[0]!).toBeGreaterThanOrEqual(950)
  })
})

describe('SessionGateway budget', () => {
  function fakeHost(): GatewayHost {
    const apis = {
      tokens: { getTokensMe: async () => ({ status: 200, headers: {}, body: { ok: 1 }, error: null }) }
    } as unknown as PlatformApis
    return { apis, signal: new AbortController().signal, tokenRejected: () => undefined }
  }

  it('unwraps extended responses and paces calls to stay under the limit', async () => {
    const timers = new ManualTimers(0)
    const gateway = new SessionGateway(fakeHost(), { timers, clock: timers.now, random: () => 0 })
    gateway.resetBudget(60) // 54 allowed per minute, bursts of 10
    const done: number[] = []
    const calls = Array.from({ length: 14 }, (_, i) =>
      gateway
        .call('GET /api/v2/tokens/me', (a) => a.tokens.getTokensMe())
        .then((r) => {
          expect(r.ok && r.value).toEqual({ ok: 1 })
          done.push(i)
        })
    )
    await flush()
    expect(done).toHaveLength(10)
    for (let i = 0; i < 20 && done.length < 14; i++) {
      timers.advance(500)
      await flush()
    }
    await Promise.all(calls)
    // 44 tokens a minute after the burst: one every ~1.36 s, so 4 more calls need more than 4 s.
    expect(timers.now()).toBeGreaterThan(4_000)
  })
})

async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r))
}
