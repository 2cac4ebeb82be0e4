import { afterEach, describe, expect, it } from 'vitest'
import { findDeployment } from '../../../../src-main/sim/domains/index'
import type { Disposition } from '../../../../src-main/sim/domains/outbound/response-set-store'
import { apis, startDomainOrg, type DomainOrg } from './domain-harness'

/** Scripted dial outcomes by the number's last digit: 0 live person, 1 busy. */
const scripted = (phone: string): Disposition => (phone.endsWith('1') ? 'callable.busy' : 'callable.person')

describe('the deployed solution (seeded) runs the lifecycle contract', () => {
  let o: DomainOrg | undefined
  afterEach(async () => {
    await o?.close()
    o = undefined
  })

  const setup = async (flows: 'ours' | 'blueprint') => {
    o = await startDomainOrg({ deployed: true, flows, dialer: { scripted } })
    const org = o.demo.org
    const deployment = findDeployment(org)
    const a = apis(o.admin)
    const launch = (phone: string, delay: string, name = 'Ann Example') =>
      a.architect.postFlowsExecutions({
        flowId: deployment.workflowFlowId!,
        inputData: { 'Flow.phone': phone, 'Flow.name': name, 'Flow.delay': delay } as never
      })
    const placeholders = () => org.conversations.listWaiting(deployment.holdingQueueId!, 'callback')
    const attributes = (id: string) => org.conversations.customerOf(org.conversations.get(id)!)!.attributes
    return { org, deployment, a, launch, placeholders, attributes, o: o! }
  }

  it('finds the seeded deployment by its wiring', async () => {
    const { deployment, org } = await setup('ours')
    expect(deployment).toMatchObject({ actionCategory: 'Proactive Callback Flows' })
    expect(org.routing.queues.get(deployment.holdingQueueId!)?.name).toBe('Waiting callbacks')
    expect(org.routing.queues.get(deployment.targetQueueId!)?.name).toBe('Customer Service')
    expect(org.routing.queues.get(deployment.targetQueueId!)?.queueFlow?.id).toBe(deployment.inQueueFlowId)
    expect(deployment.inboundFlowId).toBeDefined()
    expect(org.outbound!.campaigns.record(deployment.campaignId!).campaignStatus).toBe('on')
  })

  it('ours: placeholder with cc.* attributes, reschedule honoured, dispatch, live answer ends the callback', async () => {
    const { a, launch, placeholders, attributes, org, deployment, o } = await setup('ours')
    const execution = await launch('+13175550100', '1')
    const [placeholder] = placeholders()
    expect(placeholder!.callback!.callbackNumbers).toEqual(['+13175550100'])
    expect(attributes(placeholder!.id)).toMatchObject({
      'cc.state': 'waiting',
      'cc.promisedWaitSeconds': '60',
      'cc.attempts': '0'
    })
    expect((await launch('+13175550100', '1')).id).toBeDefined()
    expect((await a.architect.getFlowsExecution((await launch('+13175550100', '3')).id!)).completionReason).toBe('Duplicate')

    const later = new Date(org.clock.now() + 5 * 60_000).toISOString()
    await a.conversations.patchConversationsCallbacks({ conversationId: placeholder!.id, callbackScheduledTime: later } as never)
    await o.run(3 * 60_000, 12)
    expect(attributes(placeholder!.id)['cc.state']).toBe('waiting')
    await o.until(() => attributes(placeholder!.id)['cc.state'] !== 'waiting', 10 * 60_000)
    expect(org.clock.now()).toBeGreaterThanOrEqual(Date.parse(later))
    const contactId = attributes(placeholder!.id)['cc.contactId']!
    expect(contactId).toBe(`${placeholder!.id}-a1`)
    expect(org.outbound!.contactLists.contact(deployment.contactListId!, contactId)?.data).toMatchObject({
      phone: '+13175550100',
      callbackId: placeholder!.id
    })
    await o.until(() => org.conversations.get(placeholder!.id)!.phase === 'ended', 10 * 60_000)
    const final = attributes(placeholder!.id)
    expect(['connected', 'declined']).toContain(final['cc.state'])
    if (final['cc.state'] === 'connected') {
      const inTarget = org.conversations.listWaiting(deployment.targetQueueId!, 'call')
      expect(inTarget.some((c) => c.call?.dialer?.contactId === contactId)).toBe(true)
    }
    await o.until(() => false, 60_000)
    const done = await a.architect.getFlowsExecution(execution.id!)
    expect(done.status).toBe('COMPLETED')
    expect(['Connected', 'Declined']).toContain(done.completionReason)
  })

  it('ours: unanswered attempts are retried, then the callback is unreached and leaves the holding queue', async () => {
    const { launch, placeholders, attributes, org, o } = await setup('ours')
    org.flowEmulation!.retry = { maxAttempts: 2, retryDelaySeconds: 120 }
    await launch('+13175550111', '0')
    const [placeholder] = placeholders()
    await o.until(() => org.conversations.get(placeholder!.id)!.phase === 'ended', 30 * 60_000)
    expect(attributes(placeholder!.id)).toMatchObject({ 'cc.state': 'unreached', 'cc.attempts': '2', 'cc.lastOutcome': 'busy' })
    expect(placeholders()).toHaveLength(0)
  })

  it('ours: a cancelled (disconnected) placeholder is never dialled', async () => {
    const { a, launch, placeholders, org, deployment, o } = await setup('ours')
    const execution = await launch('+13175550100', '2')
    const [placeholder] = placeholders()
    await a.conversations.patchConversationsCallback(placeholder!.id, { state: 'disconnected' } as never)
    await o.run(5 * 60_000, 20)
    expect(org.outbound!.contactLists.book(deployment.contactListId!).size()).toBe(0)
    expect((await a.architect.getFlowsExecution(execution.id!)).completionReason).toBe('CallbackCanceled')
  })

  it('blueprint: the number loses its +, the dial ignores a reschedule, and a busy line leaves the placeholder behind', async () => {
    const { a, launch, placeholders, org, deployment, o } = await setup('blueprint')
    const execution = await launch('+13175550101', '1')
    await o.until(() => placeholders().length === 1, 60_000, 1_000)
    const [placeholder] = placeholders()
    expect(placeholder!.callback!.callbackNumbers).toEqual(['13175550101'])
    const later = new Date(org.clock.now() + 30 * 60_000).toISOString()
    await a.conversations.patchConversationsCallbacks({ conversationId: placeholder!.id, callbackScheduledTime: later } as never)
    const book = org.outbound!.contactLists.book(deployment.contactListId!)
    await o.until(() => book.calledCount() === 1, 10 * 60_000, 2_000)
    expect(org.clock.now()).toBeLessThan(Date.parse(later))
    const [contact] = [...book.all()]
    expect(contact!.data).toEqual({ phone: '+13175550101', name: 'Ann Example', delay: '1', callbackId: placeholder!.id })
    await o.run(5 * 60_000, 20)
    expect((await a.architect.getFlowsExecution(execution.id!)).completionReason).toBe('Success')
    expect(placeholders().map((p) => p.id)).toEqual([placeholder!.id])
  })

  it('blueprint: a quote in the caller name breaks the contact push and strands the placeholder', async () => {
    const { a, launch, placeholders, org, deployment, o } = await setup('blueprint')
    const execution = await launch('+13175550100', '0', 'Dwayne "The Rock" Johnson')
    let done = await a.architect.getFlowsExecution(execution.id!)
    for (let i = 0; i < 50 && done.status === 'RUNNING'; i++) {
      await o.run(2_000, 2)
      done = await a.architect.getFlowsExecution(execution.id!)
    }
    expect(done).toMatchObject({ status: 'COMPLETED', completionReason: 'Failure' })
    expect(org.outbound!.contactLists.book(deployment.contactListId!).size()).toBe(0)
    expect(placeholders()).toHaveLength(1)
  })
})
