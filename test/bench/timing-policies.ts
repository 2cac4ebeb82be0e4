/**
 * The policies the timing benchmark compares, each wrapped for the contact-center model. Who is offered a callback
 * is decided the same way for every policy (our in-queue flow's estimate above the threshold), so under common random
 * numbers every policy times the same callers; each policy then plans (and, if adaptive, re-plans) with its own rule.
 */
import {
  blueprintPolicy,
  DEFAULT_POLICY_SETTINGS,
  staticPredictorPolicy,
  toModelPolicy,
  virtualPlacePolicy,
  type ModelTimingPolicy,
  type PolicySettings,
  type VirtualPlaceSettings
} from '../../src-main/core/timing'

/** How a benchmarked policy is built and which flows run it. */
export interface PolicySpec {
  readonly id: string
  readonly label: string
  /** `blueprint`: the blueprint's own flows (one Wait, no retry, placeholders leak); default: our flows. */
  readonly flows?: 'ours' | 'blueprint'
  build(): ModelTimingPolicy
}

/** Same offer decision for every policy: the deployed policy's announcement (throughput-aware QL-m). */
function withCommonOffer(policy: ModelTimingPolicy, gate: ModelTimingPolicy): ModelTimingPolicy {
  return { ...policy, announceWait: (queue, caller) => gate.announceWait(queue, caller) }
}

/** Settings the calibration varies (unset: the shipped defaults). */
export interface Tuning {
  readonly overheadSeconds?: number
  readonly callbacksAheadWeight?: number
}

/** The benchmarked policies; `tuning` overrides Ô (adaptive and static policies) and our callbacks-ahead weight. */
export function policySpecs(tuning: Tuning = {}): PolicySpec[] {
  const { overheadSeconds, callbacksAheadWeight } = tuning
  const settings: PolicySettings = { ...DEFAULT_POLICY_SETTINGS, ...(overheadSeconds !== undefined ? { overheadSeconds } : {}) }
  const oursSettings: Partial<VirtualPlaceSettings> = {
    ...(overheadSeconds !== undefined ? { overheadSeconds } : {}),
    ...(callbacksAheadWeight !== undefined ? { callbacksAheadWeight } : {})
  }
  const ours = (): ModelTimingPolicy => toModelPolicy(virtualPlacePolicy(oursSettings))
  const gated = (p: ModelTimingPolicy): ModelTimingPolicy => withCommonOffer(p, ours())
  const blueprint = (truncate: boolean): ModelTimingPolicy =>
    gated(toModelPolicy(blueprintPolicy({ truncate }), { review: false, callbacksFromHoldingQueue: true }))
  return [
    {
      id: 'blueprint',
      label: 'Blueprint formula (whole minutes, priority = minutes)',
      build: () => blueprint(true)
    },
    {
      id: 'blueprint-untruncated',
      label: 'Blueprint formula without truncation',
      build: () => blueprint(false)
    },
    {
      id: 'blueprint-flows',
      label: "Blueprint formula on the blueprint's own flows (leaks, no retry)",
      flows: 'blueprint',
      build: () => blueprint(true)
    },
    {
      id: 'static-ql',
      label: 'QL, predicted once',
      build: () => gated(toModelPolicy(staticPredictorPolicy('ql', settings), { review: false }))
    },
    {
      id: 'static-qlm',
      label: 'QL-m, predicted once',
      build: () => gated(toModelPolicy(staticPredictorPolicy('qlm', settings), { review: false }))
    },
    {
      id: 'static-avg-les',
      label: 'Average of last 10 LES (delay history), predicted once',
      build: () => gated(toModelPolicy(staticPredictorPolicy('avg-les', settings), { review: false }))
    },
    { id: 'virtual-place', label: 'Ours: virtual place, re-evaluated each slice', build: ours }
  ]
}

/** The policy the targets are about, and the baseline it is compared with. */
export const OURS = 'virtual-place'
export const BLUEPRINT = 'blueprint'
