/** Wires the outbound stores and the dialer together (reference checks, delete guards, dial triggers). */
import type { DomainContext } from '../shared/context'
import type { TelephonyStore } from '../telephony/telephony-store'
import { CallableTimeSetStore } from './callable-time-set-store'
import { CampaignStore } from './campaign-store'
import { ContactListStore } from './contact-list-store'
import { Dialer, type DialerOptions } from './dialer'
import { ResponseSetStore } from './response-set-store'

/** The org's outbound slot: one object routes and flows reach every outbound store through. */
export class OutboundDomain {
  readonly contactLists: ContactListStore
  readonly responseSets: ResponseSetStore
  readonly callableTimeSets: CallableTimeSetStore
  readonly campaigns: CampaignStore
  readonly dialer: Dialer

  constructor(ctx: DomainContext, telephony: TelephonyStore, dialerOptions: DialerOptions = {}) {
    this.contactLists = new ContactListStore(ctx)
    this.responseSets = new ResponseSetStore(ctx)
    this.callableTimeSets = new CallableTimeSetStore(ctx)
    const lists = this.contactLists
    const sets = this.responseSets
    const timeSets = this.callableTimeSets
    this.campaigns = new CampaignStore(
      ctx,
      {
        contactList(id, phoneColumns) {
          if (!lists.has(id)) return `contact list ${id} does not exist.`
          const known = lists.record(id).phoneColumns.map((p) => p.columnName)
          const missing = phoneColumns.find((c) => !known.includes(c))
          return missing ? `'${missing}' is not a phone column of the contact list.` : undefined
        },
        responseSet: (id) => (sets.has(id) ? undefined : `call analysis response set ${id} does not exist.`),
        callableTimeSet: (id) => (timeSets.has(id) ? undefined : `callable time set ${id} does not exist.`),
        edgeGroup: (id) => (telephony.edgeGroupName(id) ? undefined : `edge group ${id} does not exist.`),
        site: (id) => (telephony.siteName(id) ? undefined : `site ${id} does not exist.`)
      },
      {
        contactList: (id) => (lists.has(id) ? lists.record(id).name : undefined),
        responseSet: (id) => (sets.has(id) ? sets.record(id).name : undefined),
        callableTimeSet: (id) => (timeSets.has(id) ? timeSets.record(id).name : undefined),
        edgeGroup: (id) => telephony.edgeGroupName(id),
        site: (id) => telephony.siteName(id)
      }
    )
    this.contactLists.setUsageCheck((id) => this.campaigns.usedBy('contactList', id))
    this.responseSets.setUsageCheck((id) => this.campaigns.usedBy('responseSet', id))
    this.callableTimeSets.setUsageCheck((id) => this.campaigns.usedBy('callableTimeSet', id))
    this.dialer = new Dialer(ctx, this.campaigns, this.contactLists, this.responseSets, this.callableTimeSets, dialerOptions)
  }
}
