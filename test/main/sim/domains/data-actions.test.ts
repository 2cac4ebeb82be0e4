import { describe, expect, it } from 'vitest'
import { executeAction, type ExecutableAction } from '../../../../src-main/sim/domains/integrations/action-executor'
import { evaluateJsonPath } from '../../../../src-main/sim/domains/integrations/json-path'
import type { PlatformInvoker, PlatformRequest } from '../../../../src-main/sim/domains/integrations/platform-invoker'
import { renderVelocity } from '../../../../src-main/sim/domains/integrations/velocity'
import { BLUEPRINT_ACTIONS } from '../../../../src-main/sim/domains/solution/blueprint-actions'
import { OURS_ACTIONS } from '../../../../src-main/sim/domains/solution/ours-actions'

const CRED = { clientId: 'c', clientSecret: 's' }

/** A Platform API stand-in: records requests, parses JSON bodies like the server (400 on malformed), answers via `reply`. */
function fakeApi(
  reply: (req: PlatformRequest, body: unknown) => { status: number; body: unknown }
): PlatformInvoker & { requests: PlatformRequest[] } {
  const requests: PlatformRequest[] = []
  return {
    requests,
    async send(req) {
      requests.push(req)
      let body: unknown
      if (req.body !== undefined) {
        try {
          body = JSON.parse(req.body)
        } catch {
          return {
            status: 400,
            text: JSON.stringify({
              message: 'The request could not be understood by the server due to malformed syntax.',
              code: 'bad.request',
              status: 400
            })
          }
        }
      }
      const res = reply(req, body)
      return { status: res.status, text: JSON.stringify(res.body) }
    }
  }
}

const action = (set: typeof BLUEPRINT_ACTIONS, name: string): ExecutableAction => {
  const found = set.find((a) => a.name === name)
  if (!found) throw new Error(name)
  return found as unknown as ExecutableAction
}

describe('velocity subset', () => {
  it('renders references, quiet references, unresolved references and escapes', () => {
    const scope = { input: { a: 'x"y', n: 13175550100, nested: { b: 1 } } }
    expect(renderVelocity('${input.a}|$input.n|$!{input.none}|${input.none}|$input.nested.b', scope)).toBe(
      'x"y|13175550100||${input.none}|1'
    )
    expect(renderVelocity('"$esc.jsonString(${input.a})"', scope)).toBe('"x\\"y"')
    expect(renderVelocity('#if($input.a)yes#else no#end/#if($input.none)A#elseif($input.n)B#end', scope)).toBe('yes/B')
    expect(renderVelocity('$Input.a costs $5', scope)).toBe('x"y costs $5')
    expect(renderVelocity('${successTemplateUtils.firstFromArray("${v}", "$esc.quote$esc.quote")}', { v: '[]' })).toBe('""')
  })
})

describe('json path subset', () => {
  const doc = {
    participants: [
      { purpose: 'customer', callbacks: [{ state: 'connected' }] },
      { purpose: 'acd', p: 3 }
    ]
  }
  it('evaluates definite and indefinite paths', () => {
    expect(evaluateJsonPath(doc, '$.participants[0].callbacks[0].state')).toEqual({ found: true, value: 'connected' })
    expect(evaluateJsonPath(doc, '$.participants[2].x').found).toBe(false)
    expect(evaluateJsonPath(doc, "$.participants[?(@.purpose=='acd')].p")).toEqual({ found: true, value: [3] })
    expect(evaluateJsonPath(doc, '$..state')).toEqual({ found: true, value: ['connected'] })
  })
})

