/**
 * The demo org container every domain hangs off: clock, seeded ids and randomness, the event sink, the routing,
 * and conversation stores, plus typed slots other domain modules fill (outbound, integrations, architect,
 * telephony, the traffic model). Usable without the HTTP server (benchmarks run it in virtual time).
 */
import { RealTimeClock, type SimClock } from './clock'
import { ConversationStore, DEFAULT_ENDED_RETENTION } from './conversation-store'
import type { SimEventSink } from './conversation-notifier'
import { createIdSource, createRandom, type IdSource, type SimRandom } from './ids'
import { RoutingStore } from './routing-store'
import type { SimPublish } from '../http/types'

/**
 * Slots filled by other demo-org domains. Extend it from your module with declaration merging, e.g.
 * `declare module '../org/org' { interface SimOrgDomains { outbound: OutboundStore } }`,
 * then set `org.outbound = …` in your setup function; readers get the type for free.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SimOrgDomains {}

/** The whole demo org state. Mutate only through the stores so indexes and notifications stay consistent. */
export interface SimOrg extends Partial<SimOrgDomains> {
  /** Organization id (reported by tokens/me, users/me, system messages). */
  readonly id: string
  readonly name: string
  readonly clock: SimClock
  readonly ids: IdSource
  /** Seeded uniform randomness for domain behaviour (dial outcomes, delays); the model may use its own streams. */
  readonly random: SimRandom
  /** Publishes a notification event to every channel subscribed to the topic (no-op when none). */
  readonly publish: SimPublish
  /** True when some channel subscribes to `topic`: check before building an expensive body. */
  isWatched(topic: string): boolean
  readonly routing: RoutingStore
  readonly conversations: ConversationStore
  /** Registers cleanup (timers, intervals) run by `dispose()`, e.g. from the traffic model or the dialer. */
  onDispose(fn: () => void): void
  /** Cancels every timer and runs the registered cleanups. Idempotent. */
  dispose(): void
}

export interface CreateSimOrgOptions {
  /** Seed for ids and `org.random` (default 1). */
  seed?: number
  /** Default: real time at speed 1. Pass a VirtualClock for benchmarks. */
  clock?: SimClock
  /** Where events go (the server passes its notification hub); default drops everything. */
  sink?: SimEventSink
  orgName?: string
  endedRetention?: number
}

/** A sink that drops every event (library / benchmark use without the server). */
export const nullSink: SimEventSink = { publish: () => undefined, isWatched: () => false }

/** Builds an empty org (a Home division, nothing else). Seeding is done by `seedDemoOrg`. */
export function createSimOrg(options: CreateSimOrgOptions = {}): SimOrg {
  const seed = options.seed ?? 1
  const clock = options.clock ?? new RealTimeClock()
  const ids = createIdSource(seed)
  const sink = options.sink ?? nullSink
  const routing = new RoutingStore(ids, clock)
  const conversations = new ConversationStore(routing, clock, ids, sink, options.endedRetention ?? DEFAULT_ENDED_RETENTION)
  const cleanups: Array<() => void> = []
  let disposed = false
  return {
    id: ids.uuid(),
    name: options.orgName ?? 'Callback Console Demo',
    clock,
    ids,
    random: createRandom(seed),
    publish: (topic, body) => sink.publish(topic, body),
    isWatched: (topic) => sink.isWatched(topic),
    routing,
    conversations,
    onDispose: (fn) => void cleanups.push(fn),
    dispose: () => {
      if (disposed) return
      disposed = true
      for (const fn of cleanups.splice(0).reverse()) {
        try {
          fn()
        } catch (e: unknown) {
          console.error('[DemoOrg] cleanup failed', e)
        }
      }
      clock.dispose()
    }
  }
}
