import { describe, expect, it } from 'vitest'
import { CC } from '../../../../src-main/core/lifecycle-model'
import { mergeCcAttributes } from '../../../../src-main/core/board/callback-snapshot'
import { deriveCallback } from '../../../../src-main/core/board/derive-row'
import {
  attributeParticipantId,
  callbackTruthOf,
  readCallbackConversation
} from '../../../../src-main/core/board/read-conversation'
import {
  HOLDING,
  T0,
  acted,
  callbackConversation,
  callbackEvent,
  genericConversation,
  iso,
  requested
} from '../fixtures/callbacks'

const spec = {
  id: 'c1',
  attributes: requested(T0),
  scheduledMs: T0 + 900_000,
  number: '+13175550123',
  name: "Ann O'Neil",
  startMs: T0
}

function rowOf(raw: unknown) {
  const read = readCallbackConversation(raw, null)
  if (!read.ok || !read.snapshot) throw new Error('unreadable fixture')
  return deriveCallback(read.snapshot).row
}

describe('reading callback conversations', () => {
  it('gives the same row from the topic event, the REST callback and the generic conversation', () => {
    const fromEvent = rowOf(callbackEvent(spec))
    expect(rowOf(callbackConversation(spec))).toEqual(fromEvent)
    expect(rowOf(genericConversation(spec))).toEqual(fromEvent)
    expect(fromEvent).toEqual({
      id: 'c1',
      queueId: HOLDING,
      maskedNumber: '•••• 0123',
      name: "Ann O'Neil",
      requestedAtMs: T0,
      promisedWaitSeconds: 900,
      dueAtMs: T0 + 900_000,
      state: 'waiting',
      stateInferred: false,
      stateAtMs: T0,
      attempts: 0,
      lastOutcome: null,
      lastAction: 'request',
      actedBy: 'Callback workflow',
      reason: null,
      eventTimeMs: T0
    })
  })

  it('reads an analytics details conversation (bulk snapshot shape)', () => {
    const analytics = {
      conversationId: 'c1',
      conversationStart: iso(T0),
      participants: [
        { participantId: 'p1', purpose: 'customer', participantName: "Ann O'Neil", attributes: requested(T0) },
        {
          participantId: 'p2',
          purpose: 'acd',
          sessions: [
            {
              mediaType: 'callback',
              callbackNumbers: ['+13175550123'],
              callbackUserName: "Ann O'Neil",
              callbackScheduledTime: iso(T0 + 900_000),
              segments: [{ segmentStart: iso(T0), queueId: HOLDING, segmentType: 'interact' }]
            }
          ]
        }
      ]
    }
    expect(rowOf(analytics)).toEqual(rowOf(callbackEvent(spec)))
  })

  it('keeps the number out of the row but in the snapshot (main-only reveal)', () => {
    const read = readCallbackConversation(callbackEvent(spec), null)
    expect(read.ok && read.snapshot?.number).toBe('+13175550123')
    expect(JSON.stringify(rowOf(callbackEvent(spec)))).not.toContain('5550123')
  })

  it('reads numbers sent as JSON numbers (the blueprint bug) as strings', () => {
    const event = callbackEvent(spec) as unknown as { participants: Array<{ callbackNumbers: unknown }> }
    for (const p of event.participants) p.callbackNumbers = [13175550123]
    expect(rowOf(event).maskedNumber).toBe('•••• 0123')
  })

  it('is not a callback when no participant carries callback fields (a voice call on the target queue)', () => {
    const call = {
      id: 'v1',
      participants: [{ id: 'p', purpose: 'customer', state: 'connected', calls: [{ state: 'connected' }] }]
    }
    expect(readCallbackConversation(call, null)).toEqual({ ok: true, snapshot: null })
  })

  it('refuses wrong types with a path, without values', () => {
    const bad = readCallbackConversation({ id: 'c1', participants: [{ id: 'p', state: 42 }] }, null)
    expect(bad).toEqual({ ok: false, reason: 'participants.0.state: Invalid input: expected string, received number' })
    expect(readCallbackConversation({ participants: [] }, null).ok).toBe(false)
    expect(readCallbackConversation('nope', null).ok).toBe(false)
  })

  it('ignores unknown extra fields', () => {
    const event = { ...callbackEvent(spec), brandNewField: { deep: true } }
    expect(rowOf(event)).toEqual(rowOf(callbackEvent(spec)))
  })

  it('is ended when the placeholder or the conversation ended, and takes the latest end time', () => {
    const ended = rowOf(callbackEvent({ ...spec, state: 'disconnected', endMs: T0 + 5_000 }))
    expect(ended).toMatchObject({ state: 'cancelled', stateInferred: true, stateAtMs: T0 + 5_000, eventTimeMs: T0 + 5_000 })
    const event = callbackEvent(spec)
    event.participants![1]!.state = 'disconnected'
    event.participants![1]!.endTime = iso(T0 + 7_000)
    expect(rowOf(event)).toMatchObject({ state: 'cancelled', stateAtMs: T0 + 7_000 })
  })

  it('uses the topic queue id when the body names none', () => {
    const event = callbackEvent(spec)
    delete event.participants![1]!.queue
    const read = readCallbackConversation(event, 'q-from-topic')
    expect(read.ok && read.snapshot?.queueId).toBe('q-from-topic')
  })

  it('takes the newest cc.* timestamp as event time', () => {
    const attrs = acted(requested(T0), T0 + 60_000, { [CC.state]: 'dispatched' })
    expect(rowOf(callbackEvent({ ...spec, attributes: attrs })).eventTimeMs).toBe(T0 + 60_000)
  })
})

describe('mergeCcAttributes', () => {
  it('merges cc.* keys, the most recently acting participant winning, and drops other keys', () => {
    const customer = { ...requested(T0), phone: '+13175550123' }
    const acd = { [CC.state]: 'cancelled', [CC.actedAt]: iso(T0 + 10_000), [CC.cancelledBy]: 'Jane' }
    const merged = mergeCcAttributes([acd, customer])
    expect(merged[CC.state]).toBe('cancelled')
    expect(merged[CC.requestedAt]).toBe(iso(T0))
    expect(merged[CC.cancelledBy]).toBe('Jane')
    expect(merged).not.toHaveProperty('phone')
  })
})

describe('helpers for the command layer', () => {
  it('callbackTruthOf gives decide() its input', () => {
    expect(callbackTruthOf(callbackConversation(spec))).toMatchObject({
      conversationId: 'c1',
      dueAtMs: T0 + 900_000,
      record: { state: 'waiting', promisedWaitSeconds: 900 }
    })
    expect(callbackTruthOf({ id: 'x' })).toBeNull()
  })

  it('attributeParticipantId prefers the customer participant', () => {
    expect(attributeParticipantId(callbackConversation(spec))).toBe('c1-cust')
    expect(attributeParticipantId({ id: 'c', participants: [{ id: 'a', purpose: 'acd' }] })).toBe('a')
    expect(attributeParticipantId(null)).toBeNull()
  })
})
