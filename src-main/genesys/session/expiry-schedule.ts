/**
 * When a token turns "sign in again soon" and when it lapses. The warning window is fixed when the token is
 * issued (10 minutes, or half the token's life for short-lived tokens), so the prompt does not creep.
 */
import type { Clock } from '../../core/clock'
import type { TimerHandle, Timers } from '../timers'

/** Two timers per token: the warning and the expiry. */
export class ExpirySchedule {
  private warnAt = Number.POSITIVE_INFINITY
  private warnTimer: TimerHandle | undefined
  private expireTimer: TimerHandle | undefined

  constructor(
    private readonly timers: Timers,
    private readonly clock: Clock,
    private readonly warningMs: number
  ) {}

  /** Replaces any schedule with one for a token expiring at `expiresAt`. */
  start(expiresAt: number, onWarn: () => void, onExpire: () => void): void {
    this.clear()
    const now = this.clock()
    this.warnAt = expiresAt - Math.min(this.warningMs, Math.max(0, (expiresAt - now) / 2))
    this.warnTimer = this.timers.setTimeout(onWarn, this.warnAt - now)
    this.expireTimer = this.timers.setTimeout(onExpire, expiresAt - now)
  }

  /** True once the warning time has passed. */
  get warning(): boolean {
    return this.clock() >= this.warnAt
  }

  clear(): void {
    this.timers.clearTimeout(this.warnTimer)
    this.timers.clearTimeout(this.expireTimer)
    this.warnTimer = this.expireTimer = undefined
    this.warnAt = Number.POSITIVE_INFINITY
  }
}
