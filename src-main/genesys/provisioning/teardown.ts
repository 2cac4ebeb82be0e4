/**
 * Teardown: removes only what setup made, in the safe order — the target queue's in-queue flow put back first,
 * the campaign turned off and stopped before it (and then what it used) is deleted. It refuses while callbacks
 * still wait in the holding queue unless forced, because deleting the queue would strand those callers.
 */
import { kindOfKey, planTeardown, type TeardownPlan, type TeardownStep } from '../../core/setup/planner'
import { readActualState } from './org-reader'
import { turnCampaignOffAndWait } from './campaign-control'
import { isNotFound, StepFailure, type ProvisioningApi } from './provisioning-api'
import type { ProgressListener, TeardownResult } from './provisioning-types'
import { updateObject, type WriterContext } from './object-writer'

/** Which deployment to remove: the prefix names it; the target queue comes from the holding queue's tag if omitted. */
export interface TeardownScope {
  readonly namePrefix: string
  readonly targetQueueId?: string
  /** Proceed even though callbacks still wait in the holding queue. */
  readonly force?: boolean
}

/** Reads the org and plans the teardown (for the confirmation that lists what will go). */
export async function planTeardownFor(api: ProvisioningApi, scope: TeardownScope): Promise<TeardownPlan> {
  const actual = await readActualState(api, {
    namePrefix: scope.namePrefix,
    ...(scope.targetQueueId ? { targetQueueId: scope.targetQueueId } : {}),
    callableTimeSet: true
  })
  return planTeardown(actual)
}

/** Tears the deployment down. */
export async function teardownSetup(
  api: ProvisioningApi,
  scope: TeardownScope,
  writer: WriterContext,
  onProgress?: ProgressListener
): Promise<TeardownResult> {
  const done: TeardownStep[] = []
  let plan: TeardownPlan | undefined
  let current: TeardownStep | undefined
  try {
    onProgress?.({ kind: 'phase', phase: 'teardown', message: 'Reading what setup created' })
    plan = await planTeardownFor(api, scope)
    const holding = plan.steps.find((s) => s.key === 'holdingQueue')
    if (holding && !scope.force) {
      const waiting = await waitingCallbacks(api, holding.id)
      if (waiting > 0) {
        const message = `${waiting} callback${waiting === 1 ? ' is' : 's are'} still waiting in "${holding.name}"; cancel them first (or force the teardown).`
        return { ok: false, error: { code: 'callbacks-waiting', message }, plan, done, tally: { ...api.tally } }
      }
    }
    for (const [index, step] of plan.steps.entries()) {
      current = step
      onProgress?.({ kind: 'step-start', key: step.key, name: step.name, action: step.action, index, total: plan.steps.length })
      await runStep(api, step, writer)
      done.push(step)
      onProgress?.({ kind: 'step-done', key: step.key, name: step.name, action: step.action, id: step.id })
    }
    return { ok: true, plan, done, tally: { ...api.tally } }
  } catch (e: unknown) {
    if (!(e instanceof StepFailure)) throw e
    if (current) onProgress?.({ kind: 'step-failed', key: current.key, name: current.name, error: e.apiError })
    const where = current ? `Stopped at ${current.key} ("${current.name}"): ` : ''
    return {
      ok: false,
      error: { code: e.apiError.code, message: `${where}${e.apiError.message}`, ...(current ? { step: current.key } : {}) },
      ...(plan ? { plan } : {}),
      done,
      tally: { ...api.tally }
    }
  }
}

async function runStep(api: ProvisioningApi, step: TeardownStep, writer: WriterContext): Promise<void> {
  if (step.action === 'restore') {
    const queueFlowId = step.restoreQueueFlowId && step.restoreQueueFlowId !== 'none' ? step.restoreQueueFlowId : null
    await updateObject(
      'targetQueue',
      { key: 'targetQueue', id: step.id, name: step.name, ours: true, fields: {} },
      { queueFlowId },
      ['queueFlow'],
      writer
    )
    return
  }
  const id = step.id
  const kind = kindOfKey(step.key)
  const del = async (endpoint: string, run: Parameters<ProvisioningApi['call']>[1]): Promise<void> => {
    const result = await api.call(endpoint, run, { idempotent: true })
    if (!result.ok && !isNotFound(result)) throw new StepFailure(result.error, endpoint)
  }
  switch (kind) {
    case 'campaign':
      await turnCampaignOffAndWait(api, id, writer.timing)
      return del('DELETE /api/v2/outbound/campaigns/{campaignId}', (a) => a.outbound.deleteOutboundCampaign(id))
    case 'responseSet':
      return del('DELETE /api/v2/outbound/callanalysisresponsesets/{callAnalysisSetId}', (a) =>
        a.outbound.deleteOutboundCallanalysisresponseset(id)
      )
    case 'flow':
      return del('DELETE /api/v2/flows/{flowId}', (a) => a.architect.deleteFlow(id))
    case 'callableTimeSet':
      return del('DELETE /api/v2/outbound/callabletimesets/{callableTimeSetId}', (a) =>
        a.outbound.deleteOutboundCallabletimeset(id)
      )
    case 'contactList':
      return del('DELETE /api/v2/outbound/contactlists/{contactListId}', (a) => a.outbound.deleteOutboundContactlist(id))
    case 'action':
      return del('DELETE /api/v2/integrations/actions/{actionId}', (a) => a.integrations.deleteIntegrationsAction(id))
    case 'integration':
      return del('DELETE /api/v2/integrations/{integrationId}', (a) => a.integrations.deleteIntegration(id))
    case 'credential':
      return del('DELETE /api/v2/integrations/credentials/{credentialId}', (a) => a.integrations.deleteIntegrationsCredential(id))
    case 'queue':
      return del('DELETE /api/v2/routing/queues/{queueId}', (a) => a.routing.deleteRoutingQueue(id))
    case 'wrapupCode':
      return del('DELETE /api/v2/routing/wrapupcodes/{codeId}', (a) => a.routing.deleteRoutingWrapupcode(id))
    case 'targetQueue':
      return
  }
}

/** Placeholders still waiting in the holding queue (observation `oWaiting`, media callback). */
async function waitingCallbacks(api: ProvisioningApi, holdingQueueId: string): Promise<number> {
  const result = await api.call(
    'POST /api/v2/analytics/queues/observations/query',
    (a) =>
      a.analytics.postAnalyticsQueuesObservationsQuery({
        filter: {
          type: 'and',
          predicates: [
            { type: 'dimension', dimension: 'queueId', operator: 'matches', value: holdingQueueId },
            { type: 'dimension', dimension: 'mediaType', operator: 'matches', value: 'callback' }
          ]
        },
        metrics: ['oWaiting']
      }),
    { idempotent: true }
  )
  if (!result.ok) return 0
  const data = result.value.results?.[0]?.data ?? []
  return data.find((d) => d.metric === 'oWaiting')?.stats?.count ?? 0
}
