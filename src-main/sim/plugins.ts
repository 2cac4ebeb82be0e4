/**
 * The optional parts of the demo org, composed in one place: sim-domain's stores, routes and seeding of the
 * deployed solution, and sim-model's traffic. `startDemoOrg` uses `defaultPlugins`; tests pass `{}` for a quiet
 * core-only org.
 */
import { installDomains, seedSolution } from './domains/index'
import type { SimRouter } from './http/types'
import type { SimOrg } from './org/org'
import { registerArchitectRoutes } from './routes/architect'
import { registerIntegrationsRoutes } from './routes/integrations'
import { registerOutboundRoutes } from './routes/outbound'
import { registerTelephonyRoutes } from './routes/telephony'
import { startTrafficModel } from './traffic/index'

/** What a running traffic model hands back. */
export interface TrafficModelHandle {
  stop(): void
}

/** Hooks `startDemoOrg` calls, in this order: install → registerRoutes → seedBase → seedSolution → startModel. */
export interface DemoOrgPlugins {
  /** Fills the org's domain slots (outbound, integrations, architect, telephony). */
  installDomains?(org: SimOrg, baseUrl: string): void
  /** Registers domain routes (outbound, integrations, architect, telephony). */
  registerRoutes?: ReadonlyArray<(router: SimRouter, org: SimOrg) => void>
  /** Deployed mode only: creates the callback solution's objects. */
  seedSolution?(org: SimOrg, options: { flows: 'ours' | 'blueprint' }): void
  /** Deployed mode only: starts the seeded traffic. */
  startModel?(org: SimOrg, options: { seed: number; flows: 'ours' | 'blueprint' }): TrafficModelHandle
}

/** Only the domain routes and stores, no seeding of the solution and no traffic (an `--empty`-like org with outbound etc.). */
export const domainPlugins: DemoOrgPlugins = {
  installDomains: (org, baseUrl) => installDomains(org, baseUrl),
  registerRoutes: [registerOutboundRoutes, registerIntegrationsRoutes, registerArchitectRoutes, registerTelephonyRoutes]
}

/** The full demo org: domains, the deployed solution, and the traffic (callers, agents, backlog, a day of history). */
export const defaultPlugins: DemoOrgPlugins = {
  ...domainPlugins,
  seedSolution: (org, options) => void seedSolution(org, { flows: options.flows }),
  startModel: (org, options) => startTrafficModel(org, options)
}
