/** Small shared helpers of the flow emulation: who acts, waiting on the org clock, seeded choices. */
import type { Actor } from '../../../core/lifecycle-model'
import type { SimOrg } from '../../org/org'

/** The deployed flow as the `cc.actedBy` actor. */
export function flowActor(id: string, name: string): Actor {
  return { kind: 'flow', id, name }
}

/** Resolves after `ms` of org time. */
export function sleep(org: SimOrg, ms: number): Promise<void> {
  return new Promise((resolve) => void org.clock.schedule(ms, resolve))
}

/** Uniform in [lo, hi) from the org's seeded source. */
export function between(org: SimOrg, lo: number, hi: number): number {
  return lo + org.random.next() * (hi - lo)
}

/** Architect's `ToInt` on a string: integer part, or undefined when it is not a number. */
export function toInt(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined
  const n = Number(text.trim())
  return Number.isFinite(n) ? Math.trunc(n) : undefined
}
