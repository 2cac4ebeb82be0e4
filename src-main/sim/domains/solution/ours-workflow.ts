/**
 * The deployed ("ours") workflow, emulated natively on the lifecycle contract: duplicate check on the caller's
 * number, a placeholder with `cc.*` attributes, wake-ups every slice that re-read `callbackScheduledTime` (so a
 * reschedule is honoured), dispatch through core's lifecycle machine, and it keeps watching until the callback
 * reaches a terminal state (retries come back as `waiting` with a new due time). With a timing seam (the default:
 * the deployed virtual-place policy, ours-timing.ts) each wake asks the policy whether to dial now; it writes the
 * policy's planned dial time to `callbackScheduledTime` when it moves ≥ 30 s, and a time it did not write itself
 * (staff reschedule, retry) is a pin. Without one, it dials when `callbackScheduledTime` is reached.
 */
import { decide, initialAttributes } from '../../../core/lifecycle'
import { CC, isTerminalState, type LifecycleState } from '../../../core/lifecycle-model'
import type { SimOrg } from '../../org/org'
import type { WorkflowOutcome, WorkflowRun } from '../architect/flow-executions'
import { findDeployment, workflowWiring } from './deployment'
import { flowActor, toInt } from './flow-actor'
import type { OursTiming } from './ours-timing'
import { applyEffects, truthOf } from './placeholder'

/** Timing knobs of the deployed workflow (guided setup's wait slice, Architect's run limit). */
export interface OursWorkflowOptions {
  /** Longest sleep between two looks at the callback (guided setup's "wait slice"). */
  readonly sliceSeconds: number
  /** Architect's maximum workflow running time; the emulation stops watching after it. */
  readonly maxRunSeconds: number
}

/** A planned dial time is written back only when it moved at least this much (API budget, like the model's). */
const PLAN_UPDATE_MS = 30_000

/** Thirty-second slices, one day at most. */
export const DEFAULT_OURS_WORKFLOW: OursWorkflowOptions = { sliceSeconds: 30, maxRunSeconds: 24 * 3600 }

const REASONS: Readonly<Record<LifecycleState, string>> = {
  waiting: 'Waiting',
  dispatched: 'Dispatched',
  connected: 'Connected',
  declined: 'Declined',
  unreached: 'Unreached',
  cancelled: 'CallbackCanceled'
}

/** Conversations some running workflow is watching (the dial follow-up re-dispatches the others itself). */
export type WatchSet = Set<string>

/** Starts one execution of the ours workflow. */
export function runOursWorkflow(
  org: SimOrg,
  run: WorkflowRun,
  finish: (o: WorkflowOutcome) => void,
  watched: WatchSet,
  options: OursWorkflowOptions,
  timing: OursTiming | null = null
): void {
  const outbound = org.outbound!
  const phone = run.inputs['Flow.phone']?.trim()
  if (!phone) return finish({ status: 'COMPLETED', completionReason: 'NoPhoneNumber' })
  const wiring = workflowWiring(org, run.flow)
  if (!wiring.holdingQueueId || !wiring.contactListId) {
    return finish({
      status: 'FAILED',
      error: { code: 'flow.configuration', message: 'The workflow is not wired to a holding queue and a contact list.' }
    })
  }
  const actor = flowActor(run.flow.id, run.flow.name)
  const name = run.inputs['Flow.name'] ?? 'unknown'
  const delaySeconds = Math.max(0, toInt(run.inputs['Flow.delaySeconds']) ?? (toInt(run.inputs['Flow.delay']) ?? 5) * 60)
  const duplicate = org.conversations.listWaiting(wiring.holdingQueueId, 'callback').find((c) => {
    const state = truthOf(org, c.id)?.record.state
    return c.callback?.callbackNumbers[0] === phone && (state === 'waiting' || state === 'dispatched')
  })
  if (duplicate)
    return finish({ status: 'COMPLETED', completionReason: 'Duplicate', outputData: { 'Flow.callbackId': duplicate.id } })
  const now = org.clock.now()
  const queuedAt = run.inputs['Flow.queuedAt']?.trim()
  let plannedDueMs = now + delaySeconds * 1000
  const conv = org.conversations.createCallback({
    queueId: wiring.holdingQueueId,
    callbackNumbers: [phone],
    callbackUserName: name,
    callbackScheduledTime: plannedDueMs,
    data: {
      ...initialAttributes({ actor, requestedAtMs: now, promisedWaitSeconds: delaySeconds }),
      ...(queuedAt && !Number.isNaN(Date.parse(queuedAt)) ? { [CC.queuedAt]: queuedAt } : {})
    }
  })
  const targetQueueId = timing ? findDeployment(org).targetQueueId : undefined
  const id = conv.id
  watched.add(id)
  const startedAt = now
  const done = (outcome: WorkflowOutcome): void => {
    watched.delete(id)
    finish({ ...outcome, outputData: { ...(outcome.outputData ?? {}), 'Flow.callbackId': id } })
  }
  const tick = (): void => {
    const truth = truthOf(org, id)
    if (!truth) return done({ status: 'COMPLETED', completionReason: 'CallbackGone' })
    const t = org.clock.now()
    if (isTerminalState(truth.record.state)) return done({ status: 'COMPLETED', completionReason: REASONS[truth.record.state] })
    if (t - startedAt >= options.maxRunSeconds * 1000) return done({ status: 'TERMINATED', completionReason: 'MaxRunningTime' })
    let state: LifecycleState = truth.record.state
    let wakeAt: number | undefined
    const dispatchNow = (markDialTime = false): void => {
      const decision = decide(truth, { kind: 'dispatch', actor }, { nowMs: t })
      if (!decision.ok) return
      // the scheduled time becomes the dial time, so consoles and reports see when it was really dialled
      if (markDialTime && truth.dueAtMs !== t) org.conversations.patchCallback(id, { callbackScheduledTime: t })
      applyEffects(org, outbound, wiring.contactListId, id, decision.effects)
      state = decision.to
    }
    if (state === 'waiting' && timing && targetQueueId) {
      const input = { conversationId: id, truth, holdingQueueId: wiring.holdingQueueId!, targetQueueId, plannedDueMs, nowMs: t }
      const decision = timing.decide(org, input)
      if (decision.kind === 'dispatch') dispatchNow(true)
      else {
        wakeAt = decision.wakeAtMs
        const pinned = truth.dueAtMs !== null && truth.dueAtMs !== plannedDueMs
        if (!pinned && Math.abs(decision.plannedDispatchAtMs - plannedDueMs) >= PLAN_UPDATE_MS) {
          plannedDueMs = Math.round(decision.plannedDispatchAtMs)
          org.conversations.patchCallback(id, { callbackScheduledTime: plannedDueMs })
        }
      }
    } else if (state === 'waiting' && (truth.dueAtMs ?? t) <= t) dispatchNow()
    const due = truthOf(org, id)?.dueAtMs ?? t
    const slice = t + options.sliceSeconds * 1000
    const next =
      state !== 'waiting'
        ? slice
        : wakeAt !== undefined
          ? Math.min(slice, Math.max(wakeAt, t + 1000))
          : Math.min(slice, Math.max(due, t + 1000))
    org.clock.schedule(next - t, tick)
  }
  org.clock.schedule(Math.min(delaySeconds, options.sliceSeconds) * 1000, tick)
}
