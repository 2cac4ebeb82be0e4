/**
 * What the live board produces: one row per waiting or recently finished callback, the KPI header, and the
 * compact changes that carry both to the renderer. Plain, readonly, serialisable values (times are epoch ms,
 * names ending in `Ms`), so the contract can send them as they are and the renderer can sort them cheaply.
 */
import type { DialOutcome, LifecycleAction, LifecycleState } from '../lifecycle-model'
import type { ProjectionFlag } from '../timing/projection'

/** One callback on the board. Never carries the full phone number (main keeps it for audited reveals). */
export interface BoardRow {
  /** Conversation id of the placeholder callback. */
  readonly id: string
  /** Holding queue the placeholder sits in. */
  readonly queueId: string | null
  /** Last digits only, e.g. `•••• 0123` (see core/phone.ts). */
  readonly maskedNumber: string
  /** Caller's name (`callbackUserName`); never masked. */
  readonly name: string | null
  /** When the caller asked for the callback (`cc.requestedAt`, else the placeholder's start). */
  readonly requestedAtMs: number | null
  /** Wait the caller was promised (`cc.promisedWaitSeconds`). */
  readonly promisedWaitSeconds: number | null
  /** `callbackScheduledTime`: when it is due to be dialled (null = as soon as possible). */
  readonly dueAtMs: number | null
  readonly state: LifecycleState
  /** True when the state was deduced from the placeholder (no `cc.state`), see lifecycle-record.ts. */
  readonly stateInferred: boolean
  readonly stateAtMs: number | null
  readonly attempts: number
  readonly lastOutcome: DialOutcome | null
  readonly lastAction: LifecycleAction | null
  /** Who acted last (display name) and why. */
  readonly actedBy: string | null
  readonly reason: string | null
  /** Time of the newest fact this row is built from; rows never move back to an older one. */
  readonly eventTimeMs: number
  /**
   * Projected time to agent of a waiting or dispatched callback (core/timing `projectBoard`), refreshed by `tick()`
   * when it moves ≥ 30 s or its flag changes; null = no basis (nobody on queue); absent = not projected (finished
   * rows, no target queue configured, or not computed yet).
   */
  readonly projectedAtMs?: number | null
  /** Projection minus the promise (requested + promised wait), seconds; positive = later than promised. */
  readonly projectionDeltaSeconds?: number | null
  /** `late` / `early` when more than two minutes off the promise, else `on-time`. */
  readonly projectionFlag?: ProjectionFlag
  /** One line for the detail drawer, e.g. "Dial in ~85 s: 20 ahead (…); agent in ~2 min 6 s, as promised." */
  readonly projectionExplanation?: string
}

/** The KPI header. Figures the org does not report (yet) are null. */
export interface BoardKpis {
  readonly waiting: number
  readonly dispatched: number
  /** Waiting callbacks due within 5 / 15 minutes, already-due ones included. */
  readonly dueIn5: number
  readonly dueIn15: number
  /** Waiting callbacks due and not dispatched for longer than the overdue grace (2 min by default). */
  readonly overdue: number
  /** Request time of the longest-waiting callback. */
  readonly oldestRequestedAtMs: number | null
  readonly connectedToday: number
  readonly declinedToday: number
  readonly unreachedToday: number
  readonly cancelledToday: number
  /** `oWaiting` of the holding queue(s) as analytics sees it: a cross-check of `waiting + dispatched`. */
  readonly holdingWaiting: number | null
  readonly targetWaiting: number | null
  readonly targetEwtSeconds: number | null
  readonly targetAgentsOnQueue: number | null
  /** `campaignStatus` (`on`, `off`, `stopping`, `complete`, `invalid`, …). */
  readonly campaignStatus: string | null
  /** Number of configuration errors the campaign reports. */
  readonly campaignErrors: number
  /** `outboundLineCount` configured, and lines in use now. */
  readonly campaignLines: number | null
  readonly campaignLinesInUse: number | null
  readonly campaignProgressPercent: number | null
  readonly contactListSize: number | null
  /** The campaign's callable time set (weekly windows in their time zones); null = none, or not read yet. */
  readonly campaignCallableTimes: readonly CallableWindow[] | null
}

/** One time zone's windows of a campaign's callable time set; days 1 = Monday … 7 = Sunday, times `HH:mm:ss`. */
export interface CallableWindow {
  readonly timeZoneId: string
  readonly slots: readonly { readonly day: number; readonly startTime: string; readonly stopTime: string }[]
}

/** KPIs of an empty board: the state a fresh replica starts from. */
export const EMPTY_KPIS: BoardKpis = {
  waiting: 0,
  dispatched: 0,
  dueIn5: 0,
  dueIn15: 0,
  overdue: 0,
  oldestRequestedAtMs: null,
  connectedToday: 0,
  declinedToday: 0,
  unreachedToday: 0,
  cancelledToday: 0,
  holdingWaiting: null,
  targetWaiting: null,
  targetEwtSeconds: null,
  targetAgentsOnQueue: null,
  campaignStatus: null,
  campaignErrors: 0,
  campaignLines: null,
  campaignLinesInUse: null,
  campaignProgressPercent: null,
  contactListSize: null,
  campaignCallableTimes: null
}

/** One change the board made, in order. */
export type BoardChange =
  | { readonly kind: 'upsert'; readonly row: BoardRow }
  | { readonly kind: 'remove'; readonly id: string }
  | { readonly kind: 'kpis'; readonly kpis: Partial<BoardKpis> }

/** A coalesced batch of changes: what leaves main at most once per animation frame. */
export interface BoardDiff {
  readonly upserts: readonly BoardRow[]
  readonly removals: readonly string[]
  /** Only the KPI fields that changed since the previous batch; null when none did. */
  readonly kpis: Partial<BoardKpis> | null
}

/** Counters about the input, for diagnostics and logs; never fatal. */
export interface BoardStats {
  /** Frames or snapshot entries that changed the board. */
  readonly applied: number
  /** Valid input that changed nothing (repeats, duplicates). */
  readonly unchanged: number
  /** Input older than what the board already holds (out-of-order events), ignored. */
  readonly stale: number
  readonly malformed: number
  readonly unknownTopic: number
  /** Valid but not for this board (system frames, other queues, non-callback conversations). */
  readonly ignored: number
  readonly lastMalformed: string | null
}
