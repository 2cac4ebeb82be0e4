import { afterEach, describe, expect, it } from 'vitest'
import {
  ContactCenterModel,
  demoDayConfig,
  RealTimeDriver,
  wallClock,
  type DriverClock,
  type ModelEvent
} from '../../../../src-main/sim/model'
import { ofType } from './helpers'

/** Hand-rolled real time: `advance(ms)` moves "real" time and fires due timers in order. */
class FakeRealTime {
  now = 1_000_000
  private timers: { at: number; seq: number; fn: () => void }[] = []
  private seq = 0

  readonly setTimer = (fn: () => void, ms: number): unknown => {
    const timer = { at: this.now + ms, seq: this.seq++, fn }
    this.timers.push(timer)
    return timer
  }

  readonly clearTimer = (handle: unknown): void => {
    this.timers = this.timers.filter((t) => t !== handle)
  }

  get pending(): number {
    return this.timers.length
  }

  advance(ms: number): void {
    const end = this.now + ms
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq)
      const next = this.timers[0]
      if (!next || next.at > end) break
      this.timers.shift()
      this.now = Math.max(this.now, next.at)
      next.fn()
    }
    this.now = end
  }
}

const ORIGIN = Date.UTC(2025, 0, 6, 8, 0, 0)
let driver: RealTimeDriver | undefined

afterEach(() => {
  driver?.dispose()
  driver = undefined
})

function setup(speed: number) {
  const real = new FakeRealTime()
  const clock: DriverClock = wallClock({
    speed,
    startMs: ORIGIN,
    realNow: () => real.now,
    setTimer: real.setTimer,
    clearTimer: real.clearTimer
  })
  const model = new ContactCenterModel(demoDayConfig({ seed: 4, originMs: ORIGIN }))
  const events: ModelEvent[] = []
  model.onEvent((e) => events.push(e))
  driver = new RealTimeDriver(model, clock)
  return { real, model, events, driver }
}

describe('RealTimeDriver', () => {
  it('at 60× speed, one real minute moves the model one hour, firing events on time and in order', () => {
    const { real, model, events, driver } = setup(60)
    driver.start()
    const seen: number[] = []
    model.onEvent((e) => seen.push((real.now - 1_000_000) * 60 - e.t * 1000))
    for (let i = 0; i < 60; i++) real.advance(1000)
    expect(driver.modelTime()).toBe(3600)
    expect(model.now).toBeLessThanOrEqual(3600)
    driver.sync()
    expect(model.now).toBe(3600)
    // Every event was processed no earlier than its model time and within one timer hop (≤ 60 ms model) after it.
    expect(seen.length).toBeGreaterThan(500)
    for (const lag of seen) {
      expect(lag).toBeGreaterThanOrEqual(-1e-3) // epoch-ms rounding
      expect(lag).toBeLessThan(1000)
    }
    const reference = new ContactCenterModel(demoDayConfig({ seed: 4, originMs: ORIGIN }))
    const expected: ModelEvent[] = []
    reference.onEvent((e) => expected.push(e))
    reference.runUntil(3600)
    expect(JSON.stringify(events)).toBe(JSON.stringify(expected))
  })

  it('apply() runs a command at the clock time and re-arms for the events it adds', () => {
    const { real, model, events, driver } = setup(1)
    driver.start()
    while (model.callbacks().length === 0) real.advance(60_000)
    const id = model.callbacks()[0]!.id
    real.advance(100)
    const result = driver.apply((m) => m.dispatchCallbackNow(id))
    expect(result).toMatchObject({ ok: true })
    const dispatched = ofType(events, 'callback-dispatched').find((e) => e.callbackId === id)!
    expect(dispatched.t).toBe(driver.modelTime())
    real.advance(6000)
    const dialling = ofType(events, 'callback-dialling').find((e) => e.callbackId === id)
    expect(dialling).toBeDefined()
    expect(dialling!.t - dispatched.t).toBeGreaterThanOrEqual(1)
    expect(dialling!.t - dispatched.t).toBeLessThanOrEqual(5)
  })

  it('stop() leaves no timer behind and freezes the model', () => {
    const { real, model, driver } = setup(10)
    driver.start()
    real.advance(5000)
    const at = model.now
    expect(real.pending).toBe(1)
    driver.stop()
    expect(real.pending).toBe(0)
    real.advance(60_000)
    expect(model.now).toBe(at)
  })
})
