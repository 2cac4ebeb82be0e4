import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ConnectionView } from '../../../src-main/contract/live-views'
import type { BoardDiff } from '../../../src-main/core/board/board-types'
import { applyBoardDiff, emptyReplica, type BoardReplica } from '../../../src-main/core/board/board-replica'
import { type SessionGateway } from '../../../src-main/genesys/gateway'
import { LiveBoardService } from '../../../src-main/genesys/live/board-service'
import type { DeploymentProfile } from '../../../src-main/genesys/profile/profile-schema'
import { findDeployment } from '../../../src-main/sim/domains/solution/deployment'
import { domainPlugins } from '../../../src-main/sim/plugins'
import { seedSolution } from '../../../src-main/sim/domains/solution/seed-solution'
import type { DemoOrg } from '../../../src-main/sim/server'
import {
  ADMIN_CLIENT,
  DESKTOP_CLIENT,
  demoTarget,
  fakeBrowser,
  gatewayForToken,
  newSession,
  startTestOrg,
  waitFor
} from './helpers/demo'
import { Traffic, readTruth, rng, type TruthRow } from './helpers/org-traffic'

let org: DemoOrg
let profile: DeploymentProfile
let gateway: SessionGateway
let truthGateway: SessionGateway
let service: LiveBoardService | undefined
let traffic: Traffic

beforeEach(async () => {
  org = await startTestOrg({
    plugins: { ...domainPlugins, seedSolution: (o, opts) => void seedSolution(o, opts) },
    heartbeatMs: 200,
    rateLimitPerMinute: 1_000_000
  })
  const d = findDeployment(org.org)
  profile = {
    holdingQueueId: d.holdingQueueId!,
    targetQueueIds: [d.targetQueueId!],
    campaignId: d.campaignId!,
    contactListId: d.contactListId!
  }
  gateway = gatewayForToken(org, org.issueToken(ADMIN_CLIENT).token)
  truthGateway = gatewayForToken(org, org.issueToken(ADMIN_CLIENT).token)
  truthGateway.resetBudget(1_000_000)
  traffic = new Traffic(org, profile.holdingQueueId, rng(42))
})

afterEach(async () => {
  service?.dispose()
  service = undefined
  await org.close()
})

function startService(extra: Partial<ConstructorParameters<typeof LiveBoardService>[0]> = {}): {
  replica: () => BoardReplica
  connections: ConnectionView[]
  diffs: BoardDiff[]
} {
  let replica = emptyReplica()
  const diffs: BoardDiff[] = []
  const connections: ConnectionView[] = []
  service = new LiveBoardService({
    gateway,
    profile,
    channel: { watchdogMs: 2_000 },
    random: rng(7),
    log: process.env.DEBUG_BOARD ? (l) => console.log(l) : undefined,
    ...extra
  })
  service.onDidChange((d) => {
    diffs.push(d)
    replica = applyBoardDiff(replica, d)
  })
  service.onDidChangeConnection((c) => connections.push(c))
  service.start()
  return { replica: () => replica, connections, diffs }
}

/** Live rows (waiting or dispatched) as the renderer's replica of the diff stream holds them. */
function liveRows(replica: BoardReplica): Map<string, TruthRow> {
  const out = new Map<string, TruthRow>()
  for (const row of replica.rows.values())
    if (row.state === 'waiting' || row.state === 'dispatched') out.set(row.id, { state: row.state, dueAtMs: row.dueAtMs })
  return out
}

function sameBoard(board: Map<string, TruthRow>, truth: Map<string, TruthRow>): string | null {
  for (const id of truth.keys()) if (!board.has(id)) return `lost ${id}`
  for (const id of board.keys()) if (!truth.has(id)) return `phantom ${id}`
  for (const [id, t] of truth) {
    const b = board.get(id)!
    if (b.state !== t.state) return `${id}: state ${b.state} ≠ ${t.state}`
    if (b.dueAtMs !== t.dueAtMs) return `${id}: due ${b.dueAtMs} ≠ ${t.dueAtMs}`
  }
  return null
}

/** Polls until the replica equals the org's truth (read through the SDK); fails after `ms`. */
async function converges(replica: () => BoardReplica, ms = 5_000): Promise<void> {
  let last: string | null = 'not checked'
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    service!.flush()
    last = sameBoard(liveRows(replica()), await readTruth(truthGateway, profile.holdingQueueId))
    if (last === null) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`board did not converge within ${ms} ms: ${last}`)
}

/** Changes made in the same tick as a fault: the client cannot have reconnected, so they are missed events. */
function burst(n: number): void {
  for (let i = 0; i < n; i++) traffic.step()
}

