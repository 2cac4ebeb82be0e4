import { describe, expect, it } from 'vitest'
import {
  DEFAULT_RETRY_POLICY,
  decide,
  initialAttributes,
  isOwnWrite,
  type CallbackTruth,
  type LifecycleCommand
} from '../../../src-main/core/lifecycle'
import {
  CC,
  LIFECYCLE_STATES,
  TRANSITIONS,
  canTransition,
  contactIdFor,
  isTerminalState,
  type Actor,
  type LifecycleState
} from '../../../src-main/core/lifecycle-model'
import { readLifecycle, type PlaceholderFacts } from '../../../src-main/core/lifecycle-record'

const NOW = Date.parse('2025-03-04T10:00:00.000Z')
const jane: Actor = { kind: 'user', id: 'u-jane', name: 'Jane Doe' }
const workflow: Actor = { kind: 'flow', id: 'wf-1', name: 'Callback workflow' }
const live: PlaceholderFacts = { ended: false, participantState: 'alerting', endedAtMs: null }
const ended: PlaceholderFacts = { ended: true, participantState: 'disconnected', endedAtMs: NOW - 1000 }

function truth(state: LifecycleState, extra: Record<string, string> = {}, dueAtMs: number | null = NOW + 600_000): CallbackTruth {
  const attrs = { [CC.state]: state, [CC.stateAt]: new Date(NOW - 60_000).toISOString(), [CC.attempts]: '0', ...extra }
  return { conversationId: 'conv-1', record: readLifecycle(attrs, isTerminalState(state) ? ended : live), dueAtMs }
}

const commands: Record<string, LifecycleCommand> = {
  dispatch: { kind: 'dispatch', actor: workflow },
  'call-now': { kind: 'call-now', actor: jane },
  reschedule: { kind: 'reschedule', actor: jane, dueAtMs: NOW + 900_000 },
  cancel: { kind: 'cancel', actor: jane, reason: 'Customer called in' },
  outcome: { kind: 'outcome', actor: workflow, outcome: 'answered' }
}

describe('transition table', () => {
  it('lets terminal states go nowhere and live states only forward or to a retry', () => {
    for (const s of LIFECYCLE_STATES) expect(isTerminalState(s)).toBe(TRANSITIONS[s].length === 0)
    expect(canTransition('waiting', 'dispatched')).toBe(true)
    expect(canTransition('waiting', 'connected')).toBe(false)
    expect(canTransition('dispatched', 'waiting')).toBe(true)
    expect(canTransition('cancelled', 'waiting')).toBe(false)
  })

  it('every successful decision is an allowed transition', () => {
    for (const state of LIFECYCLE_STATES) {
      for (const command of Object.values(commands)) {
        const d = decide(truth(state), command, { nowMs: NOW })
        if (d.ok) expect(canTransition(d.from, d.to)).toBe(true)
      }
    }
  })
})

describe('command × state table', () => {
  // rows: state; columns: dispatch, call-now, reschedule, cancel, outcome(answered)
  const table: Record<LifecycleState, [string, string, string, string, string]> = {
    waiting: ['dispatched', 'dispatched', 'waiting', 'cancelled', 'not-dispatched'],
    dispatched: ['already-dispatched', 'already-dispatched', 'already-dispatched', 'cancelled', 'connected'],
    connected: ['already-finished', 'already-finished', 'already-finished', 'already-finished', 'already-finished'],
    declined: ['already-finished', 'already-finished', 'already-finished', 'already-finished', 'already-finished'],
    unreached: ['already-finished', 'already-finished', 'already-finished', 'already-finished', 'already-finished'],
    cancelled: ['already-cancelled', 'already-cancelled', 'already-cancelled', 'already-cancelled', 'already-cancelled']
  }
  for (const state of LIFECYCLE_STATES) {
    it(`${state}`, () => {
      const results = Object.values(commands).map((c) => {
        const d = decide(truth(state), c, { nowMs: NOW })
        return d.ok ? d.to : d.conflict.code
      })
      expect(results).toEqual(table[state])
    })
  }
})

