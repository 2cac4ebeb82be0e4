/**
 * Creates the whole callback solution on a deployed demo org, with the blueprint deployer's names, so the
 * console finds a ready deployment: data-actions integration + credential + the six actions, holding queue,
 * "No Answer" wrap-up, contact list, the four flows (published, ids substituted), call analysis response set,
 * the agentless always-running campaign turned on, and the target queue's in-queue flow.
 */
import type { SimOrg } from '../../org/org'
import { parseArchyYaml } from '../architect/archy-yaml'
import { requireDomain } from '../shared/require-domain'
import { BLUEPRINT_ACTIONS } from './blueprint-actions'
import type { FlowsMode } from './flow-emulation'
import { OURS_ACTIONS } from './ours-actions'
import { FLOW_NAMES, inboundFlowYaml, inQueueFlowYaml, outboundFlowYaml, workflowYaml, type FlowWiring } from './seed-flows'

/** Stable names of everything the seed creates (the blueprint deployer's names, reference/blueprint.md §7). */
export const SOLUTION_NAMES = {
  integration: 'Proactive Callback Flows',
  credential: 'Proactive Callback Flows OAuth client',
  holdingQueue: 'Waiting callbacks',
  targetQueue: 'Customer Service',
  wrapupCode: 'No Answer',
  contactList: 'Proactive callbacks',
  responseSet: 'Proactive callback',
  campaign: 'Proactive callbacks',
  flows: FLOW_NAMES
} as const

/** How to seed: which flows, how many campaign lines. */
export interface SeedSolutionOptions {
  readonly flows: FlowsMode
  /** Lines of the campaign (default 4; the blueprint's own file says 1). */
  readonly outboundLineCount?: number
}

/** Ids of everything the seed created, for tests and the traffic model. */
export interface SeededSolution {
  readonly integrationId: string
  readonly actionIds: Readonly<Record<string, string>>
  readonly holdingQueueId: string
  readonly targetQueueId: string
  readonly contactListId: string
  readonly responseSetId: string
  readonly campaignId: string
  readonly flowIds: { readonly outbound: string; readonly workflow: string; readonly inbound: string; readonly inQueue: string }
}

