import type {
  ApplyResult,
  PlanOutcome,
  PreflightReport,
  SetupChoices,
  TeardownPlan,
  TeardownResult,
  VerifyResult
} from '../contract/setup-views'
import type { DeploymentProfileView } from '../contract/live-views'
import { err, ok, type Result } from '../contract/result'
import { parseSetupInputs, type InputProblem, type SetupInputs } from '../core/setup/setup-inputs'
import type { Gateway } from '../genesys/gateway-types'
import { createProvisioner, type Provisioner } from '../genesys/provisioning/provisioner'
import type { ProgressEvent } from '../genesys/provisioning/provisioning-types'
import { listSetupChoices } from '../genesys/provisioning/setup-choices'
import type { TeardownScope } from '../genesys/provisioning/teardown'

export interface SetupServiceOptions {
  /** The signed-in session's gateway, or null when signed out. */
  readonly gateway: () => Gateway | null
  readonly onProgress: (event: ProgressEvent) => void
  /** Called with the deployment profile a successful apply produced, so the board watches it at once. */
  readonly adoptProfile: (profile: DeploymentProfileView) => Promise<unknown>
}

/**
 * Guided setup behind the `setup:*` commands: each call builds the engine on the current session's gateway (so a
 * new sign-in never uses an old token) and runs one operation. Only one write operation runs at a time.
 */
export class SetupService {
  private busy: string | null = null

  constructor(private readonly options: SetupServiceOptions) {}

  validate(draft: unknown): readonly InputProblem[] {
    const parsed = parseSetupInputs(draft)
    return parsed.ok ? [] : parsed.problems
  }

  async choices(): Promise<Result<SetupChoices>> {
    const gateway = this.options.gateway()
    return gateway ? ok(await listSetupChoices(gateway)) : notSignedIn()
  }

  preflight(inputs: SetupInputs): Promise<Result<PreflightReport>> {
    return this.run(null, async (p) => ok(await p.preflight(inputs)))
  }

  plan(inputs: SetupInputs): Promise<Result<PlanOutcome>> {
    return this.run(null, async (p) => {
      const planned = await p.plan(inputs)
      return planned.ok ? ok(planned.value) : err(planned.error.code, planned.error.message)
    })
  }

  apply(inputs: SetupInputs): Promise<Result<ApplyResult>> {
    return this.run('apply', async (p) => {
      const result = await p.apply(inputs, { onProgress: this.options.onProgress })
      if (result.ok) await this.options.adoptProfile(result.profile)
      return ok(result)
    })
  }

  verify(inputs: SetupInputs): Promise<Result<VerifyResult>> {
    return this.run(null, async (p) => ok(await p.verify(inputs, { onProgress: this.options.onProgress })))
  }

  planTeardown(scope: TeardownScope): Promise<Result<TeardownPlan>> {
    return this.run(null, async (p) => {
      const planned = await p.planTeardown(scope)
      return planned.ok ? ok(planned.value) : err(planned.error.code, planned.error.message)
    })
  }

  teardown(scope: TeardownScope): Promise<Result<TeardownResult>> {
    return this.run('teardown', async (p) => ok(await p.teardown(scope, { onProgress: this.options.onProgress })))
  }

  private async run<T>(writing: string | null, work: (p: Provisioner) => Promise<Result<T>>): Promise<Result<T>> {
    const gateway = this.options.gateway()
    if (!gateway) return notSignedIn()
    if (writing && this.busy) return err('busy', `A setup ${this.busy} is still running; wait for it to finish.`)
    if (writing) this.busy = writing
    try {
      return await work(createProvisioner({ gateway }))
    } finally {
      if (writing) this.busy = null
    }
  }
}

function notSignedIn<T>(): Result<T> {
  return err('not-signed-in', 'Sign in first.')
}
