/**
 * Plain sentences for failed sign-ins. The SDK's login methods reject with raw axios errors (which carry the
 * request headers, Basic credentials included), so they are reduced to a code and a message here and never
 * logged whole.
 */
import type { ApiError } from '../gateway-types'

interface AxiosLikeError {
  readonly code?: string
  readonly name?: string
  readonly response?: { readonly status?: number; readonly data?: unknown }
}

/** Maps a token-endpoint rejection to an ApiError. */
export function oauthFailure(reason: unknown): ApiError {
  const e = (typeof reason === 'object' && reason !== null ? reason : {}) as AxiosLikeError
  if (e.code === 'ERR_CANCELED' || e.name === 'AbortError' || e.name === 'CanceledError') {
    return { code: 'cancelled', message: 'Sign-in was cancelled.' }
  }
  const status = e.response?.status
  if (status === undefined) {
    return {
      code: 'network',
      message: 'Could not reach the Genesys Cloud login service. Check the network and the region, then try again.'
    }
  }
  const data = (typeof e.response?.data === 'object' && e.response.data !== null ? e.response.data : {}) as {
    error?: string
    error_description?: string
  }
  switch (data.error) {
    case 'invalid_client':
      return {
        code: 'invalid-client',
        status,
        message: 'Genesys Cloud did not accept the client id or secret. Check them with your Genesys Cloud admin.'
      }
    case 'unauthorized_client':
      return {
        code: 'invalid-client',
        status,
        message: 'This OAuth client is not allowed to sign in this way (check its grant type).'
      }
    case 'invalid_grant':
      return {
        code: 'invalid-grant',
        status,
        message: 'The sign-in could not be completed (the code expired or did not match). Please try again.'
      }
    default:
      return {
        code: 'sign-in-failed',
        status,
        message: `Genesys Cloud refused the sign-in (HTTP ${status}). Try again or check the OAuth client.`
      }
  }
}

/** Maps an `error` returned on the redirect (user denied, client misconfigured) to an ApiError. */
export function redirectFailure(error: string): ApiError {
  if (error === 'access_denied') return { code: 'access-denied', message: 'Sign-in was declined in the browser.' }
  return {
    code: 'sign-in-failed',
    message: `Genesys Cloud could not start the sign-in (${error}). Check the OAuth client id, its grant type and its redirect URI.`
  }
}