/** Deploys the solution in one go, so a non-empty demo org starts ready for the console. */
export function seedSolution(org: SimOrg, options: SeedSolutionOptions): SeededSolution {
  const integrations = requireDomain(org.integrations, 'integrations')
  const outbound = requireDomain(org.outbound, 'outbound')
  const architect = requireDomain(org.architect, 'architect')
  const telephony = requireDomain(org.telephony, 'telephony')
  if (org.flowEmulation) org.flowEmulation.mode = options.flows

  const credential = integrations.integrations.createCredential({
    name: SOLUTION_NAMES.credential,
    type: { name: 'pureCloudOAuthClient' },
    credentialFields: { clientId: 'callback-console-demo', clientSecret: 'demo-secret' }
  })
  const integration = integrations.integrations.create({
    integrationType: { id: 'purecloud-data-actions' },
    name: SOLUTION_NAMES.integration
  })
  const integrationId = String(integration.id)
  integrations.integrations.putConfig(integrationId, {
    name: SOLUTION_NAMES.integration,
    version: 1,
    properties: {},
    advanced: {},
    notes: 'Created by the demo org seed',
    credentials: { pureCloudOAuthClient: { id: credential.id } }
  })
  integrations.integrations.patch(integrationId, { intendedState: 'ENABLED' })
  const actionIds: Record<string, string> = {}
  for (const def of options.flows === 'blueprint' ? BLUEPRINT_ACTIONS : OURS_ACTIONS) {
    const created = integrations.actions.create(
      { ...structuredClone(def), category: SOLUTION_NAMES.integration, integrationId, secure: false },
      false
    )
    actionIds[def.name] = String(created.id)
  }

  const holding =
    org.routing.queueByExactName(SOLUTION_NAMES.holdingQueue) ??
    org.routing.createQueue({ name: SOLUTION_NAMES.holdingQueue, description: 'Placeholder callbacks (no members)' })
  const target =
    org.routing.queueByExactName(SOLUTION_NAMES.targetQueue) ?? [...org.routing.queues.values()].find((q) => q.id !== holding.id)
  if (!target) throw new Error('[SimSeed] no target queue to deploy the callback solution on (seed the base org first)')
  if (!org.routing.wrapupCodesOf(target.id).some((w) => w.name === SOLUTION_NAMES.wrapupCode))
    org.routing.createWrapupCode(SOLUTION_NAMES.wrapupCode)

  const list = outbound.contactLists.create({
    name: SOLUTION_NAMES.contactList,
    columnNames: ['phone', 'name', 'delay', 'callbackId'],
    phoneColumns: [{ columnName: 'phone', type: 'cell' }]
  })
  const contactListId = String(list.id)
  const wiring: FlowWiring = {
    mode: options.flows,
    category: SOLUTION_NAMES.integration,
    holdingQueueId: holding.id,
    contactListId,
    contactListName: SOLUTION_NAMES.contactList,
    targetQueueName: target.name,
    wrapupCodeName: SOLUTION_NAMES.wrapupCode
  }
  const publish = (yaml: string): string => {
    const parsed = parseArchyYaml(yaml)
    if (!parsed.ok) throw new Error(`[SimSeed] seeded flow does not parse: ${parsed.error}`)
    return architect.flows.importVersion(yaml, parsed.flow, true, 'Demo org seed').id
  }
  const outboundFlow = publish(outboundFlowYaml(wiring))
  const workflow = publish(workflowYaml(wiring))
  const inbound = publish(inboundFlowYaml(wiring, workflow))
  const inQueue = publish(inQueueFlowYaml(wiring))

  const responseSet = outbound.responseSets.create({
    name: SOLUTION_NAMES.responseSet,
    responses: {
      'disposition.classification.callable.person': {
        reactionType: 'transfer_flow',
        data: outboundFlow,
        name: FLOW_NAMES.outbound
      },
      ...Object.fromEntries(
        [
          'callable.busy',
          'callable.noanswer',
          'callable.machine',
          'callable.fax',
          'callable.sit',
          'callable.disconnect',
          'uncallable.sit',
          'uncallable.notfound'
        ].map((k) => [`disposition.classification.${k}`, { reactionType: 'hangup' }])
      )
    },
    beepDetectionEnabled: false
  })
  const edgeGroupId = telephony.firstIds().edgeGroupId ?? telephony.seedEdgeGroup('Demo Edge Group')
  const created = outbound.campaigns.create({
    name: SOLUTION_NAMES.campaign,
    contactList: { id: contactListId },
    dialingMode: 'agentless',
    edgeGroup: { id: edgeGroupId },
    campaignStatus: 'on',
    phoneColumns: [{ columnName: 'phone', type: 'Cell' }],
    callAnalysisResponseSet: { id: responseSet.id },
    callerName: 'Demo Contact Center',
    callerAddress: '+13175550199',
    outboundLineCount: options.outboundLineCount ?? 4,
    alwaysRunning: true
  })
  outbound.campaigns.update(String(created.id), { ...created, campaignStatus: 'on' })
  org.routing.replaceQueue(target.id, {
    name: target.name,
    divisionId: target.divisionId,
    ...(target.description !== undefined ? { description: target.description } : {}),
    queueFlow: { id: inQueue, name: FLOW_NAMES.inQueue },
    mediaSettings: target.mediaSettings,
    scoringMethod: target.scoringMethod,
    extra: target.extra
  })
  return {
    integrationId,
    actionIds,
    holdingQueueId: holding.id,
    targetQueueId: target.id,
    contactListId,
    responseSetId: String(responseSet.id),
    campaignId: String(created.id),
    flowIds: { outbound: outboundFlow, workflow, inbound, inQueue }
  }
}
