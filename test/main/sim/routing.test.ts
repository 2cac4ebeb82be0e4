import platformClient from 'purecloud-platform-client-v2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DemoOrg } from '../../../src-main/sim/server'
import { loggedIn, rejection, startQuietOrg, type ApiClient } from './sim-harness'

describe('demo org routing API', () => {
  let demo: DemoOrg
  let client: ApiClient
  let routing: InstanceType<typeof platformClient.RoutingApi>
  beforeAll(async () => {
    demo = await startQuietOrg({ rateLimitPerMinute: 10_000 })
    client = await loggedIn(demo)
    routing = new platformClient.RoutingApi(client)
  })
  afterAll(() => demo.close())

  it('creates, reads, lists, updates (queueFlow) and deletes queues', async () => {
    const created = await routing.postRoutingQueues({
      name: 'Waiting callbacks',
      description: 'holding',
      skillEvaluationMethod: 'NONE'
    })
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(created.division?.name).toBe('Home')
    expect(created.mediaSettings?.callback).toBeDefined()
    expect(created.skillEvaluationMethod).toBe('NONE')
    expect(created.memberCount).toBe(0)

    const got = await routing.getRoutingQueue(created.id!)
    expect(got.name).toBe('Waiting callbacks')

    const byName = await routing.getRoutingQueues({ name: 'waiting callbacks' })
    expect(byName.entities?.map((q) => q.id)).toEqual([created.id])
    const wildcard = await routing.getRoutingQueues({ name: 'Wait*' })
    expect(wildcard.total).toBe(1)
    const byId = await routing.getRoutingQueues({ id: [created.id!, demo.seed.targetQueueId] })
    expect(byId.total).toBe(2)

    const updated = await routing.putRoutingQueue(demo.seed.targetQueueId, {
      name: 'Customer Service',
      queueFlow: { id: 'flow-123', name: 'Proactive callbacks' }
    })
    expect(updated.queueFlow?.id).toBe('flow-123')
    expect((await routing.getRoutingQueue(demo.seed.targetQueueId)).queueFlow?.name).toBe('Proactive callbacks')
    expect(updated.memberCount).toBe(12)

    const dup = await rejection(routing.postRoutingQueues({ name: 'Waiting Callbacks' }))
    expect(dup.status).toBe(409)
    const noName = await rejection(routing.postRoutingQueues({} as never))
    expect(noName.status).toBe(400)
    expect((noName.details as Array<{ fieldName: string }>)[0]!.fieldName).toBe('name')

    await routing.deleteRoutingQueue(created.id!)
    expect((await rejection(routing.getRoutingQueue(created.id!))).status).toBe(404)
  })

  it('pages queue listings like Genesys', async () => {
    for (let i = 0; i < 5; i++) await routing.postRoutingQueues({ name: `Paging ${i}` })
    const page = await routing.getRoutingQueues({ pageSize: 2, pageNumber: 2, name: 'Paging*' })
    expect(page.entities?.map((q) => q.name)).toEqual(['Paging 2', 'Paging 3'])
    expect(page.total).toBe(5)
    expect(page.pageCount).toBe(3)
    expect(page.nextUri).toContain('pageNumber=3')
    expect((await rejection(routing.getRoutingQueues({ pageSize: 0 }))).status).toBe(400)
  })

  it('lists members and wrap-up codes, and creates wrap-up codes', async () => {
    const members = await routing.getRoutingQueueMembers(demo.seed.targetQueueId, { pageSize: 100 })
    expect(members.entities).toHaveLength(12)
    expect(members.entities![0]!.routingStatus?.status).toBe('IDLE')
    const codes = await routing.getRoutingQueueWrapupcodes(demo.seed.targetQueueId)
    expect(codes.entities?.map((c) => c.name)).toContain('Resolved')
    const made = await routing.postRoutingWrapupcodes({ name: 'Spam' })
    expect((await routing.getRoutingWrapupcode(made.id!)).name).toBe('Spam')
    const all = await routing.getRoutingWrapupcodes({ name: 'Spam' })
    expect(all.total).toBe(1)
  })

  it('estimates wait times with a formula, per queue, per media type and per conversation', async () => {
    const q = demo.seed.targetQueueId
    demo.org.routing.setHistory(q, { ahtSeconds: 240, abandonRate: 0 })
    const empty = await routing.getRoutingQueueMediatypeEstimatedwaittime(q, 'callback')
    expect(empty.results[0]).toMatchObject({ intent: 'CALLBACK', formula: 'BEST', estimatedWaitTimeSeconds: 20 }) // 240 × 1 / 12
    const conv = new platformClient.ConversationsApi(client)
    const ids: string[] = []
    for (let i = 0; i < 3; i++)
      ids.push((await conv.postConversationsCallbacks({ queueId: q, callbackNumbers: [`+1555010${i}`] })).conversation.id!)
    const after = await routing.getRoutingQueueMediatypeEstimatedwaittime(q, 'callback')
    expect(after.results[0]!.estimatedWaitTimeSeconds).toBe(80) // position 4
    const mine = await routing.getRoutingQueueEstimatedwaittime(q, { conversationId: ids[1] })
    expect(mine.results[0]).toMatchObject({ intent: 'CALLBACK', estimatedWaitTimeSeconds: 40 })
    // Priority moves the conversation to the front.
    const prio = await routing.patchRoutingConversation(ids[2]!, { priority: 10 })
    expect(prio.priority).toBe(10)
    expect(
      (await routing.getRoutingQueueEstimatedwaittime(q, { conversationId: ids[2] })).results[0]!.estimatedWaitTimeSeconds
    ).toBe(20)
    expect(demo.org.conversations.nextWaiting(q, 'callback')?.id).toBe(ids[2])

    // No agents: longest current wait, formula SIMPLE.
    const holding = await routing.postRoutingQueues({ name: 'No agents' })
    const none = await routing.getRoutingQueueMediatypeEstimatedwaittime(holding.id!, 'call')
    expect(none.results[0]).toMatchObject({ formula: 'SIMPLE', estimatedWaitTimeSeconds: 0 })
    expect((await rejection(routing.getRoutingQueueMediatypeEstimatedwaittime(q, 'fax'))).status).toBe(400)
    expect((await rejection(routing.getRoutingQueueEstimatedwaittime(q, { conversationId: 'nope' }))).status).toBe(400)
    expect((await rejection(routing.getRoutingQueueEstimatedwaittime('missing'))).status).toBe(404)
    expect((await rejection(routing.patchRoutingConversation(ids[0]!, { priority: 1.5 }))).status).toBe(400)
    expect((await rejection(routing.patchRoutingConversation('nope', { priority: 1 }))).status).toBe(404)
  })
})
