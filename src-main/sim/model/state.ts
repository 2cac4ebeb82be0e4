/**
 * The model's whole mutable state as plain data (numbers, arrays, typed arrays, Maps of plain objects), so that
 * a counterfactual twin is one `structuredClone` away and a run is fully described by (config, policy, seed).
 * Finished callers are dropped, so the state stays as small as the live system, not the day.
 */
import { createFenwick, type Fenwick } from './fenwick'
import { createStream, Purpose, type StreamState } from './rng'
import { type ModelConfig } from './config'

/** Future-event kinds (numeric for a compact, monomorphic event record). */
export const Ev = {
  Arrival: 0,
  Offer: 1,
  Abandon: 2,
  Answer: 3,
  HandleDone: 4,
  AcwDone: 5,
  Staffing: 6,
  CbWake: 7,
  CbDial: 8,
  CbOutcome: 9,
  CbConfirm: 10
} as const

/** A future event. `id` = caller id or agent index, `tok` = validity token of the entity when scheduled. */
export interface SimEvent {
  t: number
  seq: number
  k: number
  q: number
  id: number
  tok: number
}

/** Where the callback of a caller stands (only live states; terminal ones remove the caller). */
export interface CallbackRec {
  state: 'waiting' | 'dispatched'
  requestedAt: number
  promisedWaitSeconds: number
  scheduledAt: number
  priority: number
  attempts: number
  /** Time fixed by staff or a retry: dispatch at scheduledAt, no policy review. */
  fixedTime: boolean
  /** Invalidates scheduled wake / dial / outcome / confirm events when bumped. */
  tok: number
  stage: 'sleeping' | 'latency' | 'ringing' | 'confirming'
  /** Draws of the current attempt (from the caller's dial stream for that attempt). */
  outcome: number
  ring: number
  confirm: number
  yes: boolean
  menuFail: boolean
}

/** One caller, from arrival until the end of their conversation (or abandonment / callback end). */
export interface Caller {
  id: number
  q: number
  /** Arrival index within the queue: the key of the caller's random streams. */
  idx: number
  arrivalAt: number
  handle: number
  patience: number
  choiceU: number
  phase: 'queued' | 'alerting' | 'interacting' | 'callback'
  /** Bumped whenever the caller leaves the target queue: invalidates its waiting entry, offer and abandon events. */
  tok: number
  enqueuedAt: number
  priority: number
  /** Entry order of the current stay in the target queue. */
  order: number
  /** Entry order at arrival: the virtual place a callback keeps. */
  place: number
  agent: number
  cb: CallbackRec | undefined
  /** This caller requested a callback (kept after it connected, for the `answered` event). */
  viaCallback: boolean
}

/** An entry of the target queue's priority heap (lazy deletion: stale when the caller's tok moved on). */
export interface WaitEntry {
  p: number
  o: number
  id: number
  tok: number
}

/** One agent of a queue. */
export interface Agent {
  state: 'off' | 'idle' | 'alerting' | 'interacting' | 'acw'
  leaving: boolean
  caller: number
}

/** Exponentially weighted (time constant = stats window) statistics, plus exact sliding-window counts. */
export interface QueueStats {
  decayAt: number
  /** ∫ queue length · decay, i.e. seconds waited (for θ = abandons / seconds waited). */
  area: number
  abandons: number
  arrivals: number
  handleSum: number
  handleCount: number
  /** Ring buffer of recent service-start times for `answeredInWindow`. */
  starts: Float64Array
  startsHead: number
  startsLen: number
  les: number[]
  totalAnswered: number
  totalAbandoned: number
  totalHandle: number
  totalCompleted: number
}

/** Per-queue state. */
export interface QueueState {
  arrivalRng: StreamState
  arrivals: number
  nextOrder: number
  waiting: WaitEntry[]
  waitingCount: number
  priorityWaiting: number
  /** Marks priority-0 callers waiting, by entry order. */
  hold: Fenwick
  /** Marks callbacks not yet back in the queue, by their virtual place. */
  pending: Fenwick
  pendingCount: number
  holdingOpen: number
  leaked: number
  agents: Agent[]
  /** Idle agents, longest idle first. */
  idle: number[]
  scheduledAgents: number
  busy: number
  acw: number
  leaving: number
  stats: QueueStats
}

/** The model's state. */
export interface SimState {
  now: number
  seq: number
  heap: SimEvent[]
  queues: QueueState[]
  callers: Map<number, Caller>
  nextCallerId: number
  /** Twin override: this caller never takes a callback nor abandons (−1 = none). */
  holdForever: number
  /** Twin watch: record when this caller is answered (−1 = none). */
  watch: number
  watchAnsweredAt: number
}

function createStats(): QueueStats {
  return {
    decayAt: 0,
    area: 0,
    abandons: 0,
    arrivals: 0,
    handleSum: 0,
    handleCount: 0,
    starts: new Float64Array(256),
    startsHead: 0,
    startsLen: 0,
    les: [],
    totalAnswered: 0,
    totalAbandoned: 0,
    totalHandle: 0,
    totalCompleted: 0
  }
}

/** The state at t = 0 before any event: empty queues, no agents yet (the first staffing event adds them). */
export function createState(config: ModelConfig): SimState {
  return {
    now: 0,
    seq: 0,
    heap: [],
    queues: config.queues.map((_, qi) => ({
      arrivalRng: createStream(config.seed, Purpose.Arrivals, qi),
      arrivals: 0,
      nextOrder: 0,
      waiting: [],
      waitingCount: 0,
      priorityWaiting: 0,
      hold: createFenwick(),
      pending: createFenwick(),
      pendingCount: 0,
      holdingOpen: 0,
      leaked: 0,
      agents: [],
      idle: [],
      scheduledAgents: 0,
      busy: 0,
      acw: 0,
      leaving: 0,
      stats: createStats()
    })),
    callers: new Map(),
    nextCallerId: 1,
    holdForever: -1,
    watch: -1,
    watchAnsweredAt: -1
  }
}

/**
 * Deep copy for forks and twins, hand-written because it runs once per callback requester (≈10× faster than
 * `structuredClone`). Event and waiting-line entries are never mutated once created, so their arrays are copied
 * shallowly; everything mutable is copied. Keep in step with the types above (a test compares it with
 * `structuredClone`).
 */
export function cloneState(s: SimState): SimState {
  const callers = new Map<number, Caller>()
  for (const [id, c] of s.callers) callers.set(id, { ...c, cb: c.cb ? { ...c.cb } : undefined })
  return {
    ...s,
    heap: s.heap.slice(),
    callers,
    queues: s.queues.map((q) => ({
      ...q,
      arrivalRng: q.arrivalRng.slice(),
      waiting: q.waiting.slice(),
      hold: { tree: q.hold.tree.slice(), size: q.hold.size },
      pending: { tree: q.pending.tree.slice(), size: q.pending.size },
      agents: q.agents.map((a) => ({ ...a })),
      idle: q.idle.slice(),
      stats: { ...q.stats, starts: q.stats.starts.slice(), les: q.stats.les.slice() }
    }))
  }
}
