import platformClient from 'purecloud-platform-client-v2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DemoOrg } from '../../../src-main/sim/server'
import { loggedIn, rejection, sdkClient, startQuietOrg } from './sim-harness'

const REDIRECT = 'http://127.0.0.1:53123/callback'

async function authorize(demo: DemoOrg, params: Record<string, string>): Promise<Response> {
  const q = new URLSearchParams({
    client_id: 'callback-console-desktop',
    response_type: 'code',
    redirect_uri: REDIRECT,
    ...params
  })
  return fetch(`${demo.baseUrl}/oauth/authorize?${q}`, { redirect: 'manual' })
}

async function pkceLogin(demo: DemoOrg): Promise<{ client: ReturnType<typeof sdkClient>; code: string; verifier: string }> {
  const client = sdkClient(demo)
  const verifier = client.generatePKCECodeVerifier(64)
  const challenge = await client.computePKCECodeChallenge(verifier)
  const res = await authorize(demo, { code_challenge: challenge, code_challenge_method: 'S256', state: 'xyz' })
  expect(res.status).toBe(302)
  const location = new URL(res.headers.get('location')!)
  expect(`${location.origin}${location.pathname}`).toBe(REDIRECT)
  expect(location.searchParams.get('state')).toBe('xyz')
  return { client, code: location.searchParams.get('code')!, verifier }
}

