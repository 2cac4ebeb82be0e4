/**
 * The demo org's traffic: `startTrafficModel` is what `startDemoOrg` runs in deployed mode (`startModel` hook).
 * It brings the people — callers and agents of the target queue, the callback offer, a first-run backlog — onto
 * the org's clock, and seeds a day of history in the background. The callback lifecycle itself (placeholder,
 * wake-ups, dispatch, dialling, retries, cleanup, transfer with priority) stays with the org's flow emulation.
 */
import { findDeployment } from '../domains/index'
import type { SimOrg } from '../org/org'
import { TARGET_QUEUE_NAME } from '../seed'
import { seedBacklog, type BacklogResult } from './backlog'
import { seedHistory, type HistorySummary } from './history-day'
import { startStaffCancels } from './staff-cancels'
import { liveTrafficConfig, type TrafficFlows } from './traffic-config'
import { TrafficDriver } from './traffic-driver'

export { TrafficDriver, SERVICE_NUMBER } from './traffic-driver'
export { TrafficCounters } from './traffic-counters'
export {
  liveTrafficConfig,
  historyTrafficConfig,
  BUSY_PHASE_SECONDS,
  DAY_SECONDS,
  type TrafficConfig,
  type TrafficFlows
} from './traffic-config'
export { seedHistory, openingBefore, type HistoryOptions, type HistorySummary } from './history-day'
export { seedBacklog, type BacklogResult } from './backlog'
export { runVirtual, flushMicrotasks, type VirtualRunOptions } from './virtual-run'
export { CANCEL_REASONS } from './staff-cancels'

/** Options of the live traffic (the plugin passes seed and flows; tests and the CLI may tune the rest). */
export interface TrafficOptions {
  readonly seed: number
  readonly flows: TrafficFlows
  /** Waiting callbacks requested at start (default 24; 0 = none). */
  readonly backlog?: number
  /** Seed yesterday and today so far into the org's conversations (default true). */
  readonly history?: boolean
  /** Share of callbacks other supervisors cancel in the live org (default 0: the lead at the console decides). */
  readonly staffCancelShare?: number
  readonly log?: (line: string) => void
}

/** A running traffic model. */
export interface TrafficModel {
  /** Undefined when the org has no target queue with agents (nothing to drive). */
  readonly driver: TrafficDriver | undefined
  readonly backlog: BacklogResult
  /** Settles once the history is in the org (undefined when skipped, stopped or failed). */
  readonly history: Promise<HistorySummary | undefined>
  stop(): void
}

declare module '../org/org' {
  interface SimOrgDomains {
    /** The running traffic of a deployed demo org (diagnostics and tests). */
    traffic: TrafficModel
  }
}

/** Starts the demo org's traffic on `org`'s clock; stopped by `stop()` or when the org is disposed. */
export function startTrafficModel(org: SimOrg, options: TrafficOptions): TrafficModel {
  const log = options.log ?? ((line: string) => console.error(line))
  const targetQueueId = findDeployment(org).targetQueueId ?? org.routing.queueByExactName(TARGET_QUEUE_NAME)?.id
  const agents = targetQueueId ? org.routing.membersOf(targetQueueId).size : 0
  let stopped = false
  const cleanups: Array<() => void> = []
  const stop = (): void => {
    if (stopped) return
    stopped = true
    for (const fn of cleanups.splice(0).reverse()) fn()
  }
  let driver: TrafficDriver | undefined
  let backlog: BacklogResult = { launched: 0, placeholderIds: [] }
  if (targetQueueId && agents > 0) {
    const config = liveTrafficConfig({
      seed: options.seed,
      flows: options.flows,
      agents,
      nowMs: org.clock.now(),
      ...(options.backlog !== undefined ? { backlog: options.backlog } : {}),
      ...(options.staffCancelShare !== undefined ? { staffCancelShare: options.staffCancelShare } : {})
    })
    const live = new TrafficDriver(org, config, targetQueueId, options.log ?? (() => undefined))
    driver = live
    cleanups.push(() => live.stop())
    live.start()
    if (config.staffCancelShare > 0) cleanups.push(startStaffCancels(live))
    backlog = seedBacklog(live, config.backlog)
  }
  const history =
    options.history === false
      ? Promise.resolve(undefined)
      : seedHistory(org, { seed: options.seed, untilMs: org.clock.now(), isStopped: () => stopped }).catch((e: unknown) => {
          log(`[Traffic] history seeding failed: ${e instanceof Error ? e.message : String(e)}`)
          return undefined
        })
  const model: TrafficModel = { driver, backlog, history, stop }
  org.traffic = model
  org.onDispose(stop)
  return model
}
