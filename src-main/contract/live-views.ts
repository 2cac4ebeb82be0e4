/**
 * Views for the live parts of the console: the session, the deployment profile, the board and its actions.
 * Board rows, KPIs and diffs are the pure core's own types, re-exported so the renderer imports one place.
 */
export type { BoardDiff, BoardKpis, BoardRow } from '../core/board/board-types'
export type { AuditRecord } from '../core/audit'
export type { DialOutcome, LifecycleState } from '../core/lifecycle-model'
import type { BoardKpis, BoardRow } from '../core/board/board-types'

export type SessionState = 'signed-out' | 'signing-in' | 'signed-in' | 'expiring' | 'expired'

/** What the renderer may know about the sign-in: never a token or secret. */
export interface SessionView {
  readonly state: SessionState
  /** `demo` for the built-in demo org, else the Genesys region host (e.g. `mypurecloud.ie`). */
  readonly target: 'demo' | 'genesys' | null
  readonly regionLabel: string | null
  readonly orgName: string | null
  /** Signed-in user's name, or the OAuth client's name for client-credentials sessions. */
  readonly principalName: string | null
  readonly method: 'pkce' | 'client-credentials' | null
  readonly expiresAt: string | null
  /** Whether tokens are encrypted at rest here; the sign-in screen warns when not. */
  readonly secureStorage: boolean
  /** Plain sentence about the last sign-in problem, if any. */
  readonly problem: string | null
}

export interface RegionView {
  /** SDK region key, e.g. `eu_west_1`. */
  readonly id: string
  readonly label: string
  /** Environment host, e.g. `mypurecloud.ie`. */
  readonly host: string
}

/** The objects a console watches; written by guided setup or chosen by hand. */
export interface DeploymentProfileView {
  readonly holdingQueueId: string
  readonly targetQueueIds: readonly string[]
  readonly campaignId: string
  readonly contactListId: string
}

export interface NamedEntity {
  readonly id: string
  readonly name: string
}

export interface ProfileCandidatesView {
  readonly queues: readonly NamedEntity[]
  readonly campaigns: readonly NamedEntity[]
  readonly contactLists: readonly NamedEntity[]
  /** The profile guided setup or a previous choice suggests, when the org has one. */
  readonly suggested: DeploymentProfileView | null
}

export type ConnectionState = 'offline' | 'connecting' | 'live' | 'reconnecting' | 'stale'

/** Live-data health, pushed whenever it changes, shown as the board's banner. */
export interface ConnectionView {
  readonly state: ConnectionState
  /** When the board last was known to be complete (ISO), for "stale since …". */
  readonly since: string | null
  readonly detail: string | null
  /** Notification topics the org refused, with the missing permission named. */
  readonly rejectedTopics: readonly { readonly topic: string; readonly missingPermissions: readonly string[] }[]
}

/** The whole board at once: sent when a renderer (re)subscribes; diffs follow via `board:changed`. */
export interface BoardSnapshotView {
  readonly rows: readonly BoardRow[]
  readonly kpis: BoardKpis
  readonly connection: ConnectionView
  /** Server clock at the snapshot, so countdowns agree across consoles. */
  readonly serverNow: string
}

/** The outcome of an action on one callback of a (possibly bulk) request. */
export interface ActionOutcomeView {
  readonly id: string
  readonly ok: boolean
  /** `already-cancelled`, `already-dispatched`, `time-in-past`, `forbidden`, … */
  readonly code: string | null
  readonly message: string
}

export interface TimelineEntryView {
  readonly at: string
  readonly label: string
  readonly detail: string | null
  readonly actor: string | null
}

export interface AlertView {
  readonly id: string
  readonly kind: 'connection-lost' | 'overdue' | 'campaign-off' | 'backlog'
  readonly message: string
  readonly at: string
}

/** Exposed so views can show an empty-state KPI header before the first snapshot. */
export type { BoardKpis as KpisView }
