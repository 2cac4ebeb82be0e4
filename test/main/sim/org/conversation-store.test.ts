import { describe, expect, it } from 'vitest'
import { VirtualClock } from '../../../../src-main/sim/org/clock'
import { createSimOrg } from '../../../../src-main/sim/org/org'
import type { SimEventSink } from '../../../../src-main/sim/org/conversation-notifier'
import { SimHttpError } from '../../../../src-main/sim/http/types'

function recordingOrg(options: { endedRetention?: number } = {}) {
  const events: Array<{ topic: string; body: Record<string, unknown> }> = []
  const sink: SimEventSink = {
    publish: (topic, body) => void events.push({ topic, body: body as Record<string, unknown> }),
    isWatched: () => true
  }
  const clock = new VirtualClock(Date.UTC(2025, 0, 6, 9))
  const org = createSimOrg({ seed: 3, clock, sink, ...options })
  const queue = org.routing.createQueue({ name: 'Target' })
  const agent = org.routing.addUser({ name: 'Agent', email: 'a@x' })
  org.routing.addMembers(queue.id, [agent.id])
  events.length = 0
  return { org, clock, events, queue, agent }
}

describe('ConversationStore', () => {
  it('routes in convScore order (enqueue time − priority minutes) with O(1) counts', () => {
    const { org, clock, queue } = recordingOrg()
    const a = org.conversations.createCallback({ queueId: queue.id, callbackNumbers: ['+1'] })
    clock.advanceBy(120_000)
    const b = org.conversations.createCallback({ queueId: queue.id, callbackNumbers: ['+2'], priority: 3 })
    clock.advanceBy(1_000)
    const c = org.conversations.createCallback({ queueId: queue.id, callbackNumbers: ['+3'] })
    expect(org.conversations.listWaiting(queue.id).map((x) => x.id)).toEqual([b.id, a.id, c.id])
    expect(org.conversations.nextWaiting(queue.id, 'callback')?.id).toBe(b.id)
    org.conversations.setRoutingPriority(c.id, 10)
    expect(org.conversations.nextWaiting(queue.id, 'callback')?.id).toBe(c.id)
    expect(org.conversations.countWaiting(queue.id, 'callback')).toBe(3)
    org.conversations.disconnect(c.id)
    expect(org.conversations.nextWaiting(queue.id, 'callback')?.id).toBe(b.id)
    expect(org.conversations.countWaiting(queue.id)).toBe(2)
  })

  it('publishes queue conversation, callback and observation events on each change', () => {
    const { org, events, queue } = recordingOrg()
    const conv = org.conversations.createCallback({ queueId: queue.id, callbackNumbers: ['+15550100'], data: { k: 'v' } })
    expect(events.map((e) => e.topic)).toEqual([
      `v2.routing.queues.${queue.id}.conversations`,
      `v2.routing.queues.${queue.id}.conversations.callbacks`,
      `v2.analytics.queues.${queue.id}.observations`
    ])
    const obs = events[2]!.body as {
      group: Record<string, string>
      data: Array<{ metrics: Array<{ metric: string; stats: { count: number } }> }>
    }
    expect(obs.group).toEqual({ queueId: queue.id, mediaType: 'callback' })
    expect(obs.data[0]!.metrics.find((m) => m.metric === 'oWaiting')!.stats.count).toBe(1)
    events.length = 0
    org.conversations.setParticipantAttributes(conv.id, conv.participants[0]!.id, { 'cc.state': 'cancelled' })
    expect(events.map((e) => e.topic)).toEqual([
      `v2.routing.queues.${queue.id}.conversations`,
      `v2.routing.queues.${queue.id}.conversations.callbacks`
    ])
  })

  it('moves a dialer call through flow, queue (with priority) and agent, then ends it', () => {
    const { org, queue, agent, events } = recordingOrg()
    const seen: string[] = []
    org.conversations.onChange((c, change) => seen.push(`${c.phase}:${change}`))
    const call = org.conversations.createOutboundCall({
      phoneNumber: '+15550100',
      campaignId: 'camp',
      contactListId: 'list',
      contactId: 'contact'
    })
    expect(org.conversations.customerOf(call)!.attributes).toMatchObject({ dialerCampaignId: 'camp', dialerContactId: 'contact' })
    org.conversations.connectToFlow(call.id, 'Proactive callback connect')
    org.conversations.transferToQueue(call.id, queue.id, { priority: 7 })
    expect(org.conversations.countWaiting(queue.id, 'call')).toBe(1)
    expect(org.conversations.activeLeg(call)!.routing!.priority).toBe(7)
    expect(call.participants.find((p) => p.purpose === 'ivr')!.disconnectType).toBe('transfer')
    org.conversations.assignAgent(call.id, agent.id)
    expect(org.conversations.countWaiting(queue.id, 'call')).toBe(0)
    expect(org.conversations.countInteracting(queue.id, 'call')).toBe(1)
    org.conversations.disconnect(call.id, 'endpoint')
    expect(org.conversations.countInteracting(queue.id)).toBe(0)
    expect(seen).toEqual(['dialing:created', 'ivr:updated', 'waiting:updated', 'interacting:updated', 'ended:ended'])
    const lastObs = events.filter((e) => e.topic.endsWith('.observations')).at(-1)!.body as { group: Record<string, string> }
    expect(lastObs.group.mediaType).toBe('voice')
    expect(() => org.conversations.assignAgent(call.id, agent.id)).toThrow(SimHttpError)
  })

  it('forgets the oldest ended conversations past the retention limit', () => {
    const { org, queue } = recordingOrg({ endedRetention: 2 })
    const ids = [1, 2, 3].map(() => org.conversations.createCallback({ queueId: queue.id, callbackNumbers: ['+1'] }).id)
    for (const id of ids) org.conversations.disconnect(id)
    expect(org.conversations.get(ids[0]!)).toBeUndefined()
    expect(org.conversations.get(ids[2]!)?.phase).toBe('ended')
    expect(org.conversations.size).toBe(2)
  })

  it('moves a waiting callback to another queue on patch', () => {
    const { org, queue } = recordingOrg()
    const other = org.routing.createQueue({ name: 'Other' })
    const cb = org.conversations.createCallback({ queueId: queue.id, callbackNumbers: ['+1'], priority: 2 })
    org.conversations.patchCallback(cb.id, { queueId: other.id, callbackScheduledTime: null })
    expect(org.conversations.countWaiting(queue.id)).toBe(0)
    expect(org.conversations.countWaiting(other.id)).toBe(1)
    expect(org.conversations.activeLeg(cb)!.routing!.priority).toBe(2)
  })

  it('publishes agent status, presence and queue agent counts when an agent changes state', () => {
    const { org, events, queue, agent } = recordingOrg()
    org.routing.setUserStatus(agent.id, 'INTERACTING')
    const topics = events.map((e) => e.topic)
    expect(topics).toEqual([
      `v2.users.${agent.id}.routingStatus`,
      `v2.users.${agent.id}.presence`,
      `v2.analytics.queues.${queue.id}.observations`
    ])
    expect(events[0]!.body).toMatchObject({ id: agent.id, routingStatus: { status: 'INTERACTING' } })
    const metrics = (
      events[2]!.body as { data: Array<{ metrics: Array<{ metric: string; qualifier?: string; stats: { count: number } }> }> }
    ).data[0]!.metrics
    expect(metrics).toContainEqual({ metric: 'oOnQueueUsers', qualifier: 'INTERACTING', stats: { count: 1 } })
  })

  it('skips building bodies when nobody watches', () => {
    let built = 0
    const sink: SimEventSink = { publish: () => void built++, isWatched: () => false }
    const org = createSimOrg({ clock: new VirtualClock(), sink })
    const q = org.routing.createQueue({ name: 'Q' })
    for (let i = 0; i < 10; i++) org.conversations.createCallback({ queueId: q.id, callbackNumbers: ['+1'] })
    expect(built).toBe(0)
  })
})
