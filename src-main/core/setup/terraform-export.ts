/**
 * The deployment as a CX-as-Code file (`mypurecloud/genesyscloud` provider, reference/blueprint.md §9), for
 * teams that keep their org in Terraform: the same objects, names and bodies the apply creates, with ids
 * wired through resource references and the flow templates published by `genesyscloud_flow` substitutions.
 */
import { escapeQuoted, placeholdersIn, renderTemplate } from './template-render'
import { ACTION_PLACEHOLDERS } from './desired-state'
import { blocks, expr, hclBlock, hclValue, type HclBlock, type HclValue } from './hcl'
import type { DesiredObject, DesiredState, FlowRole, IdRef, ObjectKey } from './setup-model'
import { isIdRef } from './setup-model'
import type { SetupInputs } from './setup-inputs'
import { FLOW_FILES } from './solution-catalog'

const ADDRESS: Partial<Record<ObjectKey, string>> = {
  wrapupCode: 'genesyscloud_routing_wrapupcode.no_answer',
  holdingQueue: 'genesyscloud_routing_queue.holding',
  credential: 'genesyscloud_integration_credential.data_actions',
  integration: 'genesyscloud_integration.data_actions',
  contactList: 'genesyscloud_outbound_contact_list.callbacks',
  callableTimeSet: 'genesyscloud_outbound_callabletimeset.dialling_hours',
  'flow:outbound': 'genesyscloud_flow.outbound',
  'flow:workflow': 'genesyscloud_flow.workflow',
  'flow:inbound': 'genesyscloud_flow.inbound',
  'flow:inQueue': 'genesyscloud_flow.in_queue',
  responseSet: 'genesyscloud_outbound_callanalysisresponseset.callbacks',
  campaign: 'genesyscloud_outbound_campaign.callbacks'
}

const idOf = (r: IdRef): HclValue => expr(`${ADDRESS[r.$ref] ?? r.$ref}.id`)
const label = (key: ObjectKey): string => (ADDRESS[key] ?? key).split('.')[1]!
const snake = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')

/** Writes `main.tf` for the desired deployment. */
export function terraformExport(desired: DesiredState, inputs: SetupInputs): string {
  const out: string[] = [header(inputs)]
  for (const d of desired.objects) {
    const block = resourceFor(d, inputs)
    if (block) out.push(block)
  }
  return `${out.join('\n\n')}\n`
}

function header(inputs: SetupInputs): string {
  const comment = [
    '# Callback Console guided setup — CX as Code export (mypurecloud/genesyscloud).',
    '# Copy resources/flows/*.yaml next to this file under ./flows. The target queue is not managed here:',
    `# set queue_flow_id = genesyscloud_flow.in_queue.id on the queue ${inputs.targetQueueId} where you manage it.`
  ].join('\n')
  const lines = [
    comment,
    hclBlock('terraform', {
      required_providers: blocks({ genesyscloud: { source: 'mypurecloud/genesyscloud', version: '>= 1.70.0' } })
    }),
    hclBlock('variable "data_actions_client_id"', { type: expr('string') }),
    hclBlock('variable "data_actions_client_secret"', { type: expr('string'), sensitive: true })
  ]
  return lines.join('\n\n')
}

