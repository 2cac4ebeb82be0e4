import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MemorySecretStorage } from '../../../src-main/host/secret-storage'
import type { TokenChange } from '../../../src-main/genesys/session/session'
import { startLoopbackListener } from '../../../src-main/genesys/session/loopback-listener'
import { ManualTimers } from '../../../src-main/genesys/timers'
import type { DemoOrg } from '../../../src-main/sim/server'
import { ADMIN_CLIENT, DEMO_SECRET, DESKTOP_CLIENT, demoTarget, fakeBrowser, newSession, startTestOrg } from './helpers/demo'

let org: DemoOrg
const disposables: Array<{ dispose(): void }> = []

beforeEach(async () => {
  org = await startTestOrg({ plugins: {}, tokenTtlSeconds: 3_600 })
})

afterEach(async () => {
  for (const d of disposables.splice(0)) d.dispose()
  await org.close()
})

function track<T extends { dispose(): void }>(d: T): T {
  disposables.push(d)
  return d
}

async function tokenWorks(token: string): Promise<boolean> {
  const r = await fetch(`${org.baseUrl}/api/v2/tokens/me`, { headers: { Authorization: `Bearer ${token}` } })
  return r.status === 200
}

async function storedToken(secrets: MemorySecretStorage): Promise<string> {
  const raw = await secrets.load('genesys.token.demo')
  return (JSON.parse(raw!) as { accessToken: string }).accessToken
}

describe('sign-in', () => {
  it('signs in with PKCE through the system browser and the demo org auto-consent page', async () => {
    const browser = fakeBrowser()
    const secrets = new MemorySecretStorage('test')
    const session = track(newSession({ openExternal: browser.open, secrets }))
    const states: string[] = []
    session.onDidChange((v) => states.push(v.state))
    const r = await session.signInWithBrowser(demoTarget(org), DESKTOP_CLIENT)
    expect(r.ok).toBe(true)
    const view = session.view()
    expect(view).toMatchObject({
      state: 'signed-in',
      target: 'demo',
      regionLabel: 'Demo org',
      method: 'pkce',
      principalName: 'Dana Supervisor',
      orgName: 'Callback Console Demo',
      secureStorage: false,
      problem: null
    })
    expect(states[0]).toBe('signing-in')
    const url = new URL(browser.urls[0]!)
    expect(url.pathname).toBe('/oauth/authorize')
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(browser.pages[0]).toContain('You can close this tab')
    const token = await storedToken(secrets)
    expect(await tokenWorks(token)).toBe(true)
    expect(JSON.stringify(view)).not.toContain(token)
  })

  it('refuses a redirect with the wrong state and keeps waiting for the right one', async () => {
    const controller = new AbortController()
    const listener = await startLoopbackListener('expected-state', controller.signal)
    const forged = await fetch(`${listener.redirectUri}?code=evil&state=other`)
    expect(forged.status).toBe(400)
    const good = await fetch(`${listener.redirectUri}?code=good&state=expected-state`)
    expect(good.status).toBe(200)
    await expect(listener.outcome).resolves.toEqual({ kind: 'code', code: 'good' })
    listener.close()
  })

  it('signs in with client credentials and remembers the secret only when asked', async () => {
    const secrets = new MemorySecretStorage('test')
    const session = track(newSession({ secrets }))
    const r = await session.signInWithClientCredentials(demoTarget(org), ADMIN_CLIENT, DEMO_SECRET, true)
    expect(r.ok && r.value).toMatchObject({
      state: 'signed-in',
      method: 'client-credentials',
      principalName: 'Callback Console demo (admin)'
    })
    expect(await secrets.load(`genesys.client-secret.demo.${ADMIN_CLIENT}`)).toBe(DEMO_SECRET)
    const again = track(newSession({ secrets }))
    expect((await again.signInWithClientCredentials(demoTarget(org), ADMIN_CLIENT)).ok).toBe(true)
  })

  it('gives a plain error for a wrong secret and stays signed out', async () => {
    const session = track(newSession())
    const r = await session.signInWithClientCredentials(demoTarget(org), ADMIN_CLIENT, 'wrong-secret')
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('invalid-client')
    expect(r.error.message).toMatch(/did not accept the client id or secret/)
    expect(r.error.message).not.toContain('wrong-secret')
    expect(session.view()).toMatchObject({ state: 'signed-out', problem: r.error.message })
  })

  it('a newer sign-in cancels one still waiting for the browser', async () => {
    const session = track(newSession({ openExternal: async () => undefined }))
    const waiting = session.signInWithBrowser(demoTarget(org), DESKTOP_CLIENT)
    await new Promise((r) => setTimeout(r, 50))
    expect(session.view().state).toBe('signing-in')
    const second = await session.signInWithClientCredentials(demoTarget(org), ADMIN_CLIENT, DEMO_SECRET)
    expect(second.ok).toBe(true)
    const first = await waiting
    expect(!first.ok && first.error.code).toBe('cancelled')
    expect(session.view()).toMatchObject({ state: 'signed-in', method: 'client-credentials', problem: null })
  })

  it('resumes a saved sign-in in a new session', async () => {
    const secrets = new MemorySecretStorage('test')
    const first = track(newSession({ secrets }))
    await first.signInWithClientCredentials(demoTarget(org), ADMIN_CLIENT, DEMO_SECRET)
    const second = track(newSession({ secrets }))
    expect(await second.resume(demoTarget(org))).toBe(true)
    expect(second.view().state).toBe('signed-in')
    // Like a fresh sign-in, a resumed one budgets by the org's own rate limit.
    expect(second.gateway.callCounts().get('GET /api/v2/organizations/limits/namespaces/{namespaceName}')).toBe(1)
  })
})

