/**
 * Jittered exponential backoff ("full jitter"): the delay before retry `attempt` is uniform in
 * [0, min(cap, base × factor^attempt)], so many consoles reconnecting after one outage spread out instead of
 * stampeding the API. Used for REST retries and for notification socket reconnects.
 */
import type { Random } from './clock'

/** Shape of one backoff curve; all durations in milliseconds. */
export interface BackoffPolicy {
  /** Ceiling of the first retry (attempt 0). */
  readonly baseMs: number
  /** No delay ever exceeds this. */
  readonly capMs: number
  /** Growth per attempt; 2 when omitted. */
  readonly factor?: number
}

/** REST retries: 0.5 s, 1 s, 2 s … capped at 30 s. */
export const REST_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 30_000 }

/** Socket reconnects: 1 s, 2 s, 4 s … capped at 60 s (a channel survives about a minute of absence). */
export const RECONNECT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 60_000 }

/** Upper bound of the delay for `attempt` (0-based), before jitter; exposed for UI text and tests. */
export function backoffCeiling(attempt: number, policy: BackoffPolicy): number {
  if (!Number.isFinite(attempt) || attempt < 0) throw new RangeError(`attempt must be >= 0, got ${attempt}`)
  const factor = policy.factor ?? 2
  // Cap the exponent so huge attempt numbers cannot overflow to Infinity before the min().
  const exp = Math.min(attempt, 64)
  return Math.min(policy.capMs, policy.baseMs * factor ** exp)
}

/** Full-jitter delay for `attempt` (0-based): uniform in [0, ceiling], using the injected random source. */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: Random): number {
  const r = random()
  const clamped = r < 0 ? 0 : r >= 1 ? 0.999_999_999 : r
  return Math.floor(clamped * (backoffCeiling(attempt, policy) + 1))
}