describe('decisions', () => {
  it('call now writes dispatched with who/when, then appends the attempt contact idempotently', () => {
    const d = decide(truth('waiting'), { kind: 'call-now', actor: jane, reason: 'VIP' }, { nowMs: NOW, actionId: 'act-1' })
    expect(d.ok).toBe(true)
    if (!d.ok) return
    expect(d.patch).toMatchObject({
      [CC.state]: 'dispatched',
      [CC.stateAt]: '2025-03-04T10:00:00.000Z',
      [CC.lastAction]: 'call-now',
      [CC.actedBy]: 'Jane Doe',
      [CC.actedById]: 'user:u-jane',
      [CC.dispatchedBy]: 'Jane Doe',
      [CC.reason]: 'VIP',
      [CC.actionId]: 'act-1',
      [CC.contactId]: contactIdFor('conv-1', 1)
    })
    for (const v of Object.values(d.patch)) expect(typeof v).toBe('string')
    expect(d.effects.map((e) => e.kind)).toEqual(['write-attributes', 'append-contact'])
    expect(d.effects[1]).toEqual({ kind: 'append-contact', contactId: 'conv-1-a1', priority: true, doNotQueue: true })
  })

  it('two dispatches of the same attempt append the same contact (no double dial)', () => {
    const a = decide(truth('waiting'), commands['call-now']!, { nowMs: NOW })
    const b = decide(truth('waiting'), commands.dispatch!, { nowMs: NOW + 5 })
    expect(a.ok && b.ok && a.patch[CC.contactId] === b.patch[CC.contactId]).toBe(true)
  })

  it('a second console sees who dispatched first', () => {
    const d = decide(
      truth('dispatched', { [CC.dispatchedBy]: 'Sam Lee', [CC.dispatchedAt]: '2025-03-04T09:59:00.000Z' }),
      commands['call-now']!,
      {
        nowMs: NOW
      }
    )
    expect(d).toEqual({
      ok: false,
      conflict: {
        code: 'already-dispatched',
        by: 'Sam Lee',
        at: '2025-03-04T09:59:00.000Z',
        message: 'Already dispatched by Sam Lee; it is being dialled.'
      }
    })
  })

  it('a cancel of a cancelled callback says who cancelled it and when', () => {
    const d = decide(
      truth('cancelled', { [CC.cancelledBy]: 'Sam Lee', [CC.cancelledAt]: '2025-03-04T09:58:00.000Z' }),
      commands.cancel!,
      { nowMs: NOW }
    )
    expect(d).toEqual({
      ok: false,
      conflict: {
        code: 'already-cancelled',
        by: 'Sam Lee',
        at: '2025-03-04T09:58:00.000Z',
        message: 'Already cancelled by Sam Lee.'
      }
    })
  })

  it('cancel records who and why before disconnecting; a dispatched one also makes its contact uncallable', () => {
    const waiting = decide(truth('waiting'), commands.cancel!, { nowMs: NOW })
    expect(waiting.ok && waiting.effects.map((e) => e.kind)).toEqual(['write-attributes', 'disconnect-placeholder'])
    if (waiting.ok)
      expect(waiting.patch).toMatchObject({
        [CC.state]: 'cancelled',
        [CC.cancelledBy]: 'Jane Doe',
        [CC.reason]: 'Customer called in'
      })
    const dispatched = decide(truth('dispatched', { [CC.contactId]: 'conv-1-a1' }), commands.cancel!, { nowMs: NOW })
    expect(dispatched.ok && dispatched.effects).toEqual([
      { kind: 'write-attributes', attributes: dispatched.ok ? dispatched.patch : {} },
      { kind: 'make-contact-uncallable', contactId: 'conv-1-a1' },
      { kind: 'disconnect-placeholder' }
    ])
  })

  it('cancel needs a reason', () => {
    const d = decide(truth('waiting'), { kind: 'cancel', actor: jane, reason: '  \n ' }, { nowMs: NOW })
    expect(!d.ok && d.conflict.code).toBe('reason-required')
  })

  it('reschedule moves the due time first, then writes who and the previous due time', () => {
    const d = decide(truth('waiting'), commands.reschedule!, { nowMs: NOW })
    expect(d.ok).toBe(true)
    if (!d.ok) return
    expect(d.effects[0]).toEqual({ kind: 'set-scheduled-time', dueAt: '2025-03-04T10:15:00.000Z' })
    expect(d.effects[1]?.kind).toBe('write-attributes')
    expect(d.patch).toMatchObject({
      [CC.rescheduledBy]: 'Jane Doe',
      [CC.previousDueAt]: '2025-03-04T10:10:00.000Z',
      [CC.state]: 'waiting'
    })
    expect(d.patch[CC.stateAt]).toBeUndefined()
  })

  it('reschedule refuses the past and nonsense in plain words', () => {
    const past = decide(truth('waiting'), { kind: 'reschedule', actor: jane, dueAtMs: NOW - 1 }, { nowMs: NOW })
    expect(!past.ok && past.conflict).toMatchObject({ code: 'time-in-past' })
    const now = decide(truth('waiting'), { kind: 'reschedule', actor: jane, dueAtMs: NOW }, { nowMs: NOW })
    expect(!now.ok && now.conflict.code).toBe('time-in-past')
    const nan = decide(truth('waiting'), { kind: 'reschedule', actor: jane, dueAtMs: Number.NaN }, { nowMs: NOW })
    expect(!nan.ok && nan.conflict.code).toBe('invalid-time')
  })

  it.each([
    ['answered', 0, 'connected'],
    ['declined', 0, 'declined'],
    ['invalid', 0, 'unreached'],
    ['busy', 0, 'waiting'],
    ['no-answer', 1, 'waiting'],
    ['machine', 2, 'unreached'],
    ['failed', 2, 'unreached']
  ] as const)('outcome %s after %d attempts → %s', (outcome, attempts, to) => {
    const d = decide(
      truth('dispatched', { [CC.attempts]: String(attempts) }),
      { kind: 'outcome', actor: workflow, outcome },
      { nowMs: NOW }
    )
    expect(d.ok && d.to).toBe(to)
    if (!d.ok) return
    expect(d.patch[CC.attempts]).toBe(String(attempts + 1))
    expect(d.patch[CC.lastOutcome]).toBe(outcome)
    if (to === 'waiting') {
      const due = new Date(NOW + DEFAULT_RETRY_POLICY.retryDelaySeconds * 1000).toISOString()
      expect(d.effects).toEqual([
        { kind: 'set-scheduled-time', dueAt: due },
        { kind: 'write-attributes', attributes: d.patch }
      ])
    } else {
      expect(d.effects.map((e) => e.kind)).toEqual(['write-attributes', 'disconnect-placeholder'])
    }
  })

  it('the next dispatch after a retry uses a new contact id', () => {
    const d = decide(truth('waiting', { [CC.attempts]: '1' }), commands.dispatch!, { nowMs: NOW })
    expect(d.ok && d.patch[CC.contactId]).toBe('conv-1-a2')
  })

  it('cleans free text and masks numbers people type into reasons', () => {
    const d = decide(
      truth('waiting'),
      { kind: 'cancel', actor: jane, reason: 'called\u0007 back\n on +1 317 555 0123' },
      { nowMs: NOW }
    )
    expect(d.ok && d.patch[CC.reason]).toBe('called back on •••• 0123')
  })
})

