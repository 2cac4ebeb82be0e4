/**
 * The one way the console calls the Platform API: spends the rate budget (below the token's limit), honours
 * 429 Retry-After, retries 5xx and transport failures with jittered backoff only when the call is idempotent,
 * maps failures to plain `ApiError`s, counts calls per endpoint, and aborts everything on sign-out.
 */
import type { Clock, Random } from '../core/clock'
import {
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  applyRetryAfter,
  createRateBudget,
  parseRetryAfter,
  resizeRateBudget,
  takeToken,
  type RateBudget
} from '../core/rate-budget'
import { classifyFailure } from '../core/retry-classifier'
import { isExtendedResponse, toApiError, toCallFailure } from './api-error'
import type { ApiResult, CallOptions, Gateway, PlatformApis } from './gateway-types'
import { runWithSignal } from './session/http-client'
import { realTimers, sleep, type Timers } from './timers'

/** What the gateway needs from the session it serves. */
export interface GatewayHost {
  /** The signed-in session's APIs, or null when signed out. */
  readonly apis: PlatformApis | null
  /** Aborted on sign-out: every call in flight or waiting ends as `cancelled`. */
  readonly signal: AbortSignal
  /** A call was answered 401: the token expired or was revoked. */
  tokenRejected(): void
}

/** Tuning; every field has a production default. */
export interface GatewayOptions {
  readonly clock?: Clock
  readonly random?: Random
  readonly timers?: Timers
  readonly log?: (line: string) => void
  /** Share of the token's limit we allow ourselves; 0.9 by default. */
  readonly headroom?: number
}

/** Counters beyond the per-endpoint calls, for Diagnostics and tests. */
export interface GatewayStats {
  /** HTTP requests sent, retries included. */
  readonly requests: number
  readonly retries: number
  readonly rateLimited: number
  readonly limitPerMinute: number
}

/** The gateway over one session's ApiClient. */
export class SessionGateway implements Gateway {
  private readonly clock: Clock
  private readonly random: Random
  private readonly timers: Timers
  private readonly log: (line: string) => void
  private readonly headroom: number
  private budget: RateBudget
  private readonly counts = new Map<string, number>()
  private requests = 0
  private retries = 0
  private rateLimited = 0

  constructor(
    private readonly host: GatewayHost,
    options: GatewayOptions = {}
  ) {
    this.clock = options.clock ?? Date.now
    this.random = options.random ?? Math.random
    this.timers = options.timers ?? realTimers
    this.log = options.log ?? (() => undefined)
    this.headroom = options.headroom ?? 0.9
    this.budget = this.freshBudget(DEFAULT_RATE_LIMIT_PER_MINUTE)
  }

