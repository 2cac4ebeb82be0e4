/**
 * The timing benchmark's scenarios (ewt.md §7.3) as seeded 8-hour days of the demo org's contact-center model,
 * plus a separate training family used only to calibrate the connect overhead Ô (never the test days).
 */
import {
  modelConfig,
  queueConfig,
  type ModelConfig,
  type QueueInput,
  type RateStep,
  type StaffStep
} from '../../src-main/sim/model'

const HOUR = 3600
const DAY = 8 * HOUR
/** Arrivals per hour that load `agents` with AHT `aht` to utilisation ρ. */
const perHour = (rho: number, agents: number, aht: number): number => (rho * agents * HOUR) / aht

/** One benchmark scenario: a description and the model config of its seeded day. */
export interface TimingScenario {
  readonly id: string
  readonly label: string
  readonly description: string
  /** Score every k-th callback requester only (by caller id, the same for every policy): bounds twin cost on busy days. */
  readonly twinEvery?: number
  config(seed: number): ModelConfig
}

/** ewt.md §7.3 base: 50 agents, AHT 300 s, ρ 0.95, patience exp. 600 s, offer above 120 s, 37 % uptake, ours flows. */
function base(extra: Partial<QueueInput> = {}): QueueInput {
  return {
    id: 'support',
    name: 'Customer Support',
    arrivals: [{ at: 0, perHour: perHour(0.95, 50, 300) }],
    staffing: [{ at: 0, agents: 50 }],
    handle: { kind: 'exponential', mean: 300 },
    patience: { kind: 'exponential', mean: 600 },
    agentAlertSeconds: 3,
    ...extra,
    callbacks: { flows: 'ours', offerThresholdSeconds: 120, uptake: 0.37, sliceSeconds: 30, ...extra.callbacks }
  }
}

function day(seed: number, queue: QueueInput): ModelConfig {
  return modelConfig({ seed, durationSeconds: DAY, queues: [queueConfig(queue)] })
}

/** Demand relative to the day's base staffing, per half hour from 08:00. */
const INTRADAY_DEMAND = [0.72, 0.84, 0.96, 1.06, 1.1, 1.04, 0.94, 0.88, 0.86, 0.94, 1.04, 1.1, 1.02, 0.92, 0.84, 0.76]

/** Intraday curve with staffing planned from the previous half hour's demand (lags it): ρ ≈ 0.85–1.05. */
function intraday(): { arrivals: RateStep[]; staffing: StaffStep[] } {
  const full = perHour(1, 50, 300)
  const arrivals = INTRADAY_DEMAND.map((m, i) => ({ at: i * 1800, perHour: m * full }))
  const staffing = INTRADAY_DEMAND.map((_, i) => {
    const planned = INTRADAY_DEMAND[Math.max(0, i - 1)]!
    return { at: i * 1800, agents: Math.round((planned * 50) / 0.95) }
  })
  return { arrivals, staffing }
}

