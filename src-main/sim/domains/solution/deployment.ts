/**
 * Finds the deployed callback solution in the org's state the way the flows are wired: ids substituted into the
 * workflow's YAML (holding queue, contact list), the campaign on that list, its response set's outbound flow,
 * and the target queue named in the outbound flow. Works for the seeded deployment and for one guided setup made.
 */
import type { SimOrg } from '../../org/org'
import type { FlowRecord } from '../architect/flow-store'

/** The ids that make up one deployed callback solution (what the traffic model and tests act on). */
export interface Deployment {
  readonly holdingQueueId?: string
  readonly contactListId?: string
  readonly campaignId?: string
  readonly outboundFlowId?: string
  readonly targetQueueId?: string
  readonly workflowFlowId?: string
  readonly inQueueFlowId?: string
  readonly inboundFlowId?: string
  /** The data-actions category (integration name) the workflow calls actions in. */
  readonly actionCategory?: string
}

/** What a workflow's published YAML is wired to. */
export function workflowWiring(
  org: SimOrg,
  flow: FlowRecord
): Pick<Deployment, 'holdingQueueId' | 'contactListId' | 'actionCategory'> {
  const version = org.architect?.flows.published(flow.id) ?? flow.versions.at(-1)
  if (!version) return {}
  const lists = org.outbound?.contactLists
  const holdingQueueId = version.flow.ids.find((id) => org.routing.queues.has(id))
  const contactListId =
    version.flow.ids.find((id) => lists?.has(id)) ??
    version.flow.contactListNames.map((n) => lists?.findByName(n)?.id).find(Boolean)
  const actionCategory = version.flow.dataActions[0]?.category
  return {
    ...(holdingQueueId ? { holdingQueueId } : {}),
    ...(contactListId ? { contactListId } : {}),
    ...(actionCategory ? { actionCategory } : {})
  }
}

/** The queue an outbound flow transfers to (by id or by name in its YAML). */
export function outboundTarget(org: SimOrg, outboundFlowId: string): string | undefined {
  const version = org.architect?.flows.published(outboundFlowId)
  if (!version) return undefined
  const byId = version.flow.ids.find((id) => org.routing.queues.has(id))
  if (byId) return byId
  for (const name of version.flow.queueNames) {
    const queue = org.routing.queueByExactName(name)
    if (queue) return queue.id
  }
  return undefined
}

/** The whole deployment, starting from the always-running agentless campaign. */
export function findDeployment(org: SimOrg): Deployment {
  const outbound = org.outbound
  const architect = org.architect
  if (!outbound || !architect) return {}
  const campaign =
    outbound.campaigns.all().find((c) => c.dialingMode === 'agentless' && c.alwaysRunning && c.campaignStatus === 'on') ??
    outbound.campaigns.all().find((c) => c.dialingMode === 'agentless' && c.alwaysRunning)
  if (!campaign) return {}
  const contactListId = campaign.contactListId
  const outboundFlowId = campaign.callAnalysisResponseSetId
    ? outbound.responseSets.reaction(campaign.callAnalysisResponseSetId, 'callable.person').data
    : undefined
  const workflow = architect.flows
    .all()
    .find((f) => f.type === 'workflow' && workflowWiring(org, f).contactListId === contactListId)
  const wiring = workflow ? workflowWiring(org, workflow) : {}
  const inbound = workflow
    ? architect.flows
        .all()
        .find((f) => f.type === 'inboundcall' && architect.flows.published(f.id)?.flow.ids.includes(workflow.id))
    : undefined
  const targetQueueId = outboundFlowId ? outboundTarget(org, outboundFlowId) : undefined
  const inQueueFlowId = targetQueueId ? org.routing.queues.get(targetQueueId)?.queueFlow?.id : undefined
  return {
    ...wiring,
    contactListId,
    campaignId: campaign.id,
    ...(outboundFlowId ? { outboundFlowId } : {}),
    ...(targetQueueId ? { targetQueueId } : {}),
    ...(workflow ? { workflowFlowId: workflow.id } : {}),
    ...(inQueueFlowId ? { inQueueFlowId } : {}),
    ...(inbound ? { inboundFlowId: inbound.id } : {})
  }
}