async function withTraffic(perSecond: number, ms: number, during: () => void | Promise<void>): Promise<void> {
  const run = traffic.run(perSecond)
  try {
    await new Promise((r) => setTimeout(r, ms / 2))
    await during()
    await new Promise((r) => setTimeout(r, ms / 2))
  } finally {
    run.stop()
  }
}

describe('LiveBoardService against the demo org', () => {
  it('loads the first snapshot and follows live events', async () => {
    for (let i = 0; i < 40; i++) traffic.create()
    const { replica, connections } = startService()
    await service!.whenSynced()
    await converges(replica)
    expect(connections.at(-1)!.state).toBe('live')
    expect(replica().kpis.campaignStatus).toBe('on')
    expect(replica().kpis.targetEwtSeconds).not.toBeNull()
    await service!.whenIdle()
    const calls = [...gateway.callCounts().values()].reduce((a, b) => a + b, 0)
    await withTraffic(20, 600, () => undefined)
    await converges(replica)
    // Live events need no REST calls.
    expect([...gateway.callCounts().values()].reduce((a, b) => a + b, 0)).toBe(calls)
  })

  it('reads the campaign’s callable hours when the campaign is linked to a callable time set', async () => {
    const { replica } = startService()
    await service!.whenSynced()
    expect(replica().kpis.campaignCallableTimes).toBeNull()
    const slots = [1, 2, 3, 4, 5].map((day) => ({ day, startTime: '08:00:00', stopTime: '20:00:00' }))
    const created = await truthGateway.call('POST /api/v2/outbound/callabletimesets', (a) =>
      a.outbound.postOutboundCallabletimesets({
        name: 'Weekdays',
        callableTimes: [{ timeZoneId: 'Europe/London', timeSlots: slots }]
      })
    )
    if (!created.ok) throw new Error(created.error.message)
    const campaign = await truthGateway.call('GET /api/v2/outbound/campaigns/{campaignId}', (a) =>
      a.outbound.getOutboundCampaign(profile.campaignId)
    )
    if (!campaign.ok) throw new Error(campaign.error.message)
    const linked = await truthGateway.call('PUT /api/v2/outbound/campaigns/{campaignId}', (a) =>
      a.outbound.putOutboundCampaign(profile.campaignId, { ...campaign.value, callableTimeSet: { id: created.value.id! } })
    )
    if (!linked.ok) throw new Error(linked.error.message)
    await waitFor(
      () => {
        service!.flush()
        return replica().kpis.campaignCallableTimes !== null
      },
      5_000,
      'the callable hours on the board'
    )
    expect(replica().kpis.campaignCallableTimes).toEqual([
      { timeZoneId: 'Europe/London', slots: slots.map((s) => ({ ...s, startTime: '08:00:00.000', stopTime: '20:00:00.000' })) }
    ])
    expect(gateway.callCounts().get('GET /api/v2/outbound/callabletimesets/{callableTimeSetId}')).toBe(1)
  })

  it('converges after dropped sockets', async () => {
    for (let i = 0; i < 20; i++) traffic.create()
    const { replica, connections } = startService()
    await service!.whenSynced()
    await withTraffic(20, 800, () => {
      org.faults.dropSockets()
      burst(15)
    })
    await converges(replica)
    expect(connections.some((c) => c.state === 'reconnecting')).toBe(true)
    expect(connections.at(-1)!.state).toBe('live')
  })

  it('converges after socket_closing (rollover without a gap)', async () => {
    for (let i = 0; i < 20; i++) traffic.create()
    const { replica } = startService()
    await service!.whenSynced()
    await withTraffic(20, 800, () => {
      org.faults.sendSocketClosing(300)
      burst(15)
    })
    await converges(replica)
    expect(service!.channel.stats().rollovers).toBe(1)
  })

  it('converges after the channel expires', async () => {
    for (let i = 0; i < 20; i++) traffic.create()
    const { replica } = startService()
    await service!.whenSynced()
    await withTraffic(20, 800, () => {
      org.faults.expireChannels()
      burst(15)
    })
    await converges(replica)
  })

  it('converges through a 30% storm of 429s while reconnecting', async () => {
    // The demo org's own storm switch, scoped to the console's OAuth client (the truth reader signs in as the
    // admin client and is spared); storm 429s carry a short `Retry-After` (1 s) as Genesys sends for bursts.
    gateway = gatewayForToken(org, org.issueToken(DESKTOP_CLIENT).token)
    for (let i = 0; i < 20; i++) traffic.create()
    const { replica } = startService()
    await service!.whenSynced()
    const before = org.faults.injected.rateLimited
    await withTraffic(20, 800, () => {
      org.faults.set({ rateLimitShare: 0.3, rateLimitRetryAfterSeconds: 1, rateLimitClientIds: [DESKTOP_CLIENT] })
      org.faults.dropSockets()
      burst(15)
    })
    await converges(replica)
    const limited = org.faults.injected.rateLimited - before
    expect(limited).toBeGreaterThan(0)
    expect(gateway.stats().rateLimited).toBe(limited)
  })

  it('converges with duplicated and out-of-order events, without any reconcile', async () => {
    for (let i = 0; i < 20; i++) traffic.create()
    const { replica } = startService()
    await service!.whenSynced()
    await service!.whenIdle()
    const before = gateway.stats().requests
    org.faults.set({ duplicateEventShare: 0.3, reorderEventShare: 0.3 })
    await withTraffic(30, 1_000, () => undefined)
    await converges(replica)
    expect(gateway.stats().requests).toBe(before)
    expect(service!.board.stats().unchanged + service!.board.stats().stale).toBeGreaterThan(0)
  })

  it('the reconciliation floor costs one listing and the EWT, and heals a row whose end event was lost', async () => {
    for (let i = 0; i < 10; i++) traffic.create()
    const { replica } = startService({ floorIntervalMs: 400, settleMs: 100 })
    await service!.whenSynced()
    await service!.whenIdle()
    gateway.resetCounts()
    const floors: string[] = []
    service!.onDidSync((r) => floors.push(r.kind))
    await waitFor(() => floors.filter((k) => k === 'floor').length >= 2, 5_000, 'two floor checks')
    expect(Object.fromEntries(gateway.callCounts())).toEqual({
      'POST /api/v2/analytics/queues/observations/query': 2,
      'GET /api/v2/routing/queues/{queueId}/estimatedwaittime': 2
    })
    // A callback the org never had (as if its end event had been lost) is found by the floor and removed.
    const at = new Date().toISOString()
    service!.board.applyFrame({
      topicName: `v2.routing.queues.${profile.holdingQueueId}.conversations.callbacks`,
      eventBody: {
        id: 'phantom-1',
        participants: [
          {
            id: 'p1',
            purpose: 'acd',
            state: 'connected',
            startTime: at,
            queue: { id: profile.holdingQueueId },
            callbackNumbers: ['+13175550000'],
            callbackScheduledTime: at
          }
        ]
      }
    })
    expect(service!.board.row('phantom-1')).toBeDefined()
    await waitFor(() => service!.board.row('phantom-1')?.state !== 'waiting', 5_000, 'phantom removed')
    await converges(replica)
  })
})

