import { describe, expect, it } from 'vitest'
import { readFrame } from '../../../../src-main/core/board/frame'
import { boardTopics, classifyTopic } from '../../../../src-main/core/board/topics'

describe('classifyTopic', () => {
  it.each([
    ['v2.routing.queues.q1.conversations.callbacks', { kind: 'data', topic: { kind: 'queue-callbacks', queueId: 'q1' } }],
    ['v2.routing.queues.q1.conversations', { kind: 'data', topic: { kind: 'queue-conversations', queueId: 'q1' } }],
    ['v2.analytics.queues.q1.observations', { kind: 'data', topic: { kind: 'queue-observations', queueId: 'q1' } }],
    ['v2.outbound.campaigns.c1', { kind: 'data', topic: { kind: 'campaign', campaignId: 'c1' } }],
    ['v2.outbound.campaigns.c1.progress', { kind: 'data', topic: { kind: 'campaign-progress', campaignId: 'c1' } }],
    ['v2.outbound.campaigns.c1.stats', { kind: 'data', topic: { kind: 'campaign-stats', campaignId: 'c1' } }],
    ['v2.outbound.contactlists.l1', { kind: 'data', topic: { kind: 'contact-list', contactListId: 'l1' } }],
    ['v2.system.socket_closing', { kind: 'system', system: 'socket-closing' }],
    ['v2.system.token_revoked.abc', { kind: 'system', system: 'token-revoked' }],
    ['v2.system.no_longer_subscribed.abc', { kind: 'system', system: 'no-longer-subscribed' }],
    ['v2.subscription.updated', { kind: 'system', system: 'subscription-updated' }],
    ['v2.routing.queues.q1.conversations.calls', { kind: 'unknown' }],
    ['v2.outbound.contactlists.l1.importstatus', { kind: 'unknown' }]
  ])('%s', (name, expected) => expect(classifyTopic(name)).toEqual(expected))

  it('splits channel.metadata into heartbeat and pong by body', () => {
    expect(classifyTopic('channel.metadata', { message: 'WebSocket Heartbeat' })).toEqual({ kind: 'system', system: 'heartbeat' })
    expect(classifyTopic('channel.metadata', { message: 'pong' })).toEqual({ kind: 'system', system: 'pong' })
    expect(classifyTopic('channel.metadata')).toEqual({ kind: 'system', system: 'channel-metadata' })
  })
})

describe('readFrame', () => {
  it('parses text frames and classifies them', () => {
    const f = readFrame('{"topicName":"v2.outbound.campaigns.c1","version":"2","eventBody":{"id":"c1"}}')
    expect(f).toEqual({
      kind: 'data',
      topicName: 'v2.outbound.campaigns.c1',
      topic: { kind: 'campaign', campaignId: 'c1' },
      body: { id: 'c1' }
    })
  })

  it.each([
    ['{not json', 'not JSON'],
    ['{"eventBody":{}}', 'not a notification envelope'],
    [42, 'not a notification envelope'],
    [null, 'not a notification envelope'],
    ['{"topicName":"v2.outbound.campaigns.c1"}', 'v2.outbound.campaigns.c1: no eventBody']
  ])('%j is malformed (%s), not an exception', (raw, reason) => {
    expect(readFrame(raw)).toEqual({ kind: 'malformed', reason })
  })

  it('reports unknown topics by name', () => {
    expect(readFrame({ topicName: 'v2.users.u1.presence', eventBody: {} })).toEqual({
      kind: 'unknown',
      topicName: 'v2.users.u1.presence'
    })
  })
})

describe('boardTopics', () => {
  it('lists every topic the board needs once', () => {
    expect(boardTopics({ holdingQueueIds: ['h'], targetQueueIds: ['t', 't'], campaignId: 'c', contactListId: 'l' })).toEqual([
      'v2.routing.queues.h.conversations.callbacks',
      'v2.analytics.queues.h.observations',
      'v2.routing.queues.t.conversations',
      'v2.analytics.queues.t.observations',
      'v2.outbound.campaigns.c',
      'v2.outbound.campaigns.c.progress',
      'v2.outbound.campaigns.c.stats',
      'v2.outbound.contactlists.l'
    ])
    expect(boardTopics({ holdingQueueIds: [], targetQueueIds: [] })).toEqual([])
  })
})
