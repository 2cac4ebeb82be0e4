/**
 * Drives callback changes straight into a demo org (create, reschedule, dispatch, cancel) and reads the org's
 * truth back through the SDK, so board tests compare the console with what Genesys-shaped REST says.
 */
import { CC } from '../../../../src-main/core/lifecycle-model'
import type { Gateway } from '../../../../src-main/genesys/gateway-types'
import type { DemoOrg } from '../../../../src-main/sim/server'

/** Seeded pseudo-random numbers for reproducible traffic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Callback traffic on one holding queue. */
export class Traffic {
  private readonly live = new Set<string>()
  private n = 0

  constructor(
    private readonly org: DemoOrg,
    private readonly queueId: string,
    private readonly random: () => number
  ) {}

  create(): string {
    const now = this.org.org.clock.now()
    const i = ++this.n
    const conv = this.org.org.conversations.createCallback({
      queueId: this.queueId,
      callbackNumbers: [`+1317555${String(1000 + (i % 9000)).padStart(4, '0')}`],
      callbackUserName: `Caller ${i}`,
      callbackScheduledTime: now + Math.floor(this.random() * 3_600_000) - 600_000,
      data: {
        [CC.state]: 'waiting',
        [CC.requestedAt]: new Date(now).toISOString(),
        [CC.promisedWaitSeconds]: '600',
        [CC.stateAt]: new Date(now).toISOString()
      }
    })
    this.live.add(conv.id)
    return conv.id
  }

  /** One random change: mostly new callbacks, then reschedules, dispatches and cancels. */
  step(): void {
    const ids = [...this.live]
    const r = this.random()
    if (ids.length < 5 || r < 0.4) return void this.create()
    const id = ids[Math.floor(this.random() * ids.length)]!
    const conv = this.org.org.conversations.get(id)
    if (!conv || conv.endTime !== undefined) {
      this.live.delete(id)
      return
    }
    const customer = this.org.org.conversations.customerOf(conv)!
    const at = new Date(this.org.org.clock.now()).toISOString()
    if (r < 0.6) {
      // Per the lifecycle contract a reschedule ends with an attribute write carrying a fresh timestamp.
      this.org.org.conversations.patchCallback(id, {
        callbackScheduledTime: this.org.org.clock.now() + Math.floor(this.random() * 1_800_000)
      })
      this.org.org.conversations.setParticipantAttributes(id, customer.id, { [CC.rescheduledAt]: at, [CC.actedAt]: at })
    } else if (r < 0.8) {
      // The workflow dispatches a callback when it falls due (calls made before that come from a console).
      if ((conv.callback?.callbackScheduledTime ?? 0) > this.org.org.clock.now()) return
      this.org.org.conversations.setParticipantAttributes(id, customer.id, {
        [CC.state]: 'dispatched',
        [CC.stateAt]: at,
        [CC.dispatchedAt]: at
      })
    } else {
      this.org.org.conversations.setParticipantAttributes(id, customer.id, {
        [CC.state]: 'cancelled',
        [CC.stateAt]: at,
        [CC.cancelledAt]: at
      })
      this.org.org.conversations.disconnect(id)
      this.live.delete(id)
    }
  }

  /** Runs `perSecond` steps a second until stopped. */
  run(perSecond: number): { stop(): void } {
    const timer = setInterval(() => this.step(), 1_000 / perSecond)
    return { stop: () => clearInterval(timer) }
  }
}

/** One waiting callback as the org reports it through the SDK. */
export interface TruthRow {
  readonly state: string
  readonly dueAtMs: number | null
}

/** The org's waiting callbacks, read through the SDK: a complete observation listing, then each callback. */
export async function readTruth(gateway: Gateway, queueId: string): Promise<Map<string, TruthRow>> {
  const listing = await gateway.call(
    'POST /api/v2/analytics/queues/observations/query',
    (a) =>
      a.analytics.postAnalyticsQueuesObservationsQuery({
        filter: { type: 'and', predicates: [{ type: 'dimension', dimension: 'queueId', operator: 'matches', value: queueId }] },
        metrics: ['oWaiting'],
        detailMetrics: ['oWaiting']
      }),
    { idempotent: true }
  )
  if (!listing.ok) throw new Error(listing.error.message)
  const data = listing.value.results?.[0]?.data?.find((d) => d.metric === 'oWaiting')
  if (data?.truncated) throw new Error('truth listing truncated')
  const out = new Map<string, TruthRow>()
  for (const o of data?.observations ?? []) {
    const r = await gateway.call('GET /api/v2/conversations/callbacks/{conversationId}', (a) =>
      a.conversations.getConversationsCallback(o.conversationId!)
    )
    if (!r.ok) continue
    const participants = r.value.participants ?? []
    const acd = participants.find((p) => p.purpose === 'acd')
    const state = participants.map((p) => p.attributes?.[CC.state]).find(Boolean) ?? 'waiting'
    if (acd?.state === 'disconnected') continue
    out.set(r.value.id!, { state, dueAtMs: acd?.callbackScheduledTime ? Date.parse(acd.callbackScheduledTime) : null })
  }
  return out
}