function resourceFor(d: DesiredObject, inputs: SetupInputs): string | undefined {
  const spec = d.spec
  const address = ADDRESS[d.key]
  const res = (body: HclBlock): string => hclBlock(`resource "${address!.split('.')[0]}" "${label(d.key)}"`, body)
  const body = 'body' in spec ? (spec.body as Record<string, unknown>) : {}
  switch (spec.kind) {
    case 'wrapupCode':
      return res({ name: d.name })
    case 'queue':
      return res({ name: d.name, description: String(body.description) })
    case 'credential':
      return res({
        name: d.name,
        credential_type_name: 'pureCloudOAuthClient',
        fields: { clientId: expr('var.data_actions_client_id'), clientSecret: expr('var.data_actions_client_secret') }
      })
    case 'integration':
      return res({
        intended_state: 'ENABLED',
        integration_type: 'purecloud-data-actions',
        config: blocks({ name: d.name, notes: spec.notes, credentials: { pureCloudOAuthClient: idOf(spec.credential) } })
      })
    case 'action':
      return action(d, spec.template, spec.category)
    case 'contactList':
      return res({
        name: d.name,
        column_names: body.columnNames as string[],
        phone_columns: blocks({ column_name: 'phone', type: 'cell' })
      })
    case 'callableTimeSet': {
      const times = (
        body.callableTimes as Array<{
          timeZoneId: string
          timeSlots: Array<{ startTime: string; stopTime: string; day: number }>
        }>
      )[0]!
      return res({
        name: d.name,
        callable_times: blocks({
          time_zone_id: times.timeZoneId,
          time_slots: blocks(...times.timeSlots.map((t) => ({ start_time: t.startTime, stop_time: t.stopTime, day: t.day })))
        })
      })
    }
    case 'flow':
      return flow(d, spec.role, spec.template, spec.values)
    case 'responseSet': {
      const responses = body.responses as Record<string, { reactionType: string; name?: string }>
      const items: Record<string, HclBlock[keyof HclBlock]> = {}
      for (const [key, reaction] of Object.entries(responses)) {
        const block = key.replace('disposition.classification.', '').replace(/\./g, '_')
        items[block] = blocks(
          reaction.reactionType === 'transfer_flow'
            ? { reaction_type: 'transfer_flow', data: idOf({ $ref: 'flow:outbound' }), name: reaction.name ?? '' }
            : { reaction_type: reaction.reactionType }
        )
      }
      return res({ name: d.name, beep_detection_enabled: false, responses: blocks(items) })
    }
    case 'campaign':
      return res({
        name: d.name,
        dialing_mode: 'agentless',
        contact_list_id: idOf({ $ref: 'contactList' }),
        phone_columns: blocks({ column_name: 'phone' }),
        call_analysis_response_set_id: idOf({ $ref: 'responseSet' }),
        ...(inputs.telephony.kind === 'site' ? { site_id: inputs.telephony.id } : { edge_group_id: inputs.telephony.id }),
        caller_name: inputs.callerIdName,
        caller_address: inputs.callerIdNumber,
        outbound_line_count: inputs.outboundLines,
        no_answer_timeout: 30,
        always_running: true,
        ...(inputs.businessHours ? { callable_time_set_id: idOf({ $ref: 'callableTimeSet' }) } : {}),
        campaign_status: 'on'
      })
    case 'targetQueue':
      return undefined
  }
}

function action(d: DesiredObject, template: string, category: string): string {
  const rendered = renderTemplate(
    template,
    { integrationName: category, integrationId: '-' },
    { known: ACTION_PLACEHOLDERS, escape: 'quoted' }
  )
  if (!rendered.ok) throw new Error(`[Setup] ${d.key}: ${rendered.error.message}`)
  const a = JSON.parse(rendered.text) as {
    config: { timeoutSeconds?: number; request: Record<string, unknown>; response: Record<string, unknown> }
    contract: { input: { inputSchema: HclValue }; output: { successSchema: HclValue } }
    secure?: boolean
  }
  const req = a.config.request
  const resp = a.config.response
  return hclBlock(`resource "genesyscloud_integration_action" "${snake(d.name)}"`, {
    name: d.name,
    category,
    integration_id: idOf({ $ref: 'integration' }),
    secure: a.secure ?? false,
    ...(a.config.timeoutSeconds ? { config_timeout_seconds: a.config.timeoutSeconds } : {}),
    contract_input: expr(`jsonencode(${hclValue(a.contract.input.inputSchema, '  ')})`),
    contract_output: expr(`jsonencode(${hclValue(a.contract.output.successSchema, '  ')})`),
    config_request: blocks({
      request_url_template: String(req.requestUrlTemplate),
      request_type: String(req.requestType),
      request_template: String(req.requestTemplate ?? '${input.rawRequest}'),
      headers: (req.headers ?? {}) as HclValue
    }),
    config_response: blocks({
      translation_map: (resp.translationMap ?? {}) as HclValue,
      translation_map_defaults: (resp.translationMapDefaults ?? {}) as HclValue,
      success_template: String(resp.successTemplate ?? '${rawResult}')
    })
  })
}

function flow(d: DesiredObject, role: FlowRole, template: string, values: Readonly<Record<string, string | IdRef>>): string {
  const used = new Set(placeholdersIn(template))
  const substitutions: Record<string, HclValue> = {}
  for (const [name, value] of Object.entries(values)) {
    if (!used.has(name)) continue
    // genesyscloud_flow substitutes verbatim, so plain values are pre-escaped for the quoted YAML scalars.
    substitutions[name] = isIdRef(value)
      ? idOf(value)
      : escapeQuoted(name === 'flowDescription' ? `${value} [callback-console-setup]` : value)
  }
  return hclBlock(`resource "genesyscloud_flow" "${label(d.key)}"`, {
    filepath: expr(`"\${path.module}/flows/${FLOW_FILES[role]}"`),
    file_content_hash: expr(`filesha256("\${path.module}/flows/${FLOW_FILES[role]}")`),
    substitutions: substitutions as HclValue
  })
}

/** The file name the export is saved under. */
export const TERRAFORM_FILE_NAME = 'callback-console-setup.tf'
