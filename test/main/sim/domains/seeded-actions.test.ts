import { afterEach, describe, expect, it } from 'vitest'
import { findDeployment } from '../../../../src-main/sim/domains/index'
import { apis, rejection, startDomainOrg, type DomainOrg } from './domain-harness'

/** Executes each of the six seeded actions by name through the SDK. */
async function harness(flows: 'ours' | 'blueprint') {
  const o = await startDomainOrg({ deployed: true, flows, dialer: { scripted: () => 'callable.busy' } })
  const a = apis(o.admin)
  const actions = (await a.integrations.getIntegrationsActions({ category: 'Proactive Callback Flows', pageSize: 50 })).entities!
  const run = (name: string, input: Record<string, unknown>) =>
    a.integrations.postIntegrationsActionExecute(actions.find((x) => x.name === name)!.id!, input)
  return { o, a, run, actions, deployment: findDeployment(o.demo.org) }
}

describe('the seeded solution actions act on the org', () => {
  let o: DomainOrg | undefined
  afterEach(async () => {
    await o?.close()
    o = undefined
  })

  it('ours: all six actions perform their operation', async () => {
    const h = await harness('ours')
    o = h.o
    expect(h.actions.map((x) => x.name).sort()).toEqual([
      'Add contact to contact list',
      'Create placeholder callback',
      'Disconnect callback',
      'Execute workflow',
      'Get callbacks waiting',
      'Get interaction state'
    ])
    const { deployment, run } = h
    const created = (await run('Create placeholder callback', {
      queueId: deployment.holdingQueueId,
      callbackNumber: '+442071234567'
    })) as { conversation: { id: string } }
    expect(await run('Get callbacks waiting', { queueId: deployment.holdingQueueId })).toEqual({ count: 1 })
    expect(await run('Get interaction state', { conversationId: created.conversation.id })).toEqual({ state: 'connected' })
    const added = (await run('Add contact to contact list', {
      contactListId: deployment.contactListId,
      phone: '+442071234567',
      name: 'Zoë "Z" O\'Neil',
      delay: '3',
      callbackId: created.conversation.id
    })) as { contactId: string }
    const contact = h.o.demo.org.outbound!.contactLists.contact(deployment.contactListId!, added.contactId)
    expect(contact?.data).toMatchObject({ name: 'Zoë "Z" O\'Neil', phone: '+442071234567' })
    expect(await run('Disconnect callback', { conversationId: created.conversation.id })).toBeDefined()
    expect(await run('Get interaction state', { conversationId: created.conversation.id })).toEqual({ state: 'disconnected' })
    expect(await run('Get callbacks waiting', { queueId: deployment.holdingQueueId })).toEqual({ count: 0 })
    const launched = (await run('Execute workflow', {
      flowId: deployment.workflowFlowId,
      phone: '+13175550100',
      name: 'A "quoted" name',
      delay: '2'
    })) as { executionId: string }
    expect(h.o.demo.org.conversations.listWaiting(deployment.holdingQueueId!, 'callback')).toHaveLength(1)
    expect((await h.a.architect.getFlowsExecution(launched.executionId)).status).toBe('RUNNING')
  })

  it('blueprint: the same six, with the blueprint templates', async () => {
    const h = await harness('blueprint')
    o = h.o
    const { deployment, run } = h
    const created = (await run('Create placeholder callback', {
      queueId: deployment.holdingQueueId,
      callbackNumber: 13175550100
    })) as { conversation: { id: string } }
    expect(await run('Get callbacks waiting', { queueId: deployment.holdingQueueId })).toEqual({ count: 1 })
    expect(await run('Get interaction state', { conversationId: created.conversation.id })).toEqual({ state: 'connected' })
    await run('Add contact to contact list', {
      contactListId: deployment.contactListId,
      data: `"phone": "+13175550100", "name": "Ann", "delay": "3", "callbackId": "${created.conversation.id}"`
    })
    expect(h.o.demo.org.outbound!.contactLists.book(deployment.contactListId!).size()).toBe(1)
    await run('Disconnect callback', { conversationId: created.conversation.id })
    expect(await run('Get interaction state', { conversationId: created.conversation.id })).toEqual({ state: 'disconnected' })
    const exec = (await run('Execute workflow', {
      flowId: deployment.workflowFlowId,
      attributes: '"Flow.delay": "1", "Flow.phone": "+13175550100", "Flow.name": "Ann"'
    })) as { id: string }
    expect((await h.a.architect.getFlowsExecution(exec.id)).status).toBe('RUNNING')
    const broken = await rejection(
      run('Execute workflow', { flowId: deployment.workflowFlowId, attributes: '"Flow.name": "Dwayne "The Rock""' })
    )
    expect(broken.status).toBe(400)
  })
})
