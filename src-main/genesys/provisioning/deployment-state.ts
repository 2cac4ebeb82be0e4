/**
 * One read of the org turned into the three things every operation starts from: actual state, desired state
 * (which depends on the target queue's name, division and current in-queue flow) and the plan between them.
 */
import type { DesiredState, ActualState } from '../../core/setup/setup-model'
import { desiredState, type SetupTemplates } from '../../core/setup/desired-state'
import { planSetup, restoreQueueFlowFor, type SetupPlan } from '../../core/setup/planner'
import type { SetupInputs } from '../../core/setup/setup-inputs'
import type { DeploymentProfileView } from '../../contract/live-views'
import { readActualState } from './org-reader'
import { StepFailure, type ProvisioningApi } from './provisioning-api'

/** Actual, desired and the plan between them, from one read of the org. */
export interface Deployment {
  readonly actual: ActualState
  readonly desired: DesiredState
  readonly plan: SetupPlan
}

/** Reads the org and plans; a missing target queue is a StepFailure with a plain message. */
export async function readDeployment(api: ProvisioningApi, inputs: SetupInputs, templates: SetupTemplates): Promise<Deployment> {
  const actual = await readActualState(api, {
    namePrefix: inputs.namePrefix,
    targetQueueId: inputs.targetQueueId,
    callableTimeSet: inputs.businessHours !== undefined
  })
  const target = actual.targetQueue
  if (!target) {
    throw new StepFailure(
      {
        code: 'not-found',
        status: 404,
        message: `The target queue ${inputs.targetQueueId} does not exist in this org; pick one of its queues.`
      },
      'GET /api/v2/routing/queues/{queueId}'
    )
  }
  const desired = desiredState(inputs, templates, {
    targetQueueName: target.name,
    divisionName: target.divisionName,
    restoreQueueFlowId: restoreQueueFlowFor(actual)
  })
  return { actual, desired, plan: planSetup(desired, actual, { adopt: inputs.adopt }) }
}

/** The console's deployment profile from the ids a deployment ended with. */
export function profileFrom(
  ids: Readonly<Record<string, string | undefined>>,
  targetQueueId: string
): DeploymentProfileView | undefined {
  const { holdingQueue, campaign, contactList } = ids
  if (!holdingQueue || !campaign || !contactList) return undefined
  return { holdingQueueId: holdingQueue, targetQueueIds: [targetQueueId], campaignId: campaign, contactListId: contactList }
}