describe('demo org OAuth and identity', () => {
  let demo: DemoOrg
  beforeAll(async () => {
    demo = await startQuietOrg()
  })
  afterAll(() => demo.close())

  it('issues client-credentials tokens for the demo clients and rejects a bad secret with 401', async () => {
    const client = await loggedIn(demo)
    const info = await new platformClient.TokensApi(client).getTokensMe()
    expect(info.OAuthClient?.id).toBe('callback-console-demo')
    expect(info.OAuthClient?.authorizedGrantType).toBe('CLIENT-CREDENTIALS')
    expect(info.organization?.id).toBe(demo.org.id)
    await loggedIn(demo, 'callback-console-viewer')
    const bad = (await rejection(sdkClient(demo).loginClientCredentialsGrant('callback-console-demo', 'wrong'))) as {
      response?: { status: number; data: { error: string } }
    }
    expect(bad.response?.status).toBe(401)
    expect(bad.response?.data.error).toBe('invalid_client')
    const unknown = (await rejection(sdkClient(demo).loginClientCredentialsGrant('nobody', 'demo-secret'))) as {
      response?: { status: number }
    }
    expect(unknown.response?.status).toBe(401)
  })

  it('runs the PKCE code grant through the auto-consent page and the SDK', async () => {
    const { client, code, verifier } = await pkceLogin(demo)
    const auth = await client.authorizePKCEGrant('callback-console-desktop', verifier, code, REDIRECT)
    expect(auth.accessToken).toBeTruthy()
    const me = await new platformClient.UsersApi(client).getUsersMe({ expand: ['organization'] })
    expect(me.id).toBe(demo.seed.supervisorUserId)
    expect(me.organization?.id).toBe(demo.org.id)
    // Codes are single use.
    const again = (await rejection(sdkClient(demo).authorizePKCEGrant('callback-console-desktop', verifier, code, REDIRECT))) as {
      response?: { status: number; data: { error: string } }
    }
    expect(again.response?.status).toBe(400)
    expect(again.response?.data.error).toBe('invalid_grant')
  })

  it('rejects a wrong code_verifier, a foreign redirect_uri and a missing challenge', async () => {
    const { code } = await pkceLogin(demo)
    const wrong = sdkClient(demo).generatePKCECodeVerifier(64)
    const err = (await rejection(sdkClient(demo).authorizePKCEGrant('callback-console-desktop', wrong, code, REDIRECT))) as {
      response?: { data: { error: string; error_description: string } }
    }
    expect(err.response?.data.error).toBe('invalid_grant')
    expect(err.response?.data.error_description).toMatch(/code_verifier/)

    const foreign = await authorize(demo, {
      redirect_uri: 'https://evil.example/cb',
      code_challenge: 'x'.repeat(43),
      code_challenge_method: 'S256'
    })
    expect(foreign.status).toBe(400)
    expect(foreign.headers.get('location')).toBeNull()

    const noChallenge = await authorize(demo, { state: 's1' })
    expect(noChallenge.status).toBe(302)
    const loc = new URL(noChallenge.headers.get('location')!)
    expect(loc.searchParams.get('error')).toBe('invalid_request')
    expect(loc.searchParams.get('state')).toBe('s1')
    expect(loc.searchParams.get('code')).toBeNull()
  })

  it('refreshes a code-grant token with the refresh token', async () => {
    const { code, verifier } = await pkceLogin(demo)
    const body = new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      client_id: 'callback-console-desktop',
      redirect_uri: REDIRECT
    })
    const first = (await (await fetch(`${demo.baseUrl}/oauth/token`, { method: 'POST', body })).json()) as {
      refresh_token: string
    }
    const res = await fetch(`${demo.baseUrl}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: first.refresh_token,
        client_id: 'callback-console-desktop'
      })
    })
    expect(res.status).toBe(200)
    const reused = await fetch(`${demo.baseUrl}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: first.refresh_token,
        client_id: 'callback-console-desktop'
      })
    })
    expect(reused.status).toBe(400)
    const unsupported = await fetch(`${demo.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from('callback-console-demo:demo-secret').toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'password' })
    })
    expect(((await unsupported.json()) as { error: string }).error).toBe('unsupported_grant_type')
  })

  it('answers tokens/me HEAD and DELETE; a revoked, expired, unknown or missing token gets 401', async () => {
    const client = await loggedIn(demo)
    const tokens = new platformClient.TokensApi(client)
    await tokens.headTokensMe()
    await tokens.deleteTokensMe()
    const revoked = await rejection(tokens.getTokensMe())
    expect(revoked.status).toBe(401)
    expect(revoked.code).toBe('bad.credentials')
    expect(typeof revoked.contextId).toBe('string')
    expect(revoked.errors).toEqual([])

    const expired = demo.issueToken('callback-console-demo', { ttlSeconds: 0 })
    const c2 = sdkClient(demo)
    c2.setAccessToken(expired.token)
    expect((await rejection(new platformClient.TokensApi(c2).getTokensMe())).status).toBe(401)
    c2.setAccessToken('not-a-token')
    expect((await rejection(new platformClient.RoutingApi(c2).getRoutingQueues())).status).toBe(401)
    const missing = await fetch(`${demo.baseUrl}/api/v2/tokens/me`)
    expect(missing.status).toBe(401)
    expect(((await missing.json()) as { code: string }).code).toBe('authentication.required')
  })

  it('requires a user context for users/me and serves users and organization limits', async () => {
    const client = await loggedIn(demo)
    const users = new platformClient.UsersApi(client)
    const err = await rejection(users.getUsersMe())
    expect(err.status).toBe(400)
    expect(String(err.message)).toMatch(/user context/)
    const agent = await users.getUser(demo.seed.agentUserIds[0]!)
    expect(agent.email).toMatch(/@demo\.example$/)

    const orgApi = new platformClient.OrganizationApi(client)
    const namespaces = (await orgApi.getOrganizationsLimitsNamespaces()) as { entities: Array<{ name: string }> }
    expect(namespaces.entities.map((n) => n.name)).toContain('platform.api')
    const api = await orgApi.getOrganizationsLimitsNamespace('platform.api')
    expect(api.entities?.find((l) => l.key === 'token.rate.per.minute')?.value).toBe(300)
    expect((await rejection(orgApi.getOrganizationsLimitsNamespace('nope'))).status).toBe(404)
  })
})
