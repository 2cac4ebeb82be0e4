import platformClient from 'purecloud-platform-client-v2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DemoOrg } from '../../../src-main/sim/server'
import { loggedIn, rejection, startQuietOrg } from './sim-harness'

describe('demo org HTTP pipeline', () => {
  let demo: DemoOrg
  let token: string
  beforeAll(async () => {
    demo = await startQuietOrg({ rateLimitPerMinute: 5, maxBodyBytes: 2048 })
    token = demo.issueToken('callback-console-demo').token
  })
  afterAll(() => demo.close())

  const call = (path: string, init: RequestInit = {}, bearer = token): Promise<Response> =>
    fetch(`${demo.baseUrl}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) }
    })

  it('answers malformed JSON with a Genesys-shaped 400', async () => {
    const res = await call('/api/v2/conversations/callbacks', { method: 'POST', body: '{"queueId": ' })
    expect(res.status).toBe(400)
    const body = (await res.json()) as Record<string, unknown>
    expect(Object.keys(body)).toEqual(expect.arrayContaining(['message', 'code', 'status', 'contextId', 'details', 'errors']))
    expect(body.status).toBe(400)
    expect(res.headers.get('inin-correlation-id')).toBe(body.contextId)
  })

  it('answers an oversized body with 413, an unknown route with 404 and a wrong method with 405', async () => {
    const big = await call('/api/v2/conversations/callbacks', { method: 'POST', body: JSON.stringify({ pad: 'x'.repeat(5000) }) })
    expect(big.status).toBe(413)
    expect(((await big.json()) as { code: string }).code).toBe('request.entity.too.large')
    const unknown = await call('/api/v2/nothing/here')
    expect(unknown.status).toBe(404)
    expect(((await unknown.json()) as { code: string }).code).toBe('not.found')
    const wrong = await call('/api/v2/routing/queues', { method: 'DELETE' })
    expect(wrong.status).toBe(405)
  })

  it('never answers 500 to garbage input', async () => {
    const bodies = [
      '[]',
      '"text"',
      '42',
      'null',
      '{"callbackNumbers":{}}',
      '{"queueId":7,"callbackNumbers":[[]]}',
      '{"filter":[]}',
      '\u0000\u0001'
    ]
    const paths = [
      '/api/v2/conversations/callbacks',
      '/api/v2/analytics/queues/observations/query',
      '/api/v2/analytics/conversations/details/query',
      '/api/v2/analytics/conversations/activity/query',
      '/api/v2/routing/queues',
      '/api/v2/notifications/channels/x/subscriptions',
      '/api/v2/conversations/callbacks/bulk/update'
    ]
    for (const path of paths) {
      for (const body of bodies) {
        const local = demo.issueToken('callback-console-demo').token
        const res = await call(path, { method: 'POST', body }, local)
        expect(res.status, `${path} ${body}`).toBeGreaterThanOrEqual(400)
        expect(res.status, `${path} ${body}`).toBeLessThan(500)
      }
    }
  })

  it('limits each token per minute with 429, Retry-After and inin-ratelimit headers', async () => {
    const local = demo.issueToken('callback-console-demo').token
    const statuses: number[] = []
    let last: Response | undefined
    for (let i = 0; i < 6; i++) {
      last = await call('/api/v2/routing/queues', {}, local)
      statuses.push(last.status)
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(last!.headers.get('inin-ratelimit-allowed')).toBe('5')
    expect(last!.headers.get('inin-ratelimit-count')).toBe('6')
    const body = (await last!.json()) as { code: string; message: string }
    expect(body.code).toBe('too.many.requests.retry.after')
    // Another token has its own budget.
    expect((await call('/api/v2/routing/queues', {}, demo.issueToken('callback-console-demo').token)).status).toBe(200)
  })

  it('surfaces 429 headers through the SDK with extended responses', async () => {
    const client = await loggedIn(demo)
    client.setReturnExtendedResponses(true)
    const api = new platformClient.RoutingApi(client)
    for (let i = 0; i < 5; i++) await api.getRoutingQueues()
    const err = (await rejection(api.getRoutingQueues())) as {
      status: number
      headers: Record<string, string>
      body: { code: string }
    }
    expect(err.status).toBe(429)
    expect(err.headers['retry-after']).toBeDefined()
    expect(err.body.code).toBe('too.many.requests.retry.after')
  })

  it('answers 403 naming the missing permission to the read-only client', async () => {
    const viewer = await loggedIn(demo, 'callback-console-viewer')
    const queues = await new platformClient.RoutingApi(viewer).getRoutingQueues()
    expect(queues.total).toBeGreaterThan(0)
    const err = await rejection(new platformClient.RoutingApi(viewer).postRoutingQueues({ name: 'Nope' }))
    expect(err.status).toBe(403)
    expect(err.code).toBe('missing.any.permissions')
    expect(String(err.message)).toContain('routing:queue:add')
    expect((err.messageParams as Record<string, string>).permissions).toContain('routing:queue:add')
    const cb = await rejection(
      new platformClient.ConversationsApi(viewer).postConversationsCallbacks({
        queueId: demo.seed.targetQueueId,
        callbackNumbers: ['+15550100']
      })
    )
    expect(cb.status).toBe(403)
    expect(cb.code).toBe('missing.all.permissions')
    expect(String(cb.message)).toContain('conversation:callback:create')
  })
})