/** The eight test scenarios. */
export const TEST_SCENARIOS: readonly TimingScenario[] = [
  {
    id: 'steady',
    label: 'Steady',
    description: '50 agents, exponential AHT 300 s, ρ = 0.95, patience exp. 600 s, 37 % uptake',
    config: (seed) => day(seed, base())
  },
  {
    id: 'surge',
    label: '3× surge',
    description: 'steady, arrivals ×3 for 15 minutes from 12:00',
    twinEvery: 3,
    config: (seed) => {
      const rate = perHour(0.95, 50, 300)
      const arrivals = [
        { at: 0, perHour: rate },
        { at: 4 * HOUR, perHour: 3 * rate },
        { at: 4 * HOUR + 900, perHour: rate }
      ]
      return day(seed, base({ arrivals }))
    }
  },
  {
    id: 'log-off',
    label: '25 % log off',
    description: 'steady, 13 of 50 agents log off 12:00–12:30 unannounced (finishing their calls)',
    config: (seed) =>
      day(
        seed,
        base({
          staffing: [
            { at: 0, agents: 50 },
            { at: 4 * HOUR, agents: 37 },
            { at: 4.5 * HOUR, agents: 50 }
          ]
        })
      )
  },
  {
    id: 'lognormal',
    label: 'Lognormal CV 1.5',
    description: 'steady with lognormal handle times, mean 300 s, CV 1.5',
    config: (seed) => day(seed, base({ handle: { kind: 'lognormal', mean: 300, cv: 1.5 } }))
  },
  {
    id: 'small-team',
    label: 'Small team',
    description: '8 agents, exponential AHT 420 s, ρ = 0.95',
    config: (seed) =>
      day(
        seed,
        base({
          arrivals: [{ at: 0, perHour: perHour(0.95, 8, 420) }],
          staffing: [{ at: 0, agents: 8 }],
          handle: { kind: 'exponential', mean: 420 }
        })
      )
  },
  {
    id: 'intraday',
    label: 'Intraday',
    description: 'half-hourly demand curve, staffing planned from the previous half hour (ρ ≈ 0.85–1.06)',
    config: (seed) => day(seed, base(intraday()))
  },
  {
    id: 'uptake-60',
    label: '60 % uptake',
    description: 'steady, 60 % of offered callers accept a callback',
    config: (seed) => day(seed, base({ callbacks: { uptake: 0.6 } }))
  },
  {
    id: 'overload',
    label: 'Overload',
    description: 'ρ = 1.15 all day, patience exp. 600 s (about 11 % abandon)',
    twinEvery: 4,
    config: (seed) => day(seed, base({ arrivals: [{ at: 0, perHour: perHour(1.15, 50, 300) }] }))
  }
]

/**
 * Training family for calibrating Ô: different team sizes, handle-time shapes, loads and uptake than any test
 * scenario, and other seeds (9001+), so the test days never inform the policy's settings.
 */
export const TRAINING_SCENARIOS: readonly TimingScenario[] = [
  {
    id: 'train-12-small',
    label: 'Train: 12 agents',
    description: '12 agents, exponential AHT 360 s, ρ = 0.94',
    config: (seed) =>
      day(
        seed,
        base({
          arrivals: [{ at: 0, perHour: perHour(0.94, 12, 360) }],
          staffing: [{ at: 0, agents: 12 }],
          handle: { kind: 'exponential', mean: 360 }
        })
      )
  },
  {
    id: 'train-40-lognormal',
    label: 'Train: 40 agents, lognormal CV 1',
    description: '40 agents, lognormal AHT 240 s CV 1, ρ = 0.96, patience exp. 900 s',
    config: (seed) =>
      day(
        seed,
        base({
          arrivals: [{ at: 0, perHour: perHour(0.96, 40, 240) }],
          staffing: [{ at: 0, agents: 40 }],
          handle: { kind: 'lognormal', mean: 240, cv: 1 },
          patience: { kind: 'exponential', mean: 900 }
        })
      )
  },
  {
    id: 'train-30-uptake',
    label: 'Train: 30 agents, 50 % uptake',
    description: '30 agents, exponential AHT 360 s, ρ = 0.97, 50 % uptake',
    config: (seed) =>
      day(
        seed,
        base({
          arrivals: [{ at: 0, perHour: perHour(0.97, 30, 360) }],
          staffing: [{ at: 0, agents: 30 }],
          handle: { kind: 'exponential', mean: 360 },
          callbacks: { uptake: 0.5 }
        })
      )
  },
  {
    id: 'train-70-peak',
    label: 'Train: 70 agents, 2× peak',
    description: '70 agents, exponential AHT 270 s, ρ = 0.92, arrivals ×2 for 20 minutes at 10:00 and 14:00',
    twinEvery: 3,
    config: (seed) => {
      const rate = perHour(0.92, 70, 270)
      const arrivals = [
        { at: 0, perHour: rate },
        { at: 2 * HOUR, perHour: 2 * rate },
        { at: 2 * HOUR + 1200, perHour: rate },
        { at: 6 * HOUR, perHour: 2 * rate },
        { at: 6 * HOUR + 1200, perHour: rate }
      ]
      return day(seed, base({ arrivals, staffing: [{ at: 0, agents: 70 }], handle: { kind: 'exponential', mean: 270 } }))
    }
  }
]

/** Seeds of the test days (1…n) and of the training days (9001…). */
export const testSeeds = (days: number): number[] => Array.from({ length: days }, (_, i) => i + 1)
export const trainingSeeds = (days: number): number[] => Array.from({ length: days }, (_, i) => 9001 + i)
