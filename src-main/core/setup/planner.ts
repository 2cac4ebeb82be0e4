/**
 * Desired vs actual → an ordered plan (create / update / keep / conflict per object, like `terraform plan`),
 * and the teardown plan (only setup's own objects, campaign off and stopped before anything is deleted, the
 * target queue's in-queue flow put back first so no caller meets a deleted flow). Pure.
 */
import { changesOf, targetQueueObject } from './compare'
import { materialize } from './materialize'
import { ownedTags } from './setup-names'
import type { ActualObject, ActualState, DesiredObject, DesiredState, ObjectKey, ObjectKind } from './setup-model'
import { idsOf } from './setup-model'
import { actionKey, SOLUTION_ACTIONS } from './solution-catalog'

/** What apply will do with one object. */
export type StepAction = 'create' | 'update' | 'keep' | 'conflict'

/** One line of the plan. */
export interface PlanStep {
  readonly key: ObjectKey
  readonly kind: ObjectKind
  readonly name: string
  readonly action: StepAction
  /** Id in the org, when the object exists. */
  readonly id?: string
  /** Changed fields (update), or why there is a conflict. */
  readonly changes: readonly string[]
  /** An existing object setup did not make, taken over because the lead chose to adopt. */
  readonly adopted?: boolean
}

/** Counts per action, for the plan's headline. */
export interface PlanSummary {
  readonly create: number
  readonly update: number
  readonly keep: number
  readonly conflict: number
}

/** Every object in creation order with what apply will do to it. */
export interface SetupPlan {
  readonly steps: readonly PlanStep[]
  readonly summary: PlanSummary
}

/** Plans setup. `adopt` turns "exists but not ours" from a conflict into an update that takes ownership. */
export function planSetup(desired: DesiredState, actual: ActualState, options: { readonly adopt: boolean }): SetupPlan {
  const ids = idsOf(actual)
  const steps = desired.objects.map((d) => planObject(d, actualFor(d.key, actual), ids, options.adopt))
  return { steps, summary: summarize(steps) }
}

/** The org's copy of `key` (the target queue is always "ours" to modify). */
export function actualFor(key: ObjectKey, actual: ActualState): ActualObject | undefined {
  if (key === 'targetQueue') return actual.targetQueue ? targetQueueObject(actual.targetQueue) : undefined
  return actual.objects[key]
}

/** Plans one object against its actual copy with the ids known so far (apply re-plans with more ids). */
export function planObject(
  desired: DesiredObject,
  actual: ActualObject | undefined,
  ids: Readonly<Record<string, string>>,
  adopt: boolean
): PlanStep {
  const base = { key: desired.key, kind: desired.kind, name: desired.name }
  if (!actual) return { ...base, action: 'create', changes: [] }
  const withId = { ...base, id: actual.id }
  if (!actual.ours && !adopt) {
    return {
      ...withId,
      action: 'conflict',
      changes: [`a ${desired.kind} named "${desired.name}" already exists and was not created by guided setup`]
    }
  }
  const adopted = !actual.ours ? { adopted: true } : {}
  const m = materialize(desired, ids)
  if (m.status === 'error') throw new Error(`[Setup] template problem in ${desired.key}: ${m.message}`)
  if (m.status === 'pending')
    return {
      ...withId,
      ...adopted,
      action: 'update',
      changes: m.waitingFor.map((k) => `reference to ${k} (created in this run)`)
    }
  const changes = changesOf(desired.kind, m.body, actual, m.flow)
  const ownership = actual.ours ? [] : ['ownership marker']
  const all = [...ownership, ...changes]
  return all.length === 0 ? { ...withId, action: 'keep', changes: [] } : { ...withId, ...adopted, action: 'update', changes: all }
}

function summarize(steps: readonly PlanStep[]): PlanSummary {
  const count = (a: StepAction): number => steps.filter((s) => s.action === a).length
  return { create: count('create'), update: count('update'), keep: count('keep'), conflict: count('conflict') }
}

/** Keys in teardown order: the target queue first (restore), the campaign before what it uses, flows newest first. */
export const TEARDOWN_ORDER: readonly ObjectKey[] = [
  'targetQueue',
  'campaign',
  'responseSet',
  'flow:inQueue',
  'flow:inbound',
  'flow:workflow',
  'flow:outbound',
  'callableTimeSet',
  'contactList',
  ...SOLUTION_ACTIONS.map(actionKey),
  'integration',
  'credential',
  'holdingQueue',
  'wrapupCode'
]

/** One teardown step: put the target queue's flow back, or delete one of setup's objects. */
export interface TeardownStep {
  readonly key: ObjectKey
  readonly kind: ObjectKind | 'targetQueue'
  readonly name: string
  readonly id: string
  readonly action: 'restore' | 'delete'
  /** For `restore`: the in-queue flow id to put back, or `none`. */
  readonly restoreQueueFlowId?: string
}

/** What teardown will put back and delete, and what it will leave alone. */
export interface TeardownPlan {
  readonly steps: readonly TeardownStep[]
  /** Objects under setup's names that setup did not make; left alone. */
  readonly leftAlone: readonly { readonly key: ObjectKey; readonly name: string }[]
}

/** Plans teardown from what the org holds now. */
export function planTeardown(actual: ActualState): TeardownPlan {
  const steps: TeardownStep[] = []
  const leftAlone: { key: ObjectKey; name: string }[] = []
  const inQueue = actual.objects['flow:inQueue']
  for (const key of TEARDOWN_ORDER) {
    if (key === 'targetQueue') {
      const target = actual.targetQueue
      if (target && inQueue?.ours && target.queueFlowId === inQueue.id) {
        // The queue runs setup's flow here, so this is the flow recorded at first setup, else `none`.
        const restoreQueueFlowId = restoreQueueFlowFor(actual)
        steps.push({ key, kind: 'targetQueue', name: target.name, id: target.id, action: 'restore', restoreQueueFlowId })
      }
      continue
    }
    const obj = actual.objects[key]
    if (!obj) continue
    if (!obj.ours) leftAlone.push({ key, name: obj.name })
    else steps.push({ key, kind: kindOfKey(key), name: obj.name, id: obj.id, action: 'delete' })
  }
  return { steps, leftAlone }
}

/** The object kind a key stands for. */
export function kindOfKey(key: ObjectKey): ObjectKind {
  if (key.startsWith('action:')) return 'action'
  if (key.startsWith('flow:')) return 'flow'
  if (key === 'holdingQueue') return 'queue'
  return key as ObjectKind
}

/**
 * The in-queue flow a teardown restores: the one recorded on the holding queue at first setup, else the
 * target queue's current one unless it is setup's own, else `none`.
 */
export function restoreQueueFlowFor(actual: ActualState): string {
  const recorded = ownedTags(actual.objects.holdingQueue?.fields.description as string | undefined)['restore-queue-flow']
  if (recorded) return recorded
  const current = actual.targetQueue?.queueFlowId
  const ours = actual.objects['flow:inQueue']
  if (!current || (ours && ours.id === current)) return 'none'
  return current
}
