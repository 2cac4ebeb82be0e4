import type platformClient from 'purecloud-platform-client-v2'

/**
 * The SDK API objects a session hands out, all bound to that session's own ApiClient instance
 * (never the SDK's global singleton, so two sessions — or a console and a test — never share auth).
 */
export interface PlatformApis {
  readonly analytics: platformClient.AnalyticsApi
  readonly architect: platformClient.ArchitectApi
  readonly conversations: platformClient.ConversationsApi
  readonly integrations: platformClient.IntegrationsApi
  readonly notifications: platformClient.NotificationsApi
  readonly organization: platformClient.OrganizationApi
  readonly outbound: platformClient.OutboundApi
  readonly routing: platformClient.RoutingApi
  readonly telephony: platformClient.TelephonyProvidersEdgeApi
  readonly tokens: platformClient.TokensApi
  readonly users: platformClient.UsersApi
}

/** An expected API failure as a value: what the UI shows and what the retry policy decided. */
export interface ApiError {
  /** `rate-limited`, `unauthorized`, `forbidden`, `not-found`, `conflict`, `bad-request`, `server`, `network`, `cancelled`. */
  readonly code: string
  /** HTTP status when there was a response. */
  readonly status?: number
  /** Genesys' own error code (e.g. `conversation.already.disconnected`). */
  readonly genesysCode?: string
  /** One plain sentence for a contact-center lead. */
  readonly message: string
  /** Permissions Genesys said are missing (403s), by name. */
  readonly missingPermissions?: readonly string[]
}

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError }

export interface CallOptions {
  /** Safe to repeat after a 5xx or transport failure (GETs, PUTs of whole objects). Default: true for reads only. */
  readonly idempotent?: boolean
  readonly signal?: AbortSignal
  /** Plain words for error messages ("read the holding queue"); the endpoint when omitted. */
  readonly label?: string
}

/**
 * Every Platform API call goes through this: it spends the rate budget, honours 429 Retry-After, retries
 * idempotent calls on 5xx/transport errors with jittered backoff, counts calls per endpoint, and is cancelled
 * on sign-out. `endpoint` is the method + path template, e.g. `GET /api/v2/routing/queues/{queueId}`.
 */
export interface Gateway {
  call<T>(endpoint: string, run: (apis: PlatformApis) => Promise<T>, options?: CallOptions): Promise<ApiResult<T>>
  /** Calls made so far, by endpoint (the API-economy benchmark reads this). */
  callCounts(): ReadonlyMap<string, number>
}
