/**
 * The seam between the contact-center model and callback timing. The model decides nothing about timing itself:
 * it asks a `TimingPolicy` what to announce, when to schedule a callback and (our flows) whether to dispatch it
 * now. The predictors and the deployed policy live in `src-main/core/timing/` (pure); an adapter maps these views
 * onto core-timing's `QueueState` / `QueueObservation`, whose field names they follow on purpose.
 *
 * Rules for implementations:
 * - **Pure and deterministic**: same inputs, same answer; no clocks, no randomness, no hidden state. The model
 *   forks itself for counterfactual twins and the fork shares the policy object.
 * - **Only what a real flow can read.** Each field says where a deployed flow gets it in Genesys Cloud.
 * - Times are model seconds since t = 0 (`originMs` converts: epoch ms = originMs + 1000 · t).
 */

/**
 * Live state of one target queue at `now`. Counts and rates are exact model values; treat them as observations.
 * Some members are computed on access: read a view during the call that received it, do not keep it.
 */
export interface QueueView {
  readonly queueId: string
  /** Model seconds since t = 0. */
  readonly now: number
  /** Epoch ms of t = 0. */
  readonly originMs: number
  /** Callers waiting in the target queue (observation `oWaiting`). */
  readonly queueLength: number
  /** Of those, waiting with priority > 0, i.e. transferred callbacks (`oWaiting` detail `routingPriority`). */
  readonly priorityWaiting: number
  /** Agents on queue: idle + alerting + interacting + wrap-up (`oOnQueueUsers`), including those about to log off. */
  readonly agentsOnQueue: number
  /** Agents idle now (`oUserRoutingStatuses` = IDLE). */
  readonly idleAgents: number
  /** Agents alerting or interacting (`oUserRoutingStatuses` = INTERACTING). */
  readonly busyAgents: number
  /** Of those, agents who log off once their current call ends (known to WFM / supervisors, not to flows). */
  readonly leavingAgents: number
  /** Open placeholders in the holding queue (holding `oWaiting`; includes any the blueprint leaked). */
  readonly holdingCount: number
  /** Callbacks requested and not yet back in the target queue nor ended (waiting + dispatched). */
  readonly pendingCallbacks: number
  /** Recent mean handle time (aggregate `tHandle` over the stats window, exponentially weighted). */
  readonly ahtSeconds: number
  /** Service starts (answers) from this queue in the last `windowSeconds` (aggregate `tAnswered` count). */
  readonly answeredInWindow: number
  /** The stats window, shorter at the start of a run (min(window, now)); 0 at t = 0. */
  readonly windowSeconds: number
  /** Abandonment rate θ: abandons / seconds waited, exponentially weighted over the window (aggregates). */
  readonly abandonRatePerSecond: number
  /** Arrival rate into the queue, exponentially weighted over the window (aggregate `nOffered`). */
  readonly arrivalRatePerSecond: number
  /** Elapsed wait of the head of line (`oWaiting` detail, oldest `observationDate`); 0 when nobody waits. */
  readonly holSeconds: number
  /** Queue waits of the most recent service starts, newest first, at most 10 (details `tAcd`). */
  readonly recentLesSeconds: readonly number[]
  /** Emulated platform EWT for a caller at `positionInQueue` (`GET /routing/queues/{id}/estimatedwaittime`). */
  platformEwtSeconds(positionInQueue: number): number | undefined
  /** The staffing plan (only when `QueueConfig.staffingKnown`, i.e. WFM publishes it). */
  readonly staffing?: readonly { readonly at: number; readonly agents: number }[]
  /** Calls waiting in the target queue (`oWaiting` detail), built on demand. */
  waitingCalls(): readonly { readonly enteredAt: number; readonly priority: number }[]
  /** Callbacks waiting or dispatched (holding-queue placeholders with their `cc.*` attributes), built on demand. */
  callbacks(): readonly CallbackView[]
}

/** A caller at the offer point, still in the target queue (in-queue flow: `Call.PositionInQueue`, …). */
export interface OfferView {
  readonly callerId: number
  readonly arrivalAt: number
  /** 1 = next; callers with higher priority count as ahead (`Call.PositionInQueue`). */
  readonly positionInQueue: number
  /** Callers on hold ahead of this one (= positionInQueue − 1). */
  readonly callsAhead: number
  /** Callbacks requested earlier and not yet back in the queue; they rejoin ahead of this caller. */
  readonly callbacksAhead: number
}

/** One callback, as the workflow / console sees its placeholder (`cc.*` participant attributes). */
export interface CallbackView {
  readonly id: number
  readonly state: 'waiting' | 'dispatched'
  /** When the caller first reached the target queue (the virtual place is kept from here). */
  readonly arrivalAt: number
  readonly requestedAt: number
  /** The wait announced at the offer (`cc.promisedWaitSeconds`). */
  readonly promisedWaitSeconds: number
  /** `callbackScheduledTime`. */
  readonly scheduledAt: number
  /** Priority it will re-enter the target queue with. */
  readonly priority: number
  /** Dial attempts made so far. */
  readonly attempts: number
  /** Staff rescheduled it (or a retry quarantine runs): the flows then dispatch at `scheduledAt` without review. */
  readonly fixedTime: boolean
  /** On-hold callers in the target queue who arrived before this caller, plus those with priority > 0. */
  readonly callsAhead: number
  /** Earlier callbacks (by arrival) that are not yet back in the target queue. */
  readonly callbacksAhead: number
}

/** The first plan for a new callback. */
export interface CallbackPlan {
  /** `callbackScheduledTime`: dispatch at the latest then (ours) / exactly then (blueprint flows). */
  readonly scheduledAt: number
  /** Routing priority of the transfer back to the target queue (normal calls have 0; higher goes first). */
  readonly priority: number
}

/** What to do with a waiting callback at a workflow wake-up (ours flows). */
export type ReviewDecision =
  | { readonly action: 'dispatch' }
  /** Keep waiting; optionally move the projection (`scheduledAt`) and ask for an earlier next look (`reviewAt`). */
  | { readonly action: 'wait'; readonly scheduledAt?: number; readonly reviewAt?: number }

/** A callback timing policy. `reviewCallback` is optional: without it a callback is dispatched at `scheduledAt`. */
export interface TimingPolicy {
  readonly name: string
  /** The wait announced to a caller at the offer point; a callback is offered when it exceeds the threshold. */
  announceWait(queue: QueueView, caller: OfferView): number
  /** A caller accepted: choose the scheduled time and the transfer priority. */
  planCallback(queue: QueueView, callback: CallbackView): CallbackPlan
  /** Ours flows, at each wake-up of a waiting callback (every `sliceSeconds` at most) unless its time is fixed. */
  reviewCallback?(queue: QueueView, callback: CallbackView): ReviewDecision
}