describe('the blueprint actions misbehave exactly where the blueprint is broken', () => {
  it('sends the phone as a JSON number (the + is lost) and rejects a string phone at the contract', async () => {
    const api = fakeApi((_req, body) => ({ status: 200, body: { conversation: { id: 'conv-1' }, echo: body } }))
    const create = action(BLUEPRINT_ACTIONS, 'Create placeholder callback')
    const ok = await executeAction(create, { queueId: 'q1', callbackNumber: 13175550100 }, api, CRED)
    expect(ok.ok).toBe(true)
    expect(JSON.parse(api.requests[0]!.body!)).toEqual({ queueId: 'q1', callbackNumbers: [13175550100] })
    const bad = await executeAction(create, { queueId: 'q1', callbackNumber: '+13175550100' }, api, CRED)
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.message).toMatch(/callbackNumber/)
    const ours = await executeAction(
      action(OURS_ACTIONS, 'Create placeholder callback'),
      { queueId: 'q1', callbackNumber: '+13175550100', callbackUserName: 'O"Hara' },
      api,
      CRED
    )
    expect(ours.ok).toBe(true)
    expect(JSON.parse(api.requests.at(-1)!.body!)).toEqual({
      queueId: 'q1',
      callbackNumbers: ['+13175550100'],
      callbackUserName: 'O"Hara'
    })
  })

  it('breaks the hand-built contact JSON on a quote in the caller name', async () => {
    const api = fakeApi((req, body) => ({ status: 200, body: [{ id: 'contact-1', url: req.url, body }] }))
    const add = action(BLUEPRINT_ACTIONS, 'Add contact to contact list')
    const data = (name: string): string => `"phone": "+13175550100", "name": "${name}", "delay": "3", "callbackId": "cb"`
    const ok = await executeAction(add, { contactListId: 'list-1', data: data('Ann') }, api, CRED)
    expect(ok.ok).toBe(true)
    expect(api.requests[0]!.url).toBe('/api/v2/outbound/contactlists/list-1/contacts')
    const broken = await executeAction(add, { contactListId: 'list-1', data: data('Dwayne "The Rock" Johnson') }, api, CRED)
    expect(broken.ok).toBe(false)
    if (!broken.ok) expect(broken.error.status).toBe(400)
  })

  it("fails Get interaction state when the path misses (bare default) where ours answers 'disconnected'", async () => {
    const api = fakeApi(() => ({ status: 200, body: { id: 'c', participants: [] } }))
    const theirs = await executeAction(action(BLUEPRINT_ACTIONS, 'Get interaction state'), { conversationId: 'c' }, api, CRED)
    expect(theirs.ok).toBe(false)
    if (!theirs.ok) expect(theirs.error.code).toBe('invalid.success.template')
    const ours = await executeAction(action(OURS_ACTIONS, 'Get interaction state'), { conversationId: 'c' }, api, CRED)
    expect(ours).toMatchObject({ ok: true, result: { state: 'disconnected' } })
    const live = fakeApi(() => ({ status: 200, body: { participants: [{ callbacks: [{ state: 'connected' }] }] } }))
    expect(
      await executeAction(action(BLUEPRINT_ACTIONS, 'Get interaction state'), { conversationId: 'c' }, live, CRED)
    ).toMatchObject({ ok: true, result: { state: 'connected' } })
  })

  it('counts waiting callbacks, defaulting to 0', async () => {
    const counted = fakeApi(() => ({
      status: 200,
      body: { results: [{ group: {}, data: [{ metric: 'oWaiting', stats: { count: 4 } }] }] }
    }))
    expect(
      await executeAction(action(BLUEPRINT_ACTIONS, 'Get callbacks waiting'), { queueId: 'q' }, counted, CRED)
    ).toMatchObject({ ok: true, result: { count: 4 } })
    expect(await executeAction(action(OURS_ACTIONS, 'Get callbacks waiting'), { queueId: 'q' }, counted, CRED)).toMatchObject({
      ok: true,
      result: { count: 4 }
    })
    const empty = fakeApi(() => ({ status: 200, body: { results: [] } }))
    expect(await executeAction(action(BLUEPRINT_ACTIONS, 'Get callbacks waiting'), { queueId: 'q' }, empty, CRED)).toMatchObject({
      ok: true,
      result: { count: 0 }
    })
    expect(await executeAction(action(OURS_ACTIONS, 'Get callbacks waiting'), { queueId: 'q' }, empty, CRED)).toMatchObject({
      ok: true,
      result: { count: 0 }
    })
  })

  it('reports upstream errors with the web service response', async () => {
    const api = fakeApi(() => ({ status: 404, body: { message: 'nope', code: 'not.found', status: 404 } }))
    const out = await executeAction(action(BLUEPRINT_ACTIONS, 'Disconnect callback'), { conversationId: 'x' }, api, CRED)
    expect(out).toMatchObject({ ok: false, error: { status: 404, code: 'not.found' } })
    expect(api.requests[0]).toMatchObject({ method: 'PATCH', url: '/api/v2/conversations/callbacks/x' })
  })
})
