import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BLUEPRINT_ACTIONS } from '../../../../src-main/sim/domains/solution/blueprint-actions'
import { OURS_ACTIONS } from '../../../../src-main/sim/domains/solution/ours-actions'
import { apis, rejection, startDomainOrg, type DomainOrg } from './domain-harness'

const def = (set: typeof OURS_ACTIONS, name: string) => structuredClone(set.find((x) => x.name === name)!)

describe('integrations and data actions through the SDK', () => {
  let o: DomainOrg
  let a: ReturnType<typeof apis>
  let viewer: ReturnType<typeof apis>
  let integrationId: string
  let credentialId: string
  let queueId: string
  beforeAll(async () => {
    o = await startDomainOrg()
    a = apis(o.admin)
    viewer = apis(o.viewer)
    queueId = (await a.routing.postRoutingQueues({ name: 'Waiting callbacks' })).id!
  })
  afterAll(() => o.close())

  it('installs a data-actions integration with an OAuth credential', async () => {
    const types = await a.integrations.getIntegrationsTypes({})
    expect(types.entities!.map((t) => t.id)).toContain('purecloud-data-actions')
    const credential = await a.integrations.postIntegrationsCredentials({
      body: {
        name: 'Demo client',
        type: { name: 'pureCloudOAuthClient' },
        credentialFields: { clientId: 'callback-console-demo', clientSecret: 'demo-secret' }
      }
    })
    credentialId = credential.id!
    const read = await a.integrations.getIntegrationsCredential(credentialId)
    expect(read.credentialFields).toEqual({ clientId: 'callback-console-demo' })
    const integration = await a.integrations.postIntegrations({
      body: { name: 'Proactive Callback Flows', integrationType: { id: 'purecloud-data-actions' } }
    })
    integrationId = integration.id!
    expect(integration).toMatchObject({ intendedState: 'DISABLED', integrationType: { id: 'purecloud-data-actions' } })
    const config = await a.integrations.getIntegrationConfigCurrent(integrationId)
    const put = await a.integrations.putIntegrationConfigCurrent(integrationId, {
      body: { ...config, credentials: { pureCloudOAuthClient: { id: credentialId } } }
    })
    expect(put.version).toBe(2)
    expect(await rejection(a.integrations.putIntegrationConfigCurrent(integrationId, { body: config }))).toMatchObject({
      status: 409
    })
    const enabled = await a.integrations.patchIntegration(integrationId, { body: { intendedState: 'ENABLED' } })
    expect(enabled.intendedState).toBe('ENABLED')
    expect(
      (await a.integrations.getIntegrations({ integrationType: 'purecloud-data-actions' } as never)).entities!.map((i) => i.id)
    ).toContain(integrationId)
    expect(await rejection(a.integrations.deleteIntegrationsCredential(credentialId))).toMatchObject({ status: 409 })
    const denied = await rejection(
      viewer.integrations.postIntegrations({ body: { name: 'x', integrationType: { id: 'purecloud-data-actions' } } })
    )
    expect(String(denied.message)).toContain('integrations:integration:add')
  })

  it('creates an action as a draft, publishes it with the draft version, and lists it with its config', async () => {
    const body = {
      ...def(OURS_ACTIONS, 'Create placeholder callback'),
      category: 'Proactive Callback Flows',
      integrationId,
      secure: false
    }
    const draft = await a.integrations.postIntegrationsActionsDrafts(body as never)
    expect(draft.id).toMatch(/^custom_-_/)
    expect(await rejection(a.integrations.getIntegrationsAction(draft.id!, {}))).toMatchObject({ status: 404 })
    expect(await rejection(a.integrations.postIntegrationsActionDraftPublish(draft.id!, { version: 7 }))).toMatchObject({
      status: 409
    })
    const published = await a.integrations.postIntegrationsActionDraftPublish(draft.id!, { version: 1 })
    expect(published).toMatchObject({ name: 'Create placeholder callback', version: 1 })
    const listed = await a.integrations.getIntegrationsActions({ category: 'Proactive Callback Flows', includeConfig: true })
    expect(listed.entities![0]!.config?.request?.requestUrlTemplate).toBe('/api/v2/conversations/callbacks')
    expect(await rejection(a.integrations.postIntegrationsActions(body as never))).toMatchObject({ status: 409 })
    expect(
      await rejection(a.integrations.postIntegrationsActions({ ...body, name: 'Broken', config: { request: {} } } as never))
    ).toMatchObject({ status: 400 })
  })

  it('executes the fixed action: the placeholder callback keeps the + of the number', async () => {
    const action = (await a.integrations.getIntegrationsActions({ name: 'Create placeholder callback' })).entities![0]!
    const result = (await a.integrations.postIntegrationsActionExecute(action.id!, {
      queueId,
      callbackNumber: '+13175550100',
      callbackUserName: 'O\'Brien "Bo"'
    })) as { conversation: { id: string } }
    const callback = await a.conversations.getConversationsCallback(result.conversation.id)
    const participant = callback.participants!.find((p) => p.callbackNumbers)!
    expect(participant.callbackNumbers).toEqual(['+13175550100'])
    expect(participant.callbackUserName).toBe('O\'Brien "Bo"')
    const flat = (await a.integrations.postIntegrationsActionExecute(
      action.id!,
      { queueId, callbackNumber: '+13175550101' },
      { flatten: true }
    )) as Record<string, unknown>
    expect(typeof flat['conversation.id']).toBe('string')
    const denied = await rejection(
      viewer.integrations.postIntegrationsActionExecute(action.id!, { queueId, callbackNumber: '+1' })
    )
    expect(denied.status).toBe(403)
    expect(String(denied.message)).toContain('integrations:action:execute')
  })

  it("runs the blueprint's action as published: the number loses its +, a string phone fails the contract", async () => {
    const body = {
      ...def(BLUEPRINT_ACTIONS, 'Create placeholder callback'),
      name: 'Blueprint placeholder',
      category: 'Blueprint',
      integrationId
    }
    const action = await a.integrations.postIntegrationsActions(body as never)
    const result = (await a.integrations.postIntegrationsActionExecute(action.id!, { queueId, callbackNumber: 13175550100 })) as {
      conversation: { id: string }
    }
    const callback = await a.conversations.getConversationsCallback(result.conversation.id)
    expect(callback.participants!.find((p) => p.callbackNumbers)!.callbackNumbers).toEqual(['13175550100'])
    expect(
      await rejection(a.integrations.postIntegrationsActionExecute(action.id!, { queueId, callbackNumber: '+13175550100' }))
    ).toMatchObject({ status: 400, code: 'invalid.input' })
    const test = await a.integrations.postIntegrationsActionTest(action.id!, { queueId: 'no-such-queue', callbackNumber: 1 })
    expect(test.success).toBe(false)
    expect(test.operations!.map((s) => s.success)).toEqual([true, true, true, false])
    expect(test.error?.status).toBe(404)
  })

  it('tests a draft, and fails cleanly when the integration is disabled or its credential is wrong', async () => {
    const body = { ...def(OURS_ACTIONS, 'Get interaction state'), category: 'Proactive Callback Flows', integrationId }
    const draft = await a.integrations.postIntegrationsActionsDrafts(body as never)
    const test = await a.integrations.postIntegrationsActionDraftTest(draft.id!, { conversationId: 'unknown-conversation' })
    expect(test).toMatchObject({ success: false, error: { status: 404 } })
    await a.integrations.patchIntegration(integrationId, { body: { intendedState: 'DISABLED' } })
    const action = (await a.integrations.getIntegrationsActions({ name: 'Create placeholder callback' })).entities![0]!
    expect(
      await rejection(a.integrations.postIntegrationsActionExecute(action.id!, { queueId, callbackNumber: '+1' }))
    ).toMatchObject({ status: 400, code: 'integration.not.active' })
    await a.integrations.patchIntegration(integrationId, { body: { intendedState: 'ENABLED' } })
    await a.integrations.putIntegrationsCredential(credentialId, {
      body: {
        name: 'Demo client',
        type: { name: 'pureCloudOAuthClient' },
        credentialFields: { clientId: 'callback-console-demo', clientSecret: 'wrong' }
      }
    })
    const unauth = await rejection(
      a.integrations.postIntegrationsActionExecute(action.id!, { queueId, callbackNumber: '+13175550102' })
    )
    expect(unauth.status).toBe(401)
  })
})
