/**
 * The dialer behind agentless campaigns: while a campaign is `on` it takes queued contacts (priority first) up to
 * `outboundLineCount` calls at once, draws each call's disposition (seeded), applies the response set's reaction
 * (live person → the outbound flow), and records the attempt on the contact. A campaign with a callable time set
 * only takes contacts while one of the set's windows is open; outside them contacts stay queued and the dialer
 * wakes itself when the next window opens.
 */
import type { DomainContext, TimerHandle } from '../shared/context'
import { isoDate } from '../shared/context'
import type { CampaignRecord } from './campaign-types'
import type { CampaignStore } from './campaign-store'
import type { ContactListStore } from './contact-list-store'
import type { ContactBook } from './contact-book'
import type { ContactRecord } from './contact-list-types'
import type { CallableTimeSetStore } from './callable-time-set-store'
import type { Disposition, ResponseSetStore } from './response-set-store'
import {
  DEFAULT_OUTCOME_SHARES,
  TRANSFERRED_TO_FLOW,
  WRAPUP_CODES,
  dispositionDelaySeconds,
  drawDisposition,
  isDialable
} from './dial-outcomes'
import { publishProgress, publishStats } from './campaign-metrics'

/** A finished dial attempt, for the workflow emulation's follow-up (retry / unreached). */
export interface DialAttempt {
  readonly campaignId: string
  readonly contactListId: string
  readonly contactId: string
  readonly disposition: Disposition
  readonly wrapupCode: string
  readonly transferredToFlow: boolean
  readonly at: number
}

/** A live answer handed to a `transfer_flow` reaction's outbound flow. */
export interface OutboundFlowCall {
  readonly campaign: CampaignRecord
  readonly contact: ContactRecord
  readonly flowId: string
  /** The flow's name as the response set names it. */
  readonly flowName: string
  readonly phone: string
  /** The dialled call's conversation, when the org records calls (see `DialerCalls`). */
  readonly conversationId?: string
}

/** Lets the org record dialled calls as conversations (contacting → ended, or handed to the outbound flow). */
export interface DialerCalls {
  placed(campaign: CampaignRecord, contact: ContactRecord, phone: string): string | undefined
  ended(conversationId: string): void
  answered(conversationId: string, flowName: string): void
}

/** Tuning and hooks of the dialer (outcome shares, scripted outcomes, call recording). */
export interface DialerOptions {
  /** Disposition shares (defaults to `DEFAULT_OUTCOME_SHARES`). */
  readonly shares?: Readonly<Record<Disposition, number>>
  /** Forces a disposition for a number (tests and scripted demos); undefined = draw. */
  readonly scripted?: (phone: string) => Disposition | undefined
  /** Records calls in the conversation store (installDomains passes one). */
  readonly calls?: DialerCalls
}

/** Dials for every campaign that is on. */
export class Dialer {
  private flowHandler: (call: OutboundFlowCall) => void = () => undefined
  private readonly attemptListeners: Array<(attempt: DialAttempt) => void> = []
  private readonly pumping = new Set<string>()
  /** Per campaign: the timer that re-pumps it when its callable time set's next window opens. */
  private readonly wakes = new Map<string, TimerHandle>()

  constructor(
    private readonly ctx: DomainContext,
    private readonly campaigns: CampaignStore,
    private readonly lists: ContactListStore,
    private readonly responseSets: ResponseSetStore,
    private readonly timeSets: CallableTimeSetStore,
    private readonly options: DialerOptions = {}
  ) {
    lists.onContactsQueued((listId) => {
      for (const c of campaigns.all()) if (c.contactListId === listId && c.campaignStatus === 'on') this.pump(c)
    })
    campaigns.onStatusChange((c) => {
      if (c.campaignStatus === 'on') this.pump(c)
      else this.cancelWake(c.id)
    })
    timeSets.onChange((setId) => {
      for (const c of campaigns.all()) if (c.callableTimeSetId === setId && c.campaignStatus === 'on') this.pump(c)
    })
  }

  /** Where live answers go (the outbound flow emulation). */
  setOutboundFlowHandler(handler: (call: OutboundFlowCall) => void): void {
    this.flowHandler = handler
  }

  onAttempt(listener: (attempt: DialAttempt) => void): void {
    this.attemptListeners.push(listener)
  }

  /** Places calls until the lines are full or the queue is empty. */
  pump(campaign: CampaignRecord): void {
    if (this.pumping.has(campaign.id)) return
    this.pumping.add(campaign.id)
    try {
      const runtime = this.campaigns.runtime(campaign.id)
      const book = this.lists.book(campaign.contactListId)
      const lines = campaign.outboundLineCount ?? 1
      if (campaign.callableTimeSetId !== undefined && !this.windowOpen(campaign, campaign.callableTimeSetId)) return
      let exhausted = false
      while (campaign.campaignStatus === 'on' && runtime.outstandingCalls < lines) {
        const contact = book.takeNext()
        if (!contact) {
          exhausted = true
          break
        }
        this.place(campaign, contact, book)
      }
      if (exhausted && campaign.campaignStatus === 'on' && !campaign.alwaysRunning && runtime.outstandingCalls === 0) {
        this.campaigns.markComplete(campaign.id)
      }
    } finally {
      this.pumping.delete(campaign.id)
    }
  }

