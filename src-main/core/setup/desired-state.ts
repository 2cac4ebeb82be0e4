/**
 * Setup inputs + templates + what we know about the target queue → every object the deployment needs, with its
 * dependencies, in the blueprint deployer's order (reference/blueprint.md §7). Pure: ids of objects that do not
 * exist yet are `{ $ref }`s the apply resolves as it goes.
 */
import { DEFAULT_POLICY_SETTINGS } from '../timing/policy'
import type { SetupInputs } from './setup-inputs'
import { WEEK_DAYS } from './setup-inputs'
import { ownedDescription, setupNames } from './setup-names'
import type { DesiredObject, DesiredState, FlowRole, IdRef, ObjectKey, Spec } from './setup-model'
import { FLOW_TYPES } from './setup-model'
import { placeholdersIn } from './template-render'
import { actionKey, CALL_ANALYSIS_DISPOSITIONS, CONTACT_COLUMNS, PHONE_COLUMN, SOLUTION_ACTIONS } from './solution-catalog'

/** Template texts, loaded by the caller (the genesys layer reads `resources/`). */
export interface SetupTemplates {
  readonly flows: Readonly<Record<FlowRole, string>>
  /** By file name, e.g. `create-placeholder-callback.json`. */
  readonly actions: Readonly<Record<string, string>>
}

/** What setup must know about the org before it can describe the deployment. */
export interface TargetFacts {
  readonly targetQueueName: string
  /** Division of the target queue; the flows are created in it. */
  readonly divisionName: string
  /** In-queue flow the target queue had before setup (`none` if it had none), restored by teardown. */
  readonly restoreQueueFlowId: string
}

const ref = (key: ObjectKey): IdRef => ({ $ref: key })
const ACTION_KEYS: ObjectKey[] = SOLUTION_ACTIONS.map(actionKey)

/** Placeholders every flow template may use (values differ per flow only for name and description). */
export const FLOW_PLACEHOLDERS = [
  'flowName',
  'flowDescription',
  'divisionName',
  'integrationName',
  'targetQueueName',
  'targetQueueId',
  'holdingQueueId',
  'contactListId',
  'contactListName',
  'wrapupCodeName',
  'workflowId',
  'inboundFlowName',
  'waitSliceSeconds',
  'minSliceSeconds',
  'overheadSeconds',
  'offerThresholdSeconds',
  'maxAttempts',
  'retryDelayMinutes'
] as const

/** Placeholders the data-action templates may use. */
export const ACTION_PLACEHOLDERS = ['integrationName', 'integrationId'] as const

