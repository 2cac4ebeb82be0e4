import { describe, expect, it } from 'vitest'
import {
  ContactCenterModel,
  modelConfig,
  steadyQueue,
  type CallbackConfig,
  type ModelEvent,
  type TimingPolicy
} from '../../../../src-main/sim/model'
import { ofType } from './helpers'

/** Every callback is planned 600 s after the request, with no review: easy to reason about. */
const static600: TimingPolicy = {
  name: 'static-600',
  announceWait: () => 900,
  planCallback: (_q, cb) => ({ scheduledAt: cb.requestedAt + 600, priority: 10 })
}

function setup(callbacks: Partial<CallbackConfig> = {}) {
  const config = modelConfig({
    seed: 31,
    durationSeconds: 4 * 3600,
    queues: [
      steadyQueue({
        agents: 10,
        ahtSeconds: 300,
        rho: 1.1,
        patience: { kind: 'exponential', mean: 900 },
        callbacks: { enabled: true, uptake: 1, ...callbacks }
      })
    ]
  })
  const model = new ContactCenterModel(config, { policy: static600 })
  const events: ModelEvent[] = []
  model.onEvent((e) => events.push(e))
  /** Steps until `n` callbacks have been requested; returns their ids. */
  const untilRequests = (n: number): number[] => {
    while (ofType(events, 'callback-requested').length < n) if (!model.step()) throw new Error('day ended')
    return ofType(events, 'callback-requested').map((e) => e.callbackId)
  }
  return { model, events, untilRequests }
}

describe('staff commands', () => {
  it('cancel ends a waiting callback as cancelled by staff; a second cancel finds nothing', () => {
    const { model, events, untilRequests } = setup()
    const [id] = untilRequests(1)
    expect(model.callback(id!)).toMatchObject({ state: 'waiting', stage: 'sleeping' })
    expect(model.cancelCallback(id!, 'caller phoned back')).toEqual({ ok: true, honoured: true })
    expect(ofType(events, 'callback-ended').at(-1)).toMatchObject({
      callbackId: id,
      state: 'cancelled',
      by: 'staff',
      reason: 'caller phoned back',
      placeholderDisconnected: true
    })
    expect(model.callback(id!)).toBeUndefined()
    expect(model.cancelCallback(id!)).toMatchObject({ ok: false, code: 'not-found' })
    model.run()
    expect(ofType(events, 'callback-dispatched').some((e) => e.callbackId === id)).toBe(false)
  })

  it('reschedule (ours) is honoured: earlier and later times are dialled exactly then, and the policy no longer moves them', () => {
    const { model, events, untilRequests } = setup()
    const [a, b] = untilRequests(2)
    const now = model.now
    expect(model.rescheduleCallback(a!, now + 30)).toEqual({ ok: true, honoured: true })
    expect(model.rescheduleCallback(b!, now + 2000)).toEqual({ ok: true, honoured: true })
    expect(model.callback(a!)).toMatchObject({ scheduledAt: now + 30, fixedTime: true })
    expect(
      ofType(events, 'callback-rescheduled')
        .filter((e) => e.by === 'staff')
        .map((e) => e.callbackId)
    ).toEqual([a, b])
    model.run()
    const dispatched = ofType(events, 'callback-dispatched').filter((e) => e.attempt === 1)
    expect(dispatched.find((e) => e.callbackId === a)!.t).toBeCloseTo(now + 30, 9)
    expect(dispatched.find((e) => e.callbackId === b)!.t).toBeCloseTo(now + 2000, 9)
  })

  it('call now dispatches at once; later commands get clear refusals; cancel works until dialling starts', () => {
    const { model, events, untilRequests } = setup()
    const [a, b] = untilRequests(2)
    const now = model.now
    expect(model.dispatchCallbackNow(a!)).toEqual({ ok: true, honoured: true })
    expect(ofType(events, 'callback-dispatched').at(-1)).toMatchObject({ callbackId: a, attempt: 1, by: 'staff', t: now })
    expect(model.callback(a!)).toMatchObject({ state: 'dispatched', stage: 'latency' })
    expect(model.dispatchCallbackNow(a!)).toMatchObject({ ok: false, code: 'already-dispatched' })
    expect(model.rescheduleCallback(a!, now + 100)).toMatchObject({ ok: false, code: 'already-dispatched' })
    // Dispatched but not yet dialled: the contact is made uncallable.
    expect(model.cancelCallback(a!)).toEqual({ ok: true, honoured: true })
    expect(model.dispatchCallbackNow(b!)).toMatchObject({ ok: true })
    while (model.callback(b!)?.stage !== 'ringing') model.step()
    expect(model.cancelCallback(b!)).toMatchObject({ ok: false, code: 'already-dialling' })
    model.run()
    expect(ofType(events, 'callback-dialling').some((e) => e.callbackId === a)).toBe(false)
    expect(ofType(events, 'callback-ended').find((e) => e.callbackId === b)!.state).not.toBe('cancelled')
  })

  it('blueprint flows: a reschedule is recorded but the sleeping workflow dials at the original time', () => {
    const { model, events, untilRequests } = setup({ flows: 'blueprint' })
    const [a] = untilRequests(1)
    const original = model.callback(a!)!.scheduledAt
    expect(model.rescheduleCallback(a!, model.now + 3000)).toEqual({ ok: true, honoured: false })
    model.run()
    expect(ofType(events, 'callback-dispatched').find((e) => e.callbackId === a)!.t).toBe(original)
  })

  it('refuses to be driven from inside its own listener', () => {
    const { model } = setup()
    let thrown: unknown
    model.onEvent(() => {
      try {
        model.step()
      } catch (e: unknown) {
        thrown = e
      }
    })
    model.step()
    expect(String(thrown)).toContain('must not be called from inside a listener')
  })
})
