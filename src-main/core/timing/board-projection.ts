/**
 * The console's projection for every live callback on the board at once, from what the board holds: its rows and
 * the target queue's totals (calls waiting, agents on queue, EWT, recent answers when known). It counts who is ahead
 * the way the deployed workflow does (calls on hold that joined earlier + a share of the earlier callbacks that are
 * not parked) and projects each row with `projectFromClearing`, the core of `projectTimeToAgent`. One sort of the
 * live rows by place (near-linear: they arrive nearly in order) and O(1) per row, so 5,000 rows cost well under a
 * millisecond per refresh.
 */
import { callbacksAheadWeightFor, DEFAULT_VIRTUAL_PLACE_SETTINGS } from './virtual-place-policy'
import { DEFAULT_POLICY_SETTINGS } from './policy'
import { projectFromClearing, type Projection, type ProjectionOptions } from './projection'
import { qlmArithmeticSeconds } from './ql'
import { estimateServiceRate } from './service-rate'
import type { QueueObservation } from './types'

/** What the board knows about the target queue (null = not observed yet). */
export interface TargetQueueKpis {
  /** Calls waiting in the target queue (`oWaiting`). */
  readonly waiting: number | null
  /** Agents on queue (`oOnQueueUsers`). */
  readonly agentsOnQueue: number | null
  /** The platform's EWT for a new caller (`estimatedWaitTimeSeconds`). */
  readonly ewtSeconds: number | null
  readonly idleAgents?: number | null
  /** Recent answers (aggregate `tAnswered` count) over `windowSeconds`, when the console queries them. */
  readonly answeredInWindow?: number
  readonly windowSeconds?: number
  /** Recent AHT (aggregate `tHandle`), when known; otherwise derived from the EWT. */
  readonly ahtSeconds?: number
  readonly abandonRatePerSecond?: number
}

/** A board row as far as the projection reads it (BoardRow fits). */
export interface ProjectableRow {
  readonly id: string
  readonly state: string
  readonly requestedAtMs: number | null
  readonly promisedWaitSeconds: number | null
  /** `callbackScheduledTime`. */
  readonly dueAtMs: number | null
  readonly attempts: number
  readonly lastAction: string | null
  /** When known (`cc.dispatchedAt`). */
  readonly dispatchedAtMs?: number | null
}

/** Board projection settings: the projection's own, plus the callbacks-ahead weight of the deployed policy. */
export interface BoardProjectionOptions extends ProjectionOptions {
  readonly callbacksAheadWeight?: number
}

/** AHT assumed when neither aggregates nor a usable EWT say anything. */
const FALLBACK_AHT_SECONDS = 300

/**
 * The queue observation the board can build: AHT from aggregates, else inverted from the platform's EWT formula
 * (EWT ≈ AHT × (waiting + 1) / agents), clamped to 30 s – 1 h. Undefined when nobody is on queue.
 */
export function observationFromKpis(kpis: TargetQueueKpis, nowMs: number): QueueObservation | undefined {
  const agents = kpis.agentsOnQueue ?? 0
  if (agents <= 0) return undefined
  const fromEwt =
    kpis.ewtSeconds !== null && kpis.ewtSeconds > 0 && kpis.waiting !== null
      ? (kpis.ewtSeconds * agents) / (kpis.waiting + 1)
      : undefined
  const aht = Math.min(3600, Math.max(30, kpis.ahtSeconds ?? fromEwt ?? FALLBACK_AHT_SECONDS))
  return {
    atMs: nowMs,
    agentsOnQueue: agents,
    ahtSeconds: aht,
    ...(kpis.idleAgents != null ? { idleAgents: kpis.idleAgents } : {}),
    ...(kpis.answeredInWindow !== undefined ? { answeredInWindow: kpis.answeredInWindow } : {}),
    ...(kpis.windowSeconds !== undefined ? { windowSeconds: kpis.windowSeconds } : {}),
    ...(kpis.abandonRatePerSecond !== undefined ? { abandonRatePerSecond: kpis.abandonRatePerSecond } : {})
  }
}

const isLive = (row: ProjectableRow): boolean => row.state === 'waiting' || row.state === 'dispatched'
/** Waiting for a fixed time (retry quarantine or a staff reschedule), not for its place. */
const isParked = (row: ProjectableRow): boolean =>
  row.state === 'waiting' && (row.attempts > 0 || row.lastAction === 'reschedule') && row.dueAtMs !== null

/**
 * Projections of the live rows (waiting or dispatched, with a request time and a promise), by row id. Calls on hold
 * are known only as a count: they are taken to have joined evenly over the last EWT (the head of the line has waited
 * about that long), so a callback whose place is older than that has none of them ahead.
 */
export function projectBoard(
  rows: Iterable<ProjectableRow>,
  kpis: TargetQueueKpis,
  nowMs: number,
  options: BoardProjectionOptions = {}
): Map<string, Projection> {
  const out = new Map<string, Projection>()
  const live: ProjectableRow[] = []
  for (const row of rows) if (isLive(row) && row.requestedAtMs !== null && row.promisedWaitSeconds !== null) live.push(row)
  if (live.length === 0) return out
  live.sort((a, b) => a.requestedAtMs! - b.requestedAtMs! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const observation = observationFromKpis(kpis, nowMs)
  const rate = observation ? estimateServiceRate(observation)?.ratePerSecond : undefined
  const maxWeight = Math.max(0, options.callbacksAheadWeight ?? DEFAULT_VIRTUAL_PLACE_SETTINGS.callbacksAheadWeight)
  const overhead = options.overheadSeconds ?? DEFAULT_POLICY_SETTINGS.overheadSeconds
  const weight = rate === undefined ? maxWeight : callbacksAheadWeightFor(maxWeight, rate, overhead)
  const theta = observation?.abandonRatePerSecond ?? 0
  const waiting = Math.max(0, kpis.waiting ?? 0)
  // the head of the line has waited about one EWT; without one, the QL wait of the whole line
  const spanMs = 1000 * (kpis.ewtSeconds !== null && kpis.ewtSeconds > 0 ? kpis.ewtSeconds : rate ? (waiting + 1) / rate : 0)
  let earlierCallbacks = 0
  for (const row of live) {
    const placeMs = row.requestedAtMs!
    const joinedBefore = spanMs > 0 ? Math.min(1, Math.max(0, (placeMs - (nowMs - spanMs)) / spanMs)) : 1
    const callsAhead = Math.round(waiting * joinedBefore)
    const ahead = callsAhead + Math.round(weight * earlierCallbacks)
    const idle = observation?.idleAgents ?? 0
    let clearing: { clearSeconds: number; waitSeconds: number } | undefined
    if (rate !== undefined) {
      const wait = idle > ahead ? 0 : qlmArithmeticSeconds(ahead, rate, theta)
      clearing = { clearSeconds: ahead === 0 || idle > ahead ? 0 : wait - 1 / rate, waitSeconds: wait }
    }
    const parked = isParked(row)
    const callback = {
      id: row.id,
      requestedAtMs: row.requestedAtMs!,
      promisedWaitSeconds: row.promisedWaitSeconds!,
      state: row.state as 'waiting' | 'dispatched',
      ...(row.dispatchedAtMs != null ? { dispatchedAtMs: row.dispatchedAtMs } : {}),
      ...(parked ? { pinnedDispatchAtMs: row.dueAtMs! } : {})
    }
    out.set(row.id, projectFromClearing(callback, { callsAhead, ahead }, clearing, rate, nowMs, options))
    if (!parked) earlierCallbacks++
  }
  return out
}
