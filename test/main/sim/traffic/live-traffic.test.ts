import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CC } from '../../../../src-main/core/lifecycle-model'
import type { SimConversation } from '../../../../src-main/sim/org/conversation-types'
import {
  allConversations,
  attributesOf,
  campaignCallsOf,
  START_MS,
  startTrafficOrg,
  stateOf,
  type TrafficOrg
} from './traffic-harness'

const LIVE = new Set(['waiting', 'dispatched'])

interface Snapshot {
  readonly id: string
  readonly state: string | undefined
  readonly requestedAtMs: number
  readonly dueMs: number | undefined
}

describe('live traffic on a deployed demo org (ours flows, virtual clock)', () => {
  let o: TrafficOrg
  let atStart: Snapshot[] = []
  let dispatchedSoonAfter = 0
  let dialsSoonAfter = 0
  let interactingSoonAfter = 0
  /** Placeholders the traffic requested after the start: id → state, time and due time when created. */
  const created = new Map<string, { state: string | undefined; actedById: string | undefined; atMs: number }>()
  /** First time each placeholder was seen dispatched, with its due time then. */
  const dispatched = new Map<string, { atMs: number; dueMs: number }>()
  const holdingViolations: string[] = []
  let members: ReadonlySet<string>

  const holding = (): SimConversation[] => o.org.conversations.listWaiting(o.deployment.holdingQueueId!, 'callback')
  const snapshot = (): Snapshot[] =>
    holding().map((c) => ({
      id: c.id,
      state: stateOf(o.org, c),
      requestedAtMs: Date.parse(attributesOf(o.org, c)[CC.requestedAt] ?? ''),
      dueMs: c.callback?.callbackScheduledTime
    }))

  beforeAll(async () => {
    o = await startTrafficOrg({ seed: 11 })
    members = o.org.routing.membersOf(o.deployment.targetQueueId!)
    atStart = snapshot()
    const campaign = o.deployment.campaignId!
    const off = o.org.conversations.onChange((conv, change) => {
      if (conv.media !== 'callback' || conv.queueId !== o.deployment.holdingQueueId) return
      const now = o.org.clock.now()
      if (change === 'created')
        created.set(conv.id, { state: stateOf(o.org, conv), actedById: attributesOf(o.org, conv)[CC.actedById], atMs: now })
      if (stateOf(o.org, conv) === 'dispatched' && !dispatched.has(conv.id))
        dispatched.set(conv.id, { atMs: now, dueMs: conv.callback?.callbackScheduledTime ?? now })
    })
    await o.run(5_000)
    dispatchedSoonAfter = snapshot().filter((s) => s.state === 'dispatched').length
    dialsSoonAfter = o.org.outbound!.campaigns.runtime(campaign).attempts
    interactingSoonAfter = o.org.conversations.countInteracting(o.deployment.targetQueueId!, 'call')
    for (let minute = 0; minute < 150; minute++) {
      await o.run(60_000)
      for (const s of snapshot()) if (!LIVE.has(s.state ?? '')) holdingViolations.push(`${s.id}: ${s.state}`)
    }
    off()
  })
  afterAll(async () => {
    await o?.close()
  })

  it('opens with a backlog of waiting callbacks requested over the last half hour, the oldest dialled at once', () => {
    expect(atStart.length).toBeGreaterThanOrEqual(20)
    expect(atStart.length).toBeLessThanOrEqual(24)
    expect(atStart.every((s) => s.state === 'waiting')).toBe(true)
    const ages = atStart.map((s) => (START_MS - s.requestedAtMs) / 60_000)
    expect(Math.min(...ages)).toBeGreaterThan(0)
    expect(Math.max(...ages) - Math.min(...ages)).toBeGreaterThan(10)
    const dueIn = atStart.map((s) => Math.round(((s.dueMs ?? 0) - START_MS) / 60_000))
    expect(Math.min(...dueIn)).toBe(0)
    expect(Math.max(...dueIn)).toBeGreaterThan(15)
    expect(new Set(dueIn).size).toBeGreaterThan(8)
    expect(dispatchedSoonAfter).toBeGreaterThanOrEqual(2)
    expect(dialsSoonAfter).toBeGreaterThanOrEqual(2)
    // the warm start: every agent on queue already talking
    expect(interactingSoonAfter).toBe(members.size)
    const counters = o.org.traffic!.driver!.counters
    expect(o.org.traffic!.backlog.placeholderIds.length).toBe(atStart.length)
    expect(counters.arrivals).toBeGreaterThan(200)
  })

  it('inbound calls arrive and are answered by the target queue agents (some abandon, some take a callback)', () => {
    const inbound = allConversations(o.org).filter((c) => c.media === 'call' && !c.call?.dialer)
    const answered = inbound.filter((c) => c.participants.some((p) => p.purpose === 'agent'))
    expect(answered.length).toBeGreaterThan(100)
    for (const c of answered) {
      const agent = c.participants.find((p) => p.purpose === 'agent')!
      expect(members.has(agent.userId!)).toBe(true)
      expect(agent.queueId).toBe(o.deployment.targetQueueId)
    }
    const ended = answered.filter((c) => c.phase === 'ended')
    expect(ended.some((c) => c.participants.find((p) => p.purpose === 'agent')!.wrapup?.code)).toBe(true)
    const abandoned = inbound.filter((c) => c.phase === 'ended' && c.participants.at(-1)!.disconnectType === 'endpoint')
    expect(abandoned.length).toBeGreaterThan(0)
    expect(abandoned.every((c) => !c.participants.some((p) => p.purpose === 'agent'))).toBe(true)
    const flowedOut = inbound.filter((c) => attributesOf(o.org, c).delay !== undefined)
    expect(flowedOut.length).toBe(o.org.traffic!.driver!.counters.accepted)
    expect(flowedOut.every((c) => c.phase === 'ended' && !c.participants.some((p) => p.purpose === 'agent'))).toBe(true)
    const statuses = new Set([...members].map((id) => o.org.routing.users.get(id)!.routingStatus))
    expect([...statuses].every((s) => ['IDLE', 'INTERACTING', 'OFF_QUEUE'].includes(s))).toBe(true)
    // 10:00 → 12:30: the lunch dip at 12:00 takes one of the twelve agents off queue
    expect(o.org.traffic!.driver!.counters.staffingChanges).toBe(1)
    expect(o.org.routing.onQueueMembers(o.deployment.targetQueueId!).length).toBe(members.size - 1)
  })

  it('accepted offers become placeholders through the workflow, waiting with cc.* attributes', () => {
    expect(created.size).toBeGreaterThan(10)
    expect([...created.values()].every((c) => c.state === 'waiting')).toBe(true)
    const inboundByNumber = new Map<string, SimConversation[]>()
    for (const c of allConversations(o.org)) {
      if (c.media === 'call' && !c.call?.dialer && attributesOf(o.org, c).delay !== undefined)
        inboundByNumber.set(c.call!.ani, [...(inboundByNumber.get(c.call!.ani) ?? []), c])
    }
    for (const [id, info] of created) {
      const conv = o.org.conversations.get(id)!
      const attrs = attributesOf(o.org, conv)
      expect(Math.abs(Date.parse(attrs[CC.requestedAt]!) - info.atMs)).toBeLessThan(1)
      expect(info.actedById).toBe(`flow:${o.deployment.workflowFlowId}`)
      // the caller's own call flowed out of the queue at the same instant
      const calls = inboundByNumber.get(conv.callback!.callbackNumbers[0]!) ?? []
      expect(calls.some((c) => c.endTime === info.atMs && c.participants.at(-1)!.disconnectType === 'transfer')).toBe(true)
    }
  })

  it('dispatches when due, dials, and agents take the answered ones the outbound flow transfers with priority', () => {
    const fresh = [...dispatched].filter(([id]) => created.has(id))
    expect(fresh.length).toBeGreaterThan(5)
    for (const [, d] of fresh) {
      expect(d.atMs).toBeGreaterThanOrEqual(d.dueMs)
      expect(d.atMs - d.dueMs).toBeLessThanOrEqual(31_000)
    }
    const connected = allConversations(o.org).filter(
      (c) => c.media === 'callback' && c.queueId === o.deployment.holdingQueueId && stateOf(o.org, c) === 'connected'
    )
    expect(connected.length).toBeGreaterThan(5)
    let handled = 0
    for (const cb of connected) {
      const calls = campaignCallsOf(o.org, cb.id)
      const last = calls.at(-1)!
      expect(calls.length).toBe(Number(attributesOf(o.org, cb)[CC.attempts]))
      const acd = last.participants.find((p) => p.purpose === 'acd')!
      expect(acd.queueId).toBe(o.deployment.targetQueueId)
      expect(acd.routing!.priority).toBeGreaterThanOrEqual(1)
      const agent = last.participants.find((p) => p.purpose === 'agent')
      if (agent) {
        handled++
        expect(members.has(agent.userId!)).toBe(true)
      }
    }
    expect(handled).toBeGreaterThan(3)
    expect(o.org.traffic!.driver!.counters.returnedAnswered).toBeGreaterThanOrEqual(handled)
  })

  it('retries unanswered callbacks a retry delay later, and ends the rest as unreached', () => {
    const placeholders = allConversations(o.org).filter(
      (c) => c.media === 'callback' && c.queueId === o.deployment.holdingQueueId
    )
    const retried = placeholders.filter((c) => campaignCallsOf(o.org, c.id).length >= 2)
    expect(retried.length).toBeGreaterThan(0)
    for (const cb of retried) {
      const [first, second] = campaignCallsOf(o.org, cb.id)
      expect(second!.startTime - first!.endTime!).toBeGreaterThanOrEqual(900_000 - 60_000)
    }
    const unreached = placeholders.filter((c) => stateOf(o.org, c) === 'unreached')
    for (const cb of unreached) {
      expect(cb.phase).toBe('ended')
      expect(['busy', 'no-answer', 'machine', 'invalid', 'failed']).toContain(attributesOf(o.org, cb)[CC.lastOutcome])
    }
  })

  it('keeps only live callbacks in the holding queue; every ended placeholder has a terminal state', () => {
    expect(holdingViolations).toEqual([])
    const ended = allConversations(o.org).filter(
      (c) => c.media === 'callback' && c.queueId === o.deployment.holdingQueueId && c.phase === 'ended'
    )
    expect(ended.length).toBeGreaterThan(10)
    expect(ended.filter((c) => LIVE.has(stateOf(o.org, c) ?? ''))).toEqual([])
  })
})
