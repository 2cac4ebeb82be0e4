/**
 * The guided-setup engine as one object the wizard (through the host) and the headless CLI share: plan,
 * preflight, apply, verify, teardown and export, each a fresh read of the org through the session's Gateway,
 * each counting its own API calls, each returning a value.
 */
import type { SetupTemplates } from '../../core/setup/desired-state'
import { planReport, type PlanReport } from '../../core/setup/plan-report'
import type { SetupPlan, TeardownPlan } from '../../core/setup/planner'
import type { SetupInputs } from '../../core/setup/setup-inputs'
import { terraformExport } from '../../core/setup/terraform-export'
import type { Gateway } from '../gateway-types'
import { applySetup } from './apply'
import { readDeployment } from './deployment-state'
import { fetchUploader, type PollTiming, type Uploader } from './flow-publisher'
import type { WriterContext } from './object-writer'
import { runPreflight } from './preflight'
import { ProvisioningApi, StepFailure } from './provisioning-api'
import type {
  ApplyResult,
  EngineFailure,
  PreflightReport,
  ProgressListener,
  TeardownResult,
  VerifyResult
} from './provisioning-types'
import { planTeardownFor, teardownSetup, type TeardownScope } from './teardown'
import { loadSetupTemplates } from './template-files'
import { verifySetup } from './verify'

/** The session's gateway plus test seams (templates, poll timing, uploader, clock). */
export interface ProvisionerOptions {
  readonly gateway: Gateway
  /** Default: read from `resources/`. */
  readonly templates?: SetupTemplates
  readonly timing?: Partial<PollTiming>
  readonly upload?: Uploader
  readonly now?: () => number
}

/** A value or the engine's failure (never a throw for an API refusal). */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: EngineFailure }

/** Plan plus its exports. */
export interface PlanOutcome {
  readonly plan: SetupPlan
  readonly report: PlanReport
  /** The deployment as a CX-as-Code (Terraform) file. */
  readonly terraform: string
}

/** The operations the wizard and the CLI call. */
export interface Provisioner {
  plan(inputs: SetupInputs): Promise<Outcome<PlanOutcome>>
  preflight(inputs: SetupInputs): Promise<PreflightReport>
  apply(inputs: SetupInputs, options?: { onProgress?: ProgressListener; skipPreflight?: boolean }): Promise<ApplyResult>
  verify(inputs: SetupInputs, options?: { onProgress?: ProgressListener }): Promise<VerifyResult>
  planTeardown(scope: TeardownScope): Promise<Outcome<TeardownPlan>>
  teardown(scope: TeardownScope, options?: { onProgress?: ProgressListener }): Promise<TeardownResult>
}

/** Production pacing: flows jobs are polled like the CX-as-Code provider does, a little faster at first. */
export const DEFAULT_POLL_TIMING: PollTiming = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  firstPollMs: 1_000,
  intervalMs: 2_000,
  timeoutMs: 16 * 60_000
}

/** Builds the engine. */
export function createProvisioner(options: ProvisionerOptions): Provisioner {
  let templates = options.templates
  const loaded = (): SetupTemplates => (templates ??= loadSetupTemplates())
  const timing: PollTiming = { ...DEFAULT_POLL_TIMING, ...options.timing }
  const upload = options.upload ?? fetchUploader
  const now = options.now ?? Date.now
  const fresh = (): { api: ProvisioningApi; writer: WriterContext } => {
    const api = new ProvisioningApi(options.gateway)
    return { api, writer: { api, timing, upload } }
  }
  const failure = (e: unknown): EngineFailure => {
    if (e instanceof StepFailure) return { code: e.apiError.code, message: e.apiError.message }
    throw e
  }
  return {
    async plan(inputs) {
      const { api } = fresh()
      try {
        const { plan, desired } = await readDeployment(api, inputs, loaded())
        return { ok: true, value: { plan, report: planReport(plan, inputs, now()), terraform: terraformExport(desired, inputs) } }
      } catch (e: unknown) {
        return { ok: false, error: failure(e) }
      }
    },
    async preflight(inputs) {
      const { api } = fresh()
      try {
        const { plan } = await readDeployment(api, inputs, loaded())
        return await runPreflight(api, inputs, plan)
      } catch (e: unknown) {
        return runPreflight(api, inputs, null, failure(e).message)
      }
    },
    apply: (inputs, o = {}) => {
      const { api, writer } = fresh()
      return applySetup(api, inputs, {
        templates: loaded(),
        writer,
        ...(o.onProgress ? { onProgress: o.onProgress } : {}),
        ...(o.skipPreflight ? { skipPreflight: true } : {})
      })
    },
    verify: (inputs, o = {}) => verifySetup(fresh().api, inputs, loaded(), now, o.onProgress),
    async planTeardown(scope) {
      try {
        return { ok: true, value: await planTeardownFor(fresh().api, scope) }
      } catch (e: unknown) {
        return { ok: false, error: failure(e) }
      }
    },
    teardown: (scope, o = {}) => {
      const { api, writer } = fresh()
      return teardownSetup(api, scope, writer, o.onProgress)
    }
  }
}
