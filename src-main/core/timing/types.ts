/**
 * Shared shapes for callback timing. Conventions used across this folder:
 * - absolute times are epoch milliseconds and their names end in `Ms` (`nowMs`, `requestedAtMs`);
 * - durations are seconds (`...Seconds`); rates are events per second (`...PerSecond`);
 * - every input is something a deployed flow, the console or the demo org can really observe
 *   (README.md in this folder says which Genesys Cloud API and field each one comes from).
 */

/** One step of a known staffing plan (WFM schedule): from `fromMs` on, `agents` are on queue. */
export interface StaffingStep {
  readonly fromMs: number
  readonly agents: number
}

/** Queue-level measurements at one moment; optional fields are the ones some deployments cannot read. */
export interface QueueObservation {
  /** When these values were read. */
  readonly atMs: number
  /** Agents on queue (idle + interacting + not responding): observation `oOnQueueUsers`. */
  readonly agentsOnQueue: number
  /** Agents idle on queue right now: observation `oUserRoutingStatuses` qualifier `IDLE`. */
  readonly idleAgents?: number
  /** Average handle time of recent conversations: aggregate `tHandle` sum / count. */
  readonly ahtSeconds: number
  /** Service starts (answers) from this queue in the measurement window: aggregate `tAnswered` count. */
  readonly answeredInWindow?: number
  /** Length of that window. */
  readonly windowSeconds?: number
  /** Mean agents on queue during the window, to rescale the measured rate to today's staffing. */
  readonly agentsOnQueueInWindow?: number
  /** Abandonment (patience) rate θ: abandons / seconds waited in the window (see `estimateAbandonRate`). */
  readonly abandonRatePerSecond?: number
  /** Arrival rate λ into the queue (aggregate `nOffered` count / window), used by the refined HOL. */
  readonly arrivalRatePerSecond?: number
  /** Elapsed wait of the oldest waiting call (observation `oWaiting` detail, oldest `observationDate`). */
  readonly holSeconds?: number
  /** Queue waits of the most recent service starts, newest first (aggregate/details `tAnswered`). */
  readonly recentLesSeconds?: readonly number[]
  /** The platform's EWT (`GET /routing/queues/{id}/estimatedwaittime`, `estimatedWaitTimeSeconds`). */
  readonly platformEwtSeconds?: number
  /** Known staffing plan, if WFM publishes one; used by the schedule-aware QL-m. */
  readonly staffing?: readonly StaffingStep[]
}

/** A call waiting in the target queue (observation `oWaiting` detail: `observationDate`, `routingPriority`). */
export interface WaitingCall {
  readonly enteredAtMs: number
  readonly priority: number
}

/** A callback that has not reached the target queue yet (placeholder still in the holding queue). */
export interface PendingCallback {
  readonly id: string
  readonly requestedAtMs: number
  /** When the caller first entered the target queue (their virtual place); defaults to `requestedAtMs`. */
  readonly queuedAtMs?: number
  /**
   * Waiting for a fixed time (retry quarantine after an unanswered dial, or a staff reschedule) rather than for its
   * place: it will not be back before the callers behind it, so it does not count as ahead of them.
   */
  readonly parked?: boolean
  /** `waiting` (placeholder, not dialled yet) or `dispatched` (being dialled); default `waiting`. */
  readonly state?: 'waiting' | 'dispatched'
  /** When it was dispatched (`cc.dispatchedAt`). */
  readonly dispatchedAtMs?: number
  /** `callbackScheduledTime`: for a parked callback, when it will be dialled. */
  readonly dueAtMs?: number
}

/** Everything the timing code reads about the target queue and the callbacks waiting for it. */
export interface QueueState {
  readonly observation: QueueObservation
  /** Calls waiting in the target queue, any order. */
  readonly waitingCalls: readonly WaitingCall[]
  /** Callbacks waiting or dispatched (not yet connected), any order. */
  readonly pendingCallbacks: readonly PendingCallback[]
  /** Priority ordinary calls enter the target queue with (0 in the blueprint's flows). */
  readonly basePriority?: number
}

/** Who will take an agent before this caller would, had they stayed on hold. */
export interface VirtualPosition {
  /** Calls on hold in the target queue that would be served before this caller. */
  readonly callsAhead: number
  /**
   * Earlier callbacks not yet back in the target queue that will be back before this caller's turn: waiting for
   * their own place or being dialled. Parked ones (retry quarantine, staff-set time) are left out.
   */
  readonly callbacksAhead: number
  /**
   * When known: the expected return time (epoch ms) of each earlier callback, parked ones included. Then only those
   * back before this caller's turn count (`blockingAhead`) and the policy ignores `callbacksAhead`.
   */
  readonly callbacksBackAtMs?: readonly number[]
}

/** Total number of callers ahead of a virtual place. */
export function aheadCount(position: VirtualPosition): number {
  return position.callsAhead + position.callbacksAhead
}
