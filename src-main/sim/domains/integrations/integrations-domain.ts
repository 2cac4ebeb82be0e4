/**
 * Integrations, credentials and data actions, plus running an action: the integration must be an enabled
 * `purecloud-data-actions` integration with an OAuth client credential, and the request goes to the Platform API
 * through the injected invoker (the demo org itself).
 */
import type { DomainContext } from '../shared/context'
import type { Json } from '../shared/body'
import { SimHttpError } from '../../http/types'
import { ActionStore, type ActionRecord } from './action-store'
import { executeAction, flattenResult, type ActionError, type ExecutionOutcome } from './action-executor'
import { DATA_ACTIONS_TYPE } from './integration-catalog'
import { IntegrationStore } from './integration-store'
import type { PlatformInvoker } from './platform-invoker'

/** The org's integrations slot: stores plus running actions. */
export class IntegrationsDomain {
  readonly integrations: IntegrationStore
  readonly actions: ActionStore
  private invoker: PlatformInvoker | undefined

  constructor(ctx: DomainContext, invoker?: PlatformInvoker) {
    this.integrations = new IntegrationStore(ctx)
    this.actions = new ActionStore(ctx, this.integrations)
    this.invoker = invoker
  }

  /** Set once the server's base URL is known. */
  setInvoker(invoker: PlatformInvoker): void {
    this.invoker = invoker
  }

  /** Runs the published (or draft) version; failures come back as values. */
  async run(actionId: string, which: 'published' | 'draft', input: unknown): Promise<ExecutionOutcome> {
    const record = this.actions.record(actionId)
    const version = record[which]
    if (!version)
      throw new SimHttpError(404, 'not.found', `${which === 'draft' ? 'Draft of action' : 'Action'} ${actionId} was not found.`)
    const blocked = this.blocker(record)
    if (blocked)
      return {
        ok: false,
        error: blocked,
        steps: [{ step: 1, name: 'Resolve integration credentials', success: false, error: blocked }]
      }
    const integration = this.integrations.record(record.integrationId)
    const credentialRef = Object.values(integration.config.credentials)[0]!
    const credential = this.integrations.credential(credentialRef.id)
    return executeAction({ config: version.config as never, contract: version.contract }, input, this.invoker!, {
      clientId: credential.fields.clientId ?? '',
      clientSecret: credential.fields.clientSecret ?? ''
    })
  }

  /** `POST …/execute`: the result object, or the action's error as a Genesys error. */
  async execute(actionId: string, input: unknown, flatten: boolean): Promise<unknown> {
    const outcome = await this.run(actionId, 'published', input)
    if (!outcome.ok) throw new SimHttpError(outcome.error.status, outcome.error.code, outcome.error.message)
    return flatten ? flattenResult(outcome.result) : outcome.result
  }

  /** `POST …/test` / `…/draft/test`: a `TestExecutionResult` with every step. */
  async test(actionId: string, which: 'published' | 'draft', input: unknown): Promise<Json> {
    const outcome = await this.run(actionId, which, input)
    const errorJson = (e: ActionError): Json => ({ message: e.message, code: e.code, status: e.status })
    return {
      operations: outcome.steps.map((s) => ({
        step: s.step,
        name: s.name,
        success: s.success,
        ...(s.result !== undefined ? { result: s.result } : {}),
        ...(s.error ? { error: errorJson(s.error) } : {})
      })),
      ...(outcome.ok ? { finalResult: outcome.result } : { error: errorJson(outcome.error) }),
      success: outcome.ok
    }
  }

  /**
   * Runs a published action the way an Architect flow refers to it (category + name); a flow whose action is
   * missing fails like Architect's "data action could not be found".
   */
  async runByName(category: string | undefined, name: string, input: unknown): Promise<ExecutionOutcome> {
    const record = category ? this.actions.findPublished(category, name) : this.actions.findByName(name)
    if (!record) {
      const error: ActionError = {
        status: 404,
        code: 'not.found',
        message: `The data action '${name}' could not be found${category ? ` in category '${category}'` : ''}.`
      }
      return { ok: false, error, steps: [] }
    }
    return this.run(record.id, 'published', input)
  }

  private blocker(record: ActionRecord): ActionError | undefined {
    const integration = this.integrations.record(record.integrationId)
    if (integration.typeId !== DATA_ACTIONS_TYPE) {
      return {
        status: 400,
        code: 'unsupported.integration',
        message: 'The demo org can only run Genesys Cloud Data Actions (it cannot reach external web services).'
      }
    }
    if (integration.intendedState !== 'ENABLED') {
      return {
        status: 400,
        code: 'integration.not.active',
        message: `The integration '${integration.config.name}' is not active; enable it to run its actions.`
      }
    }
    if (Object.keys(integration.config.credentials).length === 0) {
      return {
        status: 400,
        code: 'missing.credentials',
        message: `The integration '${integration.config.name}' has no OAuth client credential configured.`
      }
    }
    if (!this.invoker)
      return {
        status: 503,
        code: 'service.unavailable',
        message: 'Data actions need the demo org server (no Platform API endpoint is available).'
      }
    return undefined
  }
}
