/**
 * When Genesys will not say which permissions a sign-in has (client credentials cannot call `users/me`, and
 * `authorization/subjects/me` may be unavailable), preflight asks each endpoint the plan will write to with a
 * request that cannot change anything: an empty body (every create needs at least a name) or a probe id that
 * does not exist. Permission checks come before validation, so a 403 names what is missing and any other
 * answer means the sign-in may write there. Flow import jobs cannot be probed without creating a job.
 */
import type { SetupPlan } from '../../core/setup/planner'
import type { ObjectKind } from '../../core/setup/setup-model'
import type { PermissionNeed } from '../../core/setup/setup-permissions'
import type { PlatformApis } from '../gateway-types'
import { PROBE_ID, type ProvisioningApi } from './provisioning-api'

interface Probe {
  readonly endpoint: string
  readonly why: string
  readonly run: (a: PlatformApis) => Promise<unknown>
}

const empty = {} as never

/** One harmless probe per write a kind needs. */
const PROBES: Readonly<Record<ObjectKind, readonly Probe[]>> = {
  wrapupCode: [
    {
      endpoint: 'POST /api/v2/routing/wrapupcodes',
      why: 'create the wrap-up code',
      run: (a) => a.routing.postRoutingWrapupcodes(empty)
    }
  ],
  queue: [
    { endpoint: 'POST /api/v2/routing/queues', why: 'create the holding queue', run: (a) => a.routing.postRoutingQueues(empty) }
  ],
  credential: [
    {
      endpoint: 'POST /api/v2/integrations/credentials',
      why: 'create the data-actions credential',
      run: (a) => a.integrations.postIntegrationsCredentials({ body: empty })
    }
  ],
  integration: [
    {
      endpoint: 'POST /api/v2/integrations',
      why: 'install the data-actions integration',
      run: (a) => a.integrations.postIntegrations({ body: empty })
    },
    {
      endpoint: 'PATCH /api/v2/integrations/{integrationId}',
      why: 'enable the integration',
      run: (a) => a.integrations.patchIntegration(PROBE_ID, { body: empty })
    }
  ],
  action: [
    {
      endpoint: 'POST /api/v2/integrations/actions',
      why: 'create data actions',
      run: (a) => a.integrations.postIntegrationsActions(empty)
    }
  ],
  contactList: [
    {
      endpoint: 'POST /api/v2/outbound/contactlists',
      why: 'create the contact list',
      run: (a) => a.outbound.postOutboundContactlists(empty)
    }
  ],
  callableTimeSet: [
    {
      endpoint: 'POST /api/v2/outbound/callabletimesets',
      why: 'create the dialling hours',
      run: (a) => a.outbound.postOutboundCallabletimesets(empty)
    }
  ],
  flow: [
    {
      endpoint: 'POST /api/v2/flows/actions/publish',
      why: 'publish flows',
      run: (a) => a.architect.postFlowsActionsPublish(PROBE_ID)
    }
  ],
  responseSet: [
    {
      endpoint: 'POST /api/v2/outbound/callanalysisresponsesets',
      why: 'create the call analysis response set',
      run: (a) => a.outbound.postOutboundCallanalysisresponsesets(empty)
    }
  ],
  campaign: [
    {
      endpoint: 'POST /api/v2/outbound/campaigns',
      why: 'create the campaign',
      run: (a) => a.outbound.postOutboundCampaigns(empty)
    },
    {
      endpoint: 'PUT /api/v2/outbound/campaigns/{campaignId}',
      why: 'turn the campaign on',
      run: (a) => a.outbound.putOutboundCampaign(PROBE_ID, empty)
    }
  ],
  targetQueue: [
    {
      endpoint: 'PUT /api/v2/routing/queues/{queueId}',
      why: "set the target queue's in-queue flow",
      run: (a) => a.routing.putRoutingQueue(PROBE_ID, empty)
    }
  ]
}

/** Probes the writes `plan` needs; returns the needs the org refused with a 403, named as the org named them. */
export async function probeWritePermissions(api: ProvisioningApi, plan: SetupPlan): Promise<PermissionNeed[]> {
  const kinds = [...new Set(plan.steps.filter((s) => s.action === 'create' || s.action === 'update').map((s) => s.kind))]
  const missing: PermissionNeed[] = []
  for (const kind of kinds) {
    for (const probe of PROBES[kind]) {
      const result = await api.probe(probe.endpoint, probe.run)
      if (!result.ok && (result.error.status === 403 || result.error.code === 'forbidden')) {
        missing.push({
          anyOf: result.error.missingPermissions?.length ? [...result.error.missingPermissions] : [`(${probe.endpoint})`],
          why: probe.why
        })
      }
    }
  }
  return missing
}
