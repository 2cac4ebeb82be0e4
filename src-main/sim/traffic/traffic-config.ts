/**
 * The traffic the demo org's people make, as plain data: the contact-center model's demo day ("Customer
 * Support": intraday curve, staffing dips, lognormal handle times, patience, callback offer and uptake) scaled to
 * the org's own target-queue team, plus what only a live org needs (a busy start, a warm queue, a backlog of
 * waiting callbacks) or only a history day needs (opening hours, supervisors cancelling a few callbacks).
 */
import { DEFAULT_CALLBACKS, type RateStep, type StaffStep } from '../model/config'
import { demoDayConfig } from '../model/demo-day'
import { meanOf, type Dist } from '../model/distributions'

/** Which flows the org runs (the offer's wording and the workflow's inputs differ). */
export type TrafficFlows = 'ours' | 'blueprint'

/** Everything the traffic driver needs; times are seconds of the profile (t = 0 is the day's 08:00). */
export interface TrafficConfig {
  readonly seed: number
  readonly flows: TrafficFlows
  /** Epoch ms of profile t = 0. */
  readonly originMs: number
  /** The profiles repeat with this period: 8 h for the always-busy live demo, 24 h for a history day. */
  readonly cycleSeconds: number
  readonly arrivals: readonly RateStep[]
  readonly staffing: readonly StaffStep[]
  readonly handle: Dist
  readonly patience: Dist
  readonly afterCallWorkSeconds: number
  /** Window of the running statistics the timing policy reads. */
  readonly statsWindowSeconds: number
  /** Offer a callback when the announced wait is above this. */
  readonly offerThresholdSeconds: number
  /** Share of offered callers who accept. */
  readonly uptake: number
  /** EWT prompt length: the offer comes this long after a caller starts waiting. */
  readonly promptSeconds: number
  /** Longest delay the in-queue flow passes to the workflow. */
  readonly maxDelaySeconds: number
  /** Calls placed at start so agents are busy and a few callers wait (live demo). */
  readonly warmStartCalls: number
  /** Waiting callbacks created through the workflow at start, with staggered request and due times (live demo). */
  readonly backlog: number
  /** Share of callbacks a supervisor cancels while they wait (history: who and why; live: other consoles). */
  readonly staffCancelShare: number
}

const HOUR = 3600
/** Length of the demo day's profile. */
export const DAY_SECONDS = 8 * HOUR
/** Profile time of the live demo's start: 10:00, the mid-morning peak, where waits exceed the offer threshold. */
export const BUSY_PHASE_SECONDS = 2 * HOUR
/** Agents stay this long after the last arrival of a history day to clear the queue. */
const DRAIN_SECONDS = HOUR
const ACW_SECONDS = 30

/** The model's "Customer Support" day rescaled to `agents` on queue (same load per agent, ACW included). */
function scaledDay(agents: number): Pick<TrafficConfig, 'arrivals' | 'staffing' | 'handle' | 'patience'> {
  const queues = demoDayConfig().queues
  const support = queues.find((q) => q.id === 'support') ?? queues[0]!
  const fullTeam = Math.max(...support.staffing.map((s) => s.agents))
  const modelCapacity = (fullTeam * HOUR) / meanOf(support.handle)
  const capacity = (agents * HOUR) / (meanOf(support.handle) + ACW_SECONDS)
  return {
    arrivals: support.arrivals.map((s) => ({ at: s.at, perHour: Math.round((s.perHour / modelCapacity) * capacity) })),
    staffing: support.staffing.map((s) => ({ at: s.at, agents: Math.max(1, Math.round((s.agents / fullTeam) * agents)) })),
    handle: support.handle,
    patience: support.patience
  }
}

function base(seed: number, flows: TrafficFlows, agents: number): Omit<TrafficConfig, 'originMs' | 'cycleSeconds'> {
  return {
    seed,
    flows,
    ...scaledDay(agents),
    afterCallWorkSeconds: ACW_SECONDS,
    statsWindowSeconds: 300,
    offerThresholdSeconds: DEFAULT_CALLBACKS.offerThresholdSeconds,
    uptake: DEFAULT_CALLBACKS.uptake,
    promptSeconds: DEFAULT_CALLBACKS.promptSeconds,
    maxDelaySeconds: DEFAULT_CALLBACKS.maxWaitSeconds,
    warmStartCalls: 0,
    backlog: 0,
    staffCancelShare: 0
  }
}

/** Options of the live traffic. */
export interface LiveTrafficOptions {
  readonly seed: number
  readonly flows: TrafficFlows
  /** Agents in the target queue. */
  readonly agents: number
  /** The org clock's now at start. */
  readonly nowMs: number
  readonly backlog?: number
  readonly staffCancelShare?: number
}

/** The live demo: the 8-hour day repeating forever, entered at 10:00 with busy agents, a queue and a backlog. */
export function liveTrafficConfig(options: LiveTrafficOptions): TrafficConfig {
  return {
    ...base(options.seed, options.flows, options.agents),
    originMs: options.nowMs - BUSY_PHASE_SECONDS * 1000,
    cycleSeconds: DAY_SECONDS,
    warmStartCalls: options.agents + Math.ceil(options.agents / 2),
    backlog: options.backlog ?? 24,
    staffCancelShare: options.staffCancelShare ?? 0
  }
}

/** Options of a history run. */
export interface HistoryTrafficOptions {
  readonly seed: number
  readonly flows: TrafficFlows
  readonly agents: number
  /** Epoch ms of the first day's opening (08:00 local). */
  readonly openingMs: number
  readonly staffCancelShare?: number
}

/** Past days: open 08:00–16:00 with the demo day's curve, agents until 17:00, closed at night. */
export function historyTrafficConfig(options: HistoryTrafficOptions): TrafficConfig {
  const day = base(options.seed, options.flows, options.agents)
  return {
    ...day,
    originMs: options.openingMs,
    cycleSeconds: 24 * HOUR,
    arrivals: [...day.arrivals, { at: DAY_SECONDS, perHour: 0 }],
    staffing: [...day.staffing, { at: DAY_SECONDS + DRAIN_SECONDS, agents: 0 }],
    staffCancelShare: options.staffCancelShare ?? 0.1
  }
}
