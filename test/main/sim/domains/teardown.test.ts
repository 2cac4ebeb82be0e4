import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findDeployment } from '../../../../src-main/sim/domains/index'
import { apis, rejection, startDomainOrg, type DomainOrg } from './domain-harness'

describe('tearing the seeded solution down in the safe order', () => {
  let o: DomainOrg
  beforeAll(async () => {
    o = await startDomainOrg({ deployed: true })
  })
  afterAll(() => o.close())

  it('refuses unsafe deletes, then removes every object', async () => {
    const a = apis(o.admin)
    const d = findDeployment(o.demo.org)
    expect(await rejection(a.outbound.deleteOutboundCampaign(d.campaignId!))).toMatchObject({
      status: 400,
      code: 'invalid.delete'
    })
    expect(await rejection(a.architect.deleteFlow(d.outboundFlowId!))).toMatchObject({ status: 409 })
    expect(await rejection(a.architect.deleteFlow(d.inQueueFlowId!))).toMatchObject({ status: 409 })

    const campaign = await a.outbound.getOutboundCampaign(d.campaignId!)
    await a.outbound.putOutboundCampaign(d.campaignId!, { ...campaign, campaignStatus: 'off' })
    await o.until(() => o.demo.org.outbound!.campaigns.record(d.campaignId!).campaignStatus === 'off', 180_000)
    await a.outbound.deleteOutboundCampaign(d.campaignId!)
    await a.outbound.deleteOutboundContactlist(d.contactListId!)
    const set = (await a.outbound.getOutboundCallanalysisresponsesets({})).entities![0]!
    await a.outbound.deleteOutboundCallanalysisresponseset(set.id!)
    const target = await a.routing.getRoutingQueue(d.targetQueueId!)
    await a.routing.putRoutingQueue(d.targetQueueId!, { ...target, queueFlow: undefined } as never)
    for (const flow of (await a.architect.getFlows({})).entities!) await a.architect.deleteFlow(flow.id!)
    for (const action of (await a.integrations.getIntegrationsActions({})).entities!)
      await a.integrations.deleteIntegrationsAction(action.id!)
    for (const integration of (await a.integrations.getIntegrations({})).entities!)
      await a.integrations.deleteIntegration(integration.id!)
    for (const credential of (await a.integrations.getIntegrationsCredentials({})).entities!)
      await a.integrations.deleteIntegrationsCredential(credential.id!)

    expect((await a.outbound.getOutboundCampaigns({})).entities).toEqual([])
    expect((await a.outbound.getOutboundContactlists({})).entities).toEqual([])
    expect((await a.architect.getFlows({})).entities).toEqual([])
    expect((await a.integrations.getIntegrationsActions({})).entities).toEqual([])
    expect((await a.integrations.getIntegrations({})).entities).toEqual([])
  })
})
