import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { materialize } from '../../../src-main/core/setup/materialize'
import type { DesiredObject } from '../../../src-main/core/setup/setup-model'
import { CONTACT_COLUMNS, SOLUTION_ACTIONS } from '../../../src-main/core/setup/solution-catalog'
import { desired, fakeId, RESOURCES, templates } from './fixtures'

type Json = Record<string, unknown>
interface ActionBody {
  name: string
  category: string
  config: {
    request: { requestUrlTemplate: string; requestType: string; requestTemplate: string }
    response: { successTemplate: string; translationMapDefaults: Record<string, string> }
  }
  contract: {
    input: { inputSchema: { required?: string[]; properties: Record<string, { type: string }> } }
    output: { successSchema: { properties: Record<string, Json> } }
  }
}

const state = desired()
const ids = Object.fromEntries(state.objects.map((o) => [o.key, fakeId(o.key)]))
const ready = (o: DesiredObject): { body: Json; yaml?: string } => {
  const m = materialize(o, ids)
  if (m.status !== 'ready') throw new Error(`${o.key}: ${m.status}`)
  return { body: m.body, ...(m.flow ? { yaml: m.flow.yaml } : {}) }
}
const actions = new Map(
  state.objects.filter((o) => o.kind === 'action').map((o) => [o.name, ready(o).body as unknown as ActionBody])
)
const flows = Object.fromEntries(state.objects.filter((o) => o.kind === 'flow').map((o) => [o.key.slice(5), ready(o).yaml!]))
const action = (name: string): ActionBody => actions.get(name)!

/** Output property paths as Architect flattens them (`conversation.id`). */
function outputPaths(properties: Record<string, Json>, prefix = ''): string[] {
  return Object.entries(properties).flatMap(([k, v]) =>
    v.type === 'object' && v.properties ? outputPaths(v.properties as Record<string, Json>, `${prefix}${k}.`) : [`${prefix}${k}`]
  )
}

/** Every callData block of a flow document: category, action name, inputs, successOutputs. */
function callDataOf(
  node: unknown,
  out: Array<{ category: string; action: string; inputs: string[]; outputs: string[] }> = []
): typeof out {
  if (Array.isArray(node)) node.forEach((n) => callDataOf(n, out))
  else if (node && typeof node === 'object') {
    const o = node as Json
    if (o.callData && typeof o.callData === 'object') {
      const category = (o.callData as Json).category as Record<
        string,
        { dataAction: Record<string, { inputs?: Json; successOutputs?: Json }> }
      >
      for (const [cat, spec] of Object.entries(category)) {
        for (const [name, call] of Object.entries(spec.dataAction)) {
          out.push({
            category: cat,
            action: name,
            inputs: Object.keys(call.inputs ?? {}),
            outputs: Object.keys(call.successOutputs ?? {})
          })
        }
      }
    }
    Object.values(o).forEach((v) => callDataOf(v, out))
  }
  return out
}

