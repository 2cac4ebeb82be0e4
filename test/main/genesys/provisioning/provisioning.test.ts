import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SetupInputs } from '../../../../src-main/core/setup/setup-inputs'
import type { Gateway } from '../../../../src-main/genesys/gateway-types'
import type { ProgressEvent } from '../../../../src-main/genesys/provisioning/provisioning-types'
import type { Provisioner } from '../../../../src-main/genesys/provisioning/provisioner'
import type { GenesysSession } from '../../../../src-main/genesys/session/session'
import { listSetupChoices } from '../../../../src-main/genesys/provisioning/setup-choices'
import { findDeployment } from '../../../../src-main/sim/domains/solution/deployment'
import type { DemoOrg } from '../../../../src-main/sim/server'
import { failingNthWrite, fastProvisioner, inputsFor, signIn, snapshot, startEmptyOrg, VIEWER } from './helpers/setup-harness'

// The sim lacks DELETE /api/v2/routing/wrapupcodes/{id}; until it has it, teardown tests reuse a seeded code.
const REUSE_WRAPUP = { wrapupCodeName: 'Unreached' }

describe('guided setup against an empty demo org', () => {
  let demo: DemoOrg
  let session: GenesysSession
  let gateway: Gateway
  let provisioner: Provisioner
  let inputs: SetupInputs
  let before: Record<string, unknown>

  beforeAll(async () => {
    demo = await startEmptyOrg()
    ;({ gateway, session } = await signIn(demo))
    provisioner = fastProvisioner(gateway)
    inputs = await inputsFor(demo, gateway, REUSE_WRAPUP)
    before = await snapshot(gateway, inputs.targetQueueId)
  })
  afterAll(async () => {
    session?.dispose()
    await demo?.close()
  })

  it('applies everything in dependency order with progress, and returns the console profile', async () => {
    const events: ProgressEvent[] = []
    const result = await provisioner.apply(inputs, { onProgress: (e) => events.push(e) })
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true)
    if (!result.ok) return
    expect(result.plan.summary).toMatchObject({ update: 1, keep: 0, conflict: 0 })
    expect(result.done.map((s) => s.action).filter((a) => a === 'create')).toHaveLength(result.plan.summary.create)
    const done = events
      .filter((e): e is Extract<ProgressEvent, { kind: 'step-done' }> => e.kind === 'step-done')
      .map((e) => e.key)
    expect(done.indexOf('integration')).toBeLessThan(done.indexOf('action:create-placeholder-callback'))
    expect(done.indexOf('flow:workflow')).toBeLessThan(done.indexOf('flow:inbound'))
    expect(done.indexOf('flow:outbound')).toBeLessThan(done.indexOf('responseSet'))
    expect(done.at(-1)).toBe('targetQueue')
    expect(result.tally.uploads).toBe(4)
    // The demo org finds the deployment the way its flow emulation does: the board works with no other step.
    const found = findDeployment(demo.org)
    expect(found).toMatchObject({
      holdingQueueId: result.profile.holdingQueueId,
      contactListId: result.profile.contactListId,
      campaignId: result.profile.campaignId,
      targetQueueId: inputs.targetQueueId
    })
    expect(found.workflowFlowId && found.inboundFlowId && found.inQueueFlowId && found.outboundFlowId).toBeTruthy()
  })

  it('verifies every object and its wiring, test-executing each data action', async () => {
    const result = await provisioner.verify(inputs)
    expect(result.checks.filter((c) => !c.ok)).toEqual([])
    expect(result.ok).toBe(true)
    expect(result.checks.filter((c) => c.name.startsWith('data action')).length).toBe(11)
    expect(result.checks.map((c) => c.name)).toEqual(
      expect.arrayContaining(['campaign on', 'live answers go to the outbound flow', "target queue's in-queue flow set"])
    )
  })

  it('makes zero writes on a second apply', async () => {
    const result = await provisioner.apply(inputs)
    expect(result.ok).toBe(true)
    expect(result.tally).toMatchObject({ writes: 0, uploads: 0, probes: 0 })
    expect(result.ok && result.plan.summary.create + result.plan.summary.update).toBe(0)
  })

  it('updates in place when inputs change or an object was edited by hand: same ids, campaign back on', async () => {
    const before = await provisioner.plan(inputs)
    const ids = new Map(before.ok ? before.value.plan.steps.map((s) => [s.key, s.id]) : [])
    const actionId = ids.get('action:get-callbacks-waiting')!
    const draft = await gateway.call('POST /api/v2/integrations/actions/{actionId}/draft', (a) =>
      a.integrations.postIntegrationsActionDraft(actionId)
    )
    const edited = await gateway.call('PATCH /api/v2/integrations/actions/{actionId}/draft', (a) =>
      a.integrations.patchIntegrationsActionDraft(actionId, {
        version: draft.ok ? draft.value.version! : 1,
        name: 'Get callbacks waiting',
        config: {
          request: { requestUrlTemplate: '/api/v2/routing/queues', requestType: 'GET' },
          response: { successTemplate: '{"count": 0}' }
        }
      })
    )
    await gateway.call('POST /api/v2/integrations/actions/{actionId}/draft/publish', (a) =>
      a.integrations.postIntegrationsActionDraftPublish(actionId, { version: edited.ok ? edited.value.version! : 2 })
    )
    const changed = { ...inputs, outboundLines: 3, waitSliceSeconds: 90 }
    const result = await provisioner.apply(changed)
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true)
    if (!result.ok) return
    const updated = result.plan.steps.filter((s) => s.action === 'update').map((s) => s.key)
    expect(updated.sort()).toEqual(['action:get-callbacks-waiting', 'campaign', 'flow:workflow'])
    expect(result.plan.steps.find((s) => s.key === 'campaign')!.changes).toEqual(['outboundLineCount'])
    for (const step of result.done) if (step.key !== 'targetQueue') expect(step.id, step.key).toBe(ids.get(step.key))
    const verified = await provisioner.verify(changed)
    expect(verified.checks.filter((c) => !c.ok)).toEqual([])
    inputs = changed
  })

  it('sends the phone as a string and JSON-escapes names through the deployed data action', async () => {
    const actions = await gateway.call('GET /api/v2/integrations/actions', (a) =>
      a.integrations.getIntegrationsActions({ name: 'Create placeholder callback', category: 'Callback Console - Data actions' })
    )
    const id = actions.ok ? actions.value.entities![0]!.id! : ''
    const holding = (await provisioner.plan(inputs)).ok ? findDeployment(demo.org).holdingQueueId! : ''
    const name = 'O"Hara \\ Test\nSecond line'
    const run = await gateway.call('POST /api/v2/integrations/actions/{actionId}/execute', (a) =>
      a.integrations.postIntegrationsActionExecute(id, {
        queueId: holding,
        callbackNumber: '+441632960001',
        callbackUserName: name,
        callbackScheduledTime: new Date(Date.now() + 3_600_000).toISOString(),
        requestedAt: new Date().toISOString(),
        actorId: 'test',
        actorName: 'test'
      })
    )
    expect(run.ok, run.ok ? '' : run.error.message).toBe(true)
    const conversationId = run.ok ? (run.value as { conversation: { id: string } }).conversation.id : ''
    const conv = await gateway.call('GET /api/v2/conversations/callbacks/{conversationId}', (a) =>
      a.conversations.getConversationsCallback(conversationId)
    )
    const customer = conv.ok ? conv.value.participants!.find((p) => p.purpose === 'customer')! : undefined
    expect(customer?.callbackNumbers).toEqual(['+441632960001'])
    expect(customer?.callbackUserName).toBe(name)
    expect(customer?.attributes?.['cc.state']).toBe('waiting')
    // Teardown refuses while a callback waits in the holding queue.
    const refused = await provisioner.teardown({ namePrefix: inputs.namePrefix })
    expect(refused).toMatchObject({ ok: false, error: { code: 'callbacks-waiting' } })
    await gateway.call('PATCH /api/v2/conversations/callbacks/{conversationId}', (a) =>
      a.conversations.patchConversationsCallback(conversationId, { state: 'disconnected' } as never)
    )
  })

  it('tears down only what setup made and leaves the org as it was', async () => {
    const plan = await provisioner.planTeardown({ namePrefix: inputs.namePrefix })
    expect(plan.ok && plan.value.steps[0]).toMatchObject({ key: 'targetQueue', action: 'restore' })
    const result = await provisioner.teardown({ namePrefix: inputs.namePrefix })
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true)
    expect(await snapshot(gateway, inputs.targetQueueId)).toEqual(before)
  })
})

