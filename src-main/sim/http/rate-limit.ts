/**
 * Per-token request budget like Genesys' `token.rate.per.minute` (300 by default): a fixed 60-second window
 * per token, reported on every response through the `inin-ratelimit-*` headers.
 */

/** The outcome of counting one request. */
export interface RateDecision {
  readonly allowed: boolean
  /** Seconds until the window resets (≥ 1), the `Retry-After` value on a 429. */
  readonly resetSeconds: number
  readonly headers: Record<string, string>
}

interface Window {
  start: number
  count: number
}

/** Counts requests per token on an injected wall clock. */
export class RateLimiter {
  private readonly windows = new Map<string, Window>()

  constructor(
    private limitPerMinute: number,
    private readonly now: () => number = Date.now,
    private readonly windowMs = 60_000
  ) {}

  get limit(): number {
    return this.limitPerMinute
  }

  setLimit(perMinute: number): void {
    this.limitPerMinute = perMinute
  }

  /** Counts one request for `key` and says whether it fits the budget. */
  take(key: string): RateDecision {
    const now = this.now()
    let w = this.windows.get(key)
    if (!w || now - w.start >= this.windowMs) {
      w = { start: now, count: 0 }
      this.windows.set(key, w)
      if (this.windows.size > 10_000) this.prune(now)
    }
    w.count++
    const resetSeconds = Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000))
    const headers = {
      'inin-ratelimit-count': String(w.count),
      'inin-ratelimit-allowed': String(this.limitPerMinute),
      'inin-ratelimit-reset': String(resetSeconds)
    }
    return { allowed: w.count <= this.limitPerMinute, resetSeconds, headers }
  }

  private prune(now: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k)
  }
}
