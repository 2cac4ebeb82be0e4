/**
 * Seeded randomness and uuid-shaped ids, so a demo org started with the same seed creates the same objects.
 */

/** A deterministic source of uniform numbers in [0, 1). */
export interface SimRandom {
  next(): number
}

/** Produces Genesys-looking ids (lower-case uuid v4 shape). */
export interface IdSource {
  uuid(): string
}

/** mulberry32: tiny, fast, good enough for ids and demo traffic (the model may bring its own streams). */
export function createRandom(seed: number): SimRandom {
  let a = seed >>> 0
  return {
    next(): number {
      a = (a + 0x6d2b79f5) >>> 0
      let t = a
      t = Math.imul(t ^ (t >>> 15), t | 1)
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
  }
}

const HEX = '0123456789abcdef'

/** uuid v4-shaped ids from a seeded stream (independent of the traffic model's streams). */
export function createIdSource(seed: number): IdSource {
  const rnd = createRandom(seed ^ 0x5eed1d5)
  const word = (): number => Math.floor(rnd.next() * 4294967296) >>> 0
  return {
    uuid(): string {
      let s = ''
      for (let i = 0; i < 4; i++) {
        const w = word()
        for (let j = 7; j >= 0; j--) s += HEX[(w >>> (j * 4)) & 15]
      }
      // version 4, variant 10xx
      const variant = HEX[8 + (parseInt(s[16]!, 16) & 3)]
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20, 32)}`
    }
  }
}