describe('expiry, re-auth and sign-out', () => {
  it('turns "expiring" before the token lapses, and re-auth continues the same session', async () => {
    const timers = new ManualTimers(Date.now())
    const browser = fakeBrowser()
    const session = track(newSession({ openExternal: browser.open, timers, clock: timers.now, expiryWarningMs: 5 * 60_000 }))
    const changes: TokenChange[] = []
    session.onDidChangeToken((c) => changes.push(c))
    expect((await session.signInWithBrowser(demoTarget(org), DESKTOP_CLIENT)).ok).toBe(true)
    const gateway = session.gateway
    timers.advance(3_600_000 - 5 * 60_000 + 1_000)
    expect(session.view().state).toBe('expiring')
    const before = session.gateway.callCounts().get('GET /api/v2/tokens/me')
    expect((await session.signInWithBrowser(demoTarget(org), DESKTOP_CLIENT)).ok).toBe(true)
    expect(session.view().state).toBe('signed-in')
    expect(changes).toEqual(['signed-in', 'renewed'])
    expect(session.gateway).toBe(gateway)
    expect(session.gateway.callCounts().get('GET /api/v2/tokens/me')).toBe((before ?? 0) + 1)
    timers.advance(3_600_000 - 5 * 60_000 + 1_000)
    expect(session.view().state).toBe('expiring')
    timers.advance(5 * 60_000)
    expect(session.view()).toMatchObject({ state: 'expired', problem: expect.stringMatching(/expired/) })
    const r = await session.gateway.call('GET /api/v2/tokens/me', (a) => a.tokens.getTokensMe())
    expect(r.ok || r.error.code).toBe('unauthorized')
  })

  it('renews a client-credentials token silently before it lapses', async () => {
    const timers = new ManualTimers(Date.now())
    const session = track(newSession({ timers, clock: timers.now }))
    const changes: TokenChange[] = []
    session.onDidChangeToken((c) => changes.push(c))
    await session.signInWithClientCredentials(demoTarget(org), ADMIN_CLIENT, DEMO_SECRET)
    const firstExpiry = session.view().expiresAt
    timers.advance(3_600_000 - 10 * 60_000 + 1)
    await waitUntil(() => changes.length === 2)
    expect(changes).toEqual(['signed-in', 'renewed'])
    expect(session.view().state).toBe('signed-in')
    expect(session.view().expiresAt).not.toBe(firstExpiry)
  })

  it('marks the session expired when the org revokes the token', async () => {
    const session = track(newSession({ openExternal: fakeBrowser().open }))
    await session.signInWithBrowser(demoTarget(org), DESKTOP_CLIENT)
    org.faults.revokeTokens()
    const r = await session.gateway.call('GET /api/v2/tokens/me', (a) => a.tokens.getTokensMe())
    expect(r.ok).toBe(false)
    expect(session.view()).toMatchObject({ state: 'expired', problem: expect.stringMatching(/Sign in again/) })
  })

  it('signs out: revokes the token, cancels calls in flight and wipes what was stored', async () => {
    const secrets = new MemorySecretStorage('test')
    const session = track(newSession({ secrets }))
    await session.signInWithClientCredentials(demoTarget(org), ADMIN_CLIENT, DEMO_SECRET, true)
    const token = await storedToken(secrets)
    org.faults.set({ latencyMs: 1_000 })
    const slow = session.gateway.call('GET /api/v2/routing/queues', (a) => a.routing.getRoutingQueues())
    await new Promise((r) => setTimeout(r, 50))
    org.faults.set({ latencyMs: 0 })
    const view = await session.signOut()
    expect(view).toMatchObject({ state: 'signed-out', orgName: null, expiresAt: null })
    const aborted = await slow
    expect(aborted.ok || aborted.error.code).toBe('cancelled')
    expect(await tokenWorks(token)).toBe(false)
    expect(await secrets.load('genesys.token.demo')).toBeNull()
    expect(await secrets.load(`genesys.client-secret.demo.${ADMIN_CLIENT}`)).toBeNull()
    expect(session.gateway.callCounts().get('DELETE /api/v2/tokens/me')).toBe(1)
  })
})

async function waitUntil(check: () => boolean): Promise<void> {
  for (let i = 0; i < 250 && !check(); i++) await new Promise((r) => setTimeout(r, 20))
  expect(check()).toBe(true)
}
