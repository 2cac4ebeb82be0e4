/**
 * Archy YAML for the seeded deployment's four flows, with every id substituted the way a deployer does. They
 * are condensed (the blocks the emulation and the reference checks read: inputs, data-action calls with their
 * literal ids, the contact list, the target queue), not full exports.
 */
import { stringify } from 'yaml'
import type { FlowsMode } from './flow-emulation'

/** The ids and names a deployer substitutes into the flow templates. */
export interface FlowWiring {
  readonly mode: FlowsMode
  readonly category: string
  readonly holdingQueueId: string
  readonly contactListId: string
  readonly contactListName: string
  readonly targetQueueName: string
  readonly wrapupCodeName: string
}

const callData = (category: string, action: string, inputs: Record<string, unknown>): Record<string, unknown> => ({
  callData: { name: action, timeout: { lit: { minutes: 1 } }, category: { [category]: { dataAction: { [action]: { inputs } } } } }
})

/** Names of the seeded flows (the blueprint deployer's names). */
export const FLOW_NAMES = {
  outbound: 'Proactive callback connect',
  workflow: 'Proactive callback workbin',
  inbound: 'Trigger proactive callback workflow',
  inQueue: 'Proactive callbacks'
} as const

/** The outbound call flow: menu, Disconnect callback, Transfer to ACD with priority. */
export function outboundFlowYaml(w: FlowWiring): string {
  const disconnect = callData(w.category, 'Disconnect callback', { conversationId: { exp: 'Call.Contact.callbackId' } })
  const transfer = {
    transferToAcd: {
      name: 'Transfer to ACD',
      targetQueue: { lit: { name: w.targetQueueName } },
      priority: { exp: 'If(IsNotSetOrEmpty(Call.Contact.delay), 0, ToInt(Call.Contact.delay))' }
    }
  }
  const choices = (terms: string[], digit: string | undefined, actions: unknown[]) => ({
    menuTask: {
      name: terms[0],
      ...(digit && w.mode === 'ours' ? { dtmf: `Digit_${digit}` } : {}),
      task: { actions },
      speechRecTerms: { 'en-us': { terms } }
    }
  })
  return stringify({
    outboundCall: {
      name: FLOW_NAMES.outbound,
      description: 'Attempt to reach caller and put them to front of queue',
      division: 'Home',
      settingsOutboundCall: {
        contactList: { lit: { name: w.contactListName } },
        wrapupCode: { lit: { name: w.wrapupCodeName } }
      },
      menus: [
        {
          menu: {
            name: 'Main Menu',
            audio: {
              tts:
                w.mode === 'ours'
                  ? 'Do you still want to speak with an agent? Say yes or press 1, say no or press 2.'
                  : 'Do you still want to speak with an agent?'
            },
            choices: [
              choices(['yes'], '1', [disconnect, transfer]),
              choices(['no'], '2', [disconnect, { disconnect: { name: 'Disconnect' } }])
            ]
          }
        }
      ]
    }
  })
}

/** The workflow: inputs, placeholder creation, wait, state check, contact push. */
export function workflowYaml(w: FlowWiring): string {
  const input = (name: string, initial?: string) => ({
    stringVariable: { name, initialValue: initial === undefined ? { noValue: true } : { lit: initial }, isInput: true }
  })
  const phone = w.mode === 'blueprint' ? { exp: 'ToDecimal(Flow.phone)' } : { exp: 'Flow.phone' }
  return stringify({
    workflow: {
      name: FLOW_NAMES.workflow,
      description: 'A work bin holding callbacks to be automated when their EWT expires',
      division: 'Home',
      variables: [input('Flow.delay', '5'), input('Flow.phone'), input('Flow.name', 'unknown')],
      states: [
        {
          state: {
            name: 'Initial State',
            actions: [
              callData(w.category, 'Create placeholder callback', { queueId: { lit: w.holdingQueueId }, callbackNumber: phone }),
              {
                wait: {
                  name: 'Wait',
                  duration: {
                    exp: w.mode === 'blueprint' ? 'MakeDuration(0,0,ToInt(Flow.delay),0,0)' : 'MakeDuration(0,0,0,30,0)'
                  }
                }
              },
              callData(w.category, 'Get interaction state', { conversationId: { exp: 'State.callbackConversationId' } }),
              callData(w.category, 'Add contact to contact list', { contactListId: { lit: w.contactListId } })
            ]
          }
        }
      ]
    }
  })
}

/** The inbound flow that launches the workflow through "Execute workflow". */
export function inboundFlowYaml(w: FlowWiring, workflowId: string): string {
  return stringify({
    inboundCall: {
      name: FLOW_NAMES.inbound,
      description: 'Begins automation of proactive callback workflow',
      division: 'Home',
      tasks: [
        {
          task: {
            name: 'Put callback in proactive callback work bin',
            actions: [
              callData(w.category, 'Execute workflow', { flowId: { lit: workflowId } }),
              { disconnect: { name: 'Disconnect' } }
            ]
          }
        }
      ]
    }
  })
}

/** The in-queue flow that counts waiting callbacks and hands over to the inbound flow. */
export function inQueueFlowYaml(w: FlowWiring): string {
  return stringify({
    inqueueCall: {
      name: FLOW_NAMES.inQueue,
      description: 'Template for offering proactive callbacks to callers entering queue',
      division: 'Home',
      tasks: [
        {
          task: {
            name: 'In-Queue Task',
            actions: [
              callData(w.category, 'Get callbacks waiting', { queueId: { lit: w.holdingQueueId } }),
              { transferToFlow: { name: 'Transfer to Flow', targetFlow: { name: FLOW_NAMES.inbound } } }
            ]
          }
        }
      ]
    }
  })
}
