/**
 * Supervisors at other consoles: a small, seeded share of waiting callbacks is cancelled by a person with a
 * reason, through core's lifecycle machine and the same effects a console applies (record who and why, make a
 * dispatched contact uncallable, disconnect the placeholder). Gives a history day its "cancelled — by whom, why".
 */
import { decide } from '../../core/lifecycle'
import type { Actor } from '../../core/lifecycle-model'
import { findDeployment } from '../domains/index'
import { applyEffects, truthOf } from '../domains/solution/placeholder'
import { nextUniform, seedStream } from '../model/rng'
import type { SimOrg } from '../org/org'
import { TrafficPurpose } from './callers'
import type { TrafficDriver } from './traffic-driver'

/** Why supervisors cancel callbacks. */
export const CANCEL_REASONS = [
  'Customer called back in and was helped',
  'Resolved by email',
  'Duplicate request',
  'Customer asked us not to call',
  'Wrong number given'
] as const

/** The supervisor who acts: a user outside the target queue (the seed's "Dana Supervisor"), else the console. */
export function supervisorActor(org: SimOrg, targetQueueId: string): Actor {
  const members = org.routing.membersOf(targetQueueId)
  for (const u of org.routing.users.values()) if (!members.has(u.id)) return { kind: 'user', id: u.id, name: u.name }
  return { kind: 'system', id: 'callback-console', name: 'Callback Console' }
}

const scratch = new Int32Array(4)

/**
 * Watches new placeholders and cancels the seeded share of them partway through their wait. The picks are
 * systematic (every 1/share-th placeholder from a seeded start), so a day of 30 callbacks at 10 % has its three
 * cancellations rather than, by luck of the draw, none.
 */
export function startStaffCancels(driver: TrafficDriver): () => void {
  const { org, config } = driver
  let seen = 0
  let carry = nextUniform(seedStream(scratch, config.seed, TrafficPurpose.StaffCancel, 1, 0))
  return org.conversations.onChange((conv, change) => {
    if (change !== 'created' || conv.media !== 'callback') return
    const holding = findDeployment(org).holdingQueueId
    if (!holding || conv.queueId !== holding) return
    const stream = seedStream(scratch, config.seed, TrafficPurpose.StaffCancel, 0, seen++)
    carry += config.staffCancelShare
    if (carry < 1) return
    carry -= 1
    const now = org.clock.now()
    const due = conv.callback?.callbackScheduledTime ?? now + 60_000
    const afterMs = Math.max(15_000, (0.1 + 0.5 * nextUniform(stream)) * (due - now))
    const reason = CANCEL_REASONS[Math.floor(nextUniform(stream) * CANCEL_REASONS.length)]!
    const id = conv.id
    driver.after(afterMs, () => {
      const truth = truthOf(org, id)
      if (!truth || truth.record.state !== 'waiting') return
      const actor = supervisorActor(org, driver.targetQueueId)
      const decision = decide(truth, { kind: 'cancel', actor, reason }, { nowMs: org.clock.now() })
      if (!decision.ok || !org.outbound) return
      applyEffects(org, org.outbound, findDeployment(org).contactListId, id, decision.effects)
      driver.counters.staffCancels++
    })
  })
}
