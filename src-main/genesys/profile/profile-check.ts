/**
 * Checks a deployment profile against the org it is used with: every queue, the campaign and the contact list
 * must still exist (someone may have deleted or re-created them). Problems come back by field, in plain words,
 * so the UI can send the user to the right picker.
 */
import type { ApiResult, Gateway } from '../gateway-types'
import type { DeploymentProfile } from './profile-schema'

/** One thing wrong with a profile. */
export interface ProfileProblem {
  readonly field: 'holdingQueueId' | 'targetQueueIds' | 'campaignId' | 'contactListId'
  readonly id: string
  readonly message: string
}

/** Outcome of a check: fine, or the problems found (a failed read other than 404 is an error). */
export type ProfileCheck = ApiResult<{ readonly problems: readonly ProfileProblem[] }>

/** Reads each object once; 404 → problem, anything else → error. */
export async function checkProfile(gateway: Gateway, profile: DeploymentProfile, signal?: AbortSignal): Promise<ProfileCheck> {
  const opts = signal ? { signal } : {}
  const checks: Array<{ field: ProfileProblem['field']; id: string; what: string; read: () => Promise<ApiResult<unknown>> }> = [
    {
      field: 'holdingQueueId',
      id: profile.holdingQueueId,
      what: 'holding queue',
      read: () =>
        gateway.call('GET /api/v2/routing/queues/{queueId}', (a) => a.routing.getRoutingQueue(profile.holdingQueueId), {
          ...opts,
          label: 'read the holding queue'
        })
    },
    ...profile.targetQueueIds.map((id) => ({
      field: 'targetQueueIds' as const,
      id,
      what: 'target queue',
      read: () =>
        gateway.call('GET /api/v2/routing/queues/{queueId}', (a) => a.routing.getRoutingQueue(id), {
          ...opts,
          label: 'read a target queue'
        })
    })),
    {
      field: 'campaignId',
      id: profile.campaignId,
      what: 'campaign',
      read: () =>
        gateway.call('GET /api/v2/outbound/campaigns/{campaignId}', (a) => a.outbound.getOutboundCampaign(profile.campaignId), {
          ...opts,
          label: 'read the campaign'
        })
    },
    {
      field: 'contactListId',
      id: profile.contactListId,
      what: 'contact list',
      read: () =>
        gateway.call(
          'GET /api/v2/outbound/contactlists/{contactListId}',
          (a) => a.outbound.getOutboundContactlist(profile.contactListId),
          { ...opts, label: 'read the contact list' }
        )
    }
  ]
  const results = await Promise.all(checks.map(async (c) => ({ c, r: await c.read() })))
  const problems: ProfileProblem[] = []
  for (const { c, r } of results) {
    if (r.ok) continue
    if (r.error.code !== 'not-found') return { ok: false, error: r.error }
    problems.push({
      field: c.field,
      id: c.id,
      message: `The ${c.what} chosen for this console no longer exists in the org. Choose it again.`
    })
  }
  return { ok: true, value: { problems } }
}
