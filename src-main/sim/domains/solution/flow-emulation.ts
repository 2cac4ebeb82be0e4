/**
 * Installs the flows' behaviour on the org: which workflow runs for `POST /flows/executions`, what the outbound
 * flow does with live answers, and (ours) the follow-up of unanswered attempts. `ours` follows the lifecycle
 * contract; `blueprint` replays the original blueprint with its defects. sim-model may replace any hook.
 */
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../../core/lifecycle'
import type { SimOrg } from '../../org/org'
import { runBlueprintWorkflow } from './blueprint-workflow'
import { followUp } from './dial-follow-up'
import { runBlueprintOutboundFlow, runOursOutboundFlow } from './outbound-flows'
import { DEFAULT_OURS_WORKFLOW, runOursWorkflow, type OursWorkflowOptions } from './ours-workflow'
import { virtualPlaceTiming, type OursTiming } from './ours-timing'

/** Which flows run: the deployed ones (`ours`) or the original blueprint's. */
export type FlowsMode = 'ours' | 'blueprint'

/** The installed emulation; `mode` can be switched (seedSolution sets it from `--flows`). */
export interface FlowEmulation {
  mode: FlowsMode
  retry: RetryPolicy
  workflow: OursWorkflowOptions
  /** Placeholders a running ours workflow watches. */
  readonly watched: Set<string>
  /**
   * How the ours workflow decides to dial at each wake and the priority of the transfer back: the deployed
   * virtual-place policy by default; null = dial at `callbackScheduledTime`, priority = minutes waited.
   */
  timing: OursTiming | null
}

const log = (line: string): void => console.log(`[DemoOrg:flows] ${line}`)

/** Hooks the workflow runner, the outbound flow and the dial follow-up onto the org. */
export function installFlowEmulation(org: SimOrg, mode: FlowsMode): FlowEmulation {
  const emulation: FlowEmulation = {
    mode,
    retry: DEFAULT_RETRY_POLICY,
    workflow: DEFAULT_OURS_WORKFLOW,
    watched: new Set(),
    timing: virtualPlaceTiming()
  }
  org.architect!.executions.setRunner((run, finish) => {
    if (emulation.mode === 'blueprint') runBlueprintWorkflow(org, run, finish)
    else runOursWorkflow(org, run, finish, emulation.watched, emulation.workflow, emulation.timing)
  })
  const dialer = org.outbound!.dialer
  dialer.setOutboundFlowHandler((call) => {
    const run =
      emulation.mode === 'blueprint'
        ? runBlueprintOutboundFlow(org, call)
        : runOursOutboundFlow(org, call, emulation.retry, emulation.timing)
    run.catch((e: unknown) => log(`outbound flow failed: ${e instanceof Error ? e.message : String(e)}`))
  })
  dialer.onAttempt((attempt) => {
    if (emulation.mode === 'ours') followUp(org, attempt, emulation.retry, emulation.watched)
  })
  return emulation
}
