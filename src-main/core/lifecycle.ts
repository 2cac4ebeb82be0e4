/**
 * The callback lifecycle as a pure state machine: given the current truth of a callback (read fresh from
 * Genesys Cloud) and a command, either the attribute patch plus the ordered side effects to perform, or a clear
 * conflict (`already-cancelled by …`). Console commands, the demo org's flow emulation and tests share it, so
 * "cancel", "reschedule", "call now", the workflow's dispatch and dial outcomes mean the same thing everywhere.
 *
 * Effect order is part of the contract: every change ends with an attribute write carrying a fresh `cc.actedAt`
 * (or with the disconnect), so notification readers can order events by time (see board/event-order.ts).
 */
import { assertNever } from './assert-never'
import { cleanActorName, cleanAttributeText, isoOf } from './attribute-values'
import {
  CC,
  contactIdFor,
  isTerminalState,
  type Actor,
  type AttributePatch,
  type DialOutcome,
  type LifecycleAction,
  type LifecycleState
} from './lifecycle-model'
import type { LifecycleRecord } from './lifecycle-record'

/** How unanswered callbacks are retried by the deployed flows (and the demo org). */
export interface RetryPolicy {
  /** Dial attempts in total before the callback is `unreached`. */
  readonly maxAttempts: number
  readonly retryDelaySeconds: number
}

/** Three attempts, fifteen minutes apart. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, retryDelaySeconds: 900 }

/** Something to do to a callback, as requested by a console user or a flow. */
export type LifecycleCommand =
  | { readonly kind: 'dispatch'; readonly actor: Actor }
  | { readonly kind: 'call-now'; readonly actor: Actor; readonly reason?: string }
  | { readonly kind: 'reschedule'; readonly actor: Actor; readonly dueAtMs: number; readonly reason?: string }
  | { readonly kind: 'cancel'; readonly actor: Actor; readonly reason: string }
  | { readonly kind: 'outcome'; readonly actor: Actor; readonly outcome: DialOutcome; readonly retry?: RetryPolicy }

/** The freshest known truth of one callback. */
export interface CallbackTruth {
  readonly conversationId: string
  readonly record: LifecycleRecord
  /** Current `callbackScheduledTime` in epoch ms (null = as soon as possible). */
  readonly dueAtMs: number | null
}

/** Why a command cannot be applied; `at` is an ISO timestamp, `by` a display name, when known. */
export type LifecycleConflict =
  | { readonly code: 'already-cancelled'; readonly by: string | null; readonly at: string | null; readonly message: string }
  | { readonly code: 'already-dispatched'; readonly by: string | null; readonly at: string | null; readonly message: string }
  | { readonly code: 'already-finished'; readonly state: LifecycleState; readonly at: string | null; readonly message: string }
  | { readonly code: 'not-dispatched'; readonly message: string }
  | { readonly code: 'time-in-past'; readonly message: string }
  | { readonly code: 'invalid-time'; readonly message: string }
  | { readonly code: 'reason-required'; readonly message: string }

/** One side effect, in the order it must be performed. */
export type LifecycleEffect =
  | { readonly kind: 'write-attributes'; readonly attributes: AttributePatch }
  | { readonly kind: 'set-scheduled-time'; readonly dueAt: string }
  /** Append with `priority=true` and `doNotQueue=true`: a repeat append of the same id never re-dials. */
  | { readonly kind: 'append-contact'; readonly contactId: string; readonly priority: true; readonly doNotQueue: true }
  | { readonly kind: 'make-contact-uncallable'; readonly contactId: string }
  | { readonly kind: 'disconnect-placeholder' }

/** The machine's answer. */
export type LifecycleDecision =
  | {
      readonly ok: true
      readonly from: LifecycleState
      readonly to: LifecycleState
      readonly patch: AttributePatch
      readonly effects: readonly LifecycleEffect[]
    }
  | { readonly ok: false; readonly conflict: LifecycleConflict }

/** Per-decision inputs that are not part of the callback: the clock reading and an optional write token. */
export interface DecisionContext {
  readonly nowMs: number
  /** Unique id for this action; written as `cc.actionId` so the executor can check its write was the last. */
  readonly actionId?: string
}

const iso = (ms: number | null): string | null => (ms === null ? null : isoOf(ms))
/** `cc.actedById`: the actor's kind and id (`user:…`, `flow:…`, `system:…`). */
const actorIdOf = (actor: Actor): string => `${actor.kind}:${actor.id}`

