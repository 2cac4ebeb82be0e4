/**
 * How a `purecloud-data-actions` action reaches the Platform API: a rendered request sent with the integration's
 * OAuth client credentials. The server-backed implementation calls the demo org over loopback HTTP, so actions go
 * through the very same auth, permission checks, rate limits and faults as any other client.
 */

export interface PlatformRequest {
  readonly method: string
  /** Path with optional query string, e.g. `/api/v2/conversations/abc`. */
  readonly url: string
  /** The rendered request template (sent as-is, like the data-action service does). */
  readonly body?: string
}

/** Status and raw body of the Platform API's answer. */
export interface PlatformResponse {
  readonly status: number
  readonly text: string
}

/** The `pureCloudOAuthClient` credential fields of the integration. */
export interface OAuthClientCredential {
  readonly clientId: string
  readonly clientSecret: string
}

/** Sends a rendered action request to the Platform API. */
export interface PlatformInvoker {
  send(request: PlatformRequest, credential: OAuthClientCredential): Promise<PlatformResponse>
}

interface CachedToken {
  readonly token: string
  readonly expiresAt: number
}

/** Calls `baseUrl` over HTTP, getting (and caching) a client-credentials token per OAuth client. */
export class HttpPlatformInvoker implements PlatformInvoker {
  private readonly tokens = new Map<string, CachedToken>()

  constructor(
    private readonly baseUrl: string,
    private readonly now: () => number = Date.now
  ) {}

  async send(request: PlatformRequest, credential: OAuthClientCredential): Promise<PlatformResponse> {
    let token = await this.token(credential)
    if (typeof token !== 'string') return token
    let response = await this.call(request, token)
    if (response.status === 401) {
      this.tokens.delete(cacheKey(credential))
      token = await this.token(credential)
      if (typeof token !== 'string') return token
      response = await this.call(request, token)
    }
    return response
  }

  private async call(request: PlatformRequest, token: string): Promise<PlatformResponse> {
    try {
      const res = await fetch(`${this.baseUrl}${request.url}`, {
        method: request.method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
        ...(request.body !== undefined && request.method !== 'GET' && request.method !== 'DELETE' ? { body: request.body } : {})
      })
      return { status: res.status, text: await res.text() }
    } catch (e: unknown) {
      return {
        status: 502,
        text: JSON.stringify({ message: `Request to backend service failed: ${String(e)}`, code: 'bad.gateway', status: 502 })
      }
    }
  }

  private async token(credential: OAuthClientCredential): Promise<string | PlatformResponse> {
    const cached = this.tokens.get(cacheKey(credential))
    if (cached && cached.expiresAt > this.now() + 60_000) return cached.token
    try {
      const basic = Buffer.from(`${credential.clientId}:${credential.clientSecret}`).toString('base64')
      const res = await fetch(`${this.baseUrl}/oauth/token`, {
        method: 'POST',
        headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials'
      })
      const text = await res.text()
      if (!res.ok) return { status: res.status, text }
      const body = JSON.parse(text) as { access_token?: string; expires_in?: number }
      if (!body.access_token) return { status: 502, text }
      this.tokens.set(cacheKey(credential), {
        token: body.access_token,
        expiresAt: this.now() + (body.expires_in ?? 3600) * 1000
      })
      return body.access_token
    } catch (e: unknown) {
      return {
        status: 502,
        text: JSON.stringify({ message: `Token request failed: ${String(e)}`, code: 'bad.gateway', status: 502 })
      }
    }
  }
}

/** Tokens are per credential (id and secret), so editing the credential takes effect at once. */
function cacheKey(credential: OAuthClientCredential): string {
  return `${credential.clientId}\n${credential.clientSecret}`
}