  /** True while the set allows dialling; otherwise arranges a wake-up for when it next does. */
  private windowOpen(campaign: CampaignRecord, setId: string): boolean {
    this.cancelWake(campaign.id)
    const wait = this.timeSets.msUntilOpen(setId, this.ctx.clock.now())
    if (wait === 0) return true
    if (wait !== undefined) {
      this.wakes.set(
        campaign.id,
        this.ctx.clock.after(wait, () => {
          this.wakes.delete(campaign.id)
          const current = this.campaigns.find(campaign.id)
          if (current?.campaignStatus === 'on') this.pump(current)
        })
      )
    }
    return false
  }

  private cancelWake(campaignId: string): void {
    this.wakes.get(campaignId)?.cancel()
    this.wakes.delete(campaignId)
  }

  private place(campaign: CampaignRecord, contact: ContactRecord, book: ContactBook): void {
    const runtime = this.campaigns.runtime(campaign.id)
    const column = this.phoneColumn(campaign, contact)
    const phone = column ? contact.data[column] : undefined
    const recordColumn = column ?? campaign.phoneColumns[0]?.columnName ?? 'phone'
    runtime.outstandingCalls += 1
    runtime.attempts += 1
    book.markAttempted(contact)
    contact.callRecords[recordColumn] = { lastAttempt: isoDate(this.ctx.clock.now()), lastResult: '' }
    publishProgress(this.ctx, campaign, this.lists)
    const disposition: Disposition = !isDialable(phone)
      ? 'uncallable.notfound'
      : (this.options.scripted?.(phone) ?? drawDisposition(this.ctx.random, this.options.shares ?? DEFAULT_OUTCOME_SHARES))
    const delayMs = dispositionDelaySeconds(this.ctx.random, disposition, campaign.noAnswerTimeout) * 1000
    const conversationId = isDialable(phone) ? this.options.calls?.placed(campaign, contact, phone) : undefined
    this.ctx.clock.after(delayMs, () => this.finish(campaign, contact, recordColumn, phone ?? '', disposition, conversationId))
  }

  private finish(
    campaign: CampaignRecord,
    contact: ContactRecord,
    column: string,
    phone: string,
    disposition: Disposition,
    conversationId: string | undefined
  ): void {
    const runtime = this.campaigns.runtime(campaign.id)
    runtime.outstandingCalls = Math.max(0, runtime.outstandingCalls - 1)
    const reaction = campaign.callAnalysisResponseSetId
      ? this.responseSets.reaction(campaign.callAnalysisResponseSetId, disposition)
      : { reactionType: 'hangup' }
    const toFlow = reaction.reactionType === 'transfer_flow' && reaction.data !== undefined
    if (disposition === 'callable.person') runtime.connects += 1
    if (toFlow) runtime.rightPartyContacts += 1
    const wrapupCode = toFlow ? TRANSFERRED_TO_FLOW : WRAPUP_CODES[disposition]
    const record = contact.callRecords[column]
    if (record) record.lastResult = wrapupCode
    if (disposition.startsWith('uncallable.')) contact.phoneNumberStatus[column] = { callable: false }
    publishStats(this.ctx, campaign, runtime)
    const flowName = reaction.name ?? 'Outbound flow'
    if (conversationId && toFlow) this.options.calls?.answered(conversationId, flowName)
    else if (conversationId) this.options.calls?.ended(conversationId)
    if (toFlow && reaction.data) {
      this.flowHandler({
        campaign,
        contact,
        flowId: reaction.data,
        flowName,
        phone,
        ...(conversationId ? { conversationId } : {})
      })
    }
    const attempt: DialAttempt = {
      campaignId: campaign.id,
      contactListId: contact.contactListId,
      contactId: contact.id,
      disposition,
      wrapupCode,
      transferredToFlow: toFlow,
      at: this.ctx.clock.now()
    }
    for (const listener of this.attemptListeners) listener(attempt)
    if (campaign.campaignStatus === 'stopping' && runtime.outstandingCalls === 0) this.campaigns.markStopped(campaign.id)
    else this.pump(campaign)
  }

  private phoneColumn(campaign: CampaignRecord, contact: ContactRecord): string | undefined {
    for (const { columnName } of campaign.phoneColumns) {
      const value = contact.data[columnName]
      if (value && contact.phoneNumberStatus[columnName]?.callable !== false) return columnName
    }
    return undefined
  }
}