describe('data-action templates', () => {
  it("are exactly the catalogue, each a valid create body in setup's category", () => {
    expect([...actions.keys()].sort()).toEqual(SOLUTION_ACTIONS.map((a) => a.name).sort())
    for (const a of actions.values()) {
      expect(a.category).toBe('Callback Console - Data actions')
      expect(a.config.request.requestUrlTemplate).toMatch(/^\/api\/v2\//)
    }
  })

  it("keep the blueprint's six names and property names", () => {
    expect(
      SOLUTION_ACTIONS.filter((a) => a.fromBlueprint)
        .map((a) => a.name)
        .sort()
    ).toEqual(
      [
        'Add contact to contact list',
        'Create placeholder callback',
        'Disconnect callback',
        'Execute workflow',
        'Get callbacks waiting',
        'Get interaction state'
      ].sort()
    )
    expect(Object.keys(action('Create placeholder callback').contract.input.inputSchema.properties)).toEqual(
      expect.arrayContaining(['queueId', 'callbackNumber'])
    )
    expect(outputPaths(action('Create placeholder callback').contract.output.successSchema.properties)).toContain(
      'conversation.id'
    )
    expect(Object.keys(action('Add contact to contact list').contract.input.inputSchema.properties)).toEqual(
      expect.arrayContaining(['contactListId', 'phone', 'name', 'delay', 'callbackId'])
    )
    expect(Object.keys(action('Execute workflow').contract.input.inputSchema.properties)).toContain('flowId')
    expect(outputPaths(action('Get callbacks waiting').contract.output.successSchema.properties)).toContain('count')
    expect(outputPaths(action('Get interaction state').contract.output.successSchema.properties)).toContain('state')
    expect(Object.keys(action('Disconnect callback').contract.input.inputSchema.properties)).toEqual(['conversationId'])
  })

  it('fix the blueprint defects: phone as a string, ${input.contactListId}, quoted default state, no hand-built JSON', () => {
    const create = action('Create placeholder callback')
    expect(create.contract.input.inputSchema.properties.callbackNumber!.type).toBe('string')
    expect(create.config.request.requestTemplate).toContain('"callbackNumbers": ["$esc.jsonString(${input.callbackNumber})"]')
    const add = action('Add contact to contact list')
    expect(add.config.request.requestUrlTemplate).toContain('${input.contactListId}')
    expect(add.config.request.requestUrlTemplate).toContain('priority=true')
    expect(JSON.stringify([...actions.values()])).not.toContain('$Input')
    expect(add.contract.input.inputSchema.properties).not.toHaveProperty('data')
    expect(action('Execute workflow').contract.input.inputSchema.properties).not.toHaveProperty('attributes')
    expect(action('Get interaction state').config.response.successTemplate).toContain('"${esc.quote}disconnected${esc.quote}"')
  })

  it('JSON-escape every input value they put into a request body', () => {
    let checked = 0
    for (const a of actions.values()) {
      const body = a.config.request.requestTemplate
      for (const m of body.matchAll(/\$!?\{?input\.([A-Za-z.]+)\}?/g)) {
        const before = body.slice(Math.max(0, m.index - 20), m.index)
        const isCondition = /#if\($/.test(before)
        const isRaw = m[0] === '${input.rawRequest}'
        expect(isCondition || isRaw || /jsonString\($/.test(before), `${a.name}: ${m[0]} is not escaped`).toBe(true)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(30)
  })
})

describe('flow templates', () => {
  const docs = Object.fromEntries(Object.entries(flows).map(([k, y]) => [k, parseYaml(y) as Record<string, Json>]))

  it('are the four Archy flow types', () => {
    expect(Object.keys(docs.outbound!)).toEqual(['outboundCall'])
    expect(Object.keys(docs.workflow!)).toEqual(['workflow'])
    expect(Object.keys(docs.inbound!)).toEqual(['inboundCall'])
    expect(Object.keys(docs.inQueue!)).toEqual(['inqueueCall'])
  })

  it("call only setup's data actions, with inputs and outputs their contracts declare", () => {
    const used = new Set<string>()
    for (const [role, doc] of Object.entries(docs)) {
      const calls = callDataOf(doc)
      expect(calls.length, role).toBeGreaterThan(0)
      for (const c of calls) {
        const a = action(c.action)
        expect(a, `${role}: ${c.action}`).toBeDefined()
        expect(c.category).toBe('Callback Console - Data actions')
        const props = Object.keys(a.contract.input.inputSchema.properties)
        for (const i of c.inputs) expect(props, `${role}: ${c.action} input ${i}`).toContain(i)
        for (const r of a.contract.input.inputSchema.required ?? [])
          expect(c.inputs, `${role}: ${c.action} needs ${r}`).toContain(r)
        for (const o of c.outputs)
          expect(outputPaths(a.contract.output.successSchema.properties), `${role}: ${c.action} output ${o}`).toContain(o)
        used.add(c.action)
      }
    }
    expect([...used].sort()).toEqual([...actions.keys()].sort())
  })

  it('quote yes/no keys (YAML 1.1 would read them as booleans)', () => {
    for (const text of Object.values(templates().flows)) expect(text).not.toMatch(/^\s+(yes|no):/m)
  })

  it('offer keypad and speech answers in the outbound flow and record connected / declined', () => {
    const text = flows.outbound!
    expect(text).toContain('dtmf: Digit_1')
    expect(text).toContain('dtmf: Digit_2')
    const choices = (
      (docs.outbound!.outboundCall as Json).menus as Array<{ menu: { choices: Array<{ menuTask: { speechRecTerms: Json } }> } }>
    )[0]!.menu.choices
    expect(choices.every((c) => c.menuTask.speechRecTerms)).toBe(true)
    expect(text).toMatch(/lit: connected/)
    expect(text).toMatch(/lit: declined/)
    expect((text.match(/Disconnect callback:/g) ?? []).length).toBe(2)
  })

  it('run the workflow as the lifecycle contract says: slices, re-read, dispatch mark, retries, clean-up', () => {
    const text = flows.workflow!
    expect(text).toContain('- loop:')
    expect(text).toContain('Get interaction state:')
    expect(text).toContain('Reschedule callback:')
    for (const s of ['dispatched', 'waiting', 'unreached']) expect(text).toContain(`lit: ${s}`)
    expect((text.match(/Disconnect callback:/g) ?? []).length).toBeGreaterThanOrEqual(4)
    expect(text).toContain('Get callbacks waiting:')
    expect(text).toContain('FindFirst(State.waitingNumbers, Flow.phone)')
    expect(text.indexOf('Mark dispatched')).toBeLessThan(text.indexOf('Push into the agentless campaign'))
  })

  it('put the holding queue id first in the workflow and no queue id in the outbound flow (how the flows are wired)', () => {
    const guid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi
    expect(flows.workflow!.match(guid)![0]).toBe(ids.holdingQueue)
    expect(flows.outbound!.match(guid)).toBeNull()
    expect(flows.inbound).toContain(ids['flow:workflow'])
  })
})

describe('contact-list template', () => {
  it("has the contact list's columns, UTF-8 with BOM and CRLF like the blueprint's", () => {
    const raw = readFileSync(join(RESOURCES, 'contact-list-template.csv'))
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = raw.toString('utf8').slice(1).split('\r\n')
    expect(lines[0]).toBe(CONTACT_COLUMNS.join(','))
    expect(CONTACT_COLUMNS.slice(0, 4)).toEqual(['phone', 'name', 'delay', 'callbackId'])
    const list = state.objects.find((o) => o.key === 'contactList')!
    expect((ready(list).body.columnNames as string[]).join(',')).toBe(lines[0])
  })
})
