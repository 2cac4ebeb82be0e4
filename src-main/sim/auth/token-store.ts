/**
 * Access tokens, refresh tokens and authorization codes of the demo org. Lifetimes run on the wall clock
 * (tokens are a transport concern, independent of `--speed`), injected so tests can move it.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { SimPrincipal } from '../http/types'
import type { DemoClient } from './clients'

/** One issued access token. */
export interface TokenRecord {
  readonly token: string
  readonly clientId: string
  readonly clientName: string
  readonly grantType: DemoClient['grantType']
  readonly userId?: string
  readonly permissions: ReadonlySet<string>
  readonly scope: readonly string[]
  readonly issuedAt: number
  readonly expiresAt: number
  revoked: boolean
}

interface AuthCode {
  readonly clientId: string
  readonly redirectUri: string
  readonly challenge: string
  readonly userId: string
  readonly expiresAt: number
}

interface RefreshRecord {
  readonly clientId: string
  readonly userId: string
}

/** Listener told when tokens are revoked (the notification hub drops their channels). */
export type RevocationListener = (token: string) => void

/** Issues and validates tokens; all lookups are O(1). */
export class TokenStore {
  private readonly tokens = new Map<string, TokenRecord>()
  private readonly codes = new Map<string, AuthCode>()
  private readonly refresh = new Map<string, RefreshRecord>()
  private readonly revocationListeners = new Set<RevocationListener>()
  private issued = 0

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now
  ) {}

  onRevoked(listener: RevocationListener): () => void {
    this.revocationListeners.add(listener)
    return () => this.revocationListeners.delete(listener)
  }

  /** Issues an access token for a client (and user, for the code grant). Tests may pass custom permissions. */
  issue(
    client: DemoClient,
    options: { userId?: string; permissions?: readonly string[]; ttlSeconds?: number } = {}
  ): TokenRecord {
    const ttl = options.ttlSeconds ?? this.ttlSeconds
    const rec: TokenRecord = {
      token: randomToken(),
      clientId: client.id,
      clientName: client.name,
      grantType: client.grantType,
      ...(options.userId ? { userId: options.userId } : {}),
      permissions: new Set(options.permissions ?? client.permissions),
      scope: client.scope,
      issuedAt: this.now(),
      expiresAt: this.now() + ttl * 1000,
      revoked: false
    }
    this.tokens.set(rec.token, rec)
    if (++this.issued % 1000 === 0) this.prune()
    return rec
  }

  /** Every access token issued and not yet pruned (test introspection: proving a token never left the console's main). */
  issuedTokens(): readonly string[] {
    return [...this.tokens.keys()]
  }

  /** Forgets revoked tokens and tokens expired over an hour ago (long demo runs, test suites). */
  private prune(): void {
    const cutoff = this.now() - 3600_000
    for (const [t, rec] of this.tokens) if (rec.revoked || rec.expiresAt < cutoff) this.tokens.delete(t)
  }

  /** The principal behind a bearer token, or undefined when unknown, expired or revoked. */
  principal(token: string): SimPrincipal | undefined {
    const rec = this.valid(token)
    if (!rec) return undefined
    return { token, clientId: rec.clientId, ...(rec.userId ? { userId: rec.userId } : {}), permissions: rec.permissions }
  }

  /** The record of a valid token (undefined when unknown, expired or revoked). */
  valid(token: string): TokenRecord | undefined {
    const rec = this.tokens.get(token)
    if (!rec || rec.revoked) return undefined
    if (this.now() >= rec.expiresAt) return undefined
    return rec
  }

  record(token: string): TokenRecord | undefined {
    return this.tokens.get(token)
  }

  revoke(token: string): boolean {
    const rec = this.tokens.get(token)
    if (!rec || rec.revoked) return false
    rec.revoked = true
    for (const l of this.revocationListeners) l(token)
    return true
  }

  /** Revokes every live token (fault switch). Returns how many. */
  revokeAll(): number {
    let n = 0
    for (const rec of this.tokens.values()) if (!rec.revoked && this.revoke(rec.token)) n++
    return n
  }

  /** Stores a single-use authorization code bound to client, redirect URI and PKCE challenge (60 s). */
  createCode(clientId: string, redirectUri: string, challenge: string, userId: string): string {
    const code = randomToken(24)
    this.codes.set(code, { clientId, redirectUri, challenge, userId, expiresAt: this.now() + 60_000 })
    return code
  }

  /** Redeems a code; returns the user id or a reason string for `invalid_grant`. */
  redeemCode(
    code: string,
    clientId: string,
    redirectUri: string,
    verifier: string | undefined
  ): { userId: string } | { error: string } {
    const rec = this.codes.get(code)
    this.codes.delete(code)
    if (!rec || this.now() > rec.expiresAt) return { error: 'authorization code is invalid or expired' }
    if (rec.clientId !== clientId) return { error: 'authorization code was issued to another client' }
    if (rec.redirectUri !== redirectUri) return { error: 'redirect_uri does not match the authorization request' }
    if (!verifier) return { error: 'code_verifier is required' }
    if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) return { error: 'code_verifier is malformed' }
    if (s256(verifier) !== rec.challenge) return { error: 'code_verifier does not match the code_challenge' }
    return { userId: rec.userId }
  }

  createRefreshToken(clientId: string, userId: string): string {
    const t = randomToken()
    this.refresh.set(t, { clientId, userId })
    return t
  }

  /** Rotates a refresh token: the old one is consumed. */
  redeemRefreshToken(token: string, clientId: string): { userId: string } | undefined {
    const rec = this.refresh.get(token)
    if (!rec || rec.clientId !== clientId) return undefined
    this.refresh.delete(token)
    return { userId: rec.userId }
  }
}

/** base64url(sha256(verifier)) without padding: the PKCE S256 transform. */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url')
}

function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url')
}
