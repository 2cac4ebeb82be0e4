/**
 * A deployed demo org with the traffic model on a virtual clock, advanced event by event (the flows' async
 * continuations run at the right org time), plus small readers of what the org holds.
 */
import { CC } from '../../../../src-main/core/lifecycle-model'
import { findDeployment, type Deployment } from '../../../../src-main/sim/domains/index'
import { VirtualClock } from '../../../../src-main/sim/org/clock'
import type { SimConversation } from '../../../../src-main/sim/org/conversation-types'
import type { SimOrg } from '../../../../src-main/sim/org/org'
import { defaultPlugins } from '../../../../src-main/sim/plugins'
import { startDemoOrg, type DemoOrg } from '../../../../src-main/sim/server'
import { runVirtual, startTrafficModel, type TrafficOptions } from '../../../../src-main/sim/traffic/index'

/** Monday 3 March 2025, 09:00 UTC. */
export const START_MS = Date.UTC(2025, 2, 3, 9, 0, 0)

export interface TrafficOrg {
  readonly demo: DemoOrg
  readonly org: SimOrg
  readonly clock: VirtualClock
  readonly deployment: Deployment
  /** Advances org time by `ms`. */
  run(ms: number): Promise<void>
  close(): Promise<void>
}

/** Starts a deployed org; `traffic` overrides the plugin's options (default: no history, for speed). */
export async function startTrafficOrg(
  options: { seed?: number; flows?: 'ours' | 'blueprint'; traffic?: Partial<TrafficOptions>; defaultPluginsOnly?: boolean } = {}
): Promise<TrafficOrg> {
  const clock = new VirtualClock(START_MS)
  const demo = await startDemoOrg({
    clock,
    seed: options.seed ?? 11,
    flows: options.flows ?? 'ours',
    rateLimitPerMinute: 1_000_000,
    log: () => undefined,
    plugins: options.defaultPluginsOnly
      ? defaultPlugins
      : {
          ...defaultPlugins,
          startModel: (org, o) => startTrafficModel(org, { ...o, history: false, log: () => undefined, ...options.traffic })
        }
  })
  return {
    demo,
    org: demo.org,
    clock,
    deployment: findDeployment(demo.org),
    run: async (ms) => void (await runVirtual(clock, clock.now() + ms)),
    close: () => demo.close()
  }
}

/** The customer participant's attributes (where `cc.*` live). */
export function attributesOf(org: SimOrg, conv: SimConversation): Record<string, string> {
  return org.conversations.customerOf(conv)?.attributes ?? {}
}

/** `cc.state` of a placeholder. */
export function stateOf(org: SimOrg, conv: SimConversation): string | undefined {
  return attributesOf(org, conv)[CC.state]
}

/** Every conversation of the org (live and retained ended ones). */
export function allConversations(org: SimOrg): SimConversation[] {
  return [...org.conversations.all()]
}

/** Campaign calls of a callback, by attempt (`<callbackId>-a<n>` contact ids). */
export function campaignCallsOf(org: SimOrg, callbackId: string): SimConversation[] {
  return allConversations(org)
    .filter((c) => c.call?.dialer?.contactId.startsWith(`${callbackId}-a`))
    .sort((a, b) => a.startTime - b.startTime)
}
