/**
 * Views of guided setup: the plan types come from the pure core, and the provisioning engine's results and
 * progress events are defined here, once (genesys/provisioning re-exports them), so the renderer never reaches
 * into the Genesys layer. None of them carries a secret: the data-actions client secret goes in, never out.
 */
import type { PermissionNeed } from '../core/setup/setup-permissions'
import type { PlanStep, SetupPlan, TeardownPlan, TeardownStep } from '../core/setup/planner'
import type { PlanReport } from '../core/setup/plan-report'
import type { ObjectKey } from '../core/setup/setup-model'
import type { DeploymentProfileView, NamedEntity } from './live-views'

export type { InputProblem, SetupInputsDraft } from '../core/setup/setup-inputs'
export type { PermissionNeed, PlanReport, PlanStep, SetupPlan, TeardownPlan, TeardownStep }

/** The pickers' options, and per list that could not be read, why. */
export interface SetupChoices {
  readonly queues: readonly NamedEntity[]
  readonly sites: readonly NamedEntity[]
  readonly edgeGroups: readonly NamedEntity[]
  readonly wrapupCodes: readonly NamedEntity[]
  readonly problems: Readonly<Partial<Record<'queues' | 'sites' | 'edgeGroups' | 'wrapupCodes', string>>>
}

export interface PlanOutcome {
  readonly plan: SetupPlan
  readonly report: PlanReport
  /** The deployment as a CX-as-Code (Terraform) file. */
  readonly terraform: string
}

/** API calls an operation made. */
export interface CallTally {
  readonly reads: number
  readonly writes: number
  readonly uploads: number
  readonly probes: number
}

/** The error of a failed step, as the engine's ApiError carries it (status and Genesys code when known). */
export interface ProgressError {
  readonly code: string
  readonly message: string
  readonly status?: number
  readonly genesysCode?: string
  readonly missingPermissions?: readonly string[]
}

/** One progress event. */
export type ProgressEvent =
  | {
      readonly kind: 'phase'
      readonly phase: 'read' | 'preflight' | 'plan' | 'apply' | 'verify' | 'teardown'
      readonly message: string
    }
  | {
      readonly kind: 'step-start'
      readonly key: string
      readonly name: string
      readonly action: PlanStep['action'] | TeardownStep['action']
      readonly index: number
      readonly total: number
    }
  | {
      readonly kind: 'step-done'
      readonly key: string
      readonly name: string
      readonly action: PlanStep['action'] | TeardownStep['action']
      readonly id?: string
    }
  | { readonly kind: 'step-failed'; readonly key: string; readonly name: string; readonly error: ProgressError }
  | { readonly kind: 'check'; readonly check: VerifyCheck }

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
