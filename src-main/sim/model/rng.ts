/**
 * Seeded random numbers with one independent stream per purpose and entity, so that runs are reproducible and
 * two policies fed the same seed see the same callers (common random numbers): caller 17's handle time does not
 * change because a different policy made caller 12 draw one more number.
 *
 * Generator: sfc32 (Chris Doty-Humphrey's small fast counting PRNG, 128-bit state), seeded through a murmur3-style
 * mixer of (seed, purpose, a, b, c). States are plain number arrays so the model's state can be deep-copied.
 */

/** Which part of the model a stream feeds; one stream per (purpose, entity) keeps draws independent. */
export const Purpose = {
  Arrivals: 1,
  Handle: 2,
  Patience: 3,
  Choice: 4,
  Dial: 5,
  RequeuePatience: 6
} as const

/** A stream's whole state: four 32-bit words (a typed array: no boxing, and `structuredClone` copies it). */
export type StreamState = Int32Array

function fmix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

function mix(h: number, k: number): number {
  k = Math.imul(k | 0, 0xcc9e2d51)
  k = (k << 15) | (k >>> 17)
  k = Math.imul(k, 0x1b873593)
  h ^= k
  h = (h << 13) | (h >>> 19)
  return (Math.imul(h, 5) + 0xe6546b64) | 0
}

/** Seeds `out` (length 4) for the stream identified by (seed, purpose, a, b, c) and returns it. */
export function seedStream(out: StreamState, seed: number, purpose: number, a = 0, b = 0, c = 0): StreamState {
  // Seeds may exceed 32 bits (e.g. Date.now()); fold the high part in rather than dropping it.
  const lo = seed >>> 0
  const hi = Math.floor(seed / 4294967296) >>> 0
  let h = mix(mix(mix(mix(mix(mix(0x9e3779b9, lo), hi), purpose), a), b), c)
  for (let i = 0; i < 4; i++) {
    h = mix(h, i + 0x632be5ab)
    out[i] = fmix32(h)
  }
  if ((out[0]! | out[1]! | out[2]!) === 0) out[0] = 1
  // The words are already well mixed; a few rounds decorrelate streams whose keys differ in one bit.
  for (let i = 0; i < 8; i++) nextUniform(out)
  return out
}

/** Creates a fresh stream state for (seed, purpose, a, b, c). */
export function createStream(seed: number, purpose: number, a = 0, b = 0, c = 0): StreamState {
  return seedStream(new Int32Array(4), seed, purpose, a, b, c)
}

/** Next uniform number in [0, 1) from the stream (advances it). */
export function nextUniform(s: StreamState): number {
  let a = s[0]!
  let b = s[1]!
  let c = s[2]!
  let d = s[3]!
  const t = (((a + b) | 0) + d) | 0
  d = (d + 1) | 0
  a = b ^ (b >>> 9)
  b = (c + (c << 3)) | 0
  c = (c << 21) | (c >>> 11)
  c = (c + t) | 0
  s[0] = a
  s[1] = b
  s[2] = c
  s[3] = d
  return (t >>> 0) / 4294967296
}

/** Exponential(1) variate by inversion (one uniform, so it is monotone in the underlying number). */
export function nextExp1(s: StreamState): number {
  return -Math.log(1 - nextUniform(s))
}

/** Standard normal variate (Box–Muller, two uniforms, the sine half discarded to keep streams simple). */
export function nextNormal(s: StreamState): number {
  const u1 = 1 - nextUniform(s)
  const u2 = nextUniform(s)
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2)
}
