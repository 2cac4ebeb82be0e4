/**
 * Create and update, per object kind, with the calls Genesys expects for it: queues and response sets as
 * full-object PUTs with a fresh version, data actions through a draft that is then published (so their ids,
 * which published flows point at, never change), the integration configured then enabled, flows through a
 * flows job, the campaign created off and then turned on.
 */
import type platformClient from 'purecloud-platform-client-v2'
import { needsCampaignOff } from '../../core/setup/compare'
import type { FlowArtifact } from '../../core/setup/materialize'
import type { ActualObject, ObjectKind } from '../../core/setup/setup-model'
import { putCampaign, turnCampaignOffAndWait, turnCampaignOn } from './campaign-control'
import type { PlatformApis } from '../gateway-types'
import { publishFlowYaml, type PollTiming, type Uploader } from './flow-publisher'
import type { ProvisioningApi } from './provisioning-api'

/** What a writer needs besides the body. */
export interface WriterContext {
  readonly api: ProvisioningApi
  readonly timing: PollTiming
  readonly upload: Uploader
}

type Body = Record<string, unknown>
const idOf = (entity: { id?: string }, what: string): string => {
  if (!entity.id) throw new Error(`[Provisioning] ${what} came back without an id`)
  return entity.id
}
const strip = (o: Body, ...keys: string[]): Body => {
  const copy = { ...o }
  for (const k of ['selfUri', 'dateCreated', 'dateModified', ...keys]) delete copy[k]
  return copy
}

/** Creates the object; returns its id. */
export async function createObject(
  kind: ObjectKind,
  name: string,
  body: Body,
  ctx: WriterContext,
  flow?: FlowArtifact
): Promise<string> {
  const { api } = ctx
  /** One create call (never retried: a repeat would make a second object); the new object's id. */
  const post = async (endpoint: string, run: (a: PlatformApis) => Promise<{ id?: string }>): Promise<string> =>
    idOf(await api.must(endpoint, run, { idempotent: false }), name)
  switch (kind) {
    case 'wrapupCode':
      return post('POST /api/v2/routing/wrapupcodes', (a) => a.routing.postRoutingWrapupcodes(body as never))
    case 'queue':
      return post('POST /api/v2/routing/queues', (a) => a.routing.postRoutingQueues(body as never))
    case 'credential':
      return post('POST /api/v2/integrations/credentials', (a) =>
        a.integrations.postIntegrationsCredentials({ body: body as never })
      )
    case 'integration': {
      const id = await post('POST /api/v2/integrations', (a) =>
        a.integrations.postIntegrations({ body: { name, integrationType: { id: 'purecloud-data-actions' } } })
      )
      await configureIntegration(ctx, id, body)
      return id
    }
    case 'action':
      return post('POST /api/v2/integrations/actions', (a) => a.integrations.postIntegrationsActions(body as never))
    case 'contactList':
      return post('POST /api/v2/outbound/contactlists', (a) => a.outbound.postOutboundContactlists(body as never))
    case 'callableTimeSet':
      return post('POST /api/v2/outbound/callabletimesets', (a) => a.outbound.postOutboundCallabletimesets(body as never))
    case 'flow':
      if (!flow) throw new Error('[Provisioning] flow step without YAML')
      return publishFlowYaml(api, flow.yaml, name, ctx.timing, ctx.upload)
    case 'responseSet':
      return post('POST /api/v2/outbound/callanalysisresponsesets', (a) =>
        a.outbound.postOutboundCallanalysisresponsesets(body as never)
      )
    case 'campaign': {
      // The API creates campaigns off (terraform-provider-genesyscloud#476); turn it on with a fresh version.
      const id = await post('POST /api/v2/outbound/campaigns', (a) =>
        a.outbound.postOutboundCampaigns({ ...body, campaignStatus: 'off' } as never)
      )
      await turnCampaignOn(api, id)
      return id
    }
    case 'targetQueue':
      throw new Error('[Provisioning] the target queue is never created')
  }
}

/** Brings an existing object to `body`; `changes` are the planner's changed paths. */
export async function updateObject(
  kind: ObjectKind,
  actual: ActualObject,
  body: Body,
  changes: readonly string[],
  ctx: WriterContext,
  flow?: FlowArtifact
): Promise<void> {
  const { api } = ctx
  const id = actual.id
  switch (kind) {
    case 'wrapupCode':
      await api.must('PUT /api/v2/routing/wrapupcodes/{codeId}', (a) => a.routing.putRoutingWrapupcode(id, body as never))
      return
    case 'queue':
    case 'targetQueue': {
      const current = await api.must('GET /api/v2/routing/queues/{queueId}', (a) => a.routing.getRoutingQueue(id))
      const next = strip(
        current as unknown as Body,
        'memberCount',
        'userMemberCount',
        'joinedMemberCount',
        'createdBy',
        'modifiedBy'
      )
      if (kind === 'queue') Object.assign(next, body)
      else if (body.queueFlowId) next.queueFlow = { id: body.queueFlowId }
      else delete next.queueFlow
      await api.must('PUT /api/v2/routing/queues/{queueId}', (a) => a.routing.putRoutingQueue(id, next as never))
      return
    }
    case 'credential':
      await api.must('PUT /api/v2/integrations/credentials/{credentialId}', (a) =>
        a.integrations.putIntegrationsCredential(id, { body: body as never })
      )
      return
    case 'integration':
      await configureIntegration(ctx, id, body)
      return
    case 'action':
      await updateAction(api, id, body)
      return
    case 'contactList':
    case 'callableTimeSet':
    case 'responseSet':
      await putVersioned(api, kind, id, body)
      return
    case 'flow':
      if (!flow) throw new Error('[Provisioning] flow step without YAML')
      await publishFlowYaml(api, flow.yaml, actual.name, ctx.timing, ctx.upload)
      return
    case 'campaign': {
      const locked = needsCampaignOff(changes)
      if (locked) await turnCampaignOffAndWait(api, id, ctx.timing)
      await putCampaign(api, id, body, (current) => (locked ? (current.campaignStatus ?? 'off') : 'on'))
      if (locked) await turnCampaignOn(api, id)
      return
    }
  }
}

