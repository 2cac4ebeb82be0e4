import platformClient from 'purecloud-platform-client-v2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DemoOrg } from '../../../src-main/sim/server'
import { loggedIn, rejection, startQuietOrg } from './sim-harness'

describe('demo org callbacks and conversations', () => {
  let demo: DemoOrg
  let api: InstanceType<typeof platformClient.ConversationsApi>
  let queueId: string
  beforeAll(async () => {
    demo = await startQuietOrg({ rateLimitPerMinute: 10_000 })
    api = new platformClient.ConversationsApi(await loggedIn(demo))
    queueId = demo.seed.targetQueueId
  })
  afterAll(() => demo.close())

  const create = (extra: Record<string, unknown> = {}) =>
    api.postConversationsCallbacks({ queueId, callbackNumbers: ['+13175550100'], callbackUserName: 'Pat Doe', ...extra } as never)

  it('creates a placeholder callback with data as customer attributes and reads it back', async () => {
    const scheduled = new Date(Date.now() + 600_000).toISOString()
    const res = await create({ callbackScheduledTime: scheduled, data: { 'cc.state': 'waiting', delay: '10' } })
    expect(res.callbackIdentifiers[0]!.type).toBe('ACD')
    const cb = await api.getConversationsCallback(res.conversation.id!)
    const [customer, acd] = cb.participants!
    expect(customer!.purpose).toBe('customer')
    expect(customer!.attributes).toEqual({ 'cc.state': 'waiting', delay: '10' })
    expect(customer!.callbackNumbers).toEqual(['+13175550100'])
    expect(customer!.callbackUserName).toBe('Pat Doe')
    expect(acd!.purpose).toBe('acd')
    expect(acd!.queue?.id).toBe(queueId)
    expect(acd!.state).toBe('connected')
    expect(Date.parse(acd!.callbackScheduledTime!)).toBe(Date.parse(scheduled))
    expect(acd!.conversationRoutingData?.priority).toBe(0)

    const generic = await api.getConversation(res.conversation.id!)
    // The blueprint's "Get interaction state" reads participants[0].callbacks[0].state.
    expect(generic.participants[0]!.callbacks![0]!.state).toBe('connected')
    expect(generic.participants[1]!.queueId).toBe(queueId)
    expect(generic.participants[1]!.callbacks![0]!.id).toBe(res.callbackIdentifiers[0]!.id)
  })

  it('coerces a numeric phone number like Genesys (the blueprint defect) and validates input', async () => {
    const raw = await fetch(`${demo.baseUrl}/api/v2/conversations/callbacks`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${demo.issueToken('callback-console-demo').token}`, 'Content-Type': 'application/json' },
      body: `{"queueId": "${queueId}", "callbackNumbers": [+13175550100]}`.replace('[+', '[')
    })
    const id = ((await raw.json()) as { conversation: { id: string } }).conversation.id
    expect((await api.getConversationsCallback(id)).participants![0]!.callbackNumbers).toEqual(['13175550100'])
    expect((await rejection(api.postConversationsCallbacks({ callbackNumbers: ['+1555'] } as never))).status).toBe(400)
    expect((await rejection(api.postConversationsCallbacks({ queueId, callbackNumbers: [] }))).status).toBe(400)
    expect((await rejection(api.postConversationsCallbacks({ queueId: 'missing', callbackNumbers: ['+15550100'] }))).status).toBe(
      404
    )
    expect((await rejection(create({ callbackScheduledTime: 'tomorrow' }))).status).toBe(400)
    expect((await rejection(create({ validateCallbackNumbers: true, callbackNumbers: ['call me'] }))).code).toBe(
      'invalid.phone.number'
    )
    const viaRouting = await api.postConversationsCallbacks({
      routingData: { queueId, priority: 5 },
      callbackNumbers: ['+15550101']
    })
    expect(
      (await api.getConversationsCallback(viaRouting.conversation.id!)).participants![1]!.conversationRoutingData?.priority
    ).toBe(5)
  })

  it('reschedules with PATCH /conversations/callbacks and bulk update (per-item errors)', async () => {
    const a = (await create()).conversation.id!
    const b = (await create()).conversation.id!
    const when = '2030-01-01T10:00:00.000Z'
    const res = await api.patchConversationsCallbacks({ conversationId: a, callbackScheduledTime: when } as never)
    expect(res.conversation.id).toBe(a)
    expect((await api.getConversationsCallback(a)).participants![0]!.callbackScheduledTime).toBe(when)
    const bulk = await api.postConversationsCallbacksBulkUpdate({
      patchCallbackRequests: [
        { conversationId: b, callbackScheduledTime: when },
        { conversationId: 'missing', callbackScheduledTime: when }
      ] as never
    })
    expect(bulk.errorCount).toBe(1)
    expect(bulk.errorIndexes).toEqual([1])
    expect(bulk.results?.[1]?.error?.code).toBe('not.found')
    expect((await api.getConversationsCallback(b)).participants![1]!.callbackScheduledTime).toBe(when)
    expect((await rejection(api.patchConversationsCallbacks({ callbackScheduledTime: when } as never))).status).toBe(400)
  })

  it('disconnects callbacks (whole, participant, bulk) and refuses to act twice', async () => {
    const a = (await create()).conversation.id!
    const done = await api.patchConversationsCallback(a, { state: 'disconnected' } as never)
    expect(done.participants.every((p) => p.callbacks![0]!.state === 'disconnected')).toBe(true)
    expect((await api.getConversation(a)).participants[0]!.callbacks![0]!.state).toBe('disconnected')
    const again = await rejection(api.patchConversationsCallback(a, { state: 'disconnected' } as never))
    expect(again.status).toBe(400)
    expect(again.code).toBe('conversation.already.disconnected')
    expect(
      (
        await rejection(
          api.patchConversationsCallbacks({ conversationId: a, callbackScheduledTime: '2030-01-01T00:00:00Z' } as never)
        )
      ).status
    ).toBe(400)
    expect((await rejection(api.patchConversationsCallback(a, { state: 'connected' } as never))).status).toBe(400)

    const b = await create()
    const bCb = await api.getConversationsCallback(b.conversation.id!)
    await api.patchConversationsCallbackParticipant(b.conversation.id!, bCb.participants![0]!.id!, { state: 'disconnected' })
    expect(demo.org.conversations.get(b.conversation.id!)!.phase).toBe('ended')

    const c = await create()
    const d = await create()
    await api.postConversationsCallbacksBulkDisconnect({
      callbackDisconnectIdentifiers: [
        { conversationId: c.conversation.id!, callbackId: c.callbackIdentifiers[0]!.id },
        { conversationId: d.conversation.id!, callbackId: 'wrong-id' }
      ]
    })
    expect(demo.org.conversations.get(c.conversation.id!)!.phase).toBe('ended')
    expect(demo.org.conversations.get(d.conversation.id!)!.phase).toBe('waiting')
    await api.postConversationDisconnect(d.conversation.id!)
    expect(demo.org.conversations.get(d.conversation.id!)!.phase).toBe('ended')
    expect((await rejection(api.getConversationsCallback('missing'))).status).toBe(404)
    expect((await rejection(api.getConversation('missing'))).status).toBe(404)
  })

  it('merges participant attributes through both attribute endpoints', async () => {
    const id = (await create({ data: { a: '1' } })).conversation.id!
    const pid = (await api.getConversationsCallback(id)).participants![0]!.id!
    const res = await api.patchConversationsCallbackParticipantAttributes(id, pid, { attributes: { 'cc.state': 'dispatched' } })
    expect(res.attributes).toEqual({ a: '1', 'cc.state': 'dispatched' })
    await api.patchConversationParticipantAttributes(id, pid, { attributes: { 'cc.reason': 'call now' } })
    expect((await api.getConversation(id)).participants[0]!.attributes).toEqual({
      a: '1',
      'cc.state': 'dispatched',
      'cc.reason': 'call now'
    })
    expect((await rejection(api.patchConversationParticipantAttributes(id, 'nope', { attributes: {} }))).status).toBe(404)
    expect(
      (await rejection(api.patchConversationParticipantAttributes(id, pid, { attributes: { x: { y: 1 } } } as never))).status
    ).toBe(400)
  })

  it('requires a user context to list "my" callbacks', async () => {
    expect((await rejection(api.getConversationsCallbacks())).status).toBe(400)
  })
})
