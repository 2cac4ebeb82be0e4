/**
 * Which failed Platform API calls may be retried, and when. A 429 means the request was not processed, so it
 * is always retried after `Retry-After`; 5xx, timeouts and transport errors may have had an effect, so only
 * idempotent calls retry them (a cancel or a contact append must never run twice blindly).
 */
import { assertNever } from './assert-never'
import { REST_BACKOFF, backoffDelay, type BackoffPolicy } from './backoff'
import type { Random } from './clock'
import { parseRetryAfter } from './rate-budget'

/** How a call failed, as the gateway observed it. */
export type CallFailure =
  | { readonly kind: 'http'; readonly status: number; readonly retryAfter?: string | number | null }
  | { readonly kind: 'transport'; readonly code?: string }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'cancelled' }

/** Everything the decision depends on; `attempt` counts retries already made (0 on the first failure). */
export interface RetryContext {
  readonly idempotent: boolean
  readonly attempt: number
  readonly nowMs: number
  readonly random: Random
  /** Retries allowed for 5xx / transport failures; 4 when omitted. */
  readonly maxAttempts?: number
  /** Retries allowed for 429s; 8 when omitted. */
  readonly maxRateLimitRetries?: number
  /** A 429 asking for a longer wait than this is surfaced instead (the Genesys CLI uses 180 s). */
  readonly maxRetryAfterMs?: number
  readonly policy?: BackoffPolicy
}

/** Why a retry was chosen. */
export type RetryReason = 'rate-limited' | 'server-error' | 'transport'

/** Why a failure is final. */
export type GiveUpReason = 'cancelled' | 'not-retryable' | 'not-idempotent' | 'exhausted' | 'retry-after-too-long'

/** The classifier's answer: retry after `delayMs`, or give up with a reason. */
export type RetryDecision =
  | { readonly retry: true; readonly delayMs: number; readonly reason: RetryReason }
  | { readonly retry: false; readonly reason: GiveUpReason }

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'])

/** HTTP semantics default: GET/HEAD/OPTIONS/PUT/DELETE are idempotent; POST and PATCH only when the caller says so. */
export function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase())
}

const RATE_LIMIT_JITTER_MS = 250

/** Decides whether and when to retry one failed call. */
export function classifyFailure(failure: CallFailure, ctx: RetryContext): RetryDecision {
  const maxAttempts = ctx.maxAttempts ?? 4
  const backoff = (): number => backoffDelay(ctx.attempt, ctx.policy ?? REST_BACKOFF, ctx.random)
  const guarded = (reason: RetryReason, delayMs: number): RetryDecision => {
    if (!ctx.idempotent) return { retry: false, reason: 'not-idempotent' }
    if (ctx.attempt >= maxAttempts) return { retry: false, reason: 'exhausted' }
    return { retry: true, delayMs, reason }
  }
  switch (failure.kind) {
    case 'cancelled':
      return { retry: false, reason: 'cancelled' }
    case 'timeout':
    case 'transport':
      return guarded('transport', backoff())
    case 'http': {
      const status = failure.status
      if (status === 429) {
        if (ctx.attempt >= (ctx.maxRateLimitRetries ?? 8)) return { retry: false, reason: 'exhausted' }
        const waitMs = parseRetryAfter(failure.retryAfter, ctx.nowMs)
        if (waitMs > (ctx.maxRetryAfterMs ?? 180_000)) return { retry: false, reason: 'retry-after-too-long' }
        return { retry: true, delayMs: waitMs + Math.floor(ctx.random() * RATE_LIMIT_JITTER_MS), reason: 'rate-limited' }
      }
      if (status === 408) return guarded('transport', backoff())
      if (status >= 500 && status !== 501 && status !== 505) {
        const hinted = failure.retryAfter == null ? 0 : parseRetryAfter(failure.retryAfter, ctx.nowMs, 0)
        return guarded('server-error', Math.max(backoff(), hinted))
      }
      return { retry: false, reason: 'not-retryable' }
    }
    default:
      return assertNever(failure, 'Unknown call failure')
  }
}
