/**
 * What the profile pickers offer: every queue, campaign and contact list of the org (all pages), and a
 * suggested profile when the org looks like the deployed solution (an always-running agentless campaign, its
 * contact list, a queue named like a callback holding queue), so most users only confirm.
 */
import type { NamedEntity, ProfileCandidatesView } from '../../contract/live-views'
import type { ApiResult, Gateway, PlatformApis } from '../gateway-types'
import type { DeploymentProfile } from './profile-schema'

interface Page<T> {
  readonly entities?: T[]
  readonly pageCount?: number
}

const MAX_PAGES = 20

async function allPages<T>(
  gateway: Gateway,
  endpoint: string,
  label: string,
  read: (apis: PlatformApis, page: number) => Promise<Page<T>>
): Promise<ApiResult<T[]>> {
  const out: T[] = []
  for (let page = 1; page <= MAX_PAGES; page++) {
    const r = await gateway.call(endpoint, (a) => read(a, page), { label })
    if (!r.ok) return r
    out.push(...(r.value.entities ?? []))
    if ((r.value.pageCount ?? 1) <= page) break
  }
  return { ok: true, value: out }
}

const named = (list: ReadonlyArray<{ id?: string; name?: string }>): NamedEntity[] =>
  list
    .filter((e): e is { id: string; name: string } => typeof e.id === 'string' && typeof e.name === 'string')
    .map(({ id, name }) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name))

interface CampaignLike {
  id?: string
  name?: string
  dialingMode?: string
  alwaysRunning?: boolean
  contactList?: { id?: string }
}

/** Lists the candidates and a suggestion (null when the org does not look deployed). */
export async function listProfileCandidates(
  gateway: Gateway,
  saved: DeploymentProfile | null = null
): Promise<ApiResult<ProfileCandidatesView>> {
  const [queues, campaigns, lists] = await Promise.all([
    allPages(gateway, 'GET /api/v2/routing/queues', 'list queues', (a, page) =>
      a.routing.getRoutingQueues({ pageSize: 500, pageNumber: page })
    ),
    allPages<CampaignLike>(gateway, 'GET /api/v2/outbound/campaigns', 'list campaigns', (a, page) =>
      a.outbound.getOutboundCampaigns({ pageSize: 100, pageNumber: page })
    ),
    allPages(gateway, 'GET /api/v2/outbound/contactlists', 'list contact lists', (a, page) =>
      a.outbound.getOutboundContactlists({ pageSize: 100, pageNumber: page })
    )
  ])
  if (!queues.ok) return queues
  if (!campaigns.ok) return campaigns
  if (!lists.ok) return lists
  const view = { queues: named(queues.value), campaigns: named(campaigns.value), contactLists: named(lists.value) }
  return { ok: true, value: { ...view, suggested: saved ?? suggest(queues.value, campaigns.value) } }
}

interface QueueLike {
  id?: string
  name?: string
  memberCount?: number
}

/** Holding queue: named like one (it has no agents); target: the staffed queue with the most members. */
function suggest(queues: readonly QueueLike[], campaigns: readonly CampaignLike[]): DeploymentProfile | null {
  const campaign = campaigns.find((c) => c.dialingMode === 'agentless' && c.alwaysRunning && c.id && c.contactList?.id)
  const holdingLike = (q: QueueLike): boolean => /hold|callback/i.test(q.name ?? '')
  const holding = queues.find((q) => q.id && holdingLike(q))
  const target = queues.filter((q) => q.id && !holdingLike(q)).sort((a, b) => (b.memberCount ?? 0) - (a.memberCount ?? 0))[0]
  if (!campaign?.id || !campaign.contactList?.id || !holding?.id || !target?.id) return null
  return {
    holdingQueueId: holding.id,
    targetQueueIds: [target.id],
    campaignId: campaign.id,
    contactListId: campaign.contactList.id
  }
}
