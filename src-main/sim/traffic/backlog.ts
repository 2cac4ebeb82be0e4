/**
 * The first-run backlog: a live demo org opens mid-peak with callbacks already waiting. Each one is requested
 * through the deployed workflow (the same launch the in-queue flow makes, so the placeholder, its `cc.*`
 * attributes, the campaign contact and the workflow's wake-ups are all the real thing); ours placeholders are then
 * backdated (`cc.requestedAt`, promised wait) so the board shows callbacks requested over the last half hour,
 * the oldest due now — those are dispatched at once and the campaign starts dialling.
 */
import { CC } from '../../core/lifecycle-model'
import { isoOf } from '../../core/attribute-values'
import { findDeployment } from '../domains/index'
import { nextUniform, seedStream } from '../model/rng'
import { launchWorkflow, workflowInputs } from './callback-offer'
import { identityFrom, TrafficPurpose } from './callers'
import type { TrafficFlows } from './traffic-config'
import type { TrafficDriver } from './traffic-driver'

const MINUTE = 60
/** Oldest request of the backlog, seconds ago. */
const OLDEST_SECONDS = 25 * MINUTE
/** Latest due time of the backlog, seconds from now. */
const LATEST_DUE_SECONDS = 30 * MINUTE
/** The oldest requests are this far past their place: due at once (dispatched on the workflow's first look). */
const OVERDUE_SECONDS = 5 * MINUTE

/** What the backlog created. */
export interface BacklogResult {
  readonly launched: number
  /** Placeholders created synchronously (ours); blueprint placeholders appear once its data actions answer. */
  readonly placeholderIds: readonly string[]
}

/** Requests `count` callbacks through the deployed workflow, oldest first. */
export function seedBacklog(driver: TrafficDriver, count: number): BacklogResult {
  const { org, config } = driver
  const deployment = findDeployment(org)
  const holding = deployment.holdingQueueId
  if (!deployment.workflowFlowId || !holding || count <= 0) return { launched: 0, placeholderIds: [] }
  const mode: TrafficFlows = org.flowEmulation?.mode ?? config.flows
  const nowMs = org.clock.now()
  const ids: string[] = []
  let launched = 0
  for (let i = 0; i < count; i++) {
    const stream = seedStream(new Int32Array(4), config.seed, TrafficPurpose.Backlog, 0, i)
    const share = i / count
    const age = Math.round(MINUTE + (OLDEST_SECONDS - MINUTE) * (1 - share) * (0.9 + 0.2 * nextUniform(stream)))
    const remaining = Math.max(0, Math.round(share * LATEST_DUE_SECONDS * (0.85 + 0.3 * nextUniform(stream)) - OVERDUE_SECONDS))
    const caller = identityFrom(stream)
    let created: string | undefined
    const off = org.conversations.onChange((conv, change) => {
      if (change === 'created' && conv.media === 'callback' && conv.queueId === holding) created = conv.id
    })
    const execution = launchWorkflow(org, deployment.workflowFlowId, workflowInputs(mode, caller, remaining))
    off()
    if (typeof execution === 'string') launched++
    if (!created || mode !== 'ours') continue
    const conv = org.conversations.get(created)
    const customer = conv ? org.conversations.customerOf(conv) : undefined
    if (!conv || !customer || customer.attributes[CC.state] !== 'waiting') continue
    const requestedAt = isoOf(nowMs - age * 1000)
    org.conversations.setParticipantAttributes(created, customer.id, {
      [CC.requestedAt]: requestedAt,
      [CC.stateAt]: requestedAt,
      [CC.actedAt]: requestedAt,
      [CC.promisedWaitSeconds]: String(age + remaining)
    })
    ids.push(created)
  }
  return { launched, placeholderIds: ids }
}
