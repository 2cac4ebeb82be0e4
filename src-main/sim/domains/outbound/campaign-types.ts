/** Stored shapes of campaigns (public JSON follows the SDK's `Campaign`). */

export const DIALING_MODES = ['agentless', 'preview', 'power', 'predictive', 'progressive', 'external'] as const

/** `campaignStatus` values the API reports. */
export type CampaignStatus = 'on' | 'stopping' | 'off' | 'complete' | 'invalid' | 'forced_off' | 'forced_stopping'

/** A stored campaign (ids instead of references). */
export interface CampaignRecord {
  readonly id: string
  name: string
  version: number
  readonly dateCreated: string
  dateModified: string
  contactListId: string
  dialingMode: string
  queueId?: string
  scriptId?: string
  edgeGroupId?: string
  siteId?: string
  callAnalysisResponseSetId?: string
  /** The callable time set limiting when the dialer may call (absent = any time). */
  callableTimeSetId?: string
  campaignStatus: CampaignStatus
  phoneColumns: Array<{ columnName: string; type?: string }>
  callerName: string
  callerAddress: string
  outboundLineCount?: number
  alwaysRunning: boolean
  noAnswerTimeout: number
  priority: number
  /** Other writable fields kept verbatim (dncLists, ruleSets, contactSorts, division…). */
  extras: Record<string, unknown>
}

/** Live counters the dialer keeps per campaign (progress, stats). */
export interface CampaignRuntime {
  attempts: number
  connects: number
  rightPartyContacts: number
  outstandingCalls: number
}

/** Names of referenced objects, so config-change events can carry `{id, name}`. */
export interface CampaignRefNames {
  contactList(id: string): string | undefined
  responseSet(id: string): string | undefined
  callableTimeSet(id: string): string | undefined
  edgeGroup(id: string): string | undefined
  site(id: string): string | undefined
}
