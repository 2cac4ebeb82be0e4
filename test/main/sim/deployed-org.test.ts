import platformClient from 'purecloud-platform-client-v2'
import { describe, expect, it } from 'vitest'
import { startDemoOrg } from '../../../src-main/sim/server'
import { loggedIn } from './sim-harness'

describe('demo org modes', () => {
  it('--empty has queues, users, a site and an edge group but no solution objects', async () => {
    const demo = await startDemoOrg({ empty: true, log: () => undefined })
    try {
      const client = await loggedIn(demo)
      const names = (await new platformClient.RoutingApi(client).getRoutingQueues()).entities!.map((q) => q.name)
      expect(names).toEqual(['Billing', 'Customer Service'])
      const tel = new platformClient.TelephonyProvidersEdgeApi(client)
      expect((await tel.getTelephonyProvidersEdgesSites()).entities!.map((s) => s.name)).toEqual(['Demo Site'])
      expect((await tel.getTelephonyProvidersEdgesEdgegroups()).entities!.map((g) => g.name)).toEqual(['Demo Edge Group'])
      expect((await new platformClient.OutboundApi(client).getOutboundCampaigns()).entities ?? []).toEqual([])
    } finally {
      await demo.close()
    }
  })

  it('deployed mode seeds the callback solution', async () => {
    const demo = await startDemoOrg({ log: () => undefined })
    try {
      const client = await loggedIn(demo)
      const names = (await new platformClient.RoutingApi(client).getRoutingQueues()).entities!.map((q) => q.name)
      expect(names).toContain('Waiting callbacks')
      expect((await new platformClient.OutboundApi(client).getOutboundCampaigns()).entities!.length).toBeGreaterThan(0)
    } finally {
      await demo.close()
    }
  })
})
