/**
 * Ready-made days: the demo org's default (two queues, an intraday curve whose peaks push ρ above 1 so callbacks
 * get offered, lunch and shift-change staffing dips) and a steady single queue for validation and benchmarks.
 */
import { modelConfig, queueConfig, type CallbackConfig, type FlowsMode, type ModelConfig, type QueueConfig } from './config'
import { type Dist } from './distributions'

const HALF_HOUR = 1800

/** Demand per half hour from 08:00, relative to the full team's capacity (ρ = 1 when staffed at the base level). */
const SUPPORT_CURVE = [0.7, 0.82, 0.9, 0.96, 1.02, 1.04, 0.95, 0.88, 0.86, 0.86, 0.92, 0.98, 1.0, 0.92, 0.84, 0.74]
const BILLING_CURVE = [0.6, 0.75, 0.88, 0.95, 0.97, 0.92, 0.9, 0.86, 0.8, 0.85, 0.95, 1.03, 1.05, 0.94, 0.8, 0.66]

function curve(multipliers: readonly number[], fullTeamPerHour: number) {
  return multipliers.map((m, i) => ({ at: i * HALF_HOUR, perHour: Math.round(m * fullTeamPerHour) }))
}

/** Options of the demo day. */
export interface DemoDayOptions {
  readonly seed?: number
  readonly flows?: FlowsMode
  /** Epoch ms of t = 0 (the demo org passes its clock's start). */
  readonly originMs?: number
  /** Repeat the 8-hour day forever (the live demo) instead of stopping arrivals after it. */
  readonly endless?: boolean
}

/**
 * The demo org's default day, 8 hours: "Customer Support" (40 agents at full strength, AHT 300 s lognormal CV 1,
 * patience 10 min) and "Billing" (12 agents, AHT 240 s, patience 7 min). Mean ρ ≈ 0.9; mid-morning and
 * mid-afternoon peaks and a lunch dip in staffing push ρ to 1.0–1.05, where waits exceed the 2-minute offer
 * threshold and callbacks are offered (37 % accept). About 4,700 calls a day.
 */
export function demoDayConfig(options: DemoDayOptions = {}): ModelConfig {
  const callbacks: Partial<CallbackConfig> = { flows: options.flows ?? 'ours' }
  const support = queueConfig({
    id: 'support',
    name: 'Customer Support',
    arrivals: curve(SUPPORT_CURVE, (40 * 3600) / 300),
    staffing: [
      { at: 0, agents: 34 },
      { at: 1 * HALF_HOUR, agents: 40 },
      { at: 8 * HALF_HOUR, agents: 36 },
      { at: 10 * HALF_HOUR, agents: 40 },
      { at: 15 * HALF_HOUR, agents: 36 }
    ],
    handle: { kind: 'lognormal', mean: 300, cv: 1 },
    patience: { kind: 'exponential', mean: 600 },
    callbacks
  })
  const billing = queueConfig({
    id: 'billing',
    name: 'Billing',
    arrivals: curve(BILLING_CURVE, (12 * 3600) / 240),
    staffing: [
      { at: 0, agents: 10 },
      { at: 1 * HALF_HOUR, agents: 12 },
      { at: 9 * HALF_HOUR, agents: 11 },
      { at: 11 * HALF_HOUR, agents: 12 }
    ],
    handle: { kind: 'lognormal', mean: 240, cv: 0.8 },
    patience: { kind: 'exponential', mean: 420 },
    callbacks
  })
  return modelConfig({
    seed: options.seed ?? 1,
    ...(options.originMs !== undefined ? { originMs: options.originMs } : {}),
    durationSeconds: options.endless ? Infinity : 16 * HALF_HOUR,
    ...(options.endless ? { cycleSeconds: 16 * HALF_HOUR } : {}),
    queues: [support, billing]
  })
}

/** A stationary queue given by load: λ = ρ · agents / AHT. */
export interface SteadyQueueInput {
  readonly id?: string
  readonly agents: number
  readonly ahtSeconds: number
  readonly rho: number
  /** Handle time distribution (default exponential with mean AHT). */
  readonly handle?: Dist
  /** Patience (default none: nobody abandons). */
  readonly patience?: Dist
  readonly agentAlertSeconds?: number
  readonly callbacks?: Partial<CallbackConfig>
}

/** A steady queue (M/M/s by default: exponential handle, no abandonment, no alerting, no callbacks). */
export function steadyQueue(input: SteadyQueueInput): QueueConfig {
  return queueConfig({
    id: input.id ?? 'q',
    arrivals: [{ at: 0, perHour: (input.rho * input.agents * 3600) / input.ahtSeconds }],
    staffing: [{ at: 0, agents: input.agents }],
    handle: input.handle ?? { kind: 'exponential', mean: input.ahtSeconds },
    patience: input.patience ?? { kind: 'none' },
    agentAlertSeconds: input.agentAlertSeconds ?? 0,
    callbacks: { enabled: false, ...input.callbacks }
  })
}
