/**
 * Demo org capacity (issue 3): hold 10,000 waiting callbacks and publish 500 events/s to a subscribed WebSocket.
 * Measures creation time and memory for 10k callbacks, delivery of a paced 500/s load (rate, loss, latency from
 * the state change to the frame arriving at a real `ws` client), the maximum sustained event rate, and the
 * latency of the observation query that lists all 10k waiting callbacks.
 */
import WebSocket from 'ws'
import { startDemoOrg } from '../../src-main/sim/server'

const CALLBACKS = 10_000
const PACED_RATE = 500
const PACED_SECONDS = 10

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits

export async function runSimBench(): Promise<Record<string, unknown>> {
  const demo = await startDemoOrg({ plugins: {}, seed: 7, rateLimitPerMinute: 1_000_000, log: () => {} })
  try {
    const queue = demo.org.routing.createQueue({ name: 'Bench holding queue' })
    const token = demo.issueToken('callback-console-demo').token
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- loosely typed JSON of a benchmark probe
    const api = async (method: string, path: string, body?: unknown): Promise<any> => {
      const res = await fetch(`${demo.baseUrl}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body)
      })
      if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`)
      return res.status === 204 ? null : res.json()
    }
    const channel = await api('POST', '/api/v2/notifications/channels')
    const topic = `v2.routing.queues.${queue.id}.conversations.callbacks`
    await api('PUT', `/api/v2/notifications/channels/${channel.id}/subscriptions`, [{ id: topic }])

    const sentAt = new Map<string, number>()
    const latencies: number[] = []
    let received = 0
    const ws = new WebSocket(channel.connectUri)
    await new Promise((resolve, reject) => {
      ws.once('open', resolve)
      ws.once('error', reject)
    })
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { topicName: string; eventBody: { id?: string } }
      if (frame.topicName !== topic) return
      received++
      const at = frame.eventBody.id ? sentAt.get(frame.eventBody.id) : undefined
      if (at !== undefined) {
        latencies.push(performance.now() - at)
        sentAt.delete(frame.eventBody.id!)
      }
    })

    global.gc?.()
    const rssBefore = process.memoryUsage().rss
    const createStart = performance.now()
    const ids: string[] = []
    for (let i = 0; i < CALLBACKS; i++) {
      const conv = demo.org.conversations.createCallback({
        queueId: queue.id,
        callbackNumbers: [`+1317555${String(i).padStart(4, '0')}`],
        callbackUserName: `Caller ${i}`,
        callbackScheduledTime: Date.now() + 3_600_000,
        data: { 'cc.state': 'waiting' }
      })
      ids.push(conv.id)
    }
    const createSeconds = (performance.now() - createStart) / 1000
    await new Promise((r) => setTimeout(r, 500))
    global.gc?.()
    const rssAfter = process.memoryUsage().rss
    const waiting = demo.org.conversations.countWaiting(queue.id, 'callback')

    const queryStart = performance.now()
    const observation = await api('POST', '/api/v2/analytics/queues/observations/query', {
      filter: { type: 'and', predicates: [{ type: 'dimension', dimension: 'queueId', operator: 'matches', value: queue.id }] },
      metrics: ['oWaiting'],
      detailMetrics: ['oWaiting']
    })
    const observationQueryMs = performance.now() - queryStart
    const observed = observation?.results?.[0]?.data?.[0]?.observations?.length ?? null

    // Paced: 500 state changes per second for 10 s, each one timed from the change to its frame.
    latencies.length = 0
    received = 0
    const pacedStart = performance.now()
    let next = 0
    for (let second = 0; second < PACED_SECONDS; second++) {
      const tickStart = performance.now()
      for (let k = 0; k < PACED_RATE; k += 50) {
        for (let j = 0; j < 50; j++) {
          const id = ids[next++ % ids.length]
          sentAt.set(id, performance.now())
          demo.org.conversations.patchCallback(id, { callbackScheduledTime: Date.now() + 3_600_000 + next })
        }
        await new Promise((r) => setTimeout(r, Math.max(0, (k + 50) * (1000 / PACED_RATE) - (performance.now() - tickStart))))
      }
    }
    await new Promise((r) => setTimeout(r, 1000))
    const pacedSeconds = (performance.now() - pacedStart - 1000) / 1000
    const pacedReceived = received
    const sortedLatency = [...latencies].sort((a, b) => a - b)

    // Flat out: as many changes as the org and socket can take in 5 s.
    received = 0
    sentAt.clear()
    const burstStart = performance.now()
    let burstSent = 0
    while (performance.now() - burstStart < 5000) {
      for (let j = 0; j < 200; j++)
        demo.org.conversations.patchCallback(ids[burstSent++ % ids.length], { callbackScheduledTime: Date.now() + burstSent })
      await new Promise((r) => setImmediate(r))
    }
    await new Promise((r) => setTimeout(r, 1500))
    const burstSeconds = (performance.now() - burstStart - 1500) / 1000
    ws.close()

    return {
      waitingCallbacks: waiting,
      createSeconds: round(createSeconds),
      rssIncreaseMiB: round((rssAfter - rssBefore) / 2 ** 20, 1),
      observationQueryMs: round(observationQueryMs, 1),
      observationsListed: observed,
      paced: {
        targetEventsPerSecond: PACED_RATE,
        sent: PACED_RATE * PACED_SECONDS,
        received: pacedReceived,
        achievedEventsPerSecond: round(pacedReceived / pacedSeconds, 1),
        latencyMs: {
          p50: round(percentile(sortedLatency, 50)),
          p99: round(percentile(sortedLatency, 99)),
          max: round(sortedLatency.at(-1) ?? NaN)
        }
      },
      maxSustained: { sent: burstSent, received, eventsPerSecond: Math.round(received / burstSeconds) }
    }
  } finally {
    await demo.close()
  }
}