describe('attribute contract helpers', () => {
  it('initial attributes describe a waiting callback and read back as such', () => {
    const attrs = initialAttributes({ actor: workflow, requestedAtMs: NOW, promisedWaitSeconds: 899.6 })
    const record = readLifecycle(attrs, live)
    expect(record).toMatchObject({
      state: 'waiting',
      inferred: false,
      requestedAtMs: NOW,
      promisedWaitSeconds: 900,
      attempts: 0,
      lastAction: 'request'
    })
    for (const key of Object.keys(attrs)) expect(key.startsWith('cc.')).toBe(true)
  })

  it('isOwnWrite compares the action id', () => {
    expect(isOwnWrite({ [CC.actionId]: 'a' }, 'a')).toBe(true)
    expect(isOwnWrite({ [CC.actionId]: 'b' }, 'a')).toBe(false)
    expect(isOwnWrite({}, 'a')).toBe(false)
  })
})

describe('readLifecycle mapping', () => {
  it.each<[string, Record<string, string>, PlaceholderFacts, LifecycleState, boolean]>([
    ['terminal attribute wins while still live', { [CC.state]: 'connected' }, live, 'connected', false],
    ['terminal attribute when ended', { [CC.state]: 'unreached' }, ended, 'unreached', false],
    ['waiting + live', { [CC.state]: 'waiting' }, live, 'waiting', false],
    ['dispatched + live', { [CC.state]: 'dispatched' }, live, 'dispatched', false],
    ['waiting + ended = cancelled outside the contract', { [CC.state]: 'waiting' }, ended, 'cancelled', true],
    ['dispatched + ended', { [CC.state]: 'dispatched' }, ended, 'cancelled', true],
    ['no attributes + live alerting', {}, live, 'waiting', true],
    ['no attributes + dialing', {}, { ended: false, participantState: 'dialing', endedAtMs: null }, 'dispatched', true],
    ['no attributes + ended', {}, ended, 'cancelled', true],
    ['unreadable state + live', { [CC.state]: 'Bogus' }, live, 'waiting', true]
  ])('%s', (_name, attrs, facts, state, inferred) => {
    const r = readLifecycle(attrs, facts)
    expect(r.state).toBe(state)
    expect(r.inferred).toBe(inferred)
  })

  it('an inferred cancel takes the disconnect time; bad numbers and dates read as null', () => {
    const r = readLifecycle({ [CC.attempts]: 'two', [CC.requestedAt]: 'yesterday', [CC.lastOutcome]: 'exploded' }, ended)
    expect(r.stateAtMs).toBe(NOW - 1000)
    expect(r.attempts).toBe(0)
    expect(r.requestedAtMs).toBeNull()
    expect(r.lastOutcome).toBeNull()
  })
})

describe('state inferred from a placeholder without cc.* attributes', () => {
  it('treats a connected (queued) placeholder as waiting and only dialling states as dispatched', async () => {
    const { readLifecycle } = await import('../../../src-main/core/lifecycle-record')
    const live = (participantState: string) => readLifecycle({}, { ended: false, participantState, endedAtMs: null })
    expect(live('connected')).toMatchObject({ state: 'waiting', inferred: true })
    expect(live('scheduled')).toMatchObject({ state: 'waiting', inferred: true })
    expect(live('dialing')).toMatchObject({ state: 'dispatched', inferred: true })
    expect(live('contacting')).toMatchObject({ state: 'dispatched', inferred: true })
    expect(readLifecycle({}, { ended: true, participantState: 'disconnected', endedAtMs: 5 })).toMatchObject({
      state: 'cancelled',
      inferred: true,
      stateAtMs: 5
    })
  })
})
