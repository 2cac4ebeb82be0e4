/**
 * Reads an Archy YAML flow document (what `archy publish` and the flows jobs API accept): the flow's type,
 * name, description and input variables, plus what it references (data actions by category and name, queues and
 * contact lists by name, literal ids) so the job can check the references like Architect does and the
 * emulation can find the objects the flow was wired to.
 */
import { parse } from 'yaml'

/** Archy's top-level keys → the Platform API's flow `type`. */
const FLOW_TYPES: Readonly<Record<string, string>> = {
  inboundCall: 'inboundcall',
  inqueueCall: 'inqueuecall',
  outboundCall: 'outboundcall',
  workflow: 'workflow',
  inboundChat: 'inboundchat',
  inboundEmail: 'inboundemail',
  inboundShortMessage: 'inboundshortmessage',
  inqueueEmail: 'inqueueemail',
  inqueueShortMessage: 'inqueueshortmessage',
  commonModule: 'commonmodule',
  secureCall: 'securecall',
  surveyInvite: 'surveyinvite',
  voicemail: 'voicemail',
  voiceSurvey: 'voicesurvey',
  workitem: 'workitem',
  bot: 'bot',
  digitalBot: 'digitalbot'
}

/** A flow input variable (`isInput: true`). */
export interface ArchyInput {
  readonly name: string
  readonly type: string
  readonly initialValue?: string
}

/** What the demo org needs to know about an uploaded flow. */
export interface ArchyFlow {
  /** API flow type (`workflow`, `inboundcall`, …). */
  readonly type: string
  readonly name: string
  readonly description: string
  readonly division?: string
  readonly inputs: readonly ArchyInput[]
  readonly dataActions: ReadonlyArray<{ readonly category: string; readonly name: string }>
  readonly queueNames: readonly string[]
  readonly contactListNames: readonly string[]
  /** Every GUID-shaped literal in the document (ids substituted by the deployer). */
  readonly ids: readonly string[]
}

/** The parsed flow, or why it could not be read. */
export type ArchyParse = { readonly ok: true; readonly flow: ArchyFlow } | { readonly ok: false; readonly error: string }

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi

/** Parses `text`; failures are values (they become a failed job with the message). */
export function parseArchyYaml(text: string): ArchyParse {
  let doc: unknown
  try {
    doc = parse(text)
  } catch (e: unknown) {
    return { ok: false, error: `The flow file is not valid YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` }
  }
  if (!isRecord(doc))
    return { ok: false, error: 'The flow file must be a YAML mapping with the flow type as its only top-level key.' }
  const keys = Object.keys(doc)
  const archyType = keys.find((k) => k in FLOW_TYPES)
  if (!archyType || keys.length !== 1) {
    return { ok: false, error: `Unknown flow type '${keys.join(', ')}'. Expected one of ${Object.keys(FLOW_TYPES).join(', ')}.` }
  }
  const body = doc[archyType]
  if (!isRecord(body) || typeof body.name !== 'string' || body.name.trim() === '') {
    return { ok: false, error: `The ${archyType} flow has no name.` }
  }
  const refs = collectReferences(body)
  return {
    ok: true,
    flow: {
      type: FLOW_TYPES[archyType]!,
      name: body.name.trim(),
      description: typeof body.description === 'string' ? body.description : '',
      ...(typeof body.division === 'string' ? { division: body.division } : {}),
      inputs: readInputs(body.variables),
      ...refs,
      ids: [...new Set((text.match(GUID) ?? []).map((id) => id.toLowerCase()))]
    }
  }
}

/** The flow's `inputSchema` as Genesys reports it for workflows. */
export function inputSchemaOf(flow: ArchyFlow): Record<string, unknown> | undefined {
  if (flow.inputs.length === 0) return undefined
  const properties: Record<string, unknown> = {}
  for (const input of flow.inputs) properties[input.name] = { type: input.type }
  return { $schema: 'http://json-schema.org/draft-04/schema#', type: 'object', properties, additionalProperties: true }
}

function readInputs(variables: unknown): ArchyInput[] {
  if (!Array.isArray(variables)) return []
  const inputs: ArchyInput[] = []
  for (const entry of variables) {
    if (!isRecord(entry)) continue
    for (const [kind, spec] of Object.entries(entry)) {
      if (!isRecord(spec) || spec.isInput !== true || typeof spec.name !== 'string') continue
      const type = kind
        .replace(/Variable$/, '')
        .replace(/^decimal$/, 'number')
        .replace(/^boolean$/, 'boolean')
      const lit = isRecord(spec.initialValue) && spec.initialValue.lit !== undefined ? String(spec.initialValue.lit) : undefined
      inputs.push({
        name: spec.name,
        type: type === 'integer' || type === 'number' || type === 'boolean' ? type : 'string',
        ...(lit !== undefined ? { initialValue: lit } : {})
      })
    }
  }
  return inputs
}

function collectReferences(body: Record<string, unknown>): Pick<ArchyFlow, 'dataActions' | 'queueNames' | 'contactListNames'> {
  const dataActions: Array<{ category: string; name: string }> = []
  const queueNames = new Set<string>()
  const contactListNames = new Set<string>()
  const litName = (v: unknown): string | undefined =>
    isRecord(v) && isRecord(v.lit) && typeof v.lit.name === 'string' ? v.lit.name : undefined
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (!isRecord(node)) return
    if (isRecord(node.category) && !Array.isArray(node.category)) {
      for (const [category, spec] of Object.entries(node.category)) {
        if (isRecord(spec) && isRecord(spec.dataAction))
          for (const name of Object.keys(spec.dataAction)) dataActions.push({ category, name })
      }
    }
    for (const key of ['targetQueue', 'queue']) {
      const name = litName(node[key])
      if (name) queueNames.add(name)
    }
    const list = litName(node.contactList)
    if (list) contactListNames.add(list)
    Object.values(node).forEach(visit)
  }
  visit(body)
  return { dataActions, queueNames: [...queueNames], contactListNames: [...contactListNames] }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
