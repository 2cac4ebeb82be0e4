import { describe, expect, it } from 'vitest'
import { REST_BACKOFF, backoffCeiling } from '../../../src-main/core/backoff'
import { seededRandom } from '../../../src-main/core/clock'
import { classifyFailure, isIdempotentMethod, type CallFailure, type RetryContext } from '../../../src-main/core/retry-classifier'

const ctx = (over: Partial<RetryContext> = {}): RetryContext => ({
  idempotent: true,
  attempt: 0,
  nowMs: 0,
  random: seededRandom(1),
  ...over
})

describe('classifyFailure', () => {
  it('retries a 429 after Retry-After even for non-idempotent calls', () => {
    const d = classifyFailure({ kind: 'http', status: 429, retryAfter: '4' }, ctx({ idempotent: false }))
    expect(d.retry).toBe(true)
    if (d.retry) {
      expect(d.reason).toBe('rate-limited')
      expect(d.delayMs).toBeGreaterThanOrEqual(4_000)
      expect(d.delayMs).toBeLessThan(4_250)
    }
  })

  it('uses 3 s when a 429 has no Retry-After, and gives up on absurd waits or too many 429s', () => {
    const d = classifyFailure({ kind: 'http', status: 429 }, ctx())
    expect(d.retry && d.delayMs >= 3_000).toBe(true)
    expect(classifyFailure({ kind: 'http', status: 429, retryAfter: '600' }, ctx())).toEqual({
      retry: false,
      reason: 'retry-after-too-long'
    })
    expect(classifyFailure({ kind: 'http', status: 429, retryAfter: '1' }, ctx({ attempt: 8 }))).toEqual({
      retry: false,
      reason: 'exhausted'
    })
  })

  it.each<[CallFailure, boolean, string]>([
    [{ kind: 'http', status: 500 }, true, 'server-error'],
    [{ kind: 'http', status: 502 }, true, 'server-error'],
    [{ kind: 'http', status: 503 }, true, 'server-error'],
    [{ kind: 'http', status: 504 }, true, 'server-error'],
    [{ kind: 'http', status: 408 }, true, 'transport'],
    [{ kind: 'transport', code: 'ECONNRESET' }, true, 'transport'],
    [{ kind: 'timeout' }, true, 'transport']
  ])('%j retries only when idempotent', (failure, _retry, reason) => {
    const yes = classifyFailure(failure, ctx())
    expect(yes.retry).toBe(true)
    if (yes.retry) {
      expect(yes.reason).toBe(reason)
      expect(yes.delayMs).toBeLessThanOrEqual(backoffCeiling(0, REST_BACKOFF))
    }
    expect(classifyFailure(failure, ctx({ idempotent: false }))).toEqual({ retry: false, reason: 'not-idempotent' })
  })

  it.each<[CallFailure]>([
    [{ kind: 'http', status: 400 }],
    [{ kind: 'http', status: 401 }],
    [{ kind: 'http', status: 403 }],
    [{ kind: 'http', status: 404 }],
    [{ kind: 'http', status: 409 }],
    [{ kind: 'http', status: 501 }]
  ])('%j is final', (failure) => {
    expect(classifyFailure(failure, ctx())).toEqual({ retry: false, reason: 'not-retryable' })
  })

  it('never retries a cancelled call', () => {
    expect(classifyFailure({ kind: 'cancelled' }, ctx())).toEqual({ retry: false, reason: 'cancelled' })
  })

  it('stops after maxAttempts and backs off exponentially before that', () => {
    expect(classifyFailure({ kind: 'http', status: 503 }, ctx({ attempt: 4 }))).toEqual({ retry: false, reason: 'exhausted' })
    const late = classifyFailure({ kind: 'http', status: 503 }, ctx({ attempt: 3, random: () => 0.999 }))
    expect(late.retry && late.delayMs > backoffCeiling(2, REST_BACKOFF)).toBe(true)
  })

  it('waits at least a 503 Retry-After hint', () => {
    const d = classifyFailure({ kind: 'http', status: 503, retryAfter: '20' }, ctx())
    expect(d.retry && d.delayMs).toBe(20_000)
  })
})

describe('isIdempotentMethod', () => {
  it.each([
    ['GET', true],
    ['head', true],
    ['PUT', true],
    ['DELETE', true],
    ['POST', false],
    ['PATCH', false]
  ])('%s → %s', (m, v) => expect(isIdempotentMethod(m)).toBe(v))
})
