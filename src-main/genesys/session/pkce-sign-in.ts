/**
 * Authorization code + PKCE (S256) in the system browser: a fresh verifier and `state`, a one-shot loopback
 * listener, the authorize URL handed to `openExternal`, then the code exchanged through the SDK's
 * `authorizePKCEGrant`. No client secret exists anywhere in this flow.
 */
import { randomBytes } from 'node:crypto'
import type { ApiResult } from '../gateway-types'
import { runWithSignal } from './http-client'
import { startLoopbackListener } from './loopback-listener'
import { oauthFailure, redirectFailure } from './oauth-error'
import type { SdkClient } from './sdk-client'

/** A token the flow obtained. */
export interface IssuedToken {
  readonly accessToken: string
  /** Wall-clock expiry as the SDK computed it (epoch ms). */
  readonly expiresAt: number
}

/** Inputs of one browser sign-in. */
export interface PkceSignInInput {
  readonly sdk: SdkClient
  readonly clientId: string
  /** Opens the authorize URL in the system browser (Electron `shell.openExternal`, or a test driver). */
  readonly openExternal: (url: string) => Promise<void>
  readonly signal: AbortSignal
  readonly timeoutMs: number
}

/** Builds the authorize URL (exported for tests and for showing the link when no browser opens). */
export function authorizeUrl(
  loginBaseUrl: string,
  params: { clientId: string; redirectUri: string; state: string; challenge: string }
): string {
  const q = new URLSearchParams({
    client_id: params.clientId,
    response_type: 'code',
    redirect_uri: params.redirectUri,
    state: params.state,
    code_challenge: params.challenge,
    code_challenge_method: 'S256'
  })
  return `${loginBaseUrl}/oauth/authorize?${q.toString()}`
}

/** Runs the whole flow; resolves with the token or a plain-language failure. */
export async function signInWithPkce(input: PkceSignInInput): Promise<ApiResult<IssuedToken>> {
  const { sdk, clientId } = input
  const verifier = sdk.client.generatePKCECodeVerifier(128)
  const challenge = await sdk.client.computePKCECodeChallenge(verifier)
  const state = randomBytes(24).toString('base64url')
  const timeout = AbortSignal.timeout(input.timeoutMs)
  const signal = AbortSignal.any([input.signal, timeout])
  const listener = await startLoopbackListener(state, signal)
  try {
    try {
      await input.openExternal(authorizeUrl(sdk.loginBaseUrl, { clientId, redirectUri: listener.redirectUri, state, challenge }))
    } catch {
      return { ok: false, error: { code: 'no-browser', message: 'Could not open the system browser for sign-in.' } }
    }
    const outcome = await listener.outcome
    if (outcome.kind === 'denied') return { ok: false, error: redirectFailure(outcome.error) }
    const auth = await runWithSignal(signal, () =>
      sdk.client.authorizePKCEGrant(clientId, verifier, outcome.code, listener.redirectUri)
    )
    return { ok: true, value: { accessToken: auth.accessToken, expiresAt: auth.tokenExpiryTime } }
  } catch (e: unknown) {
    if (timeout.aborted && !input.signal.aborted) {
      const minutes = Math.round(input.timeoutMs / 60_000)
      return {
        ok: false,
        error: {
          code: 'timeout',
          message: `Sign-in was not completed in the browser within ${minutes || 1} minute(s). Try again.`
        }
      }
    }
    return { ok: false, error: oauthFailure(e) }
  } finally {
    listener.close()
  }
}
