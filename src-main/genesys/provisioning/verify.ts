/**
 * Verify: every object is as desired (the plan is all "keep") and wired as the solution needs: flows published,
 * integration enabled, each data action test-executes, campaign on, always running and using setup's list and
 * response set, live answers → the outbound flow, the target queue's in-queue flow set, holding queue empty of
 * members. Data actions that change things run on a verification placeholder that verify cancels itself; the
 * two that would dial or append run against a probe id and must reach the API (a 404 for the probe).
 */
import type { SetupTemplates } from '../../core/setup/desired-state'
import type { SetupInputs } from '../../core/setup/setup-inputs'
import type { ActualState } from '../../core/setup/setup-model'
import { actionKey, SOLUTION_ACTIONS } from '../../core/setup/solution-catalog'
import { readDeployment } from './deployment-state'
import { PROBE_ID, StepFailure, type ProvisioningApi } from './provisioning-api'
import type { ProgressListener, VerifyCheck, VerifyResult } from './provisioning-types'

type TestOutcome = { success: boolean; result: Record<string, unknown>; status?: number; message: string }

/** Runs every check; never throws for an API refusal. */
export async function verifySetup(
  api: ProvisioningApi,
  inputs: SetupInputs,
  templates: SetupTemplates,
  nowMs: () => number,
  onProgress?: ProgressListener
): Promise<VerifyResult> {
  const checks: VerifyCheck[] = []
  const add = (name: string, ok: boolean, detail: string): void => {
    const check = { name, ok, detail }
    checks.push(check)
    onProgress?.({ kind: 'check', check })
  }
  try {
    onProgress?.({ kind: 'phase', phase: 'verify', message: 'Verifying the deployment' })
    const { actual, plan } = await readDeployment(api, inputs, templates)
    const drift = plan.steps.filter((s) => s.action !== 'keep')
    add(
      'every object as desired',
      drift.length === 0,
      drift.length === 0
        ? `${plan.steps.length} objects match`
        : drift.map((s) => `${s.key}: ${s.action}${s.changes.length ? ` (${s.changes.join(', ')})` : ''}`).join('; ')
    )
    wiringChecks(actual, add)
    await actionChecks(api, actual, inputs, nowMs, add)
    return { ok: checks.every((c) => c.ok), checks, tally: { ...api.tally } }
  } catch (e: unknown) {
    if (!(e instanceof StepFailure)) throw e
    return { ok: false, checks, tally: { ...api.tally }, error: { code: e.apiError.code, message: e.apiError.message } }
  }
}

function wiringChecks(actual: ActualState, add: (name: string, ok: boolean, detail: string) => void): void {
  const o = actual.objects
  for (const role of ['outbound', 'workflow', 'inbound', 'inQueue'] as const) {
    const flow = o[`flow:${role}`]
    const published = (flow?.fields.publishedVersion as { id?: string } | undefined)?.id
    add(`${role} flow published`, Boolean(published), flow ? (published ? `version ${published}` : 'not published') : 'missing')
  }
  const integration = o.integration?.fields
  add(
    'data-actions integration enabled',
    integration?.intendedState === 'ENABLED',
    String(integration?.intendedState ?? 'missing')
  )
  const campaign = o.campaign?.fields
  const ref = (v: unknown): string | undefined => (v as { id?: string } | undefined)?.id
  add('campaign on', campaign?.campaignStatus === 'on', String(campaign?.campaignStatus ?? 'missing'))
  add(
    'campaign always running and agentless',
    campaign?.alwaysRunning === true && campaign?.dialingMode === 'agentless',
    `alwaysRunning=${String(campaign?.alwaysRunning)}, dialingMode=${String(campaign?.dialingMode)}`
  )
  add(
    "campaign uses setup's contact list and response set",
    ref(campaign?.contactList) === o.contactList?.id && ref(campaign?.callAnalysisResponseSet) === o.responseSet?.id,
    'contactList + callAnalysisResponseSet'
  )
  const person = (o.responseSet?.fields.responses as Record<string, { reactionType?: string; data?: string }> | undefined)?.[
    'disposition.classification.callable.person'
  ]
  add(
    'live answers go to the outbound flow',
    person?.reactionType === 'transfer_flow' && person.data === o['flow:outbound']?.id,
    `${person?.reactionType ?? 'missing'} → ${person?.data ?? '-'}`
  )
  add(
    "target queue's in-queue flow set",
    actual.targetQueue?.queueFlowId === o['flow:inQueue']?.id,
    `queueFlow=${actual.targetQueue?.queueFlowId ?? 'none'}`
  )
  const members = Number(o.holdingQueue?.fields.memberCount ?? 0)
  add('holding queue has no members', members === 0, `${members} members`)
}

