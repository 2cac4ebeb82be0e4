/**
 * The plan as people and pipelines read it: a `terraform plan`-like text for the CLI and wizard, and a JSON
 * report (inputs with the secret removed, every step, the summary) for change records.
 */
import type { SetupInputs } from './setup-inputs'
import type { PlanStep, SetupPlan, TeardownPlan } from './planner'

const SYMBOL: Readonly<Record<PlanStep['action'], string>> = { create: '+', update: '~', keep: '=', conflict: '!' }

/** One line per step, then the summary. */
export function formatPlan(plan: SetupPlan): string {
  const width = Math.max(...plan.steps.map((s) => s.key.length), 10)
  const lines = plan.steps.map((s) => {
    const detail = s.changes.length > 0 ? `  (${s.changes.join(', ')})` : ''
    const adopted = s.adopted ? '  [adopt]' : ''
    return `  ${SYMBOL[s.action]} ${s.key.padEnd(width)}  ${s.name}${adopted}${detail}`
  })
  const { create, update, keep, conflict } = plan.summary
  const head = `Plan: ${create} to create, ${update} to update, ${keep} unchanged${conflict > 0 ? `, ${conflict} in conflict` : ''}.`
  return [head, ...lines].join('\n')
}

/** Teardown as text: what goes, what is put back, what is left alone. */
export function formatTeardown(plan: TeardownPlan): string {
  const lines = plan.steps.map((s) =>
    s.action === 'restore'
      ? `  < ${s.key}  ${s.name}: in-queue flow back to ${s.restoreQueueFlowId ?? 'none'}`
      : `  - ${s.key}  ${s.name}`
  )
  const alone = plan.leftAlone.map((o) => `  = ${o.key}  ${o.name} (not created by setup; left alone)`)
  const deletes = plan.steps.filter((s) => s.action === 'delete').length
  return [`Teardown: ${deletes} to delete.`, ...lines, ...alone].join('\n')
}

/** Inputs safe to print or store: the OAuth client secret is replaced. */
export function redactInputs(inputs: SetupInputs): Record<string, unknown> {
  return { ...inputs, dataActionsClient: { clientId: inputs.dataActionsClient.clientId, clientSecret: '(redacted)' } }
}

/** The JSON report of a plan. */
export interface PlanReport {
  readonly kind: 'callback-console-setup-plan'
  readonly version: 1
  readonly generatedAt: string
  readonly inputs: Record<string, unknown>
  readonly summary: SetupPlan['summary']
  readonly steps: readonly PlanStep[]
}

/** Builds the JSON report; `nowMs` is injected (pure). */
export function planReport(plan: SetupPlan, inputs: SetupInputs, nowMs: number): PlanReport {
  return {
    kind: 'callback-console-setup-plan',
    version: 1,
    generatedAt: new Date(nowMs).toISOString(),
    inputs: redactInputs(inputs),
    summary: plan.summary,
    steps: plan.steps
  }
}
