/**
 * Campaign status the way the Genesys API demands it (reference/blueprint.md §9.3, §10): created `off`, then the
 * whole campaign PUT back with a fresh `version` and `campaignStatus: on`; turned off and polled until it is
 * neither `on` nor `stopping` before an edit of a locked field or a delete. `complete` → `on` is allowed,
 * `complete` → `off` is not, so we never ask for it.
 */
import type platformClient from 'purecloud-platform-client-v2'
import type { PollTiming } from './flow-publisher'
import { StepFailure, type ProvisioningApi } from './provisioning-api'

type Campaign = platformClient.Models.Campaign

const READ_ONLY = ['selfUri', 'errors', 'dateCreated', 'dateModified'] as const

/** The GET body made fit for a full-object PUT, with `changes` laid over it. */
export function campaignPutBody(current: Campaign, changes: Record<string, unknown>, status: string): Campaign {
  const body: Record<string, unknown> = { ...current, ...changes, version: current.version, campaignStatus: status }
  for (const key of READ_ONLY) delete body[key]
  return body as unknown as Campaign
}

/** A fresh copy (with the current `version`). */
export async function getCampaign(api: ProvisioningApi, id: string): Promise<Campaign> {
  return api.must('GET /api/v2/outbound/campaigns/{campaignId}', (a) => a.outbound.getOutboundCampaign(id))
}

/**
 * PUTs `changes` with a fresh version; one retry on a version conflict (someone else saved in between).
 * `fresh` is a copy the caller read a moment ago, used for the first attempt instead of reading it again.
 */
export async function putCampaign(
  api: ProvisioningApi,
  id: string,
  changes: Record<string, unknown>,
  status: (current: Campaign) => string,
  fresh?: Campaign
): Promise<Campaign> {
  for (let attempt = 0; ; attempt++) {
    const current = attempt === 0 && fresh ? fresh : await getCampaign(api, id)
    const result = await api.call(
      'PUT /api/v2/outbound/campaigns/{campaignId}',
      (a) => a.outbound.putOutboundCampaign(id, campaignPutBody(current, changes, status(current))),
      { idempotent: true }
    )
    if (result.ok) return result.value
    if (result.error.code !== 'conflict' || attempt >= 1)
      throw new StepFailure(result.error, 'PUT /api/v2/outbound/campaigns/{campaignId}')
  }
}

/** Turns the campaign on (no-op when it already is). */
export async function turnCampaignOn(api: ProvisioningApi, id: string): Promise<void> {
  const current = await getCampaign(api, id)
  if (current.campaignStatus === 'on') return
  await putCampaign(api, id, {}, () => 'on', current)
}

/** Turns the campaign off and waits until it has stopped dialling. */
export async function turnCampaignOffAndWait(api: ProvisioningApi, id: string, timing: PollTiming): Promise<void> {
  let current = await getCampaign(api, id)
  if (current.campaignStatus === 'on') current = await putCampaign(api, id, {}, () => 'off', current)
  let waited = 0
  while (current.campaignStatus === 'on' || current.campaignStatus === 'stopping') {
    if (waited >= timing.timeoutMs) {
      throw new StepFailure(
        {
          code: 'server',
          message: `Campaign "${current.name}" did not stop within ${Math.round(timing.timeoutMs / 1000)} s; try again later.`
        },
        'GET /api/v2/outbound/campaigns/{campaignId}'
      )
    }
    await timing.sleep(timing.intervalMs)
    waited += timing.intervalMs
    current = await getCampaign(api, id)
  }
}
