/**
 * The routing entities the demo org keeps (divisions, queues, users, wrap-up codes), in an internal form the
 * route modules render into the SDK's shapes.
 */

/** A Genesys division (every queue, user and conversation belongs to one). */
export interface SimDivision {
  readonly id: string
  readonly name: string
}

/** A routing queue; `extra` keeps request fields the demo org does not interpret so GET echoes them back. */
export interface SimQueue {
  readonly id: string
  name: string
  divisionId: string
  description?: string
  readonly dateCreated: number
  dateModified: number
  createdBy?: string
  modifiedBy?: string
  /** In-queue call flow (`queueFlow`), e.g. the solution's in-queue flow on the target queue. */
  queueFlow?: { readonly id: string; readonly name?: string }
  mediaSettings: Record<string, unknown>
  /** `TimestampAndPriority` (default) or `PriorityOnly`. */
  scoringMethod: 'TimestampAndPriority' | 'PriorityOnly'
  extra: Record<string, unknown>
}

/** Agent routing status values (`UserRoutingStatus.status`). */
export type RoutingStatus = 'OFF_QUEUE' | 'IDLE' | 'INTERACTING' | 'NOT_RESPONDING' | 'COMMUNICATING'

/** A user (agent or supervisor). */
export interface SimUser {
  readonly id: string
  name: string
  email: string
  divisionId: string
  title?: string
  department?: string
  routingStatus: RoutingStatus
  /** System presence (`Available`, `On Queue`, `Busy`, `Away`, `Break`, `Meal`, `Meeting`, `Training`, `Offline`). */
  presence: string
  /** Sim epoch ms of the last routing status change. */
  routingStatusSince: number
  version: number
}

/** A wrap-up code. */
export interface SimWrapupCode {
  readonly id: string
  name: string
  divisionId: string
  description?: string
  readonly dateCreated: number
  dateModified?: number
}

/**
 * Historical queue statistics the EWT emulation uses (Genesys uses last week's same half hour; the model can
 * feed its own figures). Defaults apply until set.
 */
export interface QueueHistory {
  /** Average handle time, seconds. */
  ahtSeconds: number
  /** Share of offered conversations that abandon, 0..1. */
  abandonRate: number
}
