/**
 * What the core route modules (OAuth, tokens, routing, analytics, conversations, notifications, admin) need
 * beyond the org: the token store, the notification hub, the faults and the server's settings.
 */
import type { TokenStore } from './auth/token-store'
import type { Faults } from './faults'
import type { RateLimiter } from './http/rate-limit'
import type { NotificationHub } from './notifications/hub'
import type { SimOrg } from './org/org'

export interface CoreContext {
  readonly org: SimOrg
  readonly tokens: TokenStore
  readonly hub: NotificationHub
  readonly faults: Faults
  readonly limiter: RateLimiter
  /** Token lifetime for new tokens, seconds. */
  readonly tokenTtlSeconds: number
  /** Secret guarding `/__sim/*`. */
  readonly adminToken: string
  /** The user a PKCE login signs in as (the demo supervisor). */
  readonly desktopUserId: () => string
  readonly baseUrl: () => string
}
