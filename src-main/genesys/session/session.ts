/**
 * One signed-in (or signing-in) Genesys Cloud session in main: its own SDK client, the token (never leaving
 * main), expiry tracking with a "sign in again soon" state, silent renewal for client-credentials wallboards,
 * re-auth that keeps everything else running, and sign-out that revokes, cancels and wipes. The renderer gets
 * a `SessionView` only.
 */
import type { SessionState, SessionView } from '../../contract/live-views'
import type { Clock } from '../../core/clock'
import { Emitter, type Disposable } from '../../core/disposable'
import type { SecretStorage } from '../../host/secret-storage'
import { SessionGateway, type GatewayHost, type GatewayOptions } from '../gateway'
import type { ApiError, ApiResult, PlatformApis } from '../gateway-types'
import { realTimers, type Timers } from '../timers'
import { ExpirySchedule } from './expiry-schedule'
import { runWithSignal } from './http-client'
import { lookUpIdentity, type SessionIdentity } from './identity'
import { oauthFailure } from './oauth-error'
import { signInWithPkce, type IssuedToken } from './pkce-sign-in'
import { createSdkClient, type SdkClient, type SessionTarget } from './sdk-client'
import { describeTarget, sameTarget } from './targets'
import { TokenVault, type StoredToken } from './token-vault'

/** Services and tuning the session is built with. */
export interface SessionOptions {
  readonly secrets: SecretStorage
  /** Opens a URL in the system browser (the PKCE authorize page). */
  readonly openExternal: (url: string) => Promise<void>
  readonly clock?: Clock
  /** Timers for expiry tracking. */
  readonly timers?: Timers
  readonly log?: (line: string) => void
  /** How long before expiry the session turns `expiring`; 10 min, at most half the token's life. */
  readonly expiryWarningMs?: number
  /** How long the browser sign-in may take; 5 min. */
  readonly signInTimeoutMs?: number
  readonly gateway?: GatewayOptions
}

/** Why the token changed; the notification manager rolls its channel over on `renewed`. */
export type TokenChange = 'signed-in' | 'renewed' | 'expired' | 'signed-out'

type Method = StoredToken['method']

interface ActiveToken extends StoredToken {
  readonly expired: boolean
}

/** The session service the host wires to `session:*` commands. */
export class GenesysSession implements GatewayHost, Disposable {
  readonly gateway: SessionGateway
  private readonly changes = new Emitter<SessionView>()
  private readonly tokenChanges = new Emitter<TokenChange>()
  /** Fires with the new view whenever anything in it changes. */
  readonly onDidChange = this.changes.event
  /** Fires when the token is set, renewed, expires or is wiped. */
  readonly onDidChangeToken = this.tokenChanges.event
  private readonly clock: Clock
  private readonly timers: Timers
  private readonly log: (line: string) => void
  private sdk: SdkClient | null = null
  private target: SessionTarget | null = null
  private controller = new AbortController()
  private signInController: AbortController | null = null
  private token: ActiveToken | null = null
  private identity: SessionIdentity | null = null
  private state: SessionState = 'signed-out'
  private problem: string | null = null
  private clientSecret: string | null = null
  private renewing: Promise<void> | null = null
  private signingOut = false
  private readonly expiry: ExpirySchedule

  constructor(private readonly options: SessionOptions) {
    this.clock = options.clock ?? Date.now
    this.timers = options.timers ?? realTimers
    this.log = options.log ?? (() => undefined)
    this.gateway = new SessionGateway(this, options.gateway)
    this.expiry = new ExpirySchedule(this.timers, this.clock, options.expiryWarningMs ?? 10 * 60_000)
  }

  get apis(): PlatformApis | null {
    return this.sdk && this.token && !this.token.expired ? this.sdk.apis : null
  }

  get signal(): AbortSignal {
    return this.controller.signal
  }

  /** The signed-in org's id (per-org profile files are keyed by it). */
  get orgId(): string | null {
    return this.identity?.orgId ?? null
  }

  view(): SessionView {
    const t = this.target ? describeTarget(this.target) : null
    return {
      state: this.state,
      target: t?.kind ?? null,
      regionLabel: t?.label ?? null,
      orgName: this.identity?.orgName ?? null,
      principalName: this.identity?.principalName ?? null,
      method: this.token?.method ?? null,
      expiresAt: this.token ? new Date(this.token.expiresAt).toISOString() : null,
      secureStorage: this.options.secrets.available,
      problem: this.problem
    }
  }

  /** Signs in through the system browser (authorization code + PKCE). */
  async signInWithBrowser(target: SessionTarget, clientId: string): Promise<ApiResult<SessionView>> {
    const prepared = this.prepare(target)
    if (!prepared.ok) return prepared
    const { sdk, signal } = prepared.value
    const issued = await signInWithPkce({
      sdk,
      clientId,
      openExternal: this.options.openExternal,
      signal,
      timeoutMs: this.options.signInTimeoutMs ?? 5 * 60_000
    })
    return this.finishSignIn(issued, 'pkce', clientId, signal)
  }

