/**
 * What the event handlers get from the model: config, state, policies, the event scheduler and the listener
 * fan-out. Handlers are plain functions over this context so the state stays plain data (forkable).
 */
import { heapPush } from './event-heap'
import { type ModelConfig, type QueueConfig } from './config'
import { type ModelEvent } from './events'
import { type TimingPolicy } from './policy'
import { type Caller, type SimEvent, type SimState } from './state'

/** The handlers' view of the running model. */
export interface SimContext {
  readonly config: ModelConfig
  readonly state: SimState
  policyFor(q: number): TimingPolicy
  /** True when someone listens; handlers skip building event objects otherwise. */
  readonly listening: boolean
  emit(event: ModelEvent): void
  /** Called when a caller is about to accept a callback, before any state changes (the twin fork point). */
  beforeCallbackAccepted(event: SimEvent, caller: Caller): void
}

/** Schedules a future event (ties are broken by insertion order). */
export function schedule(ctx: SimContext, t: number, k: number, q: number, id: number, tok: number): void {
  const s = ctx.state
  heapPush(s.heap, { t, seq: s.seq++, k, q, id, tok })
}

/** The queue's config by index. */
export function queueCfg(ctx: SimContext, q: number): QueueConfig {
  return ctx.config.queues[q]!
}

/** The queue's id by index (for events). */
export function queueId(ctx: SimContext, q: number): string {
  return ctx.config.queues[q]!.id
}
