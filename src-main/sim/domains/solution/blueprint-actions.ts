/**
 * The blueprint's six data actions exactly as published (GenesysCloudBlueprints/automated-callback-blueprint,
 * files/automated-powershell-script/data-actions/*.custom.json; reference/blueprint.md §3), defects included:
 * the unquoted numeric phone, hand-built `data` / `attributes` JSON, `$Input.contactListId`, the bare default state.
 */
import type { SolutionAction } from './solution-action'

const draft04 = 'http://json-schema.org/draft-04/schema#'

/** Create placeholder callback (§3.1). */
const createPlaceholder: SolutionAction = {
  name: 'Create placeholder callback',
  config: {
    request: {
      requestUrlTemplate: '/api/v2/conversations/callbacks',
      requestType: 'POST',
      headers: {},
      requestTemplate: '{\n    "queueId": "${input.queueId}",\n    "callbackNumbers": [${input.callbackNumber}]\n}'
    },
    response: { translationMap: {}, translationMapDefaults: {}, successTemplate: '${rawResult}' }
  },
  contract: {
    input: {
      inputSchema: {
        $schema: draft04,
        title: 'Schedule Callback Request',
        description: 'Schedule a queued callback.',
        type: 'object',
        required: ['callbackNumber'],
        properties: { queueId: { type: 'string' }, callbackNumber: { type: 'number' } },
        additionalProperties: true
      }
    },
    output: {
      successSchema: { type: 'object', properties: { conversation: { type: 'object', properties: { id: { type: 'string' } } } } }
    }
  }
}

/** Add contact to contact list (§3.2). */
const addContact: SolutionAction = {
  name: 'Add contact to contact list',
  config: {
    request: {
      requestUrlTemplate: '/api/v2/outbound/contactlists/$Input.contactListId/contacts',
      requestType: 'POST',
      headers: {},
      requestTemplate: '[{\n   "data": {\n      ${input.data}\n   }\n}]'
    },
    response: { translationMap: {}, translationMapDefaults: {}, successTemplate: '${rawResult}' }
  },
  contract: {
    input: {
      inputSchema: {
        $schema: draft04,
        type: 'object',
        required: ['contactListId', 'data'],
        properties: {
          contactListId: { description: 'The contact list Id', type: 'string' },
          data: {
            description: 'Key value pairs for the contact list columns in the format "key": "value", "key": "value"',
            type: 'string'
          }
        },
        additionalProperties: true
      }
    },
    output: {
      successSchema: {
        type: 'array',
        properties: {},
        items: { title: 'Item 1', type: 'object', properties: {}, additionalProperties: true }
      }
    }
  }
}

/** Get callbacks waiting (§3.3). */
const callbacksWaiting: SolutionAction = {
  name: 'Get callbacks waiting',
  config: {
    request: {
      requestUrlTemplate: '/api/v2/analytics/queues/observations/query',
      requestType: 'POST',
      headers: {},
      requestTemplate:
        '{\n "filter": {\n  "type": "and",\n  "predicates": [\n   {\n    "type": "dimension",\n    "dimension": "mediaType",\n    "operator": "matches",\n    "value": "callback"\n   },\n   {\n    "type": "dimension",\n    "dimension": "queueId",\n    "operator": "matches",\n    "value": "${input.queueId}"\n   }\n  ]\n },\n "metrics": [\n  "oWaiting"\n ]\n}'
    },
    response: {
      translationMap: { count: '$.results[0].data[0].stats.count' },
      translationMapDefaults: { count: '0' },
      successTemplate: '{"count": ${count}}'
    }
  },
  contract: {
    input: { inputSchema: { type: 'object', properties: { queueId: { type: 'string' } }, additionalProperties: true } },
    output: { successSchema: { type: 'object', properties: { count: { type: 'integer' } }, additionalProperties: true } }
  }
}

/** Execute workflow (§3.4). */
const executeWorkflow: SolutionAction = {
  name: 'Execute workflow',
  config: {
    request: {
      requestUrlTemplate: '/api/v2/flows/executions',
      requestType: 'POST',
      headers: {},
      requestTemplate: '{\n   "flowId": "${input.flowId}",\n   "inputData": {\n        ${input.attributes}\n    }\n}'
    },
    response: { translationMap: {}, translationMapDefaults: {}, successTemplate: '${rawResult}' }
  },
  contract: {
    input: {
      inputSchema: {
        type: 'object',
        properties: {
          flowId: { type: 'string' },
          attributes: { type: 'string', description: 'Add custom attributes using "key":"value", "key":"value" format' }
        },
        additionalProperties: true
      }
    },
    output: { successSchema: { type: 'object', properties: {}, additionalProperties: true } }
  }
}

/** Get interaction state (§3.5), with its unquoted default. */
const interactionState: SolutionAction = {
  name: 'Get interaction state',
  config: {
    request: {
      requestUrlTemplate: '/api/v2/conversations/${input.conversationId}',
      requestType: 'GET',
      headers: {},
      requestTemplate: '${input.rawRequest}'
    },
    response: {
      translationMap: { state: '$.participants[0].callbacks[0].state' },
      translationMapDefaults: { state: 'disconnected' },
      successTemplate: '{"state": ${state}}'
    }
  },
  contract: {
    input: { inputSchema: { type: 'object', properties: { conversationId: { type: 'string' } }, additionalProperties: true } },
    output: { successSchema: { type: 'object', properties: { state: { type: 'string' } }, additionalProperties: true } }
  }
}

/** Disconnect callback (§3.6). */
const disconnectCallback: SolutionAction = {
  name: 'Disconnect callback',
  config: {
    request: {
      requestUrlTemplate: '/api/v2/conversations/callbacks/${input.conversationId}',
      requestType: 'PATCH',
      headers: {},
      requestTemplate: '{\n    "state": "disconnected"\n}'
    },
    response: { translationMap: {}, translationMapDefaults: {}, successTemplate: '${rawResult}' }
  },
  contract: {
    input: { inputSchema: { type: 'object', properties: { conversationId: { type: 'string' } }, additionalProperties: true } },
    output: { successSchema: { type: 'object', properties: {}, additionalProperties: true } }
  }
}

/** All six, in the deployer's order. */
export const BLUEPRINT_ACTIONS: readonly SolutionAction[] = [
  addContact,
  createPlaceholder,
  disconnectCallback,
  executeWorkflow,
  callbacksWaiting,
  interactionState
]