/** Config (name, credential) with the current version, then intended state and notes. */
async function configureIntegration(ctx: WriterContext, id: string, body: Body): Promise<void> {
  const { api } = ctx
  const config = await api.must('GET /api/v2/integrations/{integrationId}/config/current', (a) =>
    a.integrations.getIntegrationConfigCurrent(id)
  )
  const next: platformClient.Models.IntegrationConfiguration = {
    name: String(body.name),
    version: config.version ?? 1,
    properties: config.properties ?? {},
    advanced: config.advanced ?? {},
    notes: String(body.notes),
    credentials: { pureCloudOAuthClient: { id: String(body.credentialId) } as platformClient.Models.CredentialInfo }
  }
  await api.must('PUT /api/v2/integrations/{integrationId}/config/current', (a) =>
    a.integrations.putIntegrationConfigCurrent(id, { body: next })
  )
  await api.must('PATCH /api/v2/integrations/{integrationId}', (a) =>
    a.integrations.patchIntegration(id, {
      body: { intendedState: 'ENABLED', notes: String(body.notes) } as platformClient.Models.Integration
    })
  )
}

/** Edits a published action through a draft and publishes it (the action keeps its id). */
async function updateAction(api: ProvisioningApi, id: string, body: Body): Promise<void> {
  const made = await api.call(
    'POST /api/v2/integrations/actions/{actionId}/draft',
    (a) => a.integrations.postIntegrationsActionDraft(id),
    { idempotent: false }
  )
  // A leftover draft (an earlier run stopped half-way) is reused.
  const draft = made.ok
    ? made.value
    : await api.must('GET /api/v2/integrations/actions/{actionId}/draft', (a) => a.integrations.getIntegrationsActionDraft(id))
  const edited = await api.must('PATCH /api/v2/integrations/actions/{actionId}/draft', (a) =>
    a.integrations.patchIntegrationsActionDraft(id, {
      version: draft.version ?? 1,
      name: body.name as string,
      category: body.category as string,
      config: body.config as platformClient.Models.ActionConfig,
      contract: body.contract as platformClient.Models.ActionContractInput,
      secure: body.secure === true
    })
  )
  await api.must(
    'POST /api/v2/integrations/actions/{actionId}/draft/publish',
    (a) => a.integrations.postIntegrationsActionDraftPublish(id, { version: edited.version ?? (draft.version ?? 1) + 1 }),
    { idempotent: false }
  )
}

/** GET for the version, then a full PUT. */
async function putVersioned(
  api: ProvisioningApi,
  kind: 'contactList' | 'callableTimeSet' | 'responseSet',
  id: string,
  body: Body
): Promise<void> {
  if (kind === 'contactList') {
    const current = await api.must('GET /api/v2/outbound/contactlists/{contactListId}', (a) =>
      a.outbound.getOutboundContactlist(id)
    )
    await api.must('PUT /api/v2/outbound/contactlists/{contactListId}', (a) =>
      a.outbound.putOutboundContactlist(id, {
        ...strip(current as unknown as Body, 'size', 'importStatus'),
        ...body,
        version: current.version
      } as never)
    )
  } else if (kind === 'callableTimeSet') {
    const current = await api.must('GET /api/v2/outbound/callabletimesets/{callableTimeSetId}', (a) =>
      a.outbound.getOutboundCallabletimeset(id)
    )
    await api.must('PUT /api/v2/outbound/callabletimesets/{callableTimeSetId}', (a) =>
      a.outbound.putOutboundCallabletimeset(id, {
        ...strip(current as unknown as Body),
        ...body,
        version: current.version
      } as never)
    )
  } else {
    const current = await api.must('GET /api/v2/outbound/callanalysisresponsesets/{callAnalysisSetId}', (a) =>
      a.outbound.getOutboundCallanalysisresponseset(id)
    )
    await api.must('PUT /api/v2/outbound/callanalysisresponsesets/{callAnalysisSetId}', (a) =>
      a.outbound.putOutboundCallanalysisresponseset(id, {
        ...strip(current as unknown as Body),
        ...body,
        version: current.version
      } as never)
    )
  }
}
