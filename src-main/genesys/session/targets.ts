/**
 * Names for where a session points, as the sign-in screen and the session view show them ("Demo org", or the
 * region's label), and target equality so re-auth knows it is the same org host.
 */
import { findRegion } from '../regions'
import type { SessionTarget } from './sdk-client'

/** The view's `target` and `regionLabel` for a target. */
export function describeTarget(target: SessionTarget): { kind: 'demo' | 'genesys'; label: string } {
  if (target.kind === 'demo') return { kind: 'demo', label: 'Demo org' }
  return { kind: 'genesys', label: findRegion(target.regionId)?.label ?? target.regionId }
}

/** True when both point at the same org host. */
export function sameTarget(a: SessionTarget, b: SessionTarget): boolean {
  if (a.kind === 'region' && b.kind === 'region') return a.regionId === b.regionId
  if (a.kind === 'demo' && b.kind === 'demo') return new URL(a.baseUrl).origin === new URL(b.baseUrl).origin
  return false
}
