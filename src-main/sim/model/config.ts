/**
 * The contact-center model's parameters. Plain data (no functions) so a day can be described in a bench record,
 * built from CLI flags and copied into a fork; `queueConfig` / `modelConfig` fill realistic defaults.
 * Times are seconds since the model's origin (t = 0), except `originMs` (epoch ms of t = 0).
 */
import { type Dist } from './distributions'

/** What a dial attempt can end in (call analysis dispositions the flows distinguish). */
export type DialOutcome = 'live' | 'busy' | 'no-answer' | 'machine' | 'invalid'

/** Every dial outcome, in the fixed order used to draw them (keeps random streams stable). */
export const DIAL_OUTCOMES: readonly DialOutcome[] = ['live', 'busy', 'no-answer', 'machine', 'invalid']

/** `ours`: the deployed flows (lifecycle contract, wait slices, retries, cleanup); `blueprint`: the original. */
export type FlowsMode = 'ours' | 'blueprint'

/** From `at` on (until the next step), calls arrive as a Poisson process at `perHour`. */
export interface RateStep {
  readonly at: number
  readonly perHour: number
}

/** From `at` on, `agents` are scheduled on queue (log-offs finish their current call first). */
export interface StaffStep {
  readonly at: number
  readonly agents: number
}

/** Retry policy for unanswered callbacks (ours flows only; the blueprint never retries). */
export interface RetryConfig {
  /** Total dial attempts including the first. */
  readonly maxAttempts: number
  readonly delaySeconds: number
  readonly on: readonly DialOutcome[]
}

/** The callback offer and everything after it. */
export interface CallbackConfig {
  readonly enabled: boolean
  readonly flows: FlowsMode
  /** Offer a callback when the wait the caller hears (policy `announceWait`) is above this. */
  readonly offerThresholdSeconds: number
  /** Share of offered callers who accept (Hathaway et al.: 37 %). */
  readonly uptake: number
  /** EWT announcement + "press 1" prompt; the caller waits in queue meanwhile and may be answered first. */
  readonly promptSeconds: number
  /** Ours flows: the workflow sleeps at most this long between checks of the callback. */
  readonly sliceSeconds: number
  /** Ours flows: a waiting callback is dispatched at the latest this long after the request. */
  readonly maxWaitSeconds: number
  /**
   * Ours flows: a policy's new projection replaces `callbackScheduledTime` only when it moved at least this much,
   * or 10 % of the time still to go if more (a deployed workflow cannot PATCH every placeholder every slice under
   * the API rate limit).
   */
  readonly projectionUpdateSeconds: number
  /** Campaign pick-up: contact appended → dialling starts. */
  readonly dialerLatency: Dist
  /** Shares of dial outcomes (normalised). */
  readonly outcomeShares: Readonly<Record<DialOutcome, number>>
  /** Dialling → outcome known, per outcome (no-answer = the campaign's no-answer timeout). */
  readonly ring: Readonly<Record<DialOutcome, Dist>>
  /** "Do you still want to speak with an agent?" → answer. */
  readonly confirm: Dist
  /** Share of live answers who say yes (the rest decline). */
  readonly confirmYesShare: number
  /** Blueprint only: share of live answers lost by the speech-only menu (placeholder left behind). */
  readonly menuFailShare: number
  readonly retry: RetryConfig
  /** Patience of a callback caller back in the target queue (`none` = waits as long as needed). */
  readonly requeuePatience: Dist
}

/** Inputs of the emulated platform EWT (AHT × PIQ / agents × (1 − ABN)); unset = today's running values. */
export interface PlatformEwtConfig {
  readonly ahtSeconds?: number
  readonly abandonShare?: number
}

/** One target queue with its own agents, traffic and callback solution. */
export interface QueueConfig {
  readonly id: string
  readonly name: string
  readonly arrivals: readonly RateStep[]
  readonly staffing: readonly StaffStep[]
  /** Whether timing policies may read the staffing plan (a published WFM schedule). */
  readonly staffingKnown: boolean
  readonly handle: Dist
  readonly patience: Dist
  /** Agent alerting before connect (the same for on-hold calls and callbacks). */
  readonly agentAlertSeconds: number
  readonly afterCallWorkSeconds: number
  /** Window of the throughput / abandonment statistics policies read. */
  readonly statsWindowSeconds: number
  readonly platformEwt: PlatformEwtConfig
  readonly callbacks: CallbackConfig
}