function finishedConflict(record: LifecycleRecord): LifecycleConflict {
  if (record.state === 'cancelled') {
    const by = record.cancelledBy ?? record.actedBy
    const at = iso(record.cancelledAtMs ?? record.stateAtMs)
    return { code: 'already-cancelled', by, at, message: by ? `Already cancelled by ${by}.` : 'Already cancelled.' }
  }
  return {
    code: 'already-finished',
    state: record.state,
    at: iso(record.stateAtMs),
    message: `Already finished (${record.state}).`
  }
}

function dispatchedConflict(record: LifecycleRecord): LifecycleConflict {
  const by = record.dispatchedBy
  const message = by ? `Already dispatched by ${by}; it is being dialled.` : 'Already dispatched; it is being dialled.'
  return { code: 'already-dispatched', by, at: iso(record.dispatchedAtMs ?? record.stateAtMs), message }
}

function base(action: LifecycleAction, actor: Actor, ctx: DecisionContext, reason: string | undefined): Record<string, string> {
  const patch: Record<string, string> = {
    [CC.lastAction]: action,
    [CC.actedBy]: cleanActorName(actor.name),
    [CC.actedById]: actorIdOf(actor),
    [CC.actedAt]: isoOf(ctx.nowMs),
    [CC.reason]: reason === undefined ? '' : cleanAttributeText(reason)
  }
  if (ctx.actionId) patch[CC.actionId] = ctx.actionId
  return patch
}

function moveTo(patch: Record<string, string>, state: LifecycleState, ctx: DecisionContext): Record<string, string> {
  patch[CC.state] = state
  patch[CC.stateAt] = isoOf(ctx.nowMs)
  return patch
}

function ok(from: LifecycleState, to: LifecycleState, patch: AttributePatch, effects: LifecycleEffect[]): LifecycleDecision {
  return { ok: true, from, to, patch, effects }
}

function dispatch(
  truth: CallbackTruth,
  action: 'dispatch' | 'call-now',
  actor: Actor,
  reason: string | undefined,
  ctx: DecisionContext
): LifecycleDecision {
  const record = truth.record
  const contactId = contactIdFor(truth.conversationId, record.attempts + 1)
  const patch = moveTo(base(action, actor, ctx, reason), 'dispatched', ctx)
  patch[CC.dispatchedBy] = patch[CC.actedBy]!
  patch[CC.dispatchedAt] = isoOf(ctx.nowMs)
  patch[CC.contactId] = contactId
  return ok(record.state, 'dispatched', patch, [
    { kind: 'write-attributes', attributes: patch },
    { kind: 'append-contact', contactId, priority: true, doNotQueue: true }
  ])
}

function reschedule(
  truth: CallbackTruth,
  actor: Actor,
  dueAtMs: number,
  reason: string | undefined,
  ctx: DecisionContext
): LifecycleDecision {
  if (!Number.isFinite(dueAtMs))
    return { ok: false, conflict: { code: 'invalid-time', message: 'That is not a valid date and time.' } }
  if (dueAtMs <= ctx.nowMs) {
    return { ok: false, conflict: { code: 'time-in-past', message: 'That time has already passed; pick a time in the future.' } }
  }
  const patch = base('reschedule', actor, ctx, reason)
  patch[CC.state] = 'waiting'
  if (truth.record.inferred || truth.record.stateAtMs === null) patch[CC.stateAt] = isoOf(ctx.nowMs)
  patch[CC.rescheduledBy] = patch[CC.actedBy]!
  patch[CC.rescheduledAt] = isoOf(ctx.nowMs)
  patch[CC.previousDueAt] = truth.dueAtMs === null ? '' : isoOf(truth.dueAtMs)
  return ok('waiting', 'waiting', patch, [
    { kind: 'set-scheduled-time', dueAt: isoOf(dueAtMs) },
    { kind: 'write-attributes', attributes: patch }
  ])
}