  /**
   * Signs in with client credentials (unattended wallboards). Without `clientSecret` the remembered one is used;
   * with `remember` the secret is kept in secret storage so the wallboard can renew its token on its own.
   */
  async signInWithClientCredentials(
    target: SessionTarget,
    clientId: string,
    clientSecret?: string,
    remember = false
  ): Promise<ApiResult<SessionView>> {
    const prepared = this.prepare(target)
    if (!prepared.ok) return prepared
    const { sdk, signal } = prepared.value
    const vault = new TokenVault(this.options.secrets, sdk.targetKey)
    const secret = clientSecret ?? (await vault.loadClientSecret(clientId))
    if (!secret) return this.failSignIn({ code: 'invalid-input', message: 'Enter the client secret.' }, signal)
    const issued = await this.clientCredentialsToken(sdk, clientId, secret, signal)
    const result = await this.finishSignIn(issued, 'client-credentials', clientId, signal)
    if (result.ok) {
      this.clientSecret = secret
      if (remember) await vault.saveClientSecret(clientId, secret)
    }
    return result
  }

  /** Picks up a token saved by an earlier run, if it is still valid; true when signed in. */
  async resume(target: SessionTarget): Promise<boolean> {
    if (this.token) return true
    const sdk = this.ensureSdk(target)
    const vault = new TokenVault(this.options.secrets, sdk.targetKey)
    const stored = await vault.loadToken()
    if (!stored) return false
    if (stored.expiresAt <= this.clock() + 60_000) {
      if (stored.method === 'client-credentials' && (await vault.loadClientSecret(stored.clientId))) {
        return (await this.signInWithClientCredentials(target, stored.clientId)).ok
      }
      await vault.removeToken()
      return false
    }
    sdk.client.setAccessToken(stored.accessToken)
    this.token = { ...stored, expired: false }
    this.gateway.resetBudget()
    const identity = await lookUpIdentity(this.gateway, stored.method)
    if (!identity.ok) {
      this.log(`[Session] saved sign-in no longer valid (${identity.error.code})`)
      this.token = null
      await vault.removeToken()
      return false
    }
    await this.establish(stored, identity.value, null)
    return true
  }

  /** Abandons a browser sign-in in progress. */
  cancelSignIn(): void {
    this.signInController?.abort()
  }

  /** Revokes the token (`DELETE /api/v2/tokens/me`), cancels every call and wipes what was stored. */
  async signOut(): Promise<SessionView> {
    this.cancelSignIn()
    const token = this.token
    const sdk = this.sdk
    if (token && sdk && !token.expired) {
      this.signingOut = true
      const r = await this.gateway.call('DELETE /api/v2/tokens/me', (a) => a.tokens.deleteTokensMe(), {
        idempotent: true,
        signal: AbortSignal.timeout(5_000),
        label: 'sign out'
      })
      if (!r.ok) this.log(`[Session] token revoke failed (${r.error.code}); wiping it locally`)
    }
    this.controller.abort()
    this.controller = new AbortController()
    if (sdk) {
      const vault = new TokenVault(this.options.secrets, sdk.targetKey)
      await vault.removeToken()
      if (token?.method === 'client-credentials') await vault.removeClientSecret(token.clientId)
      sdk.client.setAccessToken('')
    }
    this.expiry.clear()
    this.token = null
    this.identity = null
    this.clientSecret = null
    this.signingOut = false
    this.problem = null
    this.setState('signed-out')
    if (token) this.tokenChanges.fire('signed-out')
    this.log('[Session] signed out')
    return this.view()
  }

  tokenRejected(): void {
    if (this.signingOut || !this.token || this.token.expired) return
    if (this.canRenewSilently()) {
      void this.renewSilently()
      return
    }
    this.markExpired('Your sign-in has expired or was revoked. Sign in again to continue.')
  }

  dispose(): void {
    this.cancelSignIn()
    this.controller.abort()
    this.expiry.clear()
    this.changes.dispose()
    this.tokenChanges.dispose()
  }

  // ---- internals ---------------------------------------------------------------------------------------------

  private prepare(target: SessionTarget): ApiResult<{ sdk: SdkClient; signal: AbortSignal }> {
    if (this.token && this.target && !sameTarget(this.target, target)) {
      return { ok: false, error: { code: 'signed-in-elsewhere', message: 'Sign out first to switch to another org or region.' } }
    }
    this.cancelSignIn()
    const controller = new AbortController()
    this.signInController = controller
    const sdk = this.ensureSdk(target)
    this.problem = null
    if (!this.token || this.token.expired) this.setState('signing-in')
    else this.emit()
    return { ok: true, value: { sdk, signal: controller.signal } }
  }

