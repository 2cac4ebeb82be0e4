/**
 * The demo org's HTTP surface, shared by every route module.
 * Route modules register handlers on a Router; the server does parsing, auth, rate limits and faults.
 */

/** Who is calling: resolved from the bearer token by the server before a handler runs. */
export interface SimPrincipal {
  readonly token: string
  readonly clientId: string
  /** Present for user tokens (authorization code grant); client-credentials tokens have none. */
  readonly userId?: string
  readonly permissions: ReadonlySet<string>
}

export interface SimRequest {
  readonly method: string
  /** Path without query string, e.g. `/api/v2/routing/queues/abc`. */
  readonly path: string
  /** Named path parameters from the route pattern (`/api/v2/routing/queues/:queueId`). */
  readonly params: Readonly<Record<string, string>>
  readonly query: URLSearchParams
  /** Parsed JSON body (undefined when there was none). Handlers validate it themselves. */
  readonly body: unknown
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  /** Undefined only on routes registered with `auth: 'none'`. */
  readonly principal?: SimPrincipal
}

export interface SimResponse {
  readonly status: number
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
}

export type SimHandler = (req: SimRequest) => SimResponse | Promise<SimResponse>

export interface RouteOptions {
  /** Permission the principal must hold (Genesys style `domain:entity:action`); 403 names it when missing. */
  readonly permission?: string | readonly string[]
  /** How a permission list is checked: `'any'` (default, Genesys "Requires ANY") or `'all'`. */
  readonly permissionMode?: 'any' | 'all'
  /** `'none'` for OAuth endpoints and the upload URL; default `'bearer'`. */
  readonly auth?: 'bearer' | 'none'
}

export interface SimRouter {
  add(method: string, pattern: string, handler: SimHandler, options?: RouteOptions): void
}

/** A Genesys-shaped error body: `{message, code, status, contextId, details, errors}`. */
export interface GenesysErrorBody {
  readonly message: string
  readonly code: string
  readonly status: number
  readonly messageWithParams?: string
  readonly messageParams?: Record<string, string>
  readonly entityId?: string
  readonly contextId: string
  readonly details: readonly unknown[]
  readonly errors: readonly unknown[]
}

/** Thrown by handlers for expected API errors; the server turns it into a Genesys-shaped response. */
export class SimHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
    /** Optional Genesys error extras (`details`, `errors`, `messageWithParams`, `messageParams`, `entityId`). */
    readonly extra: SimErrorExtra = {}
  ) {
    super(message)
  }
}

/** Optional fields of a Genesys error body a handler may want to fill. */
export interface SimErrorExtra {
  readonly messageWithParams?: string
  readonly messageParams?: Record<string, string>
  readonly entityId?: string
  readonly details?: readonly unknown[]
  readonly errors?: readonly unknown[]
}

/** Publishes a notification event to every channel subscribed to `topicName`. */
export type SimPublish = (topicName: string, eventBody: unknown) => void
