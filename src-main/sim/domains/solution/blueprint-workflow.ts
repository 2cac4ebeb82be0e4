/**
 * The original blueprint's workflow ("Proactive callback workbin", blueprint.md §5.3), step by step through the
 * org's own data actions so its defects happen for real: `ToDecimal(Flow.phone)` sent as a JSON number, one
 * fixed wait that ignores reschedules, a cancel check that fails open, and a hand-built contact JSON.
 */
import type { SimOrg } from '../../org/org'
import type { WorkflowOutcome, WorkflowRun } from '../architect/flow-executions'
import { workflowWiring } from './deployment'
import { sleep, toInt } from './flow-actor'

const log = (line: string): void => console.log(`[DemoOrg:blueprint-workflow] ${line}`)

/** Starts one execution of the blueprint workflow. */
export function runBlueprintWorkflow(org: SimOrg, run: WorkflowRun, finish: (o: WorkflowOutcome) => void): void {
  steps(org, run).then(finish, (e: unknown) => {
    log(`execution ${run.executionId} failed: ${e instanceof Error ? e.message : String(e)}`)
    finish({ status: 'FAILED', error: { code: 'flow.runtime.error', message: e instanceof Error ? e.message : String(e) } })
  })
}

async function steps(org: SimOrg, run: WorkflowRun): Promise<WorkflowOutcome> {
  const integrations = org.integrations!
  const phone = run.inputs['Flow.phone']
  // #12 Terminate if no phone number: IsSet(Flow.phone)
  if (phone === undefined) return { status: 'COMPLETED', completionReason: 'NoPhoneNumber' }
  const wiring = workflowWiring(org, run.flow)
  const category = wiring.actionCategory
  const name = run.inputs['Flow.name'] ?? 'unknown'
  const delay = run.inputs['Flow.delay'] ?? '5'
  // #17 Create placeholder callback: callbackNumber = ToDecimal(Flow.phone), a JSON number (the '+' is lost).
  const callbackNumber = Number(phone.trim())
  if (phone.trim() === '' || !Number.isFinite(callbackNumber)) {
    return {
      status: 'FAILED',
      error: { code: 'flow.runtime.error', message: `ToDecimal could not convert '${phone}' to a decimal.` }
    }
  }
  const created = await integrations.runByName(category, 'Create placeholder callback', {
    queueId: wiring.holdingQueueId ?? '',
    callbackNumber
  })
  const createdResult = created.ok ? (created.result as { conversation?: { id?: unknown } }) : undefined
  const callbackConversationId = typeof createdResult?.conversation?.id === 'string' ? createdResult.conversation.id : undefined
  // #14 Wait MakeDuration(0,0,ToInt(Flow.delay),0,0): exactly this long, whatever happens to the placeholder.
  const minutes = toInt(delay)
  if (minutes === undefined)
    return {
      status: 'FAILED',
      error: { code: 'flow.runtime.error', message: `ToInt could not convert '${delay}' to an integer.` }
    }
  await sleep(org, Math.max(0, minutes) * 60_000)
  // #21/#22 Get interaction state; only a successful "disconnected" stops the dial (fails open).
  const state = await integrations.runByName(
    category,
    'Get interaction state',
    callbackConversationId ? { conversationId: callbackConversationId } : {}
  )
  if (state.ok && (state.result as { state?: unknown }).state === 'disconnected')
    return { status: 'COMPLETED', completionReason: 'CallbackCanceled' }
  // #15 Push call into agentless campaign with hand-built JSON.
  const data = `"phone": "${phone}", "name": "${name}", "delay": "${delay}", "callbackId": "${callbackConversationId ?? ''}"`
  const pushed = await integrations.runByName(category, 'Add contact to contact list', {
    contactListId: wiring.contactListId ?? '',
    data
  })
  return pushed.ok ? { status: 'COMPLETED', completionReason: 'Success' } : { status: 'COMPLETED', completionReason: 'Failure' }
}
