/**
 * Counterfactual ground truth (ewt.md §7.2): for a callback requester, when would they have reached an agent had
 * they stayed on hold with unlimited patience, everything else equal?
 *
 * Method: every caller's draws come from streams keyed by (seed, queue, arrival index), arrivals from a per-queue
 * stream and staffing from the plan, so a world that differs in one caller's choice still sees the same
 * callers. At the instant caller i accepts (before any state changes) the model deep-copies its state
 * (`cloneState`; live callers only, so it is as small as the system) into a twin in which i never takes the
 * callback nor abandons, and runs the twin only until i is answered. Cost per twin: one copy of the live state plus
 * the events of i's counterfactual wait — about λ·W* arrivals' worth, not a day.
 */

/** The callback requester a twin is about to be run for. */
export interface TwinRequest {
  readonly queueId: string
  readonly callerId: number
  readonly arrivalAt: number
  /** When the caller accepted (the fork point). */
  readonly offeredAt: number
}

/** Counterfactual result: `answeredAt` undefined when the twin hit its horizon first (censored). */
export interface TwinResult extends TwinRequest {
  readonly answeredAt: number | undefined
  /** answeredAt − arrivalAt: the potential hold time W*. */
  readonly waitSeconds: number | undefined
  /** Events the twin processed (its cost). */
  readonly events: number
}

/** Enables twins on a model run. */
export interface TwinOptions {
  /** Which requesters get a twin (default: all). Must be deterministic for reproducible runs. */
  readonly select?: (request: TwinRequest) => boolean
  /** Stop a twin this long after its fork point (default 6 h). */
  readonly horizonSeconds?: number
  readonly onResult: (result: TwinResult) => void
}

/** Default twin horizon. */
export const DEFAULT_TWIN_HORIZON_SECONDS = 6 * 3600

/** Deterministic sampling helper: every k-th requester by caller id, e.g. `select: everyNth(5)`. */
export function everyNth(k: number): (request: TwinRequest) => boolean {
  return (request) => request.callerId % k === 0
}
