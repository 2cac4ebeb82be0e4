/**
 * The fixed parts of the callback solution: its data actions (the blueprint's six under their blueprint names,
 * plus the five our lifecycle contract and timing policy need), the contact-list columns and the call-analysis reactions.
 * Templates live in `resources/`; this file says which files exist and what each one is called in the org.
 */

import type { FlowRole } from './setup-model'

/** Template file name per flow role, as shipped in `resources/flows/`. */
export const FLOW_FILES: Readonly<Record<FlowRole, string>> = {
  outbound: 'outbound.yaml',
  workflow: 'workflow.yaml',
  inbound: 'inbound.yaml',
  inQueue: 'in-queue.yaml'
}

/** One data action: the template file under `resources/data-actions/` and its name in the org. */
export interface SolutionAction {
  readonly file: string
  readonly name: string
  /** Also in the blueprint (same name and input/output property names, defects fixed). */
  readonly fromBlueprint: boolean
}

/** Every data action setup deploys, in the order they are created. */
export const SOLUTION_ACTIONS: readonly SolutionAction[] = [
  { file: 'add-contact-to-contact-list.json', name: 'Add contact to contact list', fromBlueprint: true },
  { file: 'create-placeholder-callback.json', name: 'Create placeholder callback', fromBlueprint: true },
  { file: 'disconnect-callback.json', name: 'Disconnect callback', fromBlueprint: true },
  { file: 'execute-workflow.json', name: 'Execute workflow', fromBlueprint: true },
  { file: 'get-callbacks-waiting.json', name: 'Get callbacks waiting', fromBlueprint: true },
  { file: 'get-interaction-state.json', name: 'Get interaction state', fromBlueprint: true },
  { file: 'set-callback-state.json', name: 'Set callback state', fromBlueprint: false },
  { file: 'reschedule-callback.json', name: 'Reschedule callback', fromBlueprint: false },
  { file: 'get-dial-result.json', name: 'Get dial result', fromBlueprint: false },
  { file: 'count-callers-ahead.json', name: 'Count callers ahead', fromBlueprint: false },
  { file: 'get-estimated-wait.json', name: 'Get estimated wait', fromBlueprint: false }
]

/** Object key of a data action (`action:create-placeholder-callback`). */
export function actionKey(action: SolutionAction): `action:${string}` {
  return `action:${action.file.replace(/\.json$/, '')}`
}

/**
 * Contact-list columns: the blueprint's four (`phone`, `name`, `delay`, `callbackId`) plus `requestedAt`
 * (the caller's virtual place, for the transfer priority) and `attempt` (which dial this is).
 */
export const CONTACT_COLUMNS = ['phone', 'name', 'delay', 'callbackId', 'requestedAt', 'attempt'] as const

/** The phone column and its type, as the blueprint's contact list and campaign declare it. */
export const PHONE_COLUMN = { columnName: 'phone', type: 'cell' } as const

/** Call-analysis dispositions; every one but a live person hangs up (the workflow then retries or cleans up). */
export const CALL_ANALYSIS_DISPOSITIONS = [
  'callable.person',
  'callable.machine',
  'callable.busy',
  'callable.noanswer',
  'callable.fax',
  'callable.sit',
  'callable.disconnect',
  'callable.lineconnected',
  'uncallable.sit',
  'uncallable.notfound'
] as const
