/**
 * What the provisioning engine reports: progress events while it works (the wizard's step list and the CLI's
 * lines come from these), and the results of preflight, apply, verify and teardown — always values.
 */
import type { DeploymentProfileView } from '../../contract/live-views'
import type { PlanStep, SetupPlan, TeardownPlan, TeardownStep } from '../../core/setup/planner'
import type { PermissionNeed } from '../../core/setup/setup-permissions'
import type { ObjectKey } from '../../core/setup/setup-model'
import type { ApiError } from '../gateway-types'
import type { CallTally } from './provisioning-api'

/** One progress event. */
export type ProgressEvent =
  | {
      readonly kind: 'phase'
      readonly phase: 'read' | 'preflight' | 'plan' | 'apply' | 'verify' | 'teardown'
      readonly message: string
    }
  | {
      readonly kind: 'step-start'
      readonly key: ObjectKey
      readonly name: string
      readonly action: PlanStep['action'] | TeardownStep['action']
      readonly index: number
      readonly total: number
    }
  | {
      readonly kind: 'step-done'
      readonly key: ObjectKey
      readonly name: string
      readonly action: PlanStep['action'] | TeardownStep['action']
      readonly id?: string
    }
  | { readonly kind: 'step-failed'; readonly key: ObjectKey; readonly name: string; readonly error: ApiError }
  | { readonly kind: 'check'; readonly check: VerifyCheck }

/** Receives progress events as they happen. */
export type ProgressListener = (event: ProgressEvent) => void

/** An engine failure: the API's error, and which step it stopped at. */
export interface EngineFailure {
  readonly code: string
  readonly message: string
  readonly step?: ObjectKey
  readonly missingPermissions?: readonly string[]
}

/** Where the token's permissions came from, and what is missing for the planned work. */
export interface PermissionReport {
  /**
   * `subject` = authorization/subjects/me, `user` = users/me?expand=authorization, `probe` = neither answered, so
   * each write endpoint was asked with a harmless request, `unknown` = nothing could be checked.
   */
  readonly source: 'subject' | 'user' | 'probe' | 'unknown'
  readonly missing: readonly PermissionNeed[]
}

/** A count against an org limit. */
export interface LimitCheck {
  readonly name: string
  readonly used: number
  readonly max: number
  readonly ok: boolean
}

/** Everything checked before a write. `ok` = nothing blocks an apply. */
export interface PreflightReport {
  readonly ok: boolean
  readonly principal: string | null
  readonly orgName: string | null
  readonly permissions: PermissionReport
  readonly limits: readonly LimitCheck[]
  /** Plan steps in conflict (an object under setup's name that setup did not create). */
  readonly conflicts: readonly PlanStep[]
  /** Blocking problems, one plain sentence each. */
  readonly problems: readonly string[]
  /** Worth knowing, not blocking. */
  readonly warnings: readonly string[]
  readonly plan: SetupPlan | null
}

/** A completed (or stopped) apply. */
export type ApplyResult =
  | {
      readonly ok: true
      readonly plan: SetupPlan
      readonly done: readonly AppliedStep[]
      readonly tally: CallTally
      readonly profile: DeploymentProfileView
    }
  | {
      readonly ok: false
      readonly error: EngineFailure
      readonly preflight?: PreflightReport
      readonly done: readonly AppliedStep[]
      readonly tally: CallTally
    }

/** One object apply created, updated or kept, with its id. */
export interface AppliedStep {
  readonly key: ObjectKey
  readonly name: string
  readonly action: PlanStep['action']
  readonly id: string
}

/** One verification. */
export interface VerifyCheck {
  readonly name: string
  readonly ok: boolean
  readonly detail: string
}

/** All checks; `ok` only when every one passed. */
export interface VerifyResult {
  readonly ok: boolean
  readonly checks: readonly VerifyCheck[]
  readonly tally: CallTally
  readonly error?: EngineFailure
}

/** A completed (or stopped) teardown, with what was already removed. */
export type TeardownResult =
  | { readonly ok: true; readonly plan: TeardownPlan; readonly done: readonly TeardownStep[]; readonly tally: CallTally }
  | {
      readonly ok: false
      readonly error: EngineFailure
      readonly plan?: TeardownPlan
      readonly done: readonly TeardownStep[]
      readonly tally: CallTally
    }
