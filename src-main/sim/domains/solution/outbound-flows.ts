/**
 * What the outbound flow does once the campaign hands it a live answer: "Do you still want to speak with an
 * agent?" (ours: keypad or speech; blueprint: speech only), then confirm → disconnect the placeholder and
 * transfer to the target queue with a priority, or decline → thank and hang up. The caller's answers are seeded.
 */
import { decide, type RetryPolicy } from '../../../core/lifecycle'
import type { DialOutcome } from '../../../core/lifecycle-model'
import type { SimOrg } from '../../org/org'
import type { OutboundFlowCall } from '../outbound/dialer'
import { outboundTarget } from './deployment'
import { between, flowActor, sleep, toInt } from './flow-actor'
import type { OursTiming } from './ours-timing'
import { applyEffects, truthOf } from './placeholder'

/** Shares of caller answers at the menu. */
export interface CallerAnswers {
  readonly yes: number
  readonly no: number
  /** Hangs up / no match after the retries: ours counts it as a failed attempt, the blueprint does nothing. */
  readonly noAnswer: number
}

/** Keypad or speech: most callers who asked for a callback still want an agent. */
export const OURS_ANSWERS: CallerAnswers = { yes: 0.86, no: 0.1, noAnswer: 0.04 }
/** Speech-only recognition loses more callers. */
export const BLUEPRINT_ANSWERS: CallerAnswers = { yes: 0.78, no: 0.1, noAnswer: 0.12 }

function answer(org: SimOrg, shares: CallerAnswers): 'yes' | 'no' | 'none' {
  const r = org.random.next() * (shares.yes + shares.no + shares.noAnswer)
  return r < shares.yes ? 'yes' : r < shares.yes + shares.no ? 'no' : 'none'
}

function endCall(org: SimOrg, conversationId: string | undefined): void {
  const conv = conversationId ? org.conversations.get(conversationId) : undefined
  if (conv && conv.phase !== 'ended') org.conversations.disconnect(conv.id, 'client')
}

/** Ours: records answered / declined / failed through the lifecycle machine, then transfers or hangs up. */
export async function runOursOutboundFlow(
  org: SimOrg,
  call: OutboundFlowCall,
  retry: RetryPolicy,
  timing: OursTiming | null = null
): Promise<void> {
  await sleep(org, between(org, 6_000, 15_000))
  const callbackId = call.contact.data.callbackId
  const truth = callbackId ? truthOf(org, callbackId) : undefined
  if (!truth || truth.record.state !== 'dispatched') return endCall(org, call.conversationId)
  const reply = answer(org, OURS_ANSWERS)
  const outcome: DialOutcome = reply === 'yes' ? 'answered' : reply === 'no' ? 'declined' : 'failed'
  const decision = decide(
    truth,
    { kind: 'outcome', actor: flowActor(call.flowId, call.flowName), outcome, retry },
    { nowMs: org.clock.now() }
  )
  if (decision.ok) applyEffects(org, org.outbound!, call.contact.contactListId, truth.conversationId, decision.effects)
  const target = outboundTarget(org, call.flowId)
  const conv = call.conversationId ? org.conversations.get(call.conversationId) : undefined
  if (reply === 'yes' && target && conv && conv.phase !== 'ended') {
    const now = org.clock.now()
    const waitedMinutes = truth.record.requestedAtMs === null ? 0 : (now - truth.record.requestedAtMs) / 60_000
    const customer = org.conversations.get(truth.conversationId)
    const attributes = (customer && org.conversations.customerOf(customer)?.attributes) ?? {}
    // the policy's priority puts the caller back at their virtual place (TimestampAndPriority: 1 point = 1 minute)
    const priority = timing ? timing.transferPriority(truth, attributes, now) : Math.max(1, Math.round(waitedMinutes))
    org.conversations.transferToQueue(conv.id, target, { priority })
    return
  }
  endCall(org, call.conversationId)
}

/** Blueprint: speech-only menu; both branches run "Disconnect callback"; a no-match leaves the placeholder. */
export async function runBlueprintOutboundFlow(org: SimOrg, call: OutboundFlowCall): Promise<void> {
  await sleep(org, between(org, 6_000, 15_000))
  const reply = answer(org, BLUEPRINT_ANSWERS)
  if (reply === 'none') return endCall(org, call.conversationId)
  const category = org.architect?.flows.published(call.flowId)?.flow.dataActions[0]?.category
  const callbackId = call.contact.data.callbackId
  await org.integrations!.runByName(category, 'Disconnect callback', callbackId ? { conversationId: callbackId } : {})
  const target = outboundTarget(org, call.flowId)
  const conv = call.conversationId ? org.conversations.get(call.conversationId) : undefined
  if (reply === 'yes' && target && conv && conv.phase !== 'ended') {
    // Transfer to ACD priority = If(IsNotSetOrEmpty(Call.Contact.delay), 0, ToInt(Call.Contact.delay))
    org.conversations.transferToQueue(conv.id, target, { priority: toInt(call.contact.data.delay) ?? 0 })
    return
  }
  endCall(org, call.conversationId)
}
