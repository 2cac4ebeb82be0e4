/**
 * The vocabulary of a deployment: which objects guided setup owns, in which order they are created (the
 * blueprint deployer's order, reference/blueprint.md §7) and torn down, and the shapes of desired and actual
 * state the planner compares. Ids of objects not created yet appear as `{ $ref: key }` until apply knows them.
 */

/** The four Architect flows and their Genesys flow types. */
export const FLOW_ROLES = ['outbound', 'workflow', 'inbound', 'inQueue'] as const
/** Which of the four flows. */
export type FlowRole = (typeof FLOW_ROLES)[number]
/** The Platform API flow `type` of each role (what `GET /api/v2/flows?type=` filters on). */
export const FLOW_TYPES: Readonly<Record<FlowRole, string>> = {
  outbound: 'outboundcall',
  workflow: 'workflow',
  inbound: 'inboundcall',
  inQueue: 'inqueuecall'
}

/** Object key of a flow (`flow:workflow`). */
export type FlowKey = `flow:${FlowRole}`
/** Object key of a data action (`action:<file name>`). */
export type ActionKey = `action:${string}`

/** One object setup manages (or, for `targetQueue`, modifies). */
export type ObjectKey =
  | 'wrapupCode'
  | 'holdingQueue'
  | 'credential'
  | 'integration'
  | ActionKey
  | 'contactList'
  | 'callableTimeSet'
  | FlowKey
  | 'responseSet'
  | 'campaign'
  | 'targetQueue'

/** Kind of object, which decides how it is created, compared, updated and deleted. */
export type ObjectKind =
  | 'wrapupCode'
  | 'queue'
  | 'credential'
  | 'integration'
  | 'action'
  | 'contactList'
  | 'callableTimeSet'
  | 'flow'
  | 'responseSet'
  | 'campaign'
  | 'targetQueue'

/** A reference to another object's id, resolved once that object exists. */
export interface IdRef {
  readonly $ref: ObjectKey
}

/** JSON with id references in it. */
export type Spec = string | number | boolean | null | IdRef | readonly Spec[] | { readonly [key: string]: Spec }

/** Kind-specific desired content. */
export type DesiredSpec =
  | { readonly kind: 'wrapupCode' | 'queue' | 'contactList' | 'callableTimeSet' | 'responseSet'; readonly body: Spec }
  | { readonly kind: 'credential'; readonly body: Spec; readonly secretFields: readonly string[] }
  | { readonly kind: 'integration'; readonly notes: string; readonly credential: IdRef }
  | { readonly kind: 'action'; readonly template: string; readonly file: string; readonly category: string }
  | {
      readonly kind: 'flow'
      readonly role: FlowRole
      readonly flowType: string
      readonly template: string
      readonly values: Readonly<Record<string, string | IdRef>>
    }
  | { readonly kind: 'campaign'; readonly body: Spec }
  | { readonly kind: 'targetQueue'; readonly targetQueueId: string; readonly queueFlow: IdRef }

/** What setup wants one object to be. */
export interface DesiredObject {
  readonly key: ObjectKey
  readonly kind: ObjectKind
  readonly name: string
  readonly dependsOn: readonly ObjectKey[]
  readonly spec: DesiredSpec
}

/** The whole desired deployment, in creation order. */
export interface DesiredState {
  readonly objects: readonly DesiredObject[]
  /** Where a later teardown puts the target queue's in-queue flow back (`none` = no in-queue flow). */
  readonly restoreQueueFlowId: string
}

/** One object as read from the org. `fields` is the Platform API's JSON for it. */
export interface ActualObject {
  readonly key: ObjectKey
  readonly id: string
  readonly name: string
  /** Carries setup's marker (or, for types without a description, has setup's exact name). */
  readonly ours: boolean
  readonly fields: Readonly<Record<string, unknown>>
}

/** Facts about the target queue (never created or deleted by setup). */
export interface TargetQueueFacts {
  readonly id: string
  readonly name: string
  readonly divisionName: string
  readonly queueFlowId: string | null
}

/** The org as the reader found it, by key; `targetQueue` is undefined when the id does not exist. */
export interface ActualState {
  readonly objects: Readonly<Partial<Record<ObjectKey, ActualObject>>>
  readonly targetQueue: TargetQueueFacts | undefined
}

/** Ids known so far (actual ids, plus those created during an apply). */
export type KnownIds = Readonly<Partial<Record<ObjectKey, string>>>

/** True for an `{ $ref }` value. */
export function isIdRef(value: unknown): value is IdRef {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { $ref?: unknown }).$ref === 'string'
  )
}

/** Ids of every actual object, as the starting point of an apply. */
export function idsOf(actual: ActualState): Record<string, string> {
  const ids: Record<string, string> = {}
  for (const [key, obj] of Object.entries(actual.objects)) if (obj) ids[key] = obj.id
  if (actual.targetQueue) ids.targetQueue = actual.targetQueue.id
  return ids
}
