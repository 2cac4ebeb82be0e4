/** Campaign progress and stats, as the REST views (`CampaignProgress`, `CampaignStats`) and the `.progress` / `.stats` events. */
import type { DomainContext } from '../shared/context'
import type { Json } from '../shared/body'
import type { CampaignRecord, CampaignRuntime } from './campaign-types'
import type { ContactListStore } from './contact-list-store'

/** `CampaignProgress` for `GET …/campaigns/{id}/progress`. */
export function progressJson(campaign: CampaignRecord, lists: ContactListStore): Json {
  const book = lists.book(campaign.contactListId)
  const total = book.size()
  const called = book.calledCount()
  return {
    campaign: { id: campaign.id, name: campaign.name, selfUri: `/api/v2/outbound/campaigns/${campaign.id}` },
    contactList: {
      id: campaign.contactListId,
      name: lists.record(campaign.contactListId).name,
      selfUri: `/api/v2/outbound/contactlists/${campaign.contactListId}`
    },
    numberOfContactsCalled: called,
    numberOfContactsMessaged: 0,
    totalNumberOfContacts: total,
    percentage: total === 0 ? 0 : Math.round((called / total) * 100),
    numberOfContactsSkipped: {}
  }
}

/** `CampaignStats` for `GET …/campaigns/{id}/stats`. */
export function statsJson(campaign: CampaignRecord, runtime: CampaignRuntime): Json {
  return {
    contactRate: {
      attempts: runtime.attempts,
      connects: runtime.connects,
      connectRatio: runtime.attempts === 0 ? 0 : runtime.connects / runtime.attempts
    },
    idleAgents: 0,
    effectiveIdleAgents: 0,
    adjustedCallsPerAgent: 0,
    outstandingCalls: runtime.outstandingCalls,
    scheduledCalls: 0,
    timeZoneRescheduledCalls: 0,
    filteredOutContactsCount: 0,
    rightPartyContactsCount: runtime.rightPartyContacts,
    validAttempts: runtime.attempts,
    linesUtilization: {
      assignedOutboundLines: campaign.outboundLineCount ?? 0,
      totalAvailableOutboundLines: campaign.outboundLineCount ?? 0
    }
  }
}

/** Publishes `v2.outbound.campaigns.{id}.progress` (`DialerCampaignProgressEventCampaignProgress`). */
export function publishProgress(ctx: DomainContext, campaign: CampaignRecord, lists: ContactListStore): void {
  const progress = progressJson(campaign, lists)
  ctx.publish(`v2.outbound.campaigns.${campaign.id}.progress`, {
    campaign: { id: campaign.id, name: campaign.name },
    numberOfContactsCalled: progress.numberOfContactsCalled,
    numberOfContactsMessaged: 0,
    totalNumberOfContacts: progress.totalNumberOfContacts,
    percentage: progress.percentage,
    numberOfContactsSkipped: {},
    additionalProperties: {}
  })
}

/** Publishes `v2.outbound.campaigns.{id}.stats` (`StatEventCampaignTopicStatsNotification`). */
export function publishStats(ctx: DomainContext, campaign: CampaignRecord, runtime: CampaignRuntime): void {
  const now = new Date(ctx.clock.now()).toISOString()
  ctx.publish(`v2.outbound.campaigns.${campaign.id}.stats`, {
    group: { campaignId: campaign.id },
    data: [
      {
        interval: `${now}/${now}`,
        metrics: [
          { metric: 'nOutboundAttempted', stats: { count: runtime.attempts } },
          { metric: 'nOutboundConnected', stats: { count: runtime.connects } },
          { metric: 'nRightPartyContacts', stats: { count: runtime.rightPartyContacts } },
          { metric: 'oOutstandingCalls', stats: { count: runtime.outstandingCalls } }
        ]
      }
    ]
  })
}
