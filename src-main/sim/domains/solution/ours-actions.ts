/**
 * The solution's six data actions with the blueprint's defects fixed (reference/blueprint.md §3, §10): the phone
 * travels as a JSON string, every value is JSON-escaped, the URL uses `${input.contactListId}` and asks for a
 * priority dial, and "Get interaction state" has a quoted default. Input/output property names stay the blueprint's.
 */
import { BLUEPRINT_ACTIONS } from './blueprint-actions'
import type { SolutionAction } from './solution-action'

const blueprint = (name: string): SolutionAction => {
  const found = BLUEPRINT_ACTIONS.find((a) => a.name === name)
  if (!found) throw new Error(`[SimSeed] no blueprint action ${name}`)
  return found
}

const stringProps = (...names: string[]): Record<string, unknown> => Object.fromEntries(names.map((n) => [n, { type: 'string' }]))

/** The six actions as the deployed solution defines them. */
export const OURS_ACTIONS: readonly SolutionAction[] = [
  {
    name: 'Add contact to contact list',
    config: {
      request: {
        requestUrlTemplate: '/api/v2/outbound/contactlists/${input.contactListId}/contacts?priority=true',
        requestType: 'POST',
        headers: {},
        requestTemplate:
          '[{"data": {"phone": "$esc.jsonString($!{input.phone})", "name": "$esc.jsonString($!{input.name})", "delay": "$esc.jsonString($!{input.delay})", "callbackId": "$esc.jsonString($!{input.callbackId})"}}]'
      },
      response: {
        translationMap: { contactId: '$[0].id' },
        translationMapDefaults: { contactId: '""' },
        successTemplate: '{"contactId": ${contactId}}'
      }
    },
    contract: {
      input: {
        inputSchema: {
          type: 'object',
          required: ['contactListId', 'phone', 'callbackId'],
          properties: stringProps('contactListId', 'phone', 'name', 'delay', 'callbackId'),
          additionalProperties: true
        }
      },
      output: { successSchema: { type: 'object', properties: stringProps('contactId'), additionalProperties: true } }
    }
  },
  {
    name: 'Create placeholder callback',
    config: {
      request: {
        requestUrlTemplate: '/api/v2/conversations/callbacks',
        requestType: 'POST',
        headers: {},
        requestTemplate:
          '{"queueId": "$esc.jsonString(${input.queueId})", "callbackNumbers": ["$esc.jsonString(${input.callbackNumber})"], "callbackUserName": "$esc.jsonString($!{input.callbackUserName})"#if($input.callbackScheduledTime), "callbackScheduledTime": "$esc.jsonString(${input.callbackScheduledTime})"#end}'
      },
      response: { translationMap: {}, translationMapDefaults: {}, successTemplate: '${rawResult}' }
    },
    contract: {
      input: {
        inputSchema: {
          type: 'object',
          required: ['queueId', 'callbackNumber'],
          properties: stringProps('queueId', 'callbackNumber', 'callbackUserName', 'callbackScheduledTime'),
          additionalProperties: true
        }
      },
      output: {
        successSchema: {
          type: 'object',
          properties: { conversation: { type: 'object', properties: { id: { type: 'string' } } } }
        }
      }
    }
  },
  blueprint('Disconnect callback'),
  {
    name: 'Execute workflow',
    config: {
      request: {
        requestUrlTemplate: '/api/v2/flows/executions',
        requestType: 'POST',
        headers: {},
        requestTemplate:
          '{"flowId": "$esc.jsonString(${input.flowId})", "inputData": {"Flow.phone": "$esc.jsonString($!{input.phone})", "Flow.name": "$esc.jsonString($!{input.name})", "Flow.delay": "$esc.jsonString($!{input.delay})"}}'
      },
      response: {
        translationMap: { executionId: '$.id' },
        translationMapDefaults: { executionId: '""' },
        successTemplate: '{"executionId": ${executionId}}'
      }
    },
    contract: {
      input: {
        inputSchema: {
          type: 'object',
          required: ['flowId', 'phone'],
          properties: stringProps('flowId', 'phone', 'name', 'delay'),
          additionalProperties: true
        }
      },
      output: { successSchema: { type: 'object', properties: stringProps('executionId'), additionalProperties: true } }
    }
  },
  {
    ...blueprint('Get callbacks waiting'),
    config: {
      ...blueprint('Get callbacks waiting').config,
      response: {
        translationMap: { counts: '$.results[0].data[?(@.metric=="oWaiting")].stats.count' },
        translationMapDefaults: { counts: '[]' },
        successTemplate: '{"count": ${successTemplateUtils.firstFromArray("${counts}", "0")}}'
      }
    }
  },
  {
    ...blueprint('Get interaction state'),
    config: {
      ...blueprint('Get interaction state').config,
      response: {
        translationMap: { state: '$.participants[0].callbacks[0].state' },
        translationMapDefaults: { state: '"disconnected"' },
        successTemplate: '{"state": ${state}}'
      }
    }
  }
]
