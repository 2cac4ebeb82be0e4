/**
 * The few services every domain store needs from the demo org, as small interfaces so the stores stay plain
 * classes testable without the server, and so sim-core's `SimOrg` can satisfy them with an adapter.
 */
import type { SimPublish } from '../../http/types'

/** A cancellable timer handle on the org's clock (real time, scaled, or virtual). */
export interface TimerHandle {
  cancel(): void
}

/** The org's clock plus timers on it; one source of time so `--speed` and virtual time work for every domain. */
export interface DomainClock {
  /** Epoch milliseconds in org time. */
  now(): number
  /** Runs `fn` once after `delayMs` of org time. */
  after(delayMs: number, fn: () => void): TimerHandle
}

/** Seeded randomness so every run with one seed behaves the same. */
export interface DomainRandom {
  /** Uniform in [0, 1). */
  next(): number
}

/** Seeded ids (GUID-shaped like Genesys ids). */
export interface DomainIds {
  next(): string
}

/** Everything a domain store receives at construction. */
export interface DomainContext {
  readonly clock: DomainClock
  readonly random: DomainRandom
  readonly ids: DomainIds
  readonly publish: SimPublish
}

/** ISO-8601 with milliseconds and `Z`, as Genesys writes dates. */
export function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString()
}
