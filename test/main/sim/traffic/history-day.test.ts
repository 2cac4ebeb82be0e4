import platformClient from 'purecloud-platform-client-v2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CC } from '../../../../src-main/core/lifecycle-model'
import { importEndedConversations } from '../../../../src-main/sim/analytics/history-import'
import { createSimOrg } from '../../../../src-main/sim/org/org'
import { VirtualClock } from '../../../../src-main/sim/org/clock'
import type { HistorySummary } from '../../../../src-main/sim/traffic/index'
import { openingBefore } from '../../../../src-main/sim/traffic/index'
import { loggedIn, type ApiClient } from '../sim-harness'
import { START_MS, startTrafficOrg, type TrafficOrg } from './traffic-harness'

type Conv = platformClient.Models.AnalyticsConversationWithoutAttributes

const TERMINAL = ['connected', 'declined', 'unreached', 'cancelled']

async function allPages(
  client: ApiClient,
  interval: string,
  predicates: Array<{ dimension: string; value: string }>
): Promise<Conv[]> {
  const analytics = new platformClient.AnalyticsApi(client)
  const out: Conv[] = []
  for (let page = 1; ; page++) {
    const res = await analytics.postAnalyticsConversationsDetailsQuery({
      interval,
      order: 'asc',
      orderBy: 'conversationStart',
      segmentFilters: [{ type: 'and', predicates: predicates.map((p) => ({ type: 'dimension', operator: 'matches', ...p })) }],
      paging: { pageSize: 100, pageNumber: page }
    } as never)
    out.push(...(res.conversations ?? []))
    if (out.length >= (res.totalHits ?? 0) || !res.conversations?.length) return out
  }
}

const sessions = (c: Conv) => (c.participants ?? []).flatMap((p) => (p.sessions ?? []).map((s) => ({ p, s })))