describe('LiveBoardService with a real session', () => {
  it('keeps the board through token renewal and through revocation followed by a new sign-in', async () => {
    const session = newSession({ openExternal: fakeBrowser().open })
    try {
      expect((await session.signInWithBrowser(demoTarget(org), DESKTOP_CLIENT)).ok).toBe(true)
      gateway = session.gateway
      session.onDidChangeToken((c) => service?.handleTokenChange(c))
      for (let i = 0; i < 10; i++) traffic.create()
      const { replica, connections } = startService()
      await service!.whenSynced()
      service!.flush()
      const rows = replica().rows.size
      expect(rows).toBe(10)
      // Re-auth before expiry: the channel moves to the new token without a gap.
      expect((await session.signInWithBrowser(demoTarget(org), DESKTOP_CLIENT)).ok).toBe(true)
      await waitFor(() => service!.channel.stats().rollovers === 1, 5_000, 'rollover on the renewed token')
      expect(connections.some((c) => c.state === 'reconnecting')).toBe(false)
      // The org revokes every token: the channel dies, the board goes stale but keeps its rows.
      org.faults.revokeTokens()
      await waitFor(() => session.view().state === 'expired', 5_000, 'session expired')
      await waitFor(() => service!.connection().state === 'stale', 5_000, 'stale banner')
      service!.flush()
      expect(replica().rows.size).toBe(rows)
      burst(10)
      // Signing in again resumes the same board: reconnect, reconcile, live.
      expect((await session.signInWithBrowser(demoTarget(org), DESKTOP_CLIENT)).ok).toBe(true)
      await waitFor(() => service!.connection().state === 'live', 5_000, 'live again')
      truthGateway = gatewayForToken(org, org.issueToken(ADMIN_CLIENT).token)
      truthGateway.resetBudget(1_000_000)
      await converges(replica)
    } finally {
      service?.dispose()
      service = undefined
      session.dispose()
    }
  })
})
