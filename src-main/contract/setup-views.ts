/**
 * Views of guided setup. The plan types come from the pure core; the engine's results are restated here as plain
 * views (the host's handlers prove, by type, that the engine's values fit them), so the renderer never reaches
 * into the Genesys layer. None of them carries a secret: the data-actions client secret goes in, never out.
 */
import type { PermissionNeed } from '../core/setup/setup-permissions'
import type { PlanStep, SetupPlan, TeardownPlan, TeardownStep } from '../core/setup/planner'
import type { PlanReport } from '../core/setup/plan-report'
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

export interface EngineFailure {
  readonly code: string
  readonly message: string
  readonly step?: string
  readonly missingPermissions?: readonly string[]
}

export interface PreflightReport {
  readonly ok: boolean
  readonly principal: string | null
  readonly orgName: string | null
  readonly permissions: { readonly source: 'subject' | 'user' | 'probe' | 'unknown'; readonly missing: readonly PermissionNeed[] }
  readonly limits: readonly { readonly name: string; readonly used: number; readonly max: number; readonly ok: boolean }[]
  readonly conflicts: readonly PlanStep[]
  readonly problems: readonly string[]
  readonly warnings: readonly string[]
  readonly plan: SetupPlan | null
}

export interface AppliedStep {
  readonly key: string
  readonly name: string
  readonly action: PlanStep['action']
  readonly id: string
}

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

export interface VerifyCheck {
  readonly name: string
  readonly ok: boolean
  readonly detail: string
}

export interface VerifyResult {
  readonly ok: boolean
  readonly checks: readonly VerifyCheck[]
  readonly tally: CallTally
  readonly error?: EngineFailure
}

export type TeardownResult =
  | { readonly ok: true; readonly plan: TeardownPlan; readonly done: readonly TeardownStep[]; readonly tally: CallTally }
  | {
      readonly ok: false
      readonly error: EngineFailure
      readonly plan?: TeardownPlan
      readonly done: readonly TeardownStep[]
      readonly tally: CallTally
    }

/** Step-by-step progress of apply, verify and teardown. */
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
      readonly action: string
      readonly index: number
      readonly total: number
    }
  | { readonly kind: 'step-done'; readonly key: string; readonly name: string; readonly action: string; readonly id?: string }
  | {
      readonly kind: 'step-failed'
      readonly key: string
      readonly name: string
      readonly error: { readonly code: string; readonly message: string }
    }
  | { readonly kind: 'check'; readonly check: VerifyCheck }
