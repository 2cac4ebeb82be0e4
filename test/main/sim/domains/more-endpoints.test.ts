import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findDeployment } from '../../../../src-main/sim/domains/index'
import { apis, rejection, startDomainOrg, type DomainOrg } from './domain-harness'

describe('the remaining outbound and action endpoints through the SDK', () => {
  let o: DomainOrg
  let a: ReturnType<typeof apis>
  beforeAll(async () => {
    o = await startDomainOrg({ deployed: true, dialer: { scripted: () => 'callable.noanswer' } })
    a = apis(o.admin)
  })
  afterAll(() => o.close())

  it('campaign patch, stop/start, bulk progress, recycle, diagnostics and listing filters', async () => {
    const d = findDeployment(o.demo.org)
    const id = d.campaignId!
    expect((await a.outbound.getOutboundCampaigns({ contactListId: d.contactListId })).entities!.map((c) => c.id)).toEqual([id])
    await a.outbound.patchOutboundCampaign(id, { outboundLineCount: 6 })
    expect((await a.outbound.getOutboundCampaign(id)).outboundLineCount).toBe(6)
    expect(await rejection(a.outbound.patchOutboundCampaign(id, { outboundLineCount: 0 }))).toMatchObject({ status: 400 })
    await a.outbound.postOutboundContactlistContacts(d.contactListId!, [{ data: { phone: '+13175550100' } } as never])
    await o.until(() => o.demo.org.outbound!.contactLists.book(d.contactListId!).calledCount() === 1, 120_000)
    const [progress] = await a.outbound.postOutboundCampaignsProgress([id])
    expect(progress).toMatchObject({ campaign: { id }, numberOfContactsCalled: 1 })
    await a.outbound.postOutboundCampaignStop(id)
    await o.run(60_000, 6)
    expect((await a.outbound.getOutboundCampaign(id)).campaignStatus).toBe('off')
    await a.outbound.deleteOutboundCampaignProgress(id)
    expect((await a.outbound.getOutboundCampaignProgress(id)).numberOfContactsCalled).toBe(0)
    await a.outbound.postOutboundCampaignStart(id)
    await o.until(() => o.demo.org.outbound!.campaigns.runtime(id).attempts === 2, 120_000)
    const diagnostics = await a.outbound.getOutboundCampaignDiagnostics(id)
    expect(diagnostics).toMatchObject({ totalNumberOfContacts: 1, numberOfContactsCalled: 1 })
  })

  it('bulk contact reads and deletes, clearing, bulk list delete', async () => {
    const list = await a.outbound.postOutboundContactlists({
      name: 'Bulk',
      columnNames: ['phone'],
      phoneColumns: [{ columnName: 'phone', type: 'cell' }]
    })
    const added = await a.outbound.postOutboundContactlistContacts(
      list.id!,
      [1, 2, 3].map((n) => ({ data: { phone: `+1317555000${n}` } })) as never
    )
    const bulk = await a.outbound.postOutboundContactlistContactsBulk(list.id!, [added[0]!.id!, 'missing'])
    expect(bulk.map((c) => c.id)).toEqual([added[0]!.id])
    await a.outbound.deleteOutboundContactlistContacts(list.id!, [added[0]!.id!])
    expect((await a.outbound.getOutboundContactlist(list.id!)).size).toBe(2)
    await a.outbound.postOutboundContactlistClear(list.id!)
    expect((await a.outbound.getOutboundContactlist(list.id!)).size).toBe(0)
    await a.outbound.deleteOutboundContactlists([list.id!])
    expect(await rejection(a.outbound.getOutboundContactlist(list.id!))).toMatchObject({ status: 404 })
  })

  it('action drafts of a published action, patching, categories, types', async () => {
    const [action] = (await a.integrations.getIntegrationsActions({ name: 'Disconnect callback' })).entities!
    const draft = await a.integrations.postIntegrationsActionDraft(action!.id!)
    expect(await rejection(a.integrations.postIntegrationsActionDraft(action!.id!))).toMatchObject({ status: 409 })
    const renamed = await a.integrations.patchIntegrationsActionDraft(action!.id!, {
      version: draft.version!,
      name: 'Disconnect callback v2'
    })
    expect(renamed).toMatchObject({ name: 'Disconnect callback v2', version: 2 })
    expect(
      (await a.integrations.getIntegrationsActionDraft(action!.id!, { includeConfig: true })).config?.request?.requestType
    ).toBe('PATCH')
    expect((await a.integrations.getIntegrationsActionsDrafts({})).entities!.map((x) => x.id)).toEqual([action!.id])
    await a.integrations.deleteIntegrationsActionDraft(action!.id!)
    expect(await rejection(a.integrations.getIntegrationsActionDraft(action!.id!, {}))).toMatchObject({ status: 404 })
    const config = (await a.integrations.getIntegrationsAction(action!.id!, { includeConfig: true })).config!
    const patched = await a.integrations.patchIntegrationsAction(action!.id!, {
      version: 1,
      config: { ...config, timeoutSeconds: 20 }
    })
    expect(patched.version).toBe(2)
    expect(await rejection(a.integrations.patchIntegrationsAction(action!.id!, { version: 1 }))).toMatchObject({ status: 409 })
    expect((await a.integrations.getIntegrationsActionsCategories({})).entities!.map((c) => c.name)).toEqual([
      'Proactive Callback Flows'
    ])
    expect((await a.integrations.getIntegrationsType('purecloud-data-actions')).name).toBe('Genesys Cloud Data Actions')
    expect(await rejection(a.integrations.getIntegrationsType('nope'))).toMatchObject({ status: 404 })
    expect((await a.integrations.getIntegrationsCredentialsTypes()).map((t) => t.name)).toContain('pureCloudOAuthClient')
    const integration = (await a.integrations.getIntegrations({})).entities![0]!
    expect((await a.integrations.getIntegration(integration.id!, {})).intendedState).toBe('ENABLED')
  })
})
