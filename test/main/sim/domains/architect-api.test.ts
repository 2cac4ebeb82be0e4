import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apis, FrameRecorder, rejection, startDomainOrg, type DomainOrg } from './domain-harness'

const WORKFLOW = (name: string, extra = ''): string => `workflow:
  name: ${name}
  description: Test workflow
  division: Home
  variables:
    - stringVariable:
        name: Flow.phone
        initialValue:
          noValue: true
        isInput: true
    - stringVariable:
        name: Flow.delay
        initialValue:
          lit: "5"
        isInput: true
  states:
    - state:
        name: Initial State
        actions:
          - endWorkflow:
              name: End
${extra}`

const OUTBOUND = `outboundCall:
  name: Test connect
  description: Outbound flow
  menus: []
`

describe('Architect API through the SDK', () => {
  let o: DomainOrg
  let a: ReturnType<typeof apis>
  let viewer: ReturnType<typeof apis>
  beforeAll(async () => {
    o = await startDomainOrg()
    a = apis(o.admin)
    viewer = apis(o.viewer)
  })
  afterAll(() => o.close())

  /** Registers a job, PUTs the YAML to its upload URL with its headers, and polls until it settles. */
  async function deploy(yaml: string) {
    const job = await a.architect.postFlowsJobs()
    expect(job.presignedUrl!.startsWith(o.demo.baseUrl)).toBe(true)
    const put = await fetch(job.presignedUrl!, { method: 'PUT', headers: job.headers, body: yaml })
    expect(put.status).toBe(200)
    let state = await a.architect.getFlowsJob(job.id!, { expand: ['messages'] })
    for (let i = 0; i < 20 && (state.status === 'Registered' || state.status === 'Started'); i++) {
      await o.run(1_000, 2)
      state = await a.architect.getFlowsJob(job.id!, { expand: ['messages'] })
    }
    return { job, state }
  }

  it('publishes a flow from Archy YAML through a flow job and reports it on v2.flows.{id}', async () => {
    const { job, state } = await deploy(WORKFLOW('Test workbin'))
    expect(state).toMatchObject({ status: 'Success', command: 'Publish' })
    const flowId = state.flow!.id!
    const flow = await a.architect.getFlow(flowId)
    expect(flow).toMatchObject({ name: 'Test workbin', type: 'workflow', publishedVersion: { id: '1.0' } })
    expect(Object.keys((flow.inputSchema as { properties: Record<string, unknown> }).properties)).toEqual([
      'Flow.phone',
      'Flow.delay'
    ])
    expect((await a.architect.getFlows({ type: ['workflow'], name: 'Test*' })).entities!.map((f) => f.id)).toEqual([flowId])
    expect((await a.architect.getFlows({ type: ['inboundcall'] })).entities).toEqual([])
    expect(
      await rejection(
        fetch(job.presignedUrl!, { method: 'PUT', headers: job.headers, body: 'x' }).then((r) =>
          r.ok ? r : Promise.reject({ status: r.status })
        )
      )
    ).toMatchObject({ status: 409 })

    const channel = await a.notifications.postNotificationsChannels()
    await a.notifications.putNotificationsChannelSubscriptions(channel.id!, [{ id: `v2.flows.${flowId}` }])
    const socket = await FrameRecorder.open(channel.connectUri!)
    try {
      const again = await deploy(WORKFLOW('Test workbin'))
      expect(again.state.flow!.id).toBe(flowId)
      const event = await socket.next(
        (f) => f.topicName === `v2.flows.${flowId}` && (f.eventBody.publishedVersion as { id?: string } | undefined)?.id === '2.0'
      )
      expect(event.eventBody).toMatchObject({
        id: flowId,
        name: 'Test workbin',
        currentOperation: { actionName: 'PUBLISH', actionStatus: 'SUCCESS', complete: true }
      })
      const op = await a.architect.postFlowsActionsPublish(flowId, { version: '1.0' })
      expect(op).toMatchObject({ actionName: 'PUBLISH', actionStatus: 'STARTED', complete: false })
      await o.run(2_000, 2)
      expect((await a.architect.getFlow(flowId)).publishedVersion?.id).toBe('1.0')
    } finally {
      socket.close()
    }
  })

  it('fails jobs whose YAML is invalid or references missing objects, and refuses bad upload signatures', async () => {
    const broken = await deploy('workflow: [unclosed')
    expect(broken.state.status).toBe('Failure')
    expect(broken.state.messages!.some((m) => m.type === 'Error' && /YAML/.test(m.text ?? ''))).toBe(true)
    const missing = await deploy(
      WORKFLOW(
        'Needs action',
        `          - callData:\n              name: Call\n              category:\n                Nowhere:\n                  dataAction:\n                    Ghost action:\n                      inputs: {}\n`
      )
    )
    expect(missing.state.status).toBe('Failure')
    expect(missing.state.messages!.map((m) => m.text).join(' ')).toContain("'Ghost action' in category 'Nowhere'")
    const job = await a.architect.postFlowsJobs()
    const forged = await fetch(job.presignedUrl!.replace(/signature=\w+/, 'signature=forged'), {
      method: 'PUT',
      headers: job.headers,
      body: OUTBOUND
    })
    expect(forged.status).toBe(403)
    expect(await rejection(a.architect.getFlowsJob('no-such-job', {}))).toMatchObject({ status: 404 })
    expect(await rejection(viewer.architect.postFlowsJobs())).toMatchObject({ status: 403 })
  })

  it('validates workflow launches and deletes flows', async () => {
    const { state } = await deploy(OUTBOUND)
    const outboundId = state.flow!.id!
    expect(await rejection(a.architect.postFlowsExecutions({ flowId: outboundId }))).toMatchObject({
      status: 400,
      code: 'flow.type.not.launchable'
    })
    expect(await rejection(a.architect.postFlowsExecutions({ flowId: 'no-such-flow' }))).toMatchObject({ status: 404 })
    expect(await rejection(a.architect.postFlowsExecutions({} as never))).toMatchObject({ status: 400 })
    const workflowId = (await a.architect.getFlows({ name: 'Test workbin' })).entities![0]!.id!
    const denied = await rejection(viewer.architect.postFlowsExecutions({ flowId: workflowId, inputData: {} }))
    expect(String(denied.message)).toContain('architect:flow:launch')
    const launched = await a.architect.postFlowsExecutions({ flowId: workflowId, inputData: {} })
    const execution = await a.architect.getFlowsExecution(launched.id!)
    expect(execution).toMatchObject({ status: 'COMPLETED', completionReason: 'NoPhoneNumber' })
    await a.architect.deleteFlow(outboundId)
    expect(await rejection(a.architect.getFlow(outboundId))).toMatchObject({ status: 404 })
  })

  it('lists sites and edge groups (read-only, telephony:plugin:all)', async () => {
    const sites = await a.telephony.getTelephonyProvidersEdgesSites({})
    expect(sites.entities!.map((s) => s.name)).toContain('Demo Site')
    const groups = await a.telephony.getTelephonyProvidersEdgesEdgegroups({ name: 'Demo Edge Group' })
    const group = await a.telephony.getTelephonyProvidersEdgesEdgegroup(groups.entities![0]!.id!, {})
    expect(group).toMatchObject({ name: 'Demo Edge Group', state: 'active' })
    expect((await a.telephony.getTelephonyProvidersEdgesSite(sites.entities![0]!.id!)).name).toBe('Demo Site')
    expect(await rejection(a.telephony.getTelephonyProvidersEdgesSite('nope'))).toMatchObject({ status: 404 })
    const denied = await rejection(viewer.telephony.getTelephonyProvidersEdgesSites({}))
    expect(String(denied.message)).toContain('telephony:plugin:all')
  })
})