describe('guided setup recovers and refuses cleanly', () => {
  let demo: DemoOrg
  let session: GenesysSession
  let gateway: Gateway

  beforeAll(async () => {
    demo = await startEmptyOrg()
    ;({ gateway, session } = await signIn(demo))
  })
  afterAll(async () => {
    session?.dispose()
    await demo?.close()
  })

  it('lists what the wizard offers to pick, and says why a list is empty for a sign-in that cannot read it', async () => {
    const choices = await listSetupChoices(gateway)
    expect(choices.queues.map((q) => q.name)).toContain('Customer Service')
    expect(choices.sites.length + choices.edgeGroups.length).toBeGreaterThan(0)
    expect(choices.wrapupCodes.map((c) => c.name)).toContain('Unreached')
    expect(choices.problems).toEqual({})
    const viewer = await signIn(demo, VIEWER)
    try {
      const limited = await listSetupChoices(viewer.gateway)
      expect(limited.queues.length).toBeGreaterThan(0)
      expect(limited.sites).toEqual([])
      expect(limited.problems.sites).toContain('telephony:plugin:all')
    } finally {
      viewer.session.dispose()
    }
  })

  it('gives the read-only client a preflight report naming the missing permissions, and writes nothing', async () => {
    const viewer = await signIn(demo, VIEWER)
    try {
      const inputs = await inputsFor(demo, gateway)
      const before = await snapshot(gateway, inputs.targetQueueId)
      const provisioner = fastProvisioner(viewer.gateway)
      const report = await provisioner.preflight(inputs)
      expect(report.ok).toBe(false)
      const missing = report.permissions.missing.flatMap((m) => m.anyOf)
      expect(missing).toEqual(
        expect.arrayContaining([
          'routing:queue:add',
          'outbound:campaign:add',
          'integrations:action:add',
          'outbound:contactList:add',
          'routing:queue:edit'
        ])
      )
      expect(report.problems.join(' ')).toContain('routing:queue:add')
      const result = await provisioner.apply(inputs)
      expect(result).toMatchObject({ ok: false, error: { code: 'preflight' }, done: [] })
      expect(result.tally.writes).toBe(0)
      expect(await snapshot(gateway, inputs.targetQueueId)).toEqual(before)
    } finally {
      viewer.session.dispose()
    }
  })

  it('stops at the step a failure hits, then a second apply picks up from the org and completes', async () => {
    const inputs = await inputsFor(demo, gateway, { namePrefix: 'Resume Test' })
    const failing = fastProvisioner(failingNthWrite(gateway, 8))
    const first = await failing.apply(inputs, { skipPreflight: true })
    expect(first.ok).toBe(false)
    if (first.ok) return
    expect(first.error.step).toBe('action:create-placeholder-callback')
    expect(first.done.map((s) => s.key)).toEqual([
      'wrapupCode',
      'holdingQueue',
      'credential',
      'integration',
      'action:add-contact-to-contact-list'
    ])
    const provisioner = fastProvisioner(gateway)
    const plan = await provisioner.plan(inputs)
    expect(plan.ok && plan.value.plan.steps.slice(0, 5).map((s) => s.action)).toEqual(['keep', 'keep', 'keep', 'keep', 'keep'])
    const second = await provisioner.apply(inputs)
    expect(second.ok, second.ok ? '' : second.error.message).toBe(true)
    expect(second.ok && second.plan.summary.keep).toBe(5)
    expect((await provisioner.verify(inputs)).ok).toBe(true)
  })

  it("stops on an object under setup's name it did not make, and adopts it when told to", async () => {
    const inputs = await inputsFor(demo, gateway, { namePrefix: 'Adopt Test' })
    await gateway.call('POST /api/v2/routing/queues', (a) =>
      a.routing.postRoutingQueues({ name: 'Adopt Test - Waiting callbacks', description: 'made by hand' })
    )
    const provisioner = fastProvisioner(gateway)
    const report = await provisioner.preflight(inputs)
    expect(report.ok).toBe(false)
    expect(report.conflicts.map((c) => c.key)).toEqual(['holdingQueue'])
    expect((await provisioner.apply(inputs)).ok).toBe(false)
    const adopted = await provisioner.apply({ ...inputs, adopt: true })
    expect(adopted.ok, adopted.ok ? '' : adopted.error.message).toBe(true)
    expect(adopted.ok && adopted.plan.steps.find((s) => s.key === 'holdingQueue')).toMatchObject({
      action: 'update',
      adopted: true
    })
    expect((await provisioner.plan(inputs)).ok && (await provisioner.plan(inputs))).toMatchObject({
      value: { plan: { summary: { conflict: 0, create: 0, update: 0 } } }
    })
  })
})
