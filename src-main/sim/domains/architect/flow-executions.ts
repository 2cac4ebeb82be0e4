/**
 * Workflow executions (`POST /api/v2/flows/executions`, `GET …/{id}`): validates the launch like the Platform API
 * (published workflow, JSON-primitive inputs), hands the run to the workflow emulation and records its outcome.
 */
import type { DomainContext } from '../shared/context'
import { isoDate } from '../shared/context'
import { isRecord, optionalString, requireObject, requireString, type Json } from '../shared/body'
import { badRequest, notFound } from '../shared/errors'
import type { FlowRecord, FlowStore, FlowVersionRecord } from './flow-store'

/** One launched execution, as the workflow emulation receives it. */
export interface WorkflowRun {
  readonly executionId: string
  readonly flow: FlowRecord
  readonly version: FlowVersionRecord
  /** Flow inputs after defaults (`Flow.phone`, `Flow.delay`, …), as strings like Architect string variables. */
  readonly inputs: Readonly<Record<string, string>>
}

/** How an execution ended (`FlowRuntimeExecution` fields). */
export interface WorkflowOutcome {
  readonly status: 'COMPLETED' | 'FAILED' | 'TERMINATED'
  /** The End Workflow exit reason, e.g. `Success`, `CallbackCanceled`, `NoPhoneNumber`. */
  readonly completionReason?: string
  readonly outputData?: Record<string, unknown>
  readonly error?: { readonly message: string; readonly code: string }
}

/** Runs one workflow execution and reports its outcome once (possibly much later, on the org clock). */
export type WorkflowRunner = (run: WorkflowRun, finish: (outcome: WorkflowOutcome) => void) => void

interface ExecutionRecord {
  readonly id: string
  readonly name: string
  readonly flowId: string
  readonly flowName: string
  readonly versionId: string
  readonly dateLaunched: number
  status: 'RUNNING' | 'COMPLETED' | 'FAILED' | 'TERMINATED'
  dateCompleted?: number
  completionReason?: string
  outputData?: Record<string, unknown>
  error?: { message: string; code: string }
}

const MAX_KEPT = 20_000

/** Launches and records workflow executions. */
export class FlowExecutions {
  private readonly executions = new Map<string, ExecutionRecord>()
  private runner: WorkflowRunner = (_run, finish) => finish({ status: 'COMPLETED', completionReason: 'Success' })

  constructor(
    private readonly ctx: DomainContext,
    private readonly flows: FlowStore
  ) {}

  setRunner(runner: WorkflowRunner): void {
    this.runner = runner
  }

  /** Validates and starts an execution; returns `FlowExecutionLaunchResponse`. */
  launch(body: unknown): Json {
    const obj = requireObject(body)
    const flowId = requireString(obj, 'flowId')
    const flow = this.flows.record(flowId)
    if (flow.type !== 'workflow')
      throw badRequest(`Flow '${flow.name}' is a ${flow.type} flow; only workflows can be launched.`, 'flow.type.not.launchable')
    const requested = optionalString(obj, 'flowVersion')
    const version = requested ? flow.versions.find((v) => v.id === requested) : this.flows.published(flow.id)
    if (!version)
      throw badRequest(
        `Flow '${flow.name}' has no ${requested ? `version ${requested}` : 'published version'}.`,
        'flow.not.published'
      )
    const inputs = this.readInputs(obj.inputData, version)
    const record: ExecutionRecord = {
      id: this.ctx.ids.next(),
      name: optionalString(obj, 'name') ?? `${flow.name} ${isoDate(this.ctx.clock.now())}`,
      flowId: flow.id,
      flowName: flow.name,
      versionId: version.id,
      dateLaunched: this.ctx.clock.now(),
      status: 'RUNNING'
    }
    this.remember(record)
    let finished = false
    const finish = (outcome: WorkflowOutcome): void => {
      if (finished) return
      finished = true
      Object.assign(record, outcome, { dateCompleted: this.ctx.clock.now() })
    }
    try {
      this.runner({ executionId: record.id, flow, version, inputs }, finish)
    } catch (e: unknown) {
      // A launch is asynchronous in Genesys: runtime failures show on the execution, not on the launch call.
      finish({ status: 'FAILED', error: { code: 'flow.runtime.error', message: e instanceof Error ? e.message : String(e) } })
    }
    return {
      id: record.id,
      name: record.name,
      flowVersion: { id: version.id, selfUri: `/api/v2/flows/${flow.id}/versions/${version.id}` },
      selfUri: `/api/v2/flows/executions/${record.id}`
    }
  }

  /** `FlowRuntimeExecution`. */
  get(id: string): Json {
    const r = this.executions.get(id)
    if (!r) throw notFound('Flow execution', id)
    return {
      id: r.id,
      name: r.name,
      flowVersion: { id: r.versionId, name: r.flowName, selfUri: `/api/v2/flows/${r.flowId}/versions/${r.versionId}` },
      dateLaunched: isoDate(r.dateLaunched),
      status: r.status,
      ...(r.dateCompleted !== undefined ? { dateCompleted: isoDate(r.dateCompleted) } : {}),
      ...(r.completionReason ? { completionReason: r.completionReason } : {}),
      ...(r.outputData ? { outputData: r.outputData } : {}),
      ...(r.error ? { flowErrorInfo: { message: r.error.message, code: r.error.code, status: 500 } } : {}),
      selfUri: `/api/v2/flows/executions/${r.id}`
    }
  }

  private readInputs(raw: unknown, version: FlowVersionRecord): Record<string, string> {
    if (raw !== undefined && raw !== null && !isRecord(raw))
      throw badRequest("The field 'inputData' must be an object.", 'invalid.input.data')
    const inputs: Record<string, string> = {}
    for (const input of version.flow.inputs) if (input.initialValue !== undefined) inputs[input.name] = input.initialValue
    for (const [key, value] of Object.entries(isRecord(raw) ? raw : {})) {
      if (value === null || value === undefined) continue
      if (typeof value === 'object')
        throw badRequest(`The input '${key}' must be a string, number or boolean.`, 'invalid.input.data')
      inputs[key] = String(value)
    }
    return inputs
  }

  private remember(record: ExecutionRecord): void {
    this.executions.set(record.id, record)
    if (this.executions.size > MAX_KEPT) {
      const oldest = this.executions.keys().next().value
      if (oldest) this.executions.delete(oldest)
    }
  }
}
