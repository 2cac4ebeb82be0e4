import { describe, expect, it } from 'vitest'
import {
  DEFAULT_RETRY_AFTER_MS,
  applyRetryAfter,
  createRateBudget,
  parseRetryAfter,
  resizeRateBudget,
  takeToken,
  type RateBudget
} from '../../../src-main/core/rate-budget'

const T = 1_000_000

/** A greedy client: calls whenever granted, otherwise sleeps exactly the advised wait. Returns call times. */
function greedy(budget: RateBudget, fromMs: number, untilMs: number): { calls: number[]; budget: RateBudget } {
  const calls: number[] = []
  let now = fromMs
  let b = budget
  while (now < untilMs) {
    const r = takeToken(b, now)
    b = r.budget
    if (r.granted) calls.push(now)
    else now += r.waitMs
  }
  return { calls, budget: b }
}

function maxInWindow(calls: number[], windowMs: number): number {
  let max = 0
  let lo = 0
  for (let hi = 0; hi < calls.length; hi++) {
    while (calls[hi]! - calls[lo]! >= windowMs) lo++
    max = Math.max(max, hi - lo + 1)
  }
  return max
}

describe('rate budget', () => {
  it('is sized from the org limit with headroom and a burst of a tenth', () => {
    const b = createRateBudget({ limitPerMinute: 300 }, T)
    expect(b.allowedPerMinute).toBe(270)
    expect(b.capacity).toBe(27)
    expect(b.tokens).toBe(27)
  })

  it('falls back to 300/min for a nonsensical limit', () => {
    expect(createRateBudget({ limitPerMinute: 0 }, T).limitPerMinute).toBe(300)
  })

  it('never lets a greedy client exceed the allowed rate in any sliding minute', () => {
    const { calls } = greedy(createRateBudget({ limitPerMinute: 300 }, T), T, T + 10 * 60_000)
    expect(maxInWindow(calls, 60_000)).toBeLessThanOrEqual(270)
    // …while still using most of it.
    expect(calls.length).toBeGreaterThan(10 * 240)
  })

  it('grants a burst at once, then paces', () => {
    let b = createRateBudget({ limitPerMinute: 300, burst: 5 }, T)
    for (let i = 0; i < 5; i++) {
      const r = takeToken(b, T)
      expect(r.granted).toBe(true)
      b = r.budget
    }
    const denied = takeToken(b, T)
    expect(denied.granted).toBe(false)
    if (!denied.granted) expect(denied.waitMs).toBe(Math.ceil(1 / b.refillPerMs))
  })

  it('honours Retry-After: nothing before it, one probe call right after', () => {
    const b = applyRetryAfter(createRateBudget({ limitPerMinute: 300 }, T), T, 5_000)
    const early = takeToken(b, T + 4_999)
    expect(early.granted).toBe(false)
    if (!early.granted) expect(early.waitMs).toBe(1)
    const probe = takeToken(b, T + 5_000)
    expect(probe.granted).toBe(true)
    if (probe.granted) expect(takeToken(probe.budget, T + 5_000).granted).toBe(false)
  })

  it('keeps the longer of two blocks', () => {
    let b = applyRetryAfter(createRateBudget({ limitPerMinute: 300 }, T), T, 10_000)
    b = applyRetryAfter(b, T + 1_000, 2_000)
    expect(b.blockedUntilMs).toBe(T + 10_000)
  })

  it('resizes to the org limit read at runtime, keeping the share of tokens', () => {
    const half = { ...createRateBudget({ limitPerMinute: 300 }, T), tokens: 13.5 }
    const resized = resizeRateBudget(half, { limitPerMinute: 3000 }, T)
    expect(resized.allowedPerMinute).toBe(2700)
    expect(resized.tokens).toBeCloseTo(resized.capacity / 2)
  })
})

describe('parseRetryAfter', () => {
  it.each([
    ['5', 5_000],
    ['0', 0],
    ['1.5', 1_500],
    [7, 7_000],
    [undefined, DEFAULT_RETRY_AFTER_MS],
    [null, DEFAULT_RETRY_AFTER_MS],
    ['soon', DEFAULT_RETRY_AFTER_MS],
    [-3, DEFAULT_RETRY_AFTER_MS]
  ])('%j → %d ms', (value, ms) => expect(parseRetryAfter(value, T)).toBe(ms))

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2025-03-04T10:00:00Z')
    expect(parseRetryAfter('Tue, 04 Mar 2025 10:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Tue, 04 Mar 2025 09:00:00 GMT', now)).toBe(0)
  })
})
