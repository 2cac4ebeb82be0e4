/**
 * A demo org with sim-domain's plugins (no traffic model) on a virtual clock, plus SDK clients and a way to let
 * org time pass while real HTTP (data actions) completes.
 */
import platformClient from 'purecloud-platform-client-v2'
import { VirtualClock } from '../../../../src-main/sim/org/clock'
import { installDomains, seedSolution } from '../../../../src-main/sim/domains/index'
import type { DialerOptions } from '../../../../src-main/sim/domains/outbound/dialer'
import { registerArchitectRoutes } from '../../../../src-main/sim/routes/architect'
import { registerIntegrationsRoutes } from '../../../../src-main/sim/routes/integrations'
import { registerOutboundRoutes } from '../../../../src-main/sim/routes/outbound'
import { registerTelephonyRoutes } from '../../../../src-main/sim/routes/telephony'
import { startDemoOrg, type DemoOrg } from '../../../../src-main/sim/server'
import { loggedIn, type ApiClient } from '../sim-harness'

export { FrameRecorder, loggedIn, rejection, sdkClient, type ApiClient } from '../sim-harness'

export interface DomainOrg {
  readonly demo: DemoOrg
  readonly clock: VirtualClock
  readonly admin: ApiClient
  readonly viewer: ApiClient
  /** Advances org time by `ms` in `steps`, yielding to real I/O between steps. */
  run(ms: number, steps?: number): Promise<void>
  /** Advances org time until `done()` holds (or gives up after `maxMs` of org time). */
  until(done: () => boolean, maxMs?: number, stepMs?: number): Promise<void>
  close(): Promise<void>
}

/** Starts an org with the domain plugins; `deployed` seeds the callback solution (no traffic model). */
export async function startDomainOrg(
  options: { deployed?: boolean; flows?: 'ours' | 'blueprint'; seed?: number; dialer?: DialerOptions } = {}
): Promise<DomainOrg> {
  const clock = new VirtualClock(Date.UTC(2025, 2, 3, 9, 0, 0))
  const demo = await startDemoOrg({
    clock,
    seed: options.seed ?? 3,
    empty: !options.deployed,
    flows: options.flows ?? 'ours',
    rateLimitPerMinute: 100_000,
    log: () => undefined,
    plugins: {
      installDomains: (org, baseUrl) => installDomains(org, baseUrl, options.dialer ? { dialer: options.dialer } : {}),
      registerRoutes: [registerOutboundRoutes, registerIntegrationsRoutes, registerArchitectRoutes, registerTelephonyRoutes],
      seedSolution: (org, o) => void seedSolution(org, o)
    }
  })
  const admin = await loggedIn(demo)
  const viewer = await loggedIn(demo, 'callback-console-viewer')
  const pause = (): Promise<void> => new Promise((r) => setTimeout(r, 2))
  return {
    demo,
    clock,
    admin,
    viewer,
    async run(ms, steps = 20) {
      for (let i = 0; i < steps; i++) {
        clock.advanceBy(ms / steps)
        await pause()
      }
    },
    async until(done, maxMs = 3_600_000, stepMs = 5_000) {
      for (let t = 0; t < maxMs && !done(); t += stepMs) {
        clock.advanceBy(stepMs)
        await pause()
      }
    },
    close: () => demo.close()
  }
}

/** API classes bound to a client. */
export function apis(client: ApiClient) {
  return {
    outbound: new platformClient.OutboundApi(client),
    integrations: new platformClient.IntegrationsApi(client),
    architect: new platformClient.ArchitectApi(client),
    telephony: new platformClient.TelephonyProvidersEdgeApi(client),
    conversations: new platformClient.ConversationsApi(client),
    notifications: new platformClient.NotificationsApi(client),
    routing: new platformClient.RoutingApi(client)
  }
}