/** A whole model: one or more independent target queues sharing a seed and a clock. */
export interface ModelConfig {
  readonly seed: number
  /** Epoch ms of t = 0 (for views and the real-time driver). */
  readonly originMs: number
  /** No arrivals after this (Infinity = endless, e.g. a demo that runs all day). */
  readonly durationSeconds: number
  /** Arrival and staffing profiles repeat with this period (unset = they do not repeat). */
  readonly cycleSeconds?: number
  readonly queues: readonly QueueConfig[]
}

/** Realistic callback defaults (ewt.md §7.3): dialer U(1,5) s, ring ≈ 12 s, 7 % no answer, confirm 8 ± 3 s. */
export const DEFAULT_CALLBACKS: CallbackConfig = {
  enabled: true,
  flows: 'ours',
  offerThresholdSeconds: 120,
  uptake: 0.37,
  promptSeconds: 10,
  sliceSeconds: 15,
  maxWaitSeconds: 4 * 3600,
  projectionUpdateSeconds: 30,
  dialerLatency: { kind: 'uniform', min: 1, max: 5 },
  outcomeShares: { live: 0.85, busy: 0.03, 'no-answer': 0.07, machine: 0.04, invalid: 0.01 },
  ring: {
    live: { kind: 'lognormal', mean: 12, cv: 0.5 },
    busy: { kind: 'uniform', min: 2, max: 5 },
    'no-answer': { kind: 'fixed', value: 30 },
    machine: { kind: 'lognormal', mean: 16, cv: 0.3 },
    invalid: { kind: 'uniform', min: 1, max: 4 }
  },
  confirm: { kind: 'normal', mean: 8, sd: 3, min: 2 },
  confirmYesShare: 0.95,
  menuFailShare: 0.03,
  retry: { maxAttempts: 2, delaySeconds: 120, on: ['busy', 'no-answer', 'machine'] },
  requeuePatience: { kind: 'none' }
}

/** What `queueConfig` accepts: an id plus any fields to override (callbacks merged field by field). */
export type QueueInput = Partial<Omit<QueueConfig, 'callbacks'>> & {
  readonly id: string
  readonly callbacks?: Partial<CallbackConfig>
}

/** A queue with defaults: 30 agents, AHT 300 s lognormal CV 1, 340 calls/h (ρ ≈ 0.94), patience 600 s. */
export function queueConfig(input: QueueInput): QueueConfig {
  return {
    name: input.id,
    arrivals: [{ at: 0, perHour: 340 }],
    staffing: [{ at: 0, agents: 30 }],
    staffingKnown: false,
    handle: { kind: 'lognormal', mean: 300, cv: 1 },
    patience: { kind: 'exponential', mean: 600 },
    agentAlertSeconds: 3,
    afterCallWorkSeconds: 0,
    statsWindowSeconds: 300,
    platformEwt: {},
    ...input,
    callbacks: { ...DEFAULT_CALLBACKS, ...input.callbacks }
  }
}

/** What `modelConfig` accepts. */
export type ModelInput = Partial<Omit<ModelConfig, 'queues'>> & { readonly queues: readonly QueueConfig[] }

/** A model with defaults: seed 1, an 8-hour day starting 2025-01-06 08:00 UTC. */
export function modelConfig(input: ModelInput): ModelConfig {
  return { seed: 1, originMs: Date.UTC(2025, 0, 6, 8, 0, 0), durationSeconds: 8 * 3600, ...input }
}

/** Throws on configs that would make the model misbehave (a bug in the caller, not an expected failure). */
export function validateConfig(config: ModelConfig): void {
  if (config.queues.length === 0) throw new Error('[SimModel] at least one queue is required')
  const ids = new Set<string>()
  for (const q of config.queues) {
    if (ids.has(q.id)) throw new Error(`[SimModel] duplicate queue id ${q.id}`)
    ids.add(q.id)
    if (q.arrivals.some((s) => !(s.perHour >= 0))) throw new Error(`[SimModel] ${q.id}: arrival rates must be >= 0`)
    if (q.staffing.some((s) => !(s.agents >= 0) || !Number.isInteger(s.agents))) {
      throw new Error(`[SimModel] ${q.id}: staffing must be whole numbers >= 0`)
    }
    const cb = q.callbacks
    if (!(cb.sliceSeconds > 0)) throw new Error(`[SimModel] ${q.id}: sliceSeconds must be > 0`)
    if (!(cb.uptake >= 0 && cb.uptake <= 1)) throw new Error(`[SimModel] ${q.id}: uptake must be in [0, 1]`)
    if (!(cb.retry.maxAttempts >= 1)) throw new Error(`[SimModel] ${q.id}: retry.maxAttempts must be >= 1`)
  }
  if (config.cycleSeconds !== undefined && !(config.cycleSeconds > 0)) {
    throw new Error('[SimModel] cycleSeconds must be > 0')
  }
}
