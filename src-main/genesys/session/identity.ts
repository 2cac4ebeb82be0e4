/**
 * Who a fresh token belongs to — org, and user or OAuth client — read through the gateway right after sign-in
 * (which also proves the token works) so the session view can say "Signed in to Acme as Dana".
 */
import type { Gateway, ApiResult } from '../gateway-types'

/** The names shown in the session view. */
export interface SessionIdentity {
  readonly orgId: string
  readonly orgName: string
  /** The user's name (code grant) or the OAuth client's name (client credentials). */
  readonly principalName: string
}

/** `GET /api/v2/tokens/me`, plus `GET /api/v2/users/me` for user tokens. */
export async function lookUpIdentity(
  gateway: Gateway,
  method: 'pkce' | 'client-credentials'
): Promise<ApiResult<SessionIdentity>> {
  const info = await gateway.call('GET /api/v2/tokens/me', (a) => a.tokens.getTokensMe(), { label: 'check the sign-in' })
  if (!info.ok) return info
  const org = info.value.organization ?? info.value.homeOrganization
  let principalName = info.value.OAuthClient?.name ?? 'OAuth client'
  if (method === 'pkce') {
    const me = await gateway.call('GET /api/v2/users/me', (a) => a.users.getUsersMe(), { label: 'read your user' })
    if (!me.ok) return me
    principalName = me.value.name ?? principalName
  }
  return { ok: true, value: { orgId: org?.id ?? 'unknown', orgName: org?.name ?? 'Genesys Cloud org', principalName } }
}