function cancel(truth: CallbackTruth, actor: Actor, reason: string, ctx: DecisionContext): LifecycleDecision {
  if (cleanAttributeText(reason) === '') {
    return { ok: false, conflict: { code: 'reason-required', message: 'Say why the callback is cancelled.' } }
  }
  const record = truth.record
  const patch = moveTo(base('cancel', actor, ctx, reason), 'cancelled', ctx)
  patch[CC.cancelledBy] = patch[CC.actedBy]!
  patch[CC.cancelledAt] = isoOf(ctx.nowMs)
  const effects: LifecycleEffect[] = [{ kind: 'write-attributes', attributes: patch }]
  if (record.state === 'dispatched') {
    const contactId = record.contactId ?? contactIdFor(truth.conversationId, record.attempts + 1)
    effects.push({ kind: 'make-contact-uncallable', contactId })
  }
  effects.push({ kind: 'disconnect-placeholder' })
  return ok(record.state, 'cancelled', patch, effects)
}

function outcome(
  truth: CallbackTruth,
  actor: Actor,
  result: DialOutcome,
  retry: RetryPolicy,
  ctx: DecisionContext
): LifecycleDecision {
  const attempts = truth.record.attempts + 1
  const retryable = result === 'busy' || result === 'no-answer' || result === 'machine' || result === 'failed'
  const to: LifecycleState =
    result === 'answered'
      ? 'connected'
      : result === 'declined'
        ? 'declined'
        : retryable && attempts < retry.maxAttempts
          ? 'waiting'
          : 'unreached'
  const patch = moveTo(base('outcome', actor, ctx, undefined), to, ctx)
  patch[CC.attempts] = String(attempts)
  patch[CC.lastOutcome] = result
  if (to === 'waiting') {
    const dueAt = isoOf(ctx.nowMs + retry.retryDelaySeconds * 1000)
    return ok('dispatched', to, patch, [
      { kind: 'set-scheduled-time', dueAt },
      { kind: 'write-attributes', attributes: patch }
    ])
  }
  return ok('dispatched', to, patch, [{ kind: 'write-attributes', attributes: patch }, { kind: 'disconnect-placeholder' }])
}

/** Applies one command to the current truth: the patch and effects to perform, or the conflict to show. */
export function decide(truth: CallbackTruth, command: LifecycleCommand, ctx: DecisionContext): LifecycleDecision {
  const state = truth.record.state
  if (isTerminalState(state)) return { ok: false, conflict: finishedConflict(truth.record) }
  switch (command.kind) {
    case 'dispatch':
    case 'call-now':
      if (state === 'dispatched') return { ok: false, conflict: dispatchedConflict(truth.record) }
      return dispatch(truth, command.kind, command.actor, command.kind === 'call-now' ? command.reason : undefined, ctx)
    case 'reschedule':
      if (state === 'dispatched') return { ok: false, conflict: dispatchedConflict(truth.record) }
      return reschedule(truth, command.actor, command.dueAtMs, command.reason, ctx)
    case 'cancel':
      return cancel(truth, command.actor, command.reason, ctx)
    case 'outcome':
      if (state !== 'dispatched') {
        return { ok: false, conflict: { code: 'not-dispatched', message: 'This callback is not being dialled.' } }
      }
      return outcome(truth, command.actor, command.outcome, command.retry ?? DEFAULT_RETRY_POLICY, ctx)
    default:
      return assertNever(command, 'Unknown lifecycle command')
  }
}

/** What the workflow knows when it creates the placeholder. */
export interface CallbackRequest {
  readonly actor: Actor
  readonly requestedAtMs: number
  readonly promisedWaitSeconds: number
}

/** The attributes a new placeholder is created with (`data` of CreateCallbackCommand): state `waiting`. */
export function initialAttributes(request: CallbackRequest): AttributePatch {
  const at = isoOf(request.requestedAtMs)
  return {
    [CC.state]: 'waiting',
    [CC.stateAt]: at,
    [CC.requestedAt]: at,
    [CC.promisedWaitSeconds]: String(Math.max(0, Math.round(request.promisedWaitSeconds))),
    [CC.attempts]: '0',
    [CC.lastAction]: 'request',
    [CC.actedBy]: cleanActorName(request.actor.name),
    [CC.actedById]: actorIdOf(request.actor),
    [CC.actedAt]: at
  }
}

/**
 * After writing a patch with `actionId` and reading the callback again: true when our write is still the last
 * one. An executor that loses this check must stop (another console acted) and report the new truth instead.
 */
export function isOwnWrite(attributes: Readonly<Record<string, string>>, actionId: string): boolean {
  return attributes[CC.actionId] === actionId
}
