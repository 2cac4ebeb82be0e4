import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apis, FrameRecorder, rejection, startDomainOrg, type DomainOrg } from './domain-harness'

const LIST = {
  name: 'Proactive callbacks',
  columnNames: ['phone', 'name', 'delay', 'callbackId'],
  phoneColumns: [{ columnName: 'phone', type: 'cell' }]
}

describe('outbound API through the SDK', () => {
  let o: DomainOrg
  let a: ReturnType<typeof apis>
  let viewer: ReturnType<typeof apis>
  let edgeGroupId: string
  beforeAll(async () => {
    o = await startDomainOrg()
    a = apis(o.admin)
    viewer = apis(o.viewer)
    edgeGroupId = (await a.telephony.getTelephonyProvidersEdgesEdgegroups({})).entities![0]!.id!
  })
  afterAll(() => o.close())

  it('creates, reads, lists, updates and deletes contact lists', async () => {
    const list = await a.outbound.postOutboundContactlists({ ...LIST, name: 'Lists test' })
    expect(list).toMatchObject({ name: 'Lists test', version: 1, columnNames: LIST.columnNames, phoneColumns: LIST.phoneColumns })
    expect((await a.outbound.getOutboundContactlist(list.id!)).size).toBe(0)
    const listing = await a.outbound.getOutboundContactlists({ name: 'Lists', filterType: 'Prefix' })
    expect(listing.entities!.map((l) => l.id)).toContain(list.id)
    const updated = await a.outbound.putOutboundContactlist(list.id!, { ...list, columnNames: [...LIST.columnNames, 'ccNote'] })
    expect(updated.version).toBe(2)
    const stale = await rejection(a.outbound.putOutboundContactlist(list.id!, { ...list }))
    expect(stale).toMatchObject({ status: 409, code: 'conflict' })
    await a.outbound.deleteOutboundContactlist(list.id!)
    expect(await rejection(a.outbound.getOutboundContactlist(list.id!))).toMatchObject({ status: 404, code: 'not.found' })
  })

  it('rejects bad bodies with 400 and the read-only client with 403 naming the permission', async () => {
    expect(await rejection(a.outbound.postOutboundContactlists({ name: 'No columns' } as never))).toMatchObject({ status: 400 })
    const denied = await rejection(viewer.outbound.postOutboundContactlists({ ...LIST, name: 'Viewer list' }))
    expect(denied.status).toBe(403)
    expect(String(denied.message)).toContain('outbound:contactList:add')
    const campaignDenied = await rejection(viewer.outbound.postOutboundCampaigns({} as never))
    expect(String(campaignDenied.message)).toContain('outbound:campaign:add')
    expect((await viewer.outbound.getOutboundContactlists({})).entities).toBeDefined()
  })

  it('adds contacts with priority / doNotQueue, reads, marks uncallable and deletes them', async () => {
    const list = await a.outbound.postOutboundContactlists({ ...LIST, name: 'Contacts test' })
    const added = await a.outbound.postOutboundContactlistContacts(
      list.id!,
      [{ data: { phone: '+13175550100', name: 'Ann' } } as never],
      { priority: true }
    )
    expect(added[0]).toMatchObject({ contactListId: list.id, callable: true, data: { phone: '+13175550100', name: 'Ann' } })
    const again = await a.outbound.postOutboundContactlistContacts(
      list.id!,
      [{ id: added[0]!.id, data: { phone: '+13175550100', name: 'Ann B' } } as never],
      { doNotQueue: true }
    )
    expect(again[0]!.id).toBe(added[0]!.id)
    expect(
      await rejection(a.outbound.postOutboundContactlistContacts(list.id!, [{ data: { mobile: '1' } } as never]))
    ).toMatchObject({ status: 400 })
    const contact = await a.outbound.getOutboundContactlistContact(list.id!, added[0]!.id!)
    expect(contact.data.name).toBe('Ann B')
    const uncallable = await a.outbound.putOutboundContactlistContact(list.id!, contact.id!, { ...contact, callable: false })
    expect(uncallable.callable).toBe(false)
    expect((await a.outbound.getOutboundContactlist(list.id!)).size).toBe(1)
    await a.outbound.deleteOutboundContactlistContact(list.id!, contact.id!)
    expect(await rejection(a.outbound.getOutboundContactlistContact(list.id!, contact.id!))).toMatchObject({ status: 404 })
  })

  it('manages call analysis response sets', async () => {
    const set = await a.outbound.postOutboundCallanalysisresponsesets({
      name: 'Hang up all',
      responses: { 'disposition.classification.callable.busy': { reactionType: 'hangup' } }
    })
    expect(set.version).toBe(1)
    const put = await a.outbound.putOutboundCallanalysisresponseset(set.id!, { ...set, beepDetectionEnabled: true })
    expect(put).toMatchObject({ version: 2, beepDetectionEnabled: true })
    expect(await rejection(a.outbound.putOutboundCallanalysisresponseset(set.id!, set))).toMatchObject({ status: 409 })
    const badFlow = await rejection(
      a.outbound.postOutboundCallanalysisresponsesets({
        name: 'To nowhere',
        responses: { 'disposition.classification.callable.person': { reactionType: 'transfer_flow', data: 'no-such-flow' } }
      })
    )
    expect(badFlow).toMatchObject({ status: 400, code: 'invalid.create' })
    expect((await a.outbound.getOutboundCallanalysisresponsesets({ name: 'Hang' })).entities!.map((s) => s.id)).toContain(set.id)
    await a.outbound.deleteOutboundCallanalysisresponseset(set.id!)
    expect(await rejection(a.outbound.getOutboundCallanalysisresponseset(set.id!))).toMatchObject({ status: 404 })
  })

  it('runs an always-running agentless campaign: created off, version-checked on, dials appended contacts, publishes events', async () => {
    const list = await a.outbound.postOutboundContactlists({ ...LIST, name: 'Campaign list' })
    const set = await a.outbound.postOutboundCallanalysisresponsesets({
      name: 'Campaign CARS',
      responses: { 'disposition.classification.callable.busy': { reactionType: 'hangup' } }
    })
    const body = {
      name: 'Campaign test',
      contactList: { id: list.id },
      dialingMode: 'agentless',
      edgeGroup: { id: edgeGroupId },
      campaignStatus: 'on',
      phoneColumns: [{ columnName: 'phone', type: 'Cell' }],
      callAnalysisResponseSet: { id: set.id },
      callerName: 'Demo',
      callerAddress: '+13175550199',
      outboundLineCount: 2,
      alwaysRunning: true
    }
    expect(await rejection(a.outbound.postOutboundCampaigns({ ...body, outboundLineCount: undefined } as never))).toMatchObject({
      status: 400,
      code: 'invalid.create'
    })
    const created = await a.outbound.postOutboundCampaigns(body as never)
    expect(created).toMatchObject({ campaignStatus: 'off', alwaysRunning: true, dialingMode: 'agentless', version: 1 })

    const channel = await a.notifications.postNotificationsChannels()
    await a.notifications.putNotificationsChannelSubscriptions(channel.id!, [
      { id: `v2.outbound.campaigns.${created.id}` },
      { id: `v2.outbound.campaigns.${created.id}.progress` },
      { id: `v2.outbound.contactlists.${list.id}` }
    ])
    const socket = await FrameRecorder.open(channel.connectUri!)
    try {
      const on = await a.outbound.putOutboundCampaign(created.id!, { ...created, campaignStatus: 'on' })
      expect(on).toMatchObject({ campaignStatus: 'on', version: 2 })
      expect(await rejection(a.outbound.putOutboundCampaign(created.id!, { ...created, campaignStatus: 'off' }))).toMatchObject({
        status: 409
      })
      expect(await rejection(a.outbound.putOutboundCampaign(created.id!, { ...on, outboundLineCount: 9 }))).toMatchObject({
        status: 400,
        code: 'invalid.update'
      })
      const statusEvent = await socket.next(
        (f) => f.topicName === `v2.outbound.campaigns.${created.id}` && f.eventBody.campaignStatus === 'on'
      )
      expect(statusEvent.eventBody).toMatchObject({ id: created.id, name: 'Campaign test', version: 2 })

      const contacts = ['+13175550101', '+13175550102', '+13175550103'].map((phone) => ({ data: { phone } }))
      const appended = await a.outbound.postOutboundContactlistContacts(list.id!, contacts as never)
      await socket.next((f) => f.topicName === `v2.outbound.contactlists.${list.id}` && f.eventBody.size === 3)
      await o.until(
        () =>
          o.demo.org.outbound!.campaigns.runtime(created.id!).attempts >= 3 &&
          o.demo.org.outbound!.campaigns.runtime(created.id!).outstandingCalls === 0
      )
      const progress = await a.outbound.getOutboundCampaignProgress(created.id!)
      expect(progress).toMatchObject({ numberOfContactsCalled: 3, totalNumberOfContacts: 3, percentage: 100 })
      const stats = await a.outbound.getOutboundCampaignStats(created.id!)
      expect(stats.contactRate?.attempts).toBe(3)
      const dialled = await a.outbound.getOutboundContactlistContact(list.id!, appended[0]!.id!)
      expect(dialled.callRecords?.phone?.lastResult).toMatch(/^ININ-OUTBOUND-/)
      const progressEvent = await socket.next(
        (f) => f.topicName === `v2.outbound.campaigns.${created.id}.progress` && f.eventBody.numberOfContactsCalled === 3
      )
      expect(progressEvent.eventBody).toMatchObject({ campaign: { id: created.id }, totalNumberOfContacts: 3 })

      const fresh = await a.outbound.getOutboundCampaign(created.id!)
      const off = await a.outbound.putOutboundCampaign(created.id!, { ...fresh, campaignStatus: 'off' })
      expect(['stopping', 'off']).toContain(off.campaignStatus)
      await o.run(60_000)
      expect((await a.outbound.getOutboundCampaign(created.id!)).campaignStatus).toBe('off')
      expect(await rejection(a.outbound.deleteOutboundContactlist(list.id!))).toMatchObject({ status: 409 })
      await a.outbound.deleteOutboundCampaign(created.id!)
      await a.outbound.deleteOutboundContactlist(list.id!)
    } finally {
      socket.close()
    }
  })
})
