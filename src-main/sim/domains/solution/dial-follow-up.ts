/**
 * Ours only: what the deployed flows do after an attempt that did not reach the outbound flow's menu — record the
 * outcome (busy / no answer / machine / invalid / failed) through the lifecycle machine, which either schedules a
 * retry (`waiting` with a new due time) or ends the callback `unreached` and disconnects its placeholder, so the
 * holding queue never keeps dead callbacks. Callbacks no workflow watches are re-dispatched here when due.
 */
import { decide, type RetryPolicy } from '../../../core/lifecycle'
import type { DialOutcome } from '../../../core/lifecycle-model'
import type { SimOrg } from '../../org/org'
import type { DialAttempt } from '../outbound/dialer'
import type { Disposition } from '../outbound/response-set-store'
import { flowActor } from './flow-actor'
import { applyEffects, truthOf } from './placeholder'

/** Call-analysis disposition → the contract's dial outcome. */
export function outcomeOf(disposition: Disposition): DialOutcome {
  switch (disposition) {
    case 'callable.busy':
      return 'busy'
    case 'callable.noanswer':
      return 'no-answer'
    case 'callable.machine':
      return 'machine'
    case 'uncallable.notfound':
    case 'uncallable.sit':
      return 'invalid'
    default:
      return 'failed'
  }
}

/** Handles one finished attempt; `watched` = conversations a running workflow already wakes up for. */
export function followUp(org: SimOrg, attempt: DialAttempt, retry: RetryPolicy, watched: ReadonlySet<string>): void {
  if (attempt.transferredToFlow) return
  const outbound = org.outbound!
  const contact = outbound.contactLists.contact(attempt.contactListId, attempt.contactId)
  const callbackId = contact?.data.callbackId
  if (!callbackId) return
  const truth = truthOf(org, callbackId)
  if (!truth || truth.record.state !== 'dispatched') return
  if (truth.record.contactId && truth.record.contactId !== attempt.contactId) return
  const campaign = outbound.campaigns.find(attempt.campaignId)
  const actor = flowActor(attempt.campaignId, campaign ? `${campaign.name} dialer` : 'Campaign dialer')
  const decision = decide(
    truth,
    { kind: 'outcome', actor, outcome: outcomeOf(attempt.disposition), retry },
    { nowMs: org.clock.now() }
  )
  if (!decision.ok) return
  applyEffects(org, outbound, attempt.contactListId, callbackId, decision.effects)
  if (decision.to === 'waiting' && !watched.has(callbackId)) {
    org.clock.schedule(retry.retryDelaySeconds * 1000, () => redispatch(org, callbackId, attempt.contactListId, actor))
  }
}

function redispatch(org: SimOrg, callbackId: string, contactListId: string, actor: ReturnType<typeof flowActor>): void {
  const truth = truthOf(org, callbackId)
  if (!truth || truth.record.state !== 'waiting') return
  const now = org.clock.now()
  if ((truth.dueAtMs ?? now) > now) {
    org.clock.schedule((truth.dueAtMs ?? now) - now, () => redispatch(org, callbackId, contactListId, actor))
    return
  }
  const decision = decide(truth, { kind: 'dispatch', actor }, { nowMs: now })
  if (decision.ok) applyEffects(org, org.outbound!, contactListId, callbackId, decision.effects)
}
