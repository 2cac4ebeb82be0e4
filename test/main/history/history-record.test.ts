import { describe, expect, it } from 'vitest'
import { parseHistoryConversations, sumMetric } from '../../../src-main/core/history/analytics-schema'
import { agentAnswersByCallback, callbackIdOfContact } from '../../../src-main/core/history/agent-answers'
import { toCallbackHistory } from '../../../src-main/core/history/history-record'
import { JANE, at, campaignCall, dials, lifecycleAttributes, placeholder } from './fixtures'

const parse = (raw: unknown) => parseHistoryConversations(JSON.parse(JSON.stringify([raw]))).conversations[0]!

describe('toCallbackHistory', () => {
  it('reads an unreached callback: attempts, last dial result and the dialer as actor', () => {
    const attributes = lifecycleAttributes('x1', at('09:00'), 600, dials(at('09:10'), ['busy', 'machine', 'no-answer']))
    const r = toCallbackHistory(
      parse(placeholder({ id: 'x1', requestedAtMs: at('09:00'), endedAtMs: at('09:41'), attributes })),
      null
    )!
    expect(r).toMatchObject({
      outcome: 'unreached',
      attempts: 3,
      lastOutcome: 'no-answer',
      reason: 'No answer',
      actor: 'Callbacks dialer',
      actorKind: 'flow',
      promisedAtMs: at('09:10'),
      outcomeAtMs: at('09:41'),
      number: '+442079460018',
      name: 'Ann Caller',
      attributesKnown: true
    })
  })

  it('takes the attributes of a separate read over the (attribute-less) query payload', () => {
    const attributes = lifecycleAttributes('x2', at('09:00'), 600, [
      { atMs: at('09:05'), command: { kind: 'cancel', actor: JANE, reason: 'Asked to stop' } }
    ])
    const bare = parse(placeholder({ id: 'x2', requestedAtMs: at('09:00') }))
    expect(toCallbackHistory(bare, null)!.outcome).toBe('open')
    const r = toCallbackHistory(bare, { attributes, ended: true, endedAtMs: at('09:05') })!
    expect(r).toMatchObject({
      outcome: 'cancelled',
      reason: 'Asked to stop',
      actor: 'Jane Lead',
      actorKind: 'user',
      inferred: false
    })
  })

  it('infers a cancellation for a placeholder that ended without attributes, attempts from the metric', () => {
    const conv = parse(
      placeholder({
        id: 'x3',
        requestedAtMs: at('09:00'),
        endedAtMs: at('09:30'),
        metrics: [{ name: 'nCallbackAttempts', value: 2 }]
      })
    )
    expect(sumMetric(conv, 'nCallbackAttempts')).toBe(2)
    expect(toCallbackHistory(conv, null)).toMatchObject({
      outcome: 'cancelled',
      inferred: true,
      reason: 'Ended without a recorded outcome',
      attempts: 2,
      attributesKnown: false,
      outcomeAtMs: at('09:30'),
      promisedAtMs: null
    })
  })

  it('ignores conversations that are not callbacks and counts unreadable ones', () => {
    const call = parse(campaignCall('k1', 'x4', 1, at('09:00'), at('09:02')))
    expect(toCallbackHistory(call, null)).toBeNull()
    const parsed = parseHistoryConversations([{ conversationId: 'ok' }, { conversationId: 42 }, 'nope'])
    expect([parsed.conversations.length, parsed.rejected]).toEqual([1, 2])
    expect(parseHistoryConversations(undefined)).toEqual({ conversations: [], rejected: 0 })
  })
})

describe('agent answers', () => {
  it('joins campaign calls to callbacks through the contract contact id, earliest answer wins', () => {
    expect(callbackIdOfContact('conv-9-a2')).toBe('conv-9')
    expect(callbackIdOfContact('imported-contact')).toBeNull()
    const calls = parseHistoryConversations(
      JSON.parse(
        JSON.stringify([
          campaignCall('k1', 'cb-1', 1, at('09:00')),
          campaignCall('k2', 'cb-1', 2, at('09:20'), at('09:25')),
          campaignCall('k3', 'cb-2', 1, at('09:00'), at('09:04')),
          campaignCall('k4', 'cb-2', 1, at('09:00'), at('09:02'))
        ])
      )
    ).conversations
    expect([...agentAnswersByCallback(calls)]).toEqual([
      ['cb-1', at('09:25')],
      ['cb-2', at('09:02')]
    ])
  })
})