  private ensureSdk(target: SessionTarget): SdkClient {
    if (!this.sdk || !this.target || !sameTarget(this.target, target)) {
      this.sdk = createSdkClient(target, () => this.controller.signal)
      this.target = target
    }
    return this.sdk
  }

  private async clientCredentialsToken(
    sdk: SdkClient,
    clientId: string,
    secret: string,
    signal: AbortSignal
  ): Promise<ApiResult<IssuedToken>> {
    try {
      const auth = await runWithSignal(signal, () => sdk.client.loginClientCredentialsGrant(clientId, secret))
      return { ok: true, value: { accessToken: auth.accessToken, expiresAt: auth.tokenExpiryTime } }
    } catch (e: unknown) {
      return { ok: false, error: oauthFailure(e) }
    }
  }

  private async finishSignIn(
    issued: ApiResult<IssuedToken>,
    method: Method,
    clientId: string,
    signal: AbortSignal
  ): Promise<ApiResult<SessionView>> {
    if (!issued.ok) return this.failSignIn(issued.error, signal)
    const sdk = this.sdk!
    // The SDK stamps expiry with the wall clock; re-base it on ours.
    const expiresAt = this.clock() + Math.max(0, issued.value.expiresAt - Date.now())
    const stored: StoredToken = { accessToken: issued.value.accessToken, expiresAt, method, clientId }
    const previous = this.token
    this.token = { ...stored, expired: false }
    if (!previous) this.gateway.resetBudget()
    const identity = await lookUpIdentity(this.gateway, method)
    if (!identity.ok) {
      this.token = previous
      if (previous) sdk.client.setAccessToken(previous.accessToken)
      return this.failSignIn(identity.error, signal)
    }
    await this.establish(stored, identity.value, previous)
    return { ok: true, value: this.view() }
  }

  private async establish(stored: StoredToken, identity: SessionIdentity, previous: ActiveToken | null): Promise<void> {
    const sameOrg = previous !== null && this.identity?.orgId === identity.orgId
    this.token = { ...stored, expired: false }
    this.identity = identity
    this.signInController = null
    await new TokenVault(this.options.secrets, this.sdk!.targetKey).saveToken(stored)
    this.scheduleExpiry()
    this.problem = null
    this.setState('signed-in')
    this.tokenChanges.fire(sameOrg ? 'renewed' : 'signed-in')
    this.log(`[Session] ${sameOrg ? 'renewed sign-in' : 'signed in'} to ${describeTarget(this.target!).label} (${stored.method})`)
    // A new sign-in or a resumed one (not a renewal): budget calls by the org's own rate limit.
    if (!previous) await this.gateway.loadOrgLimits(stored.method)
  }

  private failSignIn(error: ApiError, signal: AbortSignal): ApiResult<SessionView> {
    // A sign-in superseded by a newer one leaves the state to the newer one.
    if (this.signInController?.signal !== signal) return { ok: false, error }
    this.signInController = null
    this.problem = error.code === 'cancelled' ? null : error.message
    if (!this.token) this.setState('signed-out')
    else this.setState(this.token.expired ? 'expired' : this.expiry.warning ? 'expiring' : 'signed-in')
    this.log(`[Session] sign-in failed (${error.code})`)
    return { ok: false, error }
  }

  private scheduleExpiry(): void {
    const token = this.token
    if (!token) return this.expiry.clear()
    this.expiry.start(
      token.expiresAt,
      () => {
        if (this.token !== token) return
        if (this.canRenewSilently()) void this.renewSilently()
        else {
          this.log('[Session] sign-in expires soon')
          this.setState('expiring')
        }
      },
      () => {
        if (this.token === token) this.markExpired('Your sign-in has expired. Sign in again to continue.')
      }
    )
  }

  private canRenewSilently(): boolean {
    return this.token?.method === 'client-credentials' && this.clientSecret !== null
  }

  private renewSilently(): Promise<void> {
    if (this.renewing) return this.renewing
    const token = this.token!
    this.renewing = (async () => {
      const r = await this.signInWithClientCredentials(this.target!, token.clientId, this.clientSecret!)
      if (!r.ok) this.markExpired(`Could not renew the wallboard's sign-in: ${r.error.message}`)
    })().finally(() => {
      this.renewing = null
    })
    return this.renewing
  }

  private markExpired(problem: string): void {
    if (!this.token || this.token.expired) return
    this.token = { ...this.token, expired: true }
    this.expiry.clear()
    this.problem = problem
    this.setState('expired')
    this.tokenChanges.fire('expired')
    this.log('[Session] sign-in expired')
  }

  private setState(state: SessionState): void {
    this.state = state
    this.emit()
  }

  private emit(): void {
    this.changes.fire(this.view())
  }
}
