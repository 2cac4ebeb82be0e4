/**
 * Shared fixtures for the setup tests: the shipped templates (read once from `resources/`), valid inputs and
 * target facts, and an "actual" state built from the desired one as if an apply had just finished.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { desiredState, type SetupTemplates, type TargetFacts } from '../../../src-main/core/setup/desired-state'
import { materialize } from '../../../src-main/core/setup/materialize'
import { parseSetupInputs, type SetupInputs } from '../../../src-main/core/setup/setup-inputs'
import type { ActualObject, ActualState, DesiredState, ObjectKey } from '../../../src-main/core/setup/setup-model'
import { FLOW_FILES, SOLUTION_ACTIONS } from '../../../src-main/core/setup/solution-catalog'
import { FLOW_ROLES } from '../../../src-main/core/setup/setup-model'

export const RESOURCES = join(import.meta.dirname, '../../../resources')

/** The shipped templates. */
export function templates(): SetupTemplates {
  const flows = Object.fromEntries(
    FLOW_ROLES.map((r) => [r, readFileSync(join(RESOURCES, 'flows', FLOW_FILES[r]), 'utf8')])
  ) as SetupTemplates['flows']
  const actions = Object.fromEntries(
    SOLUTION_ACTIONS.map((a) => [a.file, readFileSync(join(RESOURCES, 'data-actions', a.file), 'utf8')])
  )
  return { flows, actions }
}

export const TARGET_ID = '11111111-1111-4111-8111-111111111111'
export const SITE_ID = '22222222-2222-4222-8222-222222222222'

/** Valid inputs (defaults applied), with overrides. */
export function inputs(overrides: Record<string, unknown> = {}): SetupInputs {
  const parsed = parseSetupInputs({
    targetQueueId: TARGET_ID,
    callerIdName: 'Acme Care',
    callerIdNumber: '+13175550100',
    telephony: { kind: 'site', id: SITE_ID },
    dataActionsClient: { clientId: 'client-id', clientSecret: 'very-secret' },
    ...overrides
  })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return parsed.value
}

export const FACTS: TargetFacts = { targetQueueName: 'Customer Service', divisionName: 'Home', restoreQueueFlowId: 'none' }

/** Deterministic fake ids per key. */
export function fakeId(key: ObjectKey): string {
  let h = 0
  for (const c of key) h = (h * 31 + c.charCodeAt(0)) >>> 0
  const hex = h.toString(16).padStart(8, '0')
  return `${hex}-0000-4000-8000-${hex}0000`
}

/** The org as it looks right after a successful apply of `desired` (every object ours, bodies as sent). */
export function appliedState(desired: DesiredState): ActualState {
  const ids: Record<string, string> = { targetQueue: TARGET_ID }
  for (const d of desired.objects) if (d.key !== 'targetQueue') ids[d.key] = fakeId(d.key)
  const objects: Partial<Record<ObjectKey, ActualObject>> = {}
  let queueFlowId: string | null = null
  for (const d of desired.objects) {
    const m = materialize(d, ids)
    if (m.status !== 'ready') throw new Error(`${d.key} not ready`)
    if (d.key === 'targetQueue') {
      queueFlowId = m.body.queueFlowId as string
      continue
    }
    let fields: Record<string, unknown> = { ...m.body, id: ids[d.key] }
    if (d.kind === 'flow')
      fields = { ...fields, type: d.spec.kind === 'flow' ? d.spec.flowType : '', publishedVersion: { id: '1.0' } }
    if (d.kind === 'integration')
      fields = {
        id: ids[d.key],
        name: d.name,
        notes: m.body.notes,
        intendedState: 'ENABLED',
        config: { current: { name: d.name, credentials: { pureCloudOAuthClient: { id: m.body.credentialId } } } }
      }
    if (d.kind === 'campaign') fields = { ...fields, campaignStatus: 'on' }
    if (d.kind === 'credential') fields = { id: ids[d.key], name: d.name, type: { name: 'pureCloudOAuthClient' } }
    objects[d.key] = { key: d.key, id: ids[d.key]!, name: d.name, ours: true, fields }
  }
  return { objects, targetQueue: { id: TARGET_ID, name: FACTS.targetQueueName, divisionName: 'Home', queueFlowId } }
}

/** Desired state for the fixture inputs. */
export function desired(overrides: Record<string, unknown> = {}): DesiredState {
  return desiredState(inputs(overrides), templates(), FACTS)
}
