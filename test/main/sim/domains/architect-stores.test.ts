import { describe, expect, it } from 'vitest'
import { inputSchemaOf, parseArchyYaml } from '../../../../src-main/sim/domains/architect/archy-yaml'
import { ArchitectDomain } from '../../../../src-main/sim/domains/architect/architect-domain'
import { SimHttpError } from '../../../../src-main/sim/http/types'
import { fakeContext } from './fake-context'

const WORKFLOW = `workflow:
  name: Callback workbin
  description: Holds callbacks
  division: Home
  variables:
    - stringVariable:
        name: Flow.phone
        initialValue:
          noValue: true
        isInput: true
    - integerVariable:
        name: Flow.delaySeconds
        initialValue:
          lit: 60
        isInput: true
    - stringVariable:
        name: Flow.internal
        initialValue:
          lit: x
  states:
    - state:
        name: Initial State
        actions:
          - callData:
              name: Create
              category:
                My Actions:
                  dataAction:
                    Create placeholder callback:
                      inputs:
                        queueId:
                          lit: 0D3C5E8A-1111-4222-8333-444455556666
          - transferToAcd:
              name: Transfer
              targetQueue:
                lit:
                  name: Customer Service
`

describe('Archy YAML reading', () => {
  it('reads type, name, inputs and references', () => {
    const parsed = parseArchyYaml(WORKFLOW)
    if (!parsed.ok) throw new Error(parsed.error)
    expect(parsed.flow).toMatchObject({
      type: 'workflow',
      name: 'Callback workbin',
      description: 'Holds callbacks',
      inputs: [
        { name: 'Flow.phone', type: 'string' },
        { name: 'Flow.delaySeconds', type: 'integer', initialValue: '60' }
      ],
      dataActions: [{ category: 'My Actions', name: 'Create placeholder callback' }],
      queueNames: ['Customer Service'],
      ids: ['0d3c5e8a-1111-4222-8333-444455556666']
    })
    expect(inputSchemaOf(parsed.flow)).toMatchObject({
      properties: { 'Flow.phone': { type: 'string' }, 'Flow.delaySeconds': { type: 'integer' } }
    })
  })

  it('rejects non-flows with a message', () => {
    expect(parseArchyYaml('a: [')).toMatchObject({ ok: false })
    expect(parseArchyYaml('notAFlow:\n  name: x\n')).toMatchObject({
      ok: false,
      error: expect.stringContaining('Unknown flow type')
    })
    expect(parseArchyYaml('inboundCall:\n  description: no name\n')).toMatchObject({
      ok: false,
      error: expect.stringContaining('no name')
    })
    expect(parseArchyYaml('- 1\n- 2\n')).toMatchObject({ ok: false })
  })
})

describe('flow store and executions', () => {
  const setup = () => {
    const ctx = fakeContext()
    const architect = new ArchitectDomain(
      ctx,
      () => ({ id: 'home', name: 'Home' }),
      () => 'http://127.0.0.1:1'
    )
    const parsed = parseArchyYaml(WORKFLOW)
    if (!parsed.ok) throw new Error(parsed.error)
    return { ctx, architect, parsed: parsed.flow }
  }

  it('versions re-imports of the same flow and publishes them', () => {
    const { ctx, architect, parsed } = setup()
    const first = architect.flows.importVersion(WORKFLOW, parsed, true)
    const second = architect.flows.importVersion(WORKFLOW, parsed, false)
    expect(second.id).toBe(first.id)
    expect(architect.flows.get(first.id)).toMatchObject({ publishedVersion: { id: '1.0' }, savedVersion: { id: '2.0' } })
    architect.flows.publish(first.id, undefined)
    ctx.advance(2_000)
    expect(architect.flows.get(first.id)).toMatchObject({
      publishedVersion: { id: '2.0' },
      currentOperation: { actionStatus: 'SUCCESS' }
    })
    expect(ctx.on(`v2.flows.${first.id}`).length).toBeGreaterThanOrEqual(3)
    architect.flows.setUsageCheck(() => "queue 'Customer Service'")
    expect(() => architect.flows.delete(first.id)).toThrow(SimHttpError)
  })

  it('fills input defaults, coerces primitives to strings and records runner outcomes', () => {
    const { ctx, architect, parsed } = setup()
    const flow = architect.flows.importVersion(WORKFLOW, parsed, true)
    const seen: Array<Record<string, string>> = []
    architect.executions.setRunner((run, finish) => {
      seen.push({ ...run.inputs })
      ctx.clock.after(1_000, () => finish({ status: 'COMPLETED', completionReason: 'Success' }))
    })
    const launched = architect.executions.launch({ flowId: flow.id, inputData: { 'Flow.phone': 13175550100 } })
    expect(seen[0]).toEqual({ 'Flow.delaySeconds': '60', 'Flow.phone': '13175550100' })
    expect(architect.executions.get(String(launched.id))).toMatchObject({ status: 'RUNNING' })
    ctx.advance(1_000)
    expect(architect.executions.get(String(launched.id))).toMatchObject({ status: 'COMPLETED', completionReason: 'Success' })
    expect(() => architect.executions.launch({ flowId: flow.id, inputData: { 'Flow.phone': { nested: true } } })).toThrow(
      SimHttpError
    )
    architect.executions.setRunner(() => {
      throw new Error('boom')
    })
    const failed = architect.executions.launch({ flowId: flow.id })
    expect(architect.executions.get(String(failed.id))).toMatchObject({ status: 'FAILED', flowErrorInfo: { message: 'boom' } })
  })
})
