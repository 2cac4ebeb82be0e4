/**
 * The API budget as a token bucket sized so that no 60-second window can exceed a safety share of the org's
 * rate limit (default 300 requests/minute per token), frozen by a 429's `Retry-After`. Immutable values: the
 * gateway keeps the current budget and asks before every call.
 */

/** Genesys Cloud's default `token.rate.per.minute` when the org's limits cannot be read. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 300

/** Wait used after a 429 that carries no usable `Retry-After` (the .NET SDK's default, 3 s). */
export const DEFAULT_RETRY_AFTER_MS = 3_000

/** Sizing of a budget. */
export interface RateBudgetConfig {
  /** The org's limit for this token, requests per minute. */
  readonly limitPerMinute: number
  /** Share of the limit we allow ourselves (other tools share the token's limit); 0.9 when omitted. */
  readonly headroom?: number
  /** Largest burst; a tenth of the allowed rate when omitted. */
  readonly burst?: number
}

/** Current state of the bucket. */
export interface RateBudget {
  readonly limitPerMinute: number
  /** Requests allowed per minute after headroom; never exceeded in any 60 s window. */
  readonly allowedPerMinute: number
  readonly capacity: number
  readonly refillPerMs: number
  readonly tokens: number
  /** Refill is accounted up to this instant; may lie in the future while a Retry-After block lasts. */
  readonly updatedAtMs: number
  readonly blockedUntilMs: number
}

/** Answer to "may I call now?": either granted (with the spent budget) or how long to wait. */
export type TakeResult =
  | { readonly granted: true; readonly budget: RateBudget }
  | { readonly granted: false; readonly budget: RateBudget; readonly waitMs: number }

/**
 * Creates a full bucket. Refill is `(allowed − burst) / minute`, so a full burst plus a minute of refill still
 * stays within `allowed` in any sliding minute.
 */
export function createRateBudget(config: RateBudgetConfig, nowMs: number): RateBudget {
  const limit = config.limitPerMinute > 0 ? config.limitPerMinute : DEFAULT_RATE_LIMIT_PER_MINUTE
  const allowed = Math.max(2, Math.floor(limit * (config.headroom ?? 0.9)))
  const capacity = Math.min(Math.max(1, Math.floor(config.burst ?? allowed / 10)), allowed - 1)
  return {
    limitPerMinute: limit,
    allowedPerMinute: allowed,
    capacity,
    refillPerMs: (allowed - capacity) / 60_000,
    tokens: capacity,
    updatedAtMs: nowMs,
    blockedUntilMs: Number.NEGATIVE_INFINITY
  }
}

/** Budget with refill accounted up to `nowMs` (no change while a block lasts or time went backwards). */
export function refillBudget(budget: RateBudget, nowMs: number): RateBudget {
  const elapsed = nowMs - budget.updatedAtMs
  if (elapsed <= 0) return budget
  const tokens = Math.min(budget.capacity, budget.tokens + elapsed * budget.refillPerMs)
  return { ...budget, tokens, updatedAtMs: nowMs }
}

/** Takes `cost` tokens if available now; otherwise says how long until they will be. */
export function takeToken(budget: RateBudget, nowMs: number, cost = 1): TakeResult {
  if (nowMs < budget.blockedUntilMs) {
    return { granted: false, budget, waitMs: Math.ceil(budget.blockedUntilMs - nowMs) }
  }
  const current = refillBudget(budget, nowMs)
  if (current.tokens >= cost) return { granted: true, budget: { ...current, tokens: current.tokens - cost } }
  const waitMs = Math.max(1, Math.ceil((cost - current.tokens) / current.refillPerMs))
  return { granted: false, budget: current, waitMs }
}

/**
 * Honours a 429: nothing is granted until `nowMs + retryAfterMs`, and then only one call, so the first retry
 * probes the limit before the bucket refills.
 */
export function applyRetryAfter(budget: RateBudget, nowMs: number, retryAfterMs: number): RateBudget {
  const until = Math.max(budget.blockedUntilMs, nowMs + Math.max(0, retryAfterMs))
  return { ...budget, tokens: Math.min(1, budget.capacity), updatedAtMs: until, blockedUntilMs: until }
}

/** Re-sizes the budget when the org's real limit has been read, keeping the same share of tokens. */
export function resizeRateBudget(budget: RateBudget, config: RateBudgetConfig, nowMs: number): RateBudget {
  const current = refillBudget(budget, nowMs)
  const fresh = createRateBudget(config, nowMs)
  const share = current.capacity > 0 ? current.tokens / current.capacity : 1
  return {
    ...fresh,
    tokens: fresh.capacity * share,
    updatedAtMs: Math.max(nowMs, current.updatedAtMs),
    blockedUntilMs: current.blockedUntilMs
  }
}

/**
 * Reads a `Retry-After` header (delta seconds or an HTTP date) into milliseconds from `nowMs`; missing or
 * unreadable values give `fallbackMs`, dates in the past give 0.
 */
export function parseRetryAfter(
  value: string | number | null | undefined,
  nowMs: number,
  fallbackMs = DEFAULT_RETRY_AFTER_MS
): number {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value * 1000) : fallbackMs
  if (typeof value !== 'string' || value.trim() === '') return fallbackMs
  const text = value.trim()
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000)
  const at = Date.parse(text)
  return Number.isNaN(at) ? fallbackMs : Math.max(0, at - nowMs)
}
