/** Integer in [lo, hi] from a uniform source, for property-style tests driven by core/clock's seeded PRNG. */
export function randomInt(random: () => number, lo: number, hi: number): number {
  return lo + Math.floor(random() * (hi - lo + 1))
}
