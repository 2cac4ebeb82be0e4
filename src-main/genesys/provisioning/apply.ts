/**
 * Apply: preflight, then every object in dependency order, each one re-planned against the org's copy with the
 * ids known so far (so a run that stopped half-way simply continues, and a second run changes nothing). A
 * failure stops at that step and comes back as a value naming it; what was done stays done.
 */
import type { SetupTemplates } from '../../core/setup/desired-state'
import { materialize } from '../../core/setup/materialize'
import { actualFor, planObject } from '../../core/setup/planner'
import type { SetupInputs } from '../../core/setup/setup-inputs'
import { idsOf } from '../../core/setup/setup-model'
import { profileFrom, readDeployment } from './deployment-state'
import { createObject, updateObject, type WriterContext } from './object-writer'
import { runPreflight } from './preflight'
import { StepFailure, type ProvisioningApi } from './provisioning-api'
import type { AppliedStep, ApplyResult, EngineFailure, ProgressListener } from './provisioning-types'

/** Templates, writer context and progress for one apply. */
export interface ApplyOptions {
  readonly templates: SetupTemplates
  readonly writer: WriterContext
  readonly onProgress?: ProgressListener
  /** Skip the preflight (the wizard ran it a moment ago). */
  readonly skipPreflight?: boolean
}

/** Applies the deployment described by `inputs`. */
export async function applySetup(api: ProvisioningApi, inputs: SetupInputs, options: ApplyOptions): Promise<ApplyResult> {
  const emit = options.onProgress ?? (() => undefined)
  const done: AppliedStep[] = []
  let current: string | undefined
  let currentName = ''
  try {
    emit({ kind: 'phase', phase: 'read', message: 'Reading the org' })
    const { actual, desired, plan } = await readDeployment(api, inputs, options.templates)
    if (!options.skipPreflight) {
      emit({ kind: 'phase', phase: 'preflight', message: 'Checking permissions, limits and names' })
      const preflight = await runPreflight(api, inputs, plan)
      if (!preflight.ok) {
        return {
          ok: false,
          error: { code: 'preflight', message: preflight.problems.join(' ') },
          preflight,
          done,
          tally: { ...api.tally }
        }
      }
    } else if (plan.summary.conflict > 0) {
      return {
        ok: false,
        error: {
          code: 'conflict',
          message: plan.steps
            .filter((s) => s.action === 'conflict')
            .map((s) => s.changes[0])
            .join('; ')
        },
        done,
        tally: { ...api.tally }
      }
    }
    emit({
      kind: 'phase',
      phase: 'apply',
      message: `Applying: ${plan.summary.create} to create, ${plan.summary.update} to update, ${plan.summary.keep} unchanged`
    })
    const ids: Record<string, string> = idsOf(actual)
    const total = desired.objects.length
    for (const [index, d] of desired.objects.entries()) {
      current = d.key
      currentName = d.name
      const existing = actualFor(d.key, actual)
      const step = planObject(d, existing, ids, inputs.adopt)
      emit({ kind: 'step-start', key: d.key, name: d.name, action: step.action, index, total })
      if (step.action === 'conflict') throw new StepFailure({ code: 'conflict', message: step.changes[0] ?? 'conflict' }, d.key)
      if (step.action !== 'keep') {
        const m = materialize(d, ids)
        if (m.status !== 'ready')
          throw new Error(
            `[Provisioning] ${d.key} is not ready to write: ${m.status === 'pending' ? m.waitingFor.join(', ') : m.message}`
          )
        if (step.action === 'create') ids[d.key] = await createObject(d.kind, d.name, m.body, options.writer, m.flow)
        else await updateObject(d.kind, existing!, m.body, step.changes, options.writer, m.flow)
      }
      const id = ids[d.key] ?? ''
      done.push({ key: d.key, name: d.name, action: step.action, id })
      emit({ kind: 'step-done', key: d.key, name: d.name, action: step.action, id })
    }
    const profile = profileFrom(ids, inputs.targetQueueId)
    if (!profile) throw new Error('[Provisioning] apply finished without a holding queue, campaign or contact list')
    return { ok: true, plan, done, tally: { ...api.tally }, profile }
  } catch (e: unknown) {
    if (!(e instanceof StepFailure)) throw e
    const error: EngineFailure = {
      code: e.apiError.code,
      message: current ? `Stopped at ${current} ("${currentName}"): ${e.apiError.message}` : e.apiError.message,
      ...(current ? { step: current as EngineFailure['step'] } : {}),
      ...(e.apiError.missingPermissions ? { missingPermissions: e.apiError.missingPermissions } : {})
    }
    if (current) emit({ kind: 'step-failed', key: current as AppliedStep['key'], name: currentName, error: e.apiError })
    return { ok: false, error, done, tally: { ...api.tally } }
  }
}
