/**
 * Runs one data action the way the data-action service does: validate the input against the contract, render
 * the URL and body templates (Velocity), call the Platform API with the integration's credential, apply the
 * translation map (JSONPath, values JSON-encoded, defaults inserted verbatim), render the success template, parse
 * it as JSON and check it against the output contract. Every step is recorded for `/test`.
 */
import { checkSchema } from './json-schema-check'
import { evaluateJsonPath } from './json-path'
import type { OAuthClientCredential, PlatformInvoker } from './platform-invoker'
import { renderVelocity } from './velocity'

/** The parts of an action the executor needs (the SDK's `ActionConfig` + `ActionContractInput`). */
export interface ExecutableAction {
  readonly config: {
    readonly request?: { requestUrlTemplate?: string; requestType?: string; requestTemplate?: string }
    readonly response?: {
      translationMap?: Record<string, string>
      translationMapDefaults?: Record<string, string>
      successTemplate?: string
    }
  }
  readonly contract: { input?: { inputSchema?: unknown }; output?: { successSchema?: unknown } }
}

/** Why an action run failed, as the Actions API reports it. */
export interface ActionError {
  readonly status: number
  readonly code: string
  readonly message: string
}

/** One step of a test run (`TestExecutionOperationResult`). */
export interface ExecutionStep {
  readonly step: number
  readonly name: string
  readonly success: boolean
  readonly result?: unknown
  readonly error?: ActionError
}

/** A run's result or error, with every step (for `/test`). */
export type ExecutionOutcome =
  | { readonly ok: true; readonly result: unknown; readonly steps: ExecutionStep[] }
  | { readonly ok: false; readonly error: ActionError; readonly steps: ExecutionStep[] }

/** Executes `action` with `input`; never throws for expected failures. */
export async function executeAction(
  action: ExecutableAction,
  input: unknown,
  invoker: PlatformInvoker,
  credential: OAuthClientCredential
): Promise<ExecutionOutcome> {
  const steps: ExecutionStep[] = []
  const fail = (name: string, error: ActionError): ExecutionOutcome => {
    steps.push({ step: steps.length + 1, name, success: false, error })
    return { ok: false, error, steps }
  }
  const ok = (name: string, result: unknown): void => void steps.push({ step: steps.length + 1, name, success: true, result })

  const inputProblem = checkSchema(input, action.contract.input?.inputSchema)
  if (inputProblem)
    return fail('Validate input against the input contract', {
      status: 400,
      code: 'invalid.input',
      message: `Failed to validate input: ${inputProblem}`
    })
  ok('Validate input against the input contract', input)

  const scope = { input: input as Record<string, unknown> }
  const request = action.config.request ?? {}
  const url = renderVelocity(request.requestUrlTemplate ?? '', scope)
  if (!url.startsWith('/api/v2/')) {
    return fail('Resolve request URL template', {
      status: 400,
      code: 'invalid.url',
      message: `The resolved URL '${url}' is not a Platform API path (/api/v2/...).`
    })
  }
  ok('Resolve request URL template', url)
  const method = (request.requestType ?? 'GET').toUpperCase()
  const sendsBody = method !== 'GET' && method !== 'DELETE'
  const body = sendsBody ? renderVelocity(request.requestTemplate ?? '${input.rawRequest}', scope) : undefined
  ok('Resolve request body template', body ?? '')

  const response = await invoker.send({ method, url, ...(body !== undefined ? { body } : {}) }, credential)
  if (response.status < 200 || response.status >= 300) {
    const upstream = parse(response.text)
    const code = isRecord(upstream) && typeof upstream.code === 'string' ? upstream.code : 'bad.request'
    return fail('Execute request', {
      status: response.status,
      code,
      message: `REST call for action execute failed. Message: Request to backend service failed. Response from web service: ${response.text}`
    })
  }
  const raw = response.text === '' ? '{}' : response.text
  const doc = parse(raw)
  ok('Execute request', doc)

  const responseConfig = action.config.response ?? {}
  const values: Record<string, string> = {}
  for (const [name, path] of Object.entries(responseConfig.translationMap ?? {})) {
    const found = evaluateJsonPath(doc, path)
    const usable = found.found && !(Array.isArray(found.value) && found.value.length === 0)
    const fallback = responseConfig.translationMapDefaults?.[name]
    if (usable) values[name] = JSON.stringify(found.value)
    else if (fallback !== undefined) values[name] = fallback
    else
      return fail('Resolve translation map', {
        status: 400,
        code: 'invalid.translation',
        message: `The translation map entry '${name}' (${path}) matched nothing and has no default.`
      })
  }
  ok('Resolve translation map', values)

  const rendered = renderVelocity(responseConfig.successTemplate ?? '${rawResult}', { ...scope, ...values, rawResult: raw })
  let result: unknown
  try {
    result = JSON.parse(rendered) as unknown
  } catch (e: unknown) {
    return fail('Resolve success template', {
      status: 400,
      code: 'invalid.success.template',
      message: `Transform failed to process result using 'successTemplate' template due to error: '${e instanceof Error ? e.message : String(e)}' (rendered: ${rendered})`
    })
  }
  ok('Resolve success template', result)

  const outputProblem = checkSchema(result, action.contract.output?.successSchema, 'output')
  if (outputProblem)
    return fail('Validate output against the success schema', {
      status: 400,
      code: 'invalid.output',
      message: `The action's result does not match its output contract: ${outputProblem}`
    })
  ok('Validate output against the success schema', result)
  return { ok: true, result, steps }
}

/** Flattens nested objects to dotted keys (`?flatten=true`), the shape Architect reads outputs in. */
export function flattenResult(value: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) flattenResult(v, prefix ? `${prefix}.${k}` : k, out)
  } else if (prefix !== '') out[prefix] = value
  return out
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
