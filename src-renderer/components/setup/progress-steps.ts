import type { ProgressEvent, SetupPlan, TeardownPlan } from '../../../src-main/contract/setup-views'

/** Where one step of an apply or teardown is, for the progress list. */
export type StepState = 'pending' | 'running' | 'done' | 'failed'

/** One line of the progress list. */
export interface ProgressStep {
  readonly key: string
  readonly name: string
  readonly action: string
  readonly state: StepState
  readonly error?: string
}

/** The progress list before an apply starts: every planned object, pending. */
export function stepsFromPlan(plan: SetupPlan): ProgressStep[] {
  return plan.steps.map((s) => ({ key: s.key, name: s.name, action: s.action, state: 'pending' }))
}

/** The progress list before a teardown starts. */
export function stepsFromTeardown(plan: TeardownPlan): ProgressStep[] {
  return plan.steps.map((s) => ({ key: s.key, name: s.name, action: s.action, state: 'pending' }))
}

/**
 * Folds one pushed progress event into the list (pure, so the store stays a mirror). Steps the list did not
 * expect (the org changed since the plan) are appended, so progress never goes missing.
 */
export function applyProgress(steps: readonly ProgressStep[], event: ProgressEvent): ProgressStep[] {
  switch (event.kind) {
    case 'step-start':
      return upsert(steps, { key: event.key, name: event.name, action: event.action, state: 'running' })
    case 'step-done':
      return upsert(steps, { key: event.key, name: event.name, action: event.action, state: 'done' })
    case 'step-failed': {
      const action = steps.find((s) => s.key === event.key)?.action ?? ''
      return upsert(steps, { key: event.key, name: event.name, action, state: 'failed', error: event.error.message })
    }
    case 'phase':
    case 'check':
      return [...steps]
  }
}

function upsert(steps: readonly ProgressStep[], next: ProgressStep): ProgressStep[] {
  const at = steps.findIndex((s) => s.key === next.key)
  if (at < 0) return [...steps, next]
  return steps.map((s, i) => (i === at ? next : s))
}

/** Finished steps out of all, for the progress bar. */
export function progressCount(steps: readonly ProgressStep[]): { done: number; total: number } {
  return { done: steps.filter((s) => s.state === 'done').length, total: steps.length }
}