/** Template problems (unknown or malformed placeholders); empty = every template can be rendered. */
export function templateProblems(templates: SetupTemplates): string[] {
  const check = (name: string, text: string, known: readonly string[]): string[] =>
    placeholdersIn(text)
      .filter((p) => !known.includes(p))
      .map((p) => `${name} uses an unknown placeholder {{${p}}}`)
  // Values are escaped for double-quoted scalars; a formatter that switched to single quotes would break that.
  const singleQuoted = (name: string, text: string): string[] =>
    /'[^'\n]*\{\{/.test(text)
      ? [`${name} has a placeholder inside a single-quoted scalar; keep placeholders in double quotes`]
      : []
  return [
    ...Object.entries(templates.flows).flatMap(([role, text]) => [
      ...check(`flow ${role}`, text, FLOW_PLACEHOLDERS),
      ...singleQuoted(`flow ${role}`, text)
    ]),
    ...Object.entries(templates.actions).flatMap(([file, text]) => check(file, text, ACTION_PLACEHOLDERS))
  ]
}

/** Builds the desired deployment. Throws only on a missing or broken template (a packaging bug). */
export function desiredState(inputs: SetupInputs, templates: SetupTemplates, facts: TargetFacts): DesiredState {
  const problems = templateProblems(templates)
  if (problems.length > 0) throw new Error(`[Setup] ${problems.join('; ')}`)
  const names = setupNames(inputs.namePrefix)
  const objects: DesiredObject[] = []
  const add = (o: DesiredObject): void => void objects.push(o)

  if (!inputs.wrapupCodeName) {
    const body = { name: names.wrapupCode, description: ownedDescription('Wrap-up of callback dials nobody answered.') }
    add({ key: 'wrapupCode', kind: 'wrapupCode', name: names.wrapupCode, dependsOn: [], spec: { kind: 'wrapupCode', body } })
  }
  add({
    key: 'holdingQueue',
    kind: 'queue',
    name: names.holdingQueue,
    dependsOn: [],
    spec: {
      kind: 'queue',
      body: {
        name: names.holdingQueue,
        description: ownedDescription(
          `Placeholder callbacks for ${facts.targetQueueName} wait here until they are dialled; keep it without members.`,
          {
            target: inputs.targetQueueId,
            'restore-queue-flow': facts.restoreQueueFlowId
          }
        )
      }
    }
  })
  add({
    key: 'credential',
    kind: 'credential',
    name: names.credential,
    dependsOn: [],
    spec: {
      kind: 'credential',
      body: {
        name: names.credential,
        type: { name: 'pureCloudOAuthClient' },
        credentialFields: { clientId: inputs.dataActionsClient.clientId, clientSecret: inputs.dataActionsClient.clientSecret }
      },
      secretFields: ['clientSecret']
    }
  })
  add({
    key: 'integration',
    kind: 'integration',
    name: names.integration,
    dependsOn: ['credential'],
    spec: {
      kind: 'integration',
      notes: ownedDescription("Runs the callback solution's data actions."),
      credential: ref('credential')
    }
  })
  for (const action of SOLUTION_ACTIONS) {
    const template = templates.actions[action.file]
    if (template === undefined) throw new Error(`[Setup] missing data-action template ${action.file}`)
    add({
      key: actionKey(action),
      kind: 'action',
      name: action.name,
      dependsOn: ['integration'],
      spec: { kind: 'action', template, file: action.file, category: names.integration }
    })
  }
  add({
    key: 'contactList',
    kind: 'contactList',
    name: names.contactList,
    dependsOn: [],
    spec: {
      kind: 'contactList',
      body: { name: names.contactList, columnNames: [...CONTACT_COLUMNS], phoneColumns: [{ ...PHONE_COLUMN }] }
    }
  })
  if (inputs.businessHours) {
    const hours = inputs.businessHours
    const timeSlots = hours.days.map((d) => ({
      startTime: `${d.open}:00`,
      stopTime: `${d.close}:00`,
      day: WEEK_DAYS.indexOf(d.day) + 1
    }))
    add({
      key: 'callableTimeSet',
      kind: 'callableTimeSet',
      name: names.callableTimeSet,
      dependsOn: [],
      spec: {
        kind: 'callableTimeSet',
        body: { name: names.callableTimeSet, callableTimes: [{ timeZoneId: hours.timeZone, timeSlots }] }
      }
    })
  }

  const settings = DEFAULT_POLICY_SETTINGS
  const shared: Record<string, string | IdRef> = {
    divisionName: facts.divisionName,
    integrationName: names.integration,
    targetQueueName: facts.targetQueueName,
    targetQueueId: inputs.targetQueueId,
    holdingQueueId: ref('holdingQueue'),
    contactListId: ref('contactList'),
    contactListName: names.contactList,
    wrapupCodeName: inputs.wrapupCodeName ?? names.wrapupCode,
    workflowId: ref('flow:workflow'),
    inboundFlowName: names.inboundFlow,
    waitSliceSeconds: String(inputs.waitSliceSeconds),
    minSliceSeconds: String(Math.min(settings.minSliceSeconds, inputs.waitSliceSeconds)),
    overheadSeconds: String(settings.overheadSeconds),
    offerThresholdSeconds: String(inputs.offerThresholdSeconds),
    maxAttempts: String(inputs.retry.maxAttempts),
    retryDelayMinutes: String(inputs.retry.retryDelayMinutes)
  }
  const flow = (role: FlowRole, name: string, summary: string, deps: ObjectKey[]): void => {
    const template = templates.flows[role]
    if (template === undefined) throw new Error(`[Setup] missing flow template ${role}`)
    add({
      key: `flow:${role}`,
      kind: 'flow',
      name,
      dependsOn: [...deps, ...ACTION_KEYS],
      spec: {
        kind: 'flow',
        role,
        flowType: FLOW_TYPES[role],
        template,
        values: { ...shared, flowName: name, flowDescription: summary }
      }
    })
  }
  const outboundDeps: ObjectKey[] = inputs.wrapupCodeName ? ['contactList'] : ['contactList', 'wrapupCode']
  flow(
    'outbound',
    names.outboundFlow,
    'Confirms the caller still wants an agent and joins them to the target queue at their place.',
    outboundDeps
  )
  flow(
    'workflow',
    names.workflow,
    'Holds one callback: placeholder, timed dispatch, retries and clean-up (callback lifecycle contract).',
    ['holdingQueue', 'contactList']
  )
  flow('inbound', names.inboundFlow, 'Starts the callback workflow for a caller who accepted the offer.', ['flow:workflow'])
  flow('inQueue', names.inQueueFlow, 'Offers a callback when the wait is long and keeps everyone else in queue.', [
    'holdingQueue',
    'flow:inbound'
  ])

  const responses: Record<string, Spec> = {}
  for (const d of CALL_ANALYSIS_DISPOSITIONS) {
    responses[`disposition.classification.${d}`] =
      d === 'callable.person'
        ? { reactionType: 'transfer_flow', data: ref('flow:outbound'), name: names.outboundFlow }
        : { reactionType: 'hangup' }
  }
  add({
    key: 'responseSet',
    kind: 'responseSet',
    name: names.responseSet,
    dependsOn: ['flow:outbound'],
    spec: { kind: 'responseSet', body: { name: names.responseSet, responses, beepDetectionEnabled: false } }
  })

  const campaign: Record<string, Spec> = {
    name: names.campaign,
    contactList: { id: ref('contactList') },
    dialingMode: 'agentless',
    [inputs.telephony.kind === 'site' ? 'site' : 'edgeGroup']: { id: inputs.telephony.id },
    phoneColumns: [{ ...PHONE_COLUMN }],
    callAnalysisResponseSet: { id: ref('responseSet') },
    callerName: inputs.callerIdName,
    callerAddress: inputs.callerIdNumber,
    outboundLineCount: inputs.outboundLines,
    alwaysRunning: true,
    noAnswerTimeout: 30
  }
  if (inputs.businessHours) campaign.callableTimeSet = { id: ref('callableTimeSet') }
  const campaignDeps: ObjectKey[] = [
    'contactList',
    'responseSet',
    ...(inputs.businessHours ? (['callableTimeSet'] as const) : [])
  ]
  add({
    key: 'campaign',
    kind: 'campaign',
    name: names.campaign,
    dependsOn: campaignDeps,
    spec: { kind: 'campaign', body: campaign }
  })
  add({
    key: 'targetQueue',
    kind: 'targetQueue',
    name: facts.targetQueueName,
    dependsOn: ['flow:inQueue'],
    spec: { kind: 'targetQueue', targetQueueId: inputs.targetQueueId, queueFlow: ref('flow:inQueue') }
  })
  return { objects, restoreQueueFlowId: facts.restoreQueueFlowId }
}