  async call<T>(endpoint: string, run: (apis: PlatformApis) => Promise<T>, options: CallOptions = {}): Promise<ApiResult<T>> {
    const method = endpoint.split(' ')[0] ?? 'GET'
    const idempotent = options.idempotent ?? ['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase())
    const what = options.label ?? endpoint
    const signal = options.signal ? AbortSignal.any([this.host.signal, options.signal]) : this.host.signal
    let attempts = 0
    let rateLimitAttempts = 0
    for (;;) {
      const apis = this.host.apis
      if (!apis) return { ok: false, error: { code: 'unauthorized', message: 'You are signed out. Sign in to continue.' } }
      try {
        await this.acquire(signal)
        this.requests++
        this.counts.set(endpoint, (this.counts.get(endpoint) ?? 0) + 1)
        const value = await runWithSignal(signal, () => run(apis))
        return { ok: true, value: (isExtendedResponse(value) ? value.body : value) as T }
      } catch (e: unknown) {
        const failure = signal.aborted ? ({ kind: 'cancelled' } as const) : toCallFailure(e)
        if (failure.kind === 'http' && failure.status === 401) {
          this.host.tokenRejected()
          return { ok: false, error: toApiError(e, what) }
        }
        const isRateLimit = failure.kind === 'http' && failure.status === 429
        if (isRateLimit) {
          this.rateLimited++
          this.budget = applyRetryAfter(this.budget, this.clock(), parseRetryAfter(failure.retryAfter, this.clock()))
        }
        const decision = classifyFailure(failure, {
          idempotent,
          attempt: isRateLimit ? rateLimitAttempts++ : attempts++,
          nowMs: this.clock(),
          random: this.random
        })
        if (!decision.retry)
          return {
            ok: false,
            error: failure.kind === 'cancelled' ? toApiError({ code: 'ERR_CANCELED' }, what) : toApiError(e, what)
          }
        this.retries++
        this.log(`[Gateway] retrying ${endpoint} in ${decision.delayMs} ms (${decision.reason})`)
        try {
          await sleep(this.timers, decision.delayMs, signal)
        } catch {
          return { ok: false, error: toApiError({ code: 'ERR_CANCELED' }, what) }
        }
      }
    }
  }

  callCounts(): ReadonlyMap<string, number> {
    return new Map(this.counts)
  }

  /** Zeroes the counters (the benchmark measures windows). */
  resetCounts(): void {
    this.counts.clear()
    this.requests = 0
    this.retries = 0
    this.rateLimited = 0
  }

  stats(): GatewayStats {
    return {
      requests: this.requests,
      retries: this.retries,
      rateLimited: this.rateLimited,
      limitPerMinute: this.budget.limitPerMinute
    }
  }

  /** Starts a fresh budget (a new token has a fresh limit window). */
  resetBudget(limitPerMinute = DEFAULT_RATE_LIMIT_PER_MINUTE): void {
    this.budget = this.freshBudget(limitPerMinute)
  }

  /**
   * Reads the org's `platform.api` limits and sizes the budget to the one that binds this token; keeps 300/min
   * when the limits cannot be read.
   */
  async loadOrgLimits(grant: 'pkce' | 'client-credentials'): Promise<number> {
    const r = await this.call('GET /api/v2/organizations/limits/namespaces/{namespaceName}', (a) =>
      a.organization.getOrganizationsLimitsNamespace('platform.api')
    )
    if (!r.ok) {
      this.log(`[Gateway] org limits not readable (${r.error.code}); budget stays at ${this.budget.limitPerMinute}/min`)
      return this.budget.limitPerMinute
    }
    const values = new Map((r.value.entities ?? []).map((l) => [l.key ?? '', l.value ?? NaN]))
    const keys =
      grant === 'client-credentials'
        ? ['client.credentials.token.rate.per.minute', 'token.rate.per.minute']
        : ['token.rate.per.minute', 'org.app.user.rate.per.minute']
    const found = keys.map((k) => values.get(k)).filter((v): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0)
    const limit = found.length > 0 ? Math.min(...found) : DEFAULT_RATE_LIMIT_PER_MINUTE
    this.budget = resizeRateBudget(this.budget, this.budgetConfig(limit), this.clock())
    return limit
  }

  private freshBudget(limit: number): RateBudget {
    return createRateBudget(this.budgetConfig(limit), this.clock())
  }

  /** A burst of a fifth of the allowed rate lets the first snapshot (≤ 60 calls) go out without waiting. */
  private budgetConfig(limit: number): { limitPerMinute: number; headroom: number; burst: number } {
    return { limitPerMinute: limit, headroom: this.headroom, burst: Math.floor((limit * this.headroom) / 5) }
  }

  private async acquire(signal: AbortSignal): Promise<void> {
    for (;;) {
      if (signal.aborted) throw Object.assign(new Error('aborted'), { code: 'ERR_CANCELED' })
      const take = takeToken(this.budget, this.clock())
      this.budget = take.budget
      if (take.granted) return
      await sleep(this.timers, take.waitMs, signal)
    }
  }
}