async function actionChecks(
  api: ProvisioningApi,
  actual: ActualState,
  inputs: SetupInputs,
  nowMs: () => number,
  add: (name: string, ok: boolean, detail: string) => void
): Promise<void> {
  const id = (file: string): string | undefined => actual.objects[actionKey(SOLUTION_ACTIONS.find((a) => a.file === file)!)]?.id
  const test = async (file: string, input: Record<string, string>): Promise<TestOutcome> => {
    const actionId = id(file)
    if (!actionId) return { success: false, result: {}, message: 'action missing' }
    const r = await api.call(
      'POST /api/v2/integrations/actions/{actionId}/test',
      (a) => a.integrations.postIntegrationsActionTest(actionId, input),
      { idempotent: false }
    )
    if (!r.ok)
      return {
        success: false,
        result: {},
        message: r.error.message,
        ...(r.error.status !== undefined ? { status: r.error.status } : {})
      }
    const v = r.value
    const status = v.error?.status
    return {
      success: v.success === true,
      result: (v.finalResult ?? {}) as Record<string, unknown>,
      message: v.error?.message ?? 'ok',
      ...(status !== undefined ? { status } : {})
    }
  }
  const name = (file: string): string => `data action "${SOLUTION_ACTIONS.find((a) => a.file === file)!.name}" test-executes`
  const holding = actual.objects.holdingQueue?.id ?? PROBE_ID
  const now = nowMs()
  const iso = (ms: number): string => new Date(ms).toISOString()

  const waiting = await test('get-callbacks-waiting.json', { queueId: holding })
  add(
    name('get-callbacks-waiting.json'),
    waiting.success && typeof waiting.result.count === 'number',
    waiting.success ? `count=${String(waiting.result.count)}` : waiting.message
  )
  const ahead = await test('count-callers-ahead.json', {
    queueId: inputs.targetQueueId,
    mediaType: 'voice',
    since: iso(now - 86_400_000),
    before: iso(now)
  })
  add(
    name('count-callers-ahead.json'),
    ahead.success && typeof ahead.result.count === 'number',
    ahead.success ? `count=${String(ahead.result.count)}` : ahead.message
  )
  const ewt = await test('get-estimated-wait.json', { queueId: inputs.targetQueueId })
  add(
    name('get-estimated-wait.json'),
    ewt.success && typeof ewt.result.seconds === 'number',
    ewt.success ? `seconds=${String(ewt.result.seconds)}` : ewt.message
  )

  // Round trip on a verification placeholder: create, read, reschedule, mark cancelled, disconnect, read again.
  const actor = { actorId: 'callback-console-setup-verify', actorName: 'Callback Console setup (verify)' }
  const created = await test('create-placeholder-callback.json', {
    queueId: holding,
    callbackNumber: inputs.callerIdNumber,
    callbackUserName: 'Setup verification',
    callbackScheduledTime: iso(now + 3_600_000),
    requestedAt: iso(now),
    ...actor
  })
  const placeholder = (created.result.conversation as { id?: string } | undefined)?.id
  add(
    name('create-placeholder-callback.json'),
    created.success && Boolean(placeholder),
    created.success ? 'verification placeholder created' : created.message
  )
  const conversationId = placeholder ?? PROBE_ID
  const state = await test('get-interaction-state.json', { conversationId })
  add(
    name('get-interaction-state.json'),
    state.success && state.result.ccState === 'waiting',
    state.success ? `state=${String(state.result.state)}, cc.state=${String(state.result.ccState)}` : state.message
  )
  const moved = await test('reschedule-callback.json', { conversationId, callbackScheduledTime: iso(now + 7_200_000) })
  add(name('reschedule-callback.json'), moved.success, moved.message)
  const marked = await test('set-callback-state.json', {
    conversationId,
    participantId: String(state.result.participantId ?? PROBE_ID),
    state: 'cancelled',
    at: iso(now),
    action: 'cancel',
    reason: 'setup verification',
    ...actor
  })
  add(name('set-callback-state.json'), marked.success, marked.message)
  const ended = await test('disconnect-callback.json', { conversationId })
  const after = await test('get-interaction-state.json', { conversationId })
  const gone = after.success && (after.result.state === 'disconnected' || after.result.state === 'terminated')
  add(
    name('disconnect-callback.json'),
    ended.success && gone,
    ended.success ? `placeholder now ${String(after.result.state)}` : ended.message
  )

  // These two would append a dial or read a real contact: prove they reach the API with probe ids instead.
  const append = await test('add-contact-to-contact-list.json', {
    contactListId: PROBE_ID,
    contactId: 'callback-console-verify',
    phone: inputs.callerIdNumber,
    callbackId: PROBE_ID
  })
  add(name('add-contact-to-contact-list.json'), !append.success && append.status === 404, probeDetail(append))
  const dial = await test('get-dial-result.json', {
    contactListId: actual.objects.contactList?.id ?? PROBE_ID,
    contactId: 'callback-console-verify'
  })
  add(name('get-dial-result.json'), !dial.success && dial.status === 404, probeDetail(dial))

  // An empty number makes the workflow end at once (NoPhoneNumber): a real launch with no callback behind it.
  const launched = await test('execute-workflow.json', {
    flowId: actual.objects['flow:workflow']?.id ?? PROBE_ID,
    phone: '',
    name: 'Setup verification'
  })
  add(
    name('execute-workflow.json'),
    launched.success && Boolean(launched.result.executionId),
    launched.success ? `execution ${String(launched.result.executionId)}` : launched.message
  )
}

function probeDetail(outcome: TestOutcome): string {
  return outcome.status === 404
    ? 'reached the API (404 for the probe id, as expected)'
    : `expected a 404 for the probe id, got: ${outcome.message}`
}
