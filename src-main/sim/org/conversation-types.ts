/**
 * Internal conversation model of the demo org. Route modules never hand these out directly: they render them
 * with conversation-views.ts into the SDK's shapes (CallbackConversation, Conversation, queue topic events).
 */

/** Media the demo org models. */
export type SimMediaType = 'callback' | 'call'

/** Participant purposes as Genesys reports them. */
export type SimPurpose = 'customer' | 'acd' | 'agent' | 'ivr' | 'workflow' | 'external'

/** Communication states (the subset of Genesys' enum the demo org moves through). */
export type SimCommState =
  'alerting' | 'dialing' | 'contacting' | 'offering' | 'connected' | 'disconnected' | 'terminated' | 'scheduled' | 'none'

/** One participant with its single communication (the demo org never gives a participant two media). */
export interface SimParticipant {
  readonly id: string
  readonly purpose: SimPurpose
  name?: string
  address?: string
  readonly startTime: number
  connectedTime?: number
  endTime?: number
  /** Set on `acd` participants and on agents who received the conversation from a queue. */
  queueId?: string
  userId?: string
  attributes: Record<string, string>
  /** Routing data while in (or from) a queue: priority, skills, language, label. */
  routing?: { priority: number; skillIds: string[]; languageId?: string; label?: string }
  readonly communicationId: string
  state: SimCommState
  readonly initialState: SimCommState
  readonly direction: 'inbound' | 'outbound'
  disconnectType?: string
  held: boolean
  wrapup?: { code: string; notes?: string; durationSeconds?: number; endTime?: number }
}

/** Fields only callback conversations have (mirrored on every participant like Genesys does). */
export interface SimCallbackInfo {
  callbackNumbers: string[]
  callbackUserName?: string
  /** Sim epoch ms; undefined = "as soon as possible". */
  callbackScheduledTime?: number
  scriptId?: string
  callerId?: string
  callerIdName?: string
  countryCode?: string
  automatedCallbackConfigId?: string
}

/** Fields only call conversations have. */
export interface SimCallInfo {
  /** Customer's number (ANI for inbound, the dialled number for outbound). */
  ani: string
  dnis: string
  /** Present when the campaign dialer placed the call. */
  dialer?: { campaignId: string; contactListId: string; contactId: string }
}

/** Where the conversation is, for the per-queue indexes and observations. */
export type SimRoutingPhase = 'ivr' | 'dialing' | 'waiting' | 'interacting' | 'ended'

/** A conversation; mutate only through ConversationStore so indexes and notifications stay right. */
export interface SimConversation {
  readonly id: string
  readonly media: SimMediaType
  readonly startTime: number
  endTime?: number
  divisionId: string
  participants: SimParticipant[]
  callback?: SimCallbackInfo
  call?: SimCallInfo
  phase: SimRoutingPhase
  /** Queue of the current acd/agent leg (undefined in IVR/dialing/ended). */
  queueId?: string
  /** Sim ms the conversation entered its current queue (the base of the routing score). */
  enqueuedAt?: number
  /** Increases on every change; lets readers detect staleness. */
  version: number
}
