import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditInput } from '../../../src-main/core/audit'
import { initialAttributes } from '../../../src-main/core/lifecycle'
import { CC } from '../../../src-main/core/lifecycle-model'
import { CallbackActions } from '../../../src-main/genesys/actions/callback-actions'
import type { Gateway } from '../../../src-main/genesys/gateway-types'
import { seedSolution, type SeededSolution } from '../../../src-main/sim/domains/index'
import { domainPlugins } from '../../../src-main/sim/plugins'
import type { DemoOrg } from '../../../src-main/sim/server'
import { ADMIN_CLIENT, gatewayForToken, startTestOrg } from './helpers/demo'

/** The lifecycle contract's actions against a deployed demo org with no traffic, checked through the org's state. */
describe('callback actions (lifecycle contract)', () => {
  let demo: DemoOrg
  let solution: SeededSolution
  let gateway: Gateway
  const audits: AuditInput[] = []
  let serial = 0

  const actions = (name: string, settleMs = 150): CallbackActions =>
    new CallbackActions({
      gateway,
      contactListId: () => solution.contactListId,
      actor: () => ({ kind: 'user', id: name, name }),
      now: () => demo.org.clock.now(),
      newId: () => `action-${++serial}`,
      audit: (input) => void audits.push(input),
      settleMs
    })

  const newCallback = (dueInMs = 3_600_000): string => {
    const now = demo.org.clock.now()
    return demo.org.conversations.createCallback({
      queueId: solution.holdingQueueId,
      callbackNumbers: ['+13175550123'],
      callbackUserName: 'Ana "Quotes" Smith',
      callbackScheduledTime: now + dueInMs,
      data: {
        ...initialAttributes({
          actor: { kind: 'flow', id: 'wf', name: 'Workflow' },
          requestedAtMs: now,
          promisedWaitSeconds: 900
        })
      }
    }).id
  }
  const attributesOf = (id: string): Record<string, string> => {
    const conv = demo.org.conversations.require(id)
    return demo.org.conversations.customerOf(conv)?.attributes ?? {}
  }
  /** Reads a campaign contact through the SDK, as any console would. */
  const contact = async (contactId: string) => {
    const r = await gateway.call('GET contact', (a) =>
      a.outbound.getOutboundContactlistContact(solution.contactListId, contactId)
    )
    return r.ok ? r.value : null
  }

  beforeAll(async () => {
    demo = await startTestOrg({ plugins: { ...domainPlugins, seedSolution: (org, o) => void (solution = seedSolution(org, o)) } })
    gateway = gatewayForToken(demo, demo.issueToken(ADMIN_CLIENT).token)
    // Keep the dialer from calling anyone during these tests: the campaign is stopped.
    const campaign = await gateway.call('GET campaign', (a) => a.outbound.getOutboundCampaign(solution.campaignId))
    if (!campaign.ok) throw new Error(campaign.error.message)
    const stopped = await gateway.call('PUT campaign', (a) =>
      a.outbound.putOutboundCampaign(solution.campaignId, { ...campaign.value, campaignStatus: 'off' })
    )
    if (!stopped.ok) throw new Error(stopped.error.message)
  })
  afterAll(async () => demo?.close())

  it('cancels: records who and why, then disconnects the placeholder; a second cancel is a plain conflict', async () => {
    const id = newCallback()
    const [first] = await actions('Dana Lead').cancel([id], 'Customer called in', 'resolved on another call')
    expect(first).toMatchObject({ id, ok: true })
    const attrs = attributesOf(id)
    expect(attrs[CC.state]).toBe('cancelled')
    expect(attrs[CC.cancelledBy]).toBe('Dana Lead')
    expect(attrs[CC.reason]).toBe('Customer called in: resolved on another call')
    expect(demo.org.conversations.countWaiting(solution.holdingQueueId, 'callback')).toBe(0)
    const [second] = await actions('Sam Lead').cancel([id], 'Duplicate')
    expect(second).toMatchObject({ ok: false, code: 'already-cancelled' })
    expect(second.message).toContain('Already cancelled by Dana Lead')
    expect(audits.filter((a) => a.conversationId === id).map((a) => a.result)).toEqual(['ok', 'conflict'])
  })

  it('reschedules to a later time and refuses a time in the past', async () => {
    const id = newCallback()
    const due = demo.org.clock.now() + 2 * 3_600_000
    const [ok] = await actions('Dana Lead').reschedule([id], { dueAtMs: due })
    expect(ok.ok).toBe(true)
    expect(demo.org.conversations.require(id).callback?.callbackScheduledTime).toBe(due)
    expect(attributesOf(id)[CC.rescheduledBy]).toBe('Dana Lead')
    const [past] = await actions('Dana Lead').reschedule([id], { dueAtMs: demo.org.clock.now() - 60_000 })
    expect(past).toMatchObject({ ok: false, code: 'time-in-past' })
    const [shifted] = await actions('Dana Lead').reschedule([id], { shiftMinutes: 15 })
    expect(shifted.ok).toBe(true)
    expect(demo.org.conversations.require(id).callback?.callbackScheduledTime).toBe(due + 15 * 60_000)
  })

  it('calls now: appends the attempt’s contact with priority and marks the callback dispatched; cancelling then makes it uncallable', async () => {
    const id = newCallback()
    const [dialled] = await actions('Dana Lead').callNow([id])
    expect(dialled).toMatchObject({ ok: true })
    expect(attributesOf(id)[CC.state]).toBe('dispatched')
    expect(await contact(`${id}-a1`)).toMatchObject({ data: { phone: '+13175550123', callbackId: id } })
    const [again] = await actions('Sam Lead').callNow([id])
    expect(again).toMatchObject({ ok: false, code: 'already-dispatched' })
    const [cancelled] = await actions('Sam Lead').cancel([id], 'Caller asked to stop')
    expect(cancelled).toMatchObject({ ok: true, message: expect.stringContaining('uncallable') })
    expect((await contact(`${id}-a1`))?.callable).toBe(false)
  })

  it('two consoles acting at once: one success, one clear conflict, never a second contact', async () => {
    for (let round = 0; round < 4; round++) {
      const id = newCallback()
      const results = await Promise.all([actions('Dana Lead').callNow([id]), actions('Sam Lead').callNow([id])])
      const outcomes = results.map(([r]) => r)
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1)
      expect(outcomes.filter((o) => !o.ok).map((o) => o.code)).toEqual(['already-dispatched'])
      expect(await contact(`${id}-a1`)).not.toBeNull()
      expect(await contact(`${id}-a2`)).toBeNull()
    }
  })

  it('reports an unknown callback in plain words', async () => {
    const [missing] = await actions('Dana Lead').cancel(['00000000-0000-4000-8000-000000000000'], 'Test')
    expect(missing.ok).toBe(false)
    expect(missing.message).not.toMatch(/undefined|\[object/)
  })
})
