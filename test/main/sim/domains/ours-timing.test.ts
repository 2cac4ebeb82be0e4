import { afterEach, describe, expect, it } from 'vitest'
import { CC } from '../../../../src-main/core/lifecycle-model'
import { findDeployment } from '../../../../src-main/sim/domains/index'
import { observedPosition, virtualPlaceTiming } from '../../../../src-main/sim/domains/solution/ours-timing'
import { truthOf } from '../../../../src-main/sim/domains/solution/placeholder'
import { apis, startDomainOrg, type DomainOrg } from './domain-harness'

describe('ours workflow: dispatch decided by the deployed virtual-place policy', () => {
  let o: DomainOrg | undefined
  afterEach(async () => {
    await o?.close()
    o = undefined
  })

  const setup = async () => {
    o = await startDomainOrg({ deployed: true, flows: 'ours', dialer: { scripted: () => 'callable.person' } })
    const org = o.demo.org
    const deployment = findDeployment(org)
    const target = deployment.targetQueueId!
    const a = apis(o.admin)
    const agents = org.routing.onQueueMembers(target)
    const busy = (n: number) =>
      agents.forEach((u, i) => org.routing.setUserStatus(u.id, i < n ? 'INTERACTING' : 'IDLE', 'On Queue'))
    org.routing.setHistory(target, { ahtSeconds: 300, abandonRate: 0 })
    const hold = (n: number) => {
      for (let i = 0; i < n; i++)
        org.conversations.createInboundCall({ ani: `+1317555${1000 + i}`, dnis: '+18005550100', queueId: target })
    }
    const launch = (phone: string, delaySeconds: number, extra: Record<string, string> = {}) =>
      a.architect.postFlowsExecutions({
        flowId: deployment.workflowFlowId!,
        inputData: {
          'Flow.phone': phone,
          'Flow.name': 'Ann Example',
          'Flow.delay': '0',
          'Flow.delaySeconds': String(delaySeconds),
          ...extra
        } as never
      })
    const placeholder = () => org.conversations.listWaiting(deployment.holdingQueueId!, 'callback')[0]!
    const state = (id: string) => truthOf(org, id)!.record.state
    return { org, deployment, target, busy, hold, launch, placeholder, state, o: o! }
  }

  it('holds the callback while its place is far (all 12 agents busy, 40 ahead) and writes the planned dial time', async () => {
    const { busy, hold, launch, placeholder, state, org, target, o } = await setup()
    busy(12)
    hold(40) // 40 × 25 s per place ≈ 17 min of calls ahead
    await o.run(10_000, 2) // they joined before this caller did
    await launch('+13175550100', 30) // the in-queue flow planned 30 s: too early for this queue
    const id = placeholder().id
    await o.run(5 * 60_000, 30)
    expect(state(id)).toBe('waiting')
    const due = truthOf(org, id)!.dueAtMs!
    // planned ≈ 40 places × 25 s − Ô from the request, rewritten by the workflow
    expect(due - org.clock.now()).toBeGreaterThan(5 * 60_000)
    // the calls ahead are served and agents free up: an idle agent would take the caller, so the next wake dials
    for (const c of org.conversations.listWaiting(target, 'call')) org.conversations.disconnect(c.id, 'client')
    busy(0)
    await o.run(60_000, 6)
    expect(state(id)).not.toBe('waiting')
  })

  it('dials at once when an idle agent would take the caller, whatever the in-queue flow planned', async () => {
    const { launch, placeholder, state, o } = await setup()
    await launch('+13175550100', 20 * 60)
    const id = placeholder().id
    await o.run(40_000, 8)
    expect(state(id)).not.toBe('waiting')
  })

  it('honours a staff reschedule as a pin, even when the policy would dial now', async () => {
    const { launch, placeholder, state, org, o } = await setup()
    const a = apis(o.admin)
    await launch('+13175550100', 25)
    const id = placeholder().id
    const later = org.clock.now() + 4 * 60_000
    await a.conversations.patchConversationsCallbacks({
      conversationId: id,
      callbackScheduledTime: new Date(later).toISOString()
    } as never)
    await o.run(3 * 60_000, 18)
    expect(state(id)).toBe('waiting')
    await o.until(() => state(id) !== 'waiting', 5 * 60_000, 5_000)
    expect(org.clock.now()).toBeGreaterThanOrEqual(later)
  })

  it('counts who is ahead from the two queues: earlier calls, priority callers, earlier unparked placeholders', async () => {
    const { org, deployment, target, hold, launch, o } = await setup()
    hold(3)
    await o.run(10_000, 2)
    const place = org.clock.now()
    hold(2) // joined after the place
    org.conversations.createInboundCall({ ani: '+13175559999', dnis: '+18005550100', queueId: target, priority: 4 })
    await launch('+13175550101', 600)
    const holding = deployment.holdingQueueId!
    const [first] = org.conversations.listWaiting(holding, 'callback')
    const input = {
      conversationId: 'other',
      truth: truthOf(org, first!.id)!,
      holdingQueueId: holding,
      targetQueueId: target,
      plannedDueMs: 0,
      nowMs: org.clock.now()
    }
    expect(observedPosition(org, input, place)).toEqual({ callsAhead: 4, callbacksAhead: 0 })
    expect(observedPosition(org, input, org.clock.now() + 1).callbacksAhead).toBe(1)
  })

  it('puts a connected caller back at their place: priority = minutes since cc.queuedAt, rounded up', async () => {
    const { org, placeholder, launch } = await setup()
    const queuedAt = new Date(org.clock.now() - 7.5 * 60_000).toISOString()
    await launch('+13175550100', 600, { 'Flow.queuedAt': queuedAt })
    const p = placeholder()
    const attributes = org.conversations.customerOf(p)!.attributes
    expect(attributes[CC.queuedAt]).toBe(queuedAt)
    expect(virtualPlaceTiming().transferPriority(truthOf(org, p.id)!, attributes, org.clock.now())).toBe(8)
  })

  it('without the seam the workflow dials at callbackScheduledTime (the emulation before timing)', async () => {
    const { org, launch, placeholder, state, o } = await setup()
    org.flowEmulation!.timing = null
    await launch('+13175550100', 3 * 60)
    const id = placeholder().id
    await o.run(2 * 60_000, 12)
    expect(state(id)).toBe('waiting')
    await o.run(90_000, 9)
    expect(state(id)).not.toBe('waiting')
  })
})
