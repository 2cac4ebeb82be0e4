/**
 * The in-queue flow's callback offer, done by the caller's side of the traffic: the caller hears the wait the
 * deployed policy announces (ours: the virtual-place policy; blueprint: its "modified EWT"), and above the
 * threshold may press 1. Accepting does what the solution's in-queue and inbound flows do: participant data
 * `delay`, launch the deployed workflow with the inputs those flows pass (blueprint.md §5.2; sim-domain's
 * workflow emulation), and the call leaves the queue. Everything after that belongs to the org's flows.
 */
import { toModelPolicy } from '../../core/timing/model-adapter'
import { virtualPlacePolicy } from '../../core/timing/virtual-place-policy'
import { findDeployment } from '../domains/index'
import type { SimConversation } from '../org/conversation-types'
import type { SimOrg } from '../org/org'
import { blueprintPolicy } from '../model/builtin-policies'
import type { CallbackView, OfferView, QueueView } from '../model/policy'
import type { CallerDraws } from './callers'
import { newCallbackView, offerView, orgQueueView, type ViewSource } from './org-queue-view'
import type { TrafficConfig, TrafficFlows } from './traffic-config'

/** The two questions the in-queue flow asks a timing policy. */
export interface OfferPolicy {
  announceWait(queue: QueueView, caller: OfferView): number
  planCallback(queue: QueueView, callback: CallbackView): { scheduledAt: number; priority: number }
}

/** The policy the flows of `mode` use: the deployed virtual-place policy, or the blueprint's arithmetic. */
export function offerPolicyFor(mode: TrafficFlows): OfferPolicy {
  return mode === 'blueprint' ? blueprintPolicy() : toModelPolicy(virtualPlacePolicy(), { review: false })
}

/** How an offer went. */
export type OfferResult =
  | { readonly kind: 'not-offered' }
  | { readonly kind: 'declined'; readonly announcedSeconds: number }
  | { readonly kind: 'accepted'; readonly announcedSeconds: number; readonly delaySeconds: number; readonly executionId: string }
  | { readonly kind: 'failed'; readonly message: string }

/** The workflow inputs the solution's flows pass (`Flow.delaySeconds` only to ours: precise seconds). */
export function workflowInputs(
  mode: TrafficFlows,
  caller: Pick<CallerDraws, 'phone' | 'name'>,
  delaySeconds: number
): Record<string, string> {
  const inputs: Record<string, string> = {
    'Flow.phone': caller.phone,
    'Flow.name': caller.name,
    'Flow.delay': String(Math.trunc(delaySeconds / 60))
  }
  if (mode === 'ours') inputs['Flow.delaySeconds'] = String(Math.round(delaySeconds))
  return inputs
}

/** Plays the offer to a caller still waiting in the target queue and, on "1", hands them to the workflow. */
export function offerCallback(
  src: Omit<ViewSource, 'holdingQueueId'>,
  config: TrafficConfig,
  caller: CallerDraws & { readonly callerId: number; readonly arrivalMs: number },
  conv: SimConversation
): OfferResult {
  const org = src.org
  const deployment = findDeployment(org)
  if (!deployment.workflowFlowId || !deployment.holdingQueueId || deployment.targetQueueId !== src.targetQueueId)
    return { kind: 'not-offered' }
  const mode: TrafficFlows = org.flowEmulation?.mode ?? config.flows
  const policy = offerPolicyFor(mode)
  const view = { ...src, holdingQueueId: deployment.holdingQueueId }
  const queue = orgQueueView(view)
  const offer = offerView(view, caller.callerId, conv, caller.arrivalMs)
  const announced = policy.announceWait(queue, offer)
  if (!(announced > config.offerThresholdSeconds)) return { kind: 'not-offered' }
  if (!(caller.choice < config.uptake)) return { kind: 'declined', announcedSeconds: announced }
  // blueprint: the workflow waits ToInt(announced / 60) minutes; ours: the policy's planned dispatch
  const plan = policy.planCallback(queue, newCallbackView(offer, queue.now, announced))
  const planned = mode === 'blueprint' ? Math.trunc(announced / 60) * 60 : plan.scheduledAt - queue.now
  const delaySeconds = Math.min(config.maxDelaySeconds, Math.max(0, Number.isFinite(planned) ? planned : config.maxDelaySeconds))
  const inputs = workflowInputs(mode, caller, delaySeconds)
  const customer = org.conversations.customerOf(conv)
  if (customer) org.conversations.setParticipantAttributes(conv.id, customer.id, { delay: inputs['Flow.delay']! })
  const executionId = launchWorkflow(org, deployment.workflowFlowId, inputs)
  if (typeof executionId !== 'string') return executionId
  // the inbound flow disconnects once the workflow is launched: the call flowed out of the queue
  if (org.conversations.get(conv.id)?.phase !== 'ended') org.conversations.disconnect(conv.id, 'transfer')
  return { kind: 'accepted', announcedSeconds: announced, delaySeconds, executionId }
}

/** `POST /api/v2/flows/executions` in-process, as the "Execute workflow" data action does. */
export function launchWorkflow(
  org: SimOrg,
  flowId: string,
  inputs: Record<string, string>
): string | { readonly kind: 'failed'; readonly message: string } {
  try {
    const launched = org.architect!.executions.launch({ flowId, inputData: inputs }) as { id?: unknown }
    return typeof launched.id === 'string' ? launched.id : { kind: 'failed', message: 'launch returned no id' }
  } catch (e: unknown) {
    return { kind: 'failed', message: e instanceof Error ? e.message : String(e) }
  }
}