describe('a seeded day of history (default plugins, virtual clock)', () => {
  let o: TrafficOrg
  let summary: HistorySummary | undefined
  let client: ApiClient
  let interval = ''

  beforeAll(async () => {
    o = await startTrafficOrg({ seed: 4, defaultPluginsOnly: true })
    summary = await o.org.traffic!.history
    client = await loggedIn(o.demo)
    interval = `${new Date(summary!.fromMs).toISOString()}/${new Date(summary!.toMs).toISOString()}`
  })
  afterAll(async () => {
    await o?.close()
  })

  it('covers yesterday from its opening to the org start, with every kind of outcome', () => {
    expect(summary).toBeDefined()
    expect(summary!.fromMs).toBe(openingBefore(START_MS, 1))
    expect(summary!.toMs).toBe(START_MS)
    expect(summary!.placeholders).toBeGreaterThanOrEqual(25)
    expect(summary!.calls).toBeGreaterThanOrEqual(summary!.placeholders - (summary!.byState.cancelled ?? 0))
    for (const state of TERMINAL) expect(summary!.byState[state] ?? 0).toBeGreaterThan(0)
    expect(Object.keys(summary!.byState).every((s) => TERMINAL.includes(s))).toBe(true)
  })

  it('returns the placeholders from the details query and their cc.* attributes from GET conversation, consistently', async () => {
    const holding = o.deployment.holdingQueueId!
    const placeholders = await allPages(client, interval, [
      { dimension: 'queueId', value: holding },
      { dimension: 'mediaType', value: 'callback' }
    ])
    expect(placeholders.length).toBe(summary!.placeholders)
    const conversations = new platformClient.ConversationsApi(client)
    const byState: Record<string, number> = {}
    for (const c of placeholders) {
      expect(Date.parse(c.conversationStart!)).toBeGreaterThanOrEqual(summary!.fromMs)
      expect(Date.parse(c.conversationEnd!)).toBeLessThan(summary!.toMs)
      expect(sessions(c).some(({ p, s }) => p.purpose === 'acd' && s.segments?.[0]?.queueId === holding)).toBe(true)
      const full = await conversations.getConversation(c.conversationId!)
      const attributes = full.participants!.find((p) => p.purpose === 'customer')!.attributes!
      byState[attributes[CC.state]!] = (byState[attributes[CC.state]!] ?? 0) + 1
      expect(Date.parse(attributes[CC.requestedAt]!)).toBe(Date.parse(c.conversationStart!))
      if (attributes[CC.state] === 'cancelled') {
        expect(attributes[CC.cancelledBy]).toBe('Dana Supervisor')
        expect(attributes[CC.actedById]).toBe(`user:${o.demo.seed.supervisorUserId}`)
        expect(attributes[CC.reason]).not.toBe('')
      }
    }
    expect(byState).toEqual(summary!.byState)
  })

  it('returns the campaign calls: one per dial attempt, agent answers for connected callbacks', async () => {
    const calls = await allPages(client, interval, [{ dimension: 'outboundCampaignId', value: o.deployment.campaignId! }])
    expect(calls.length).toBe(summary!.calls)
    const byCallback = new Map<string, Conv[]>()
    for (const call of calls) {
      const contactId = sessions(call).find(({ s }) => s.outboundContactId)!.s.outboundContactId!
      const callbackId = contactId.replace(/-a\d+$/, '')
      byCallback.set(callbackId, [...(byCallback.get(callbackId) ?? []), call])
    }
    const conversations = new platformClient.ConversationsApi(client)
    const settled = summary!.fromMs + 7 * 3_600_000
    let punctual = 0
    for (const [callbackId, list] of byCallback) {
      const placeholder = await conversations.getConversation(callbackId)
      const attributes = placeholder.participants!.find((p) => p.purpose === 'customer')!.attributes!
      const requestedAt = Date.parse(attributes[CC.requestedAt]!)
      if (requestedAt > settled) continue
      expect(list.length).toBe(Number(attributes[CC.attempts]))
      const agentAt = list
        .flatMap((c) => sessions(c))
        .filter(({ p }) => p.purpose === 'agent')
        .map(({ s }) => Date.parse(s.segments![0]!.segmentStart!))
      if (attributes[CC.state] === 'connected') {
        expect(agentAt.length).toBe(1)
        expect(agentAt[0]).toBeGreaterThan(requestedAt)
        const promisedAt = requestedAt + Number(attributes[CC.promisedWaitSeconds]) * 1000
        if (Math.abs(agentAt[0]! - promisedAt) < 5 * 60_000) punctual++
      } else {
        expect(agentAt).toEqual([])
      }
    }
    expect(punctual).toBeGreaterThan(0)
  })

  it('is the same day for the same seed', async () => {
    const again = await startTrafficOrg({ seed: 4, defaultPluginsOnly: true })
    try {
      expect(await again.org.traffic!.history).toEqual(summary)
      const ids = (org: TrafficOrg['org']) =>
        [...org.conversations.all()]
          .filter((c) => c.endTime !== undefined && c.endTime < START_MS)
          .map((c) => `${c.id}@${c.startTime}`)
      expect(ids(again.org)).toEqual(ids(o.org))
    } finally {
      await again.close()
    }
  })
})

describe('importEndedConversations', () => {
  it('inserts ended conversations readable like any other, skips known ids and refuses live ones', () => {
    const clock = new VirtualClock(START_MS)
    const source = createSimOrg({ seed: 1, clock })
    const target = createSimOrg({ seed: 2, clock })
    for (const org of [source, target]) org.routing.createQueue({ name: 'Waiting callbacks' })
    const queueId = source.routing.queueByExactName('Waiting callbacks')!.id
    const ended = source.conversations.createCallback({
      queueId,
      callbackNumbers: ['+13175550111'],
      data: { 'cc.state': 'cancelled' }
    })
    clock.advanceBy(60_000)
    source.conversations.disconnect(ended.id)
    const live = source.conversations.createCallback({ queueId, callbackNumbers: ['+13175550112'] })
    expect(() => importEndedConversations(target, [live])).toThrow(/only ended/)
    expect(importEndedConversations(target, [ended])).toEqual({ imported: 1, skipped: 0 })
    expect(importEndedConversations(target, [ended])).toEqual({ imported: 0, skipped: 1 })
    expect(target.conversations.require(ended.id).participants[0]!.attributes['cc.state']).toBe('cancelled')
    expect(target.conversations.countWaiting(target.routing.queueByExactName('Waiting callbacks')!.id)).toBe(0)
  })
})
