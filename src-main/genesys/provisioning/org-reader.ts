/**
 * Reads the deployment's actual state back from the org by name, every time: apply is resumable and
 * idempotent because it never trusts a local file, only what Genesys Cloud holds now. About a dozen GETs.
 */
import type platformClient from 'purecloud-platform-client-v2'
import { isOwned, ownedTags, setupNames } from '../../core/setup/setup-names'
import type { ActualObject, ActualState, ObjectKey, TargetQueueFacts } from '../../core/setup/setup-model'
import { FLOW_ROLES, FLOW_TYPES } from '../../core/setup/setup-model'
import { actionKey, SOLUTION_ACTIONS } from '../../core/setup/solution-catalog'
import { isNotFound, StepFailure, type ProvisioningApi } from './provisioning-api'

type Json = Record<string, unknown>

/** What the reader needs to know: the prefix names everything; the target queue may come from the holding queue's tag. */
export interface ReadScope {
  readonly namePrefix: string
  readonly targetQueueId?: string
  /** Also look for setup's dialling-hours callable time set. */
  readonly callableTimeSet: boolean
}

const FLOW_NAME_OF = (names: ReturnType<typeof setupNames>): Record<(typeof FLOW_ROLES)[number], string> => ({
  outbound: names.outboundFlow,
  workflow: names.workflow,
  inbound: names.inboundFlow,
  inQueue: names.inQueueFlow
})

/** Reads every object setup manages (and the target queue). */
export async function readActualState(api: ProvisioningApi, scope: ReadScope): Promise<ActualState> {
  const names = setupNames(scope.namePrefix)
  const objects: Partial<Record<ObjectKey, ActualObject>> = {}
  const put = (key: ObjectKey, entity: Json | undefined, ours: (e: Json) => boolean): void => {
    if (!entity || typeof entity.id !== 'string') return
    objects[key] = { key, id: entity.id, name: String(entity.name ?? ''), ours: ours(entity), fields: entity }
  }
  const byName = <T extends { name?: string }>(items: readonly T[], name: string): T | undefined =>
    items.find((i) => i.name === name)
  const described = (e: Json): boolean => isOwned(e.description as string | undefined)
  const named = (): boolean => true

  const queues = await api.must('GET /api/v2/routing/queues', (a) =>
    a.routing.getRoutingQueues({ name: names.holdingQueue, pageSize: 100 })
  )
  put('holdingQueue', byName(queues.entities ?? [], names.holdingQueue) as Json | undefined, described)

  const codes = await api.must('GET /api/v2/routing/wrapupcodes', (a) =>
    a.routing.getRoutingWrapupcodes({ name: names.wrapupCode, pageSize: 100 })
  )
  put('wrapupCode', byName(codes.entities ?? [], names.wrapupCode) as Json | undefined, described)

  const credentials = await api.listAll('GET /api/v2/integrations/credentials', (a, n) =>
    a.integrations.getIntegrationsCredentials({ pageSize: 100, pageNumber: n })
  )
  put('credential', byName(credentials, names.credential) as Json | undefined, named)

  const integrations = await api.listAll('GET /api/v2/integrations', (a, n) =>
    a.integrations.getIntegrations({ pageSize: 100, pageNumber: n, expand: ['config.current'] })
  )
  const integration = integrations.find(
    (i) => i.integrationType?.id === 'purecloud-data-actions' && (i.config?.current?.name ?? i.name) === names.integration
  ) as Json | undefined
  put('integration', integration, (e) => isOwned(e.notes as string | undefined))

  if (integration) {
    const actions = await api.listAll('GET /api/v2/integrations/actions', (a, n) =>
      a.integrations.getIntegrationsActions({ category: names.integration, includeConfig: true, pageSize: 100, pageNumber: n })
    )
    const integrationOurs = objects.integration?.ours === true
    for (const action of SOLUTION_ACTIONS) {
      let found = actions.find((x) => x.name === action.name && x.category === names.integration) as Json | undefined
      // Lists may leave the contract out (Genesys returns it with `expand=contract`); compare against the full action.
      if (found && (!found.contract || !found.config)) {
        const id = String(found.id)
        found = (await api.must('GET /api/v2/integrations/actions/{actionId}', (a) =>
          a.integrations.getIntegrationsAction(id, { expand: 'contract', includeConfig: true })
        )) as Json
      }
      put(actionKey(action), found, (e) => integrationOurs && e.integrationId === integration.id)
    }
  }

  const lists = await api.must('GET /api/v2/outbound/contactlists', (a) =>
    a.outbound.getOutboundContactlists({ name: names.contactList, filterType: 'Equals', pageSize: 100 })
  )
  put('contactList', byName(lists.entities ?? [], names.contactList) as Json | undefined, named)

  if (scope.callableTimeSet) {
    const sets = await api.call('GET /api/v2/outbound/callabletimesets', (a) =>
      a.outbound.getOutboundCallabletimesets({ name: names.callableTimeSet, filterType: 'Equals', pageSize: 100 })
    )
    if (sets.ok) put('callableTimeSet', byName(sets.value.entities ?? [], names.callableTimeSet) as Json | undefined, named)
    else if (!isNotFound(sets)) throw new StepFailure(sets.error, 'GET /api/v2/outbound/callabletimesets')
  }

  const sets = await api.must('GET /api/v2/outbound/callanalysisresponsesets', (a) =>
    a.outbound.getOutboundCallanalysisresponsesets({ name: names.responseSet, filterType: 'Equals', pageSize: 100 })
  )
  put('responseSet', byName(sets.entities ?? [], names.responseSet) as Json | undefined, named)

  const campaigns = await api.must('GET /api/v2/outbound/campaigns', (a) =>
    a.outbound.getOutboundCampaigns({ name: names.campaign, filterType: 'Equals', pageSize: 100 })
  )
  put('campaign', byName(campaigns.entities ?? [], names.campaign) as Json | undefined, named)

  const flowNames = FLOW_NAME_OF(names)
  for (const role of FLOW_ROLES) {
    const flows = await api.must('GET /api/v2/flows', (a) =>
      a.architect.getFlows({ type: [FLOW_TYPES[role]], name: flowNames[role], pageSize: 100 })
    )
    const flow = (flows.entities ?? []).find(
      (f) => f.name === flowNames[role] && f.type === FLOW_TYPES[role] && f.deleted !== true
    ) as Json | undefined
    put(`flow:${role}`, flow, described)
  }

  const targetId = scope.targetQueueId ?? ownedTags(objects.holdingQueue?.fields.description as string | undefined).target
  return { objects, targetQueue: targetId ? await readTargetQueue(api, targetId) : undefined }
}

/** The target queue's facts, or undefined when the id does not exist. */
export async function readTargetQueue(api: ProvisioningApi, id: string): Promise<TargetQueueFacts | undefined> {
  const result = await api.call('GET /api/v2/routing/queues/{queueId}', (a) => a.routing.getRoutingQueue(id))
  if (isNotFound(result)) return undefined
  if (!result.ok) throw new StepFailure(result.error, 'GET /api/v2/routing/queues/{queueId}')
  return queueFacts(result.value)
}

/** TargetQueueFacts from a `Queue`. */
export function queueFacts(queue: platformClient.Models.Queue): TargetQueueFacts {
  return {
    id: queue.id ?? '',
    name: queue.name ?? '',
    divisionName: queue.division?.name ?? 'Home',
    queueFlowId: queue.queueFlow?.id ?? null
  }
}
