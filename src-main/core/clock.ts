/**
 * The time and randomness the functional core is allowed to see. Services pass `Date.now` and `Math.random`;
 * tests and benchmarks pass fixed or seeded ones, so every policy in core is reproducible.
 */

/** Current time as epoch milliseconds; injected so pure code never reads the wall clock itself. */
export type Clock = () => number

/** Uniform random number in [0, 1); injected so jitter and ids are reproducible under test. */
export type Random = () => number

/** A clock stuck at one instant (or moved by hand): the clock core tests and replays use. */
export interface ManualClock {
  readonly now: Clock
  set(ms: number): void
  advance(ms: number): void
}

/** Builds a ManualClock starting at `startMs`, for tests and virtual-time replays. */
export function manualClock(startMs: number): ManualClock {
  let current = startMs
  return {
    now: () => current,
    set: (ms) => {
      current = ms
    },
    advance: (ms) => {
      current += ms
    }
  }
}

/**
 * Small, fast, seedable PRNG (mulberry32) so property tests and demo traffic replay the same sequence for a
 * seed; not for anything security-related.
 */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A random hex id (128 bits by default) from the injected source: audit records, action ids, test fixtures. */
export function randomId(random: Random, bytes = 16): string {
  let out = ''
  for (let i = 0; i < bytes; i++)
    out += Math.floor(random() * 256)
      .toString(16)
      .padStart(2, '0')
  return out
}
