/** Test helpers: a demo org on loopback and a session signed in to it through the real SDK. */
import { MemorySecretStorage } from '../../../../src-main/host/secret-storage'
import { GenesysSession, type SessionOptions } from '../../../../src-main/genesys/session/session'
import { SessionGateway } from '../../../../src-main/genesys/gateway'
import { createSdkClient, type SessionTarget } from '../../../../src-main/genesys/session/sdk-client'
import { startDemoOrg, type DemoOrg, type DemoOrgOptions } from '../../../../src-main/sim/server'

export const ADMIN_CLIENT = 'callback-console-demo'
export const VIEWER_CLIENT = 'callback-console-viewer'
export const DESKTOP_CLIENT = 'callback-console-desktop'
export const DEMO_SECRET = 'demo-secret'

/** A quiet demo org by default; pass `plugins` undefined-free options to get the full solution. */
export async function startTestOrg(options: DemoOrgOptions = {}): Promise<DemoOrg> {
  return startDemoOrg({ log: () => undefined, heartbeatMs: 200, ...options })
}

export function demoTarget(org: DemoOrg): SessionTarget {
  return { kind: 'demo', baseUrl: org.baseUrl }
}

/**
 * An `openExternal` that plays the browser: fetches the authorize URL, follows the demo org's auto-consent
 * redirect to the loopback listener, and records the page the listener answered with.
 */
export function fakeBrowser(): { open: (url: string) => Promise<void>; pages: string[]; urls: string[] } {
  const pages: string[] = []
  const urls: string[] = []
  return {
    pages,
    urls,
    open: async (url: string) => {
      urls.push(url)
      const consent = await fetch(url, { redirect: 'manual' })
      const location = consent.headers.get('location')
      if (!location) throw new Error(`no redirect from the authorize page (${consent.status})`)
      const landing = await fetch(location)
      pages.push(await landing.text())
    }
  }
}

export function newSession(overrides: Partial<SessionOptions> = {}): GenesysSession {
  return new GenesysSession({
    secrets: new MemorySecretStorage('test'),
    openExternal: async () => undefined,
    ...overrides
  })
}

/** Polls `check` until it returns true (or throws after `timeoutMs`). */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (await check()) return
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** A gateway over a raw token the demo org minted (e.g. with restricted permissions), bypassing OAuth. */
export function gatewayForToken(org: DemoOrg, token: string, onRejected: () => void = () => undefined): SessionGateway {
  const controller = new AbortController()
  const sdk = createSdkClient(demoTarget(org), () => controller.signal)
  sdk.client.setAccessToken(token)
  return new SessionGateway({ apis: sdk.apis, signal: controller.signal, tokenRejected: onRejected })
}
