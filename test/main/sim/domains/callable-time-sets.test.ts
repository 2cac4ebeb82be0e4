import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type platformClient from 'purecloud-platform-client-v2'
import { CallableTimeSetStore } from '../../../../src-main/sim/domains/outbound/callable-time-set-store'
import type { DialAttempt } from '../../../../src-main/sim/domains/outbound/dialer'
import { apis, FrameRecorder, rejection, startDomainOrg, type DomainOrg } from './domain-harness'
import { fakeContext } from './fake-context'

type TimeSet = platformClient.Models.CallableTimeSet

const HOUR = 3_600_000
/** The harness's org clock starts on Monday 2025-03-03 09:00 UTC (09:00 in London, GMT until 30 March). */
const MONDAY_0900_UTC = Date.UTC(2025, 2, 3, 9, 0, 0)

const hours = (name: string, timeZoneId: string, timeSlots: Array<[number, string, string]>): TimeSet => ({
  name,
  callableTimes: [{ timeZoneId, timeSlots: timeSlots.map(([day, startTime, stopTime]) => ({ day, startTime, stopTime })) }]
})

describe('callable time sets through the SDK', () => {
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

  const campaignParts = async (tag: string) => {
    const list = await a.outbound.postOutboundContactlists({
      name: `${tag} list`,
      columnNames: ['phone', 'name'],
      phoneColumns: [{ columnName: 'phone', type: 'cell' }]
    })
    const cars = await a.outbound.postOutboundCallanalysisresponsesets({
      name: `${tag} CARS`,
      responses: { 'disposition.classification.callable.busy': { reactionType: 'hangup' } }
    })
    const body = (extra: Record<string, unknown> = {}) =>
      ({
        name: `${tag} campaign`,
        contactList: { id: list.id },
        dialingMode: 'agentless',
        edgeGroup: { id: edgeGroupId },
        phoneColumns: [{ columnName: 'phone', type: 'Cell' }],
        callAnalysisResponseSet: { id: cars.id },
        callerName: 'Demo',
        callerAddress: '+13175550199',
        outboundLineCount: 1,
        alwaysRunning: true,
        ...extra
      }) as never
    return { list, body }
  }

  it('creates, reads, lists with name filter and paging, updates with versions, and deletes', async () => {
    const created = await a.outbound.postOutboundCallabletimesets(
      hours('Hours A', 'Europe/London', [
        [1, '08:00:00', '20:00:00'],
        [6, '09:30:00', '13:00:00']
      ])
    )
    expect(created).toMatchObject({
      name: 'Hours A',
      version: 1,
      callableTimes: [
        {
          timeZoneId: 'Europe/London',
          timeSlots: [
            { day: 1, startTime: '08:00:00.000', stopTime: '20:00:00.000' },
            { day: 6, startTime: '09:30:00.000', stopTime: '13:00:00.000' }
          ]
        }
      ],
      selfUri: `/api/v2/outbound/callabletimesets/${created.id}`
    })
    expect(created.dateCreated).toBe(new Date(MONDAY_0900_UTC).toISOString())
    expect(await a.outbound.getOutboundCallabletimeset(created.id!)).toEqual(created)

    await a.outbound.postOutboundCallabletimesets(hours('Hours B', 'America/New_York', [[2, '09:00:00', '17:00:00']]))
    await a.outbound.postOutboundCallabletimesets(hours('Other hours', 'Asia/Tokyo', [[7, '10:00:00', '12:00:00']]))
    const exact = await a.outbound.getOutboundCallabletimesets({ name: 'Hours A', filterType: 'Equals', pageSize: 100 })
    expect(exact.entities!.map((s) => s.name)).toEqual(['Hours A'])
    const prefix = await a.outbound.getOutboundCallabletimesets({ name: 'hours', pageSize: 1, pageNumber: 2 })
    expect(prefix).toMatchObject({ pageSize: 1, pageNumber: 2, total: 2, pageCount: 2 })
    expect(prefix.entities!.map((s) => s.name)).toEqual(['Hours B'])
    const all = await a.outbound.getOutboundCallabletimesets({ pageSize: 25 })
    expect(all.entities!.map((s) => s.name)).toEqual(expect.arrayContaining(['Hours A', 'Hours B', 'Other hours']))

    const updated = await a.outbound.putOutboundCallabletimeset(created.id!, {
      ...created,
      name: 'Hours A2',
      callableTimes: [{ timeZoneId: 'Europe/Paris', timeSlots: [{ day: 3, startTime: '07:00:00.000', stopTime: '19:00:00' }] }]
    })
    expect(updated).toMatchObject({
      name: 'Hours A2',
      version: 2,
      callableTimes: [
        { timeZoneId: 'Europe/Paris', timeSlots: [{ day: 3, startTime: '07:00:00.000', stopTime: '19:00:00.000' }] }
      ]
    })
    expect(await rejection(a.outbound.putOutboundCallabletimeset(created.id!, created))).toMatchObject({
      status: 409,
      code: 'conflict'
    })
    await a.outbound.deleteOutboundCallabletimeset(created.id!)
    expect(await rejection(a.outbound.getOutboundCallabletimeset(created.id!))).toMatchObject({ status: 404, code: 'not.found' })
    expect(await rejection(a.outbound.deleteOutboundCallabletimeset(created.id!))).toMatchObject({ status: 404 })
  })

  it('refuses bad bodies with 400, a duplicate name like the other outbound stores, and the read-only client with 403', async () => {
    const bad = async (body: unknown): Promise<Record<string, unknown>> =>
      rejection(a.outbound.postOutboundCallabletimesets(body as TimeSet))
    expect(await bad({ callableTimes: hours('x', 'UTC', [[1, '08:00:00', '09:00:00']]).callableTimes })).toMatchObject({
      status: 400
    })
    expect(await bad({ name: 'No times' })).toMatchObject({ status: 400, code: 'invalid.create' })
    expect(await bad({ name: 'Empty', callableTimes: [] })).toMatchObject({ status: 400, code: 'invalid.create' })
    const zone = await bad(hours('Bad zone', 'Mars/Olympus', [[1, '08:00:00', '09:00:00']]))
    expect(zone).toMatchObject({ status: 400, code: 'invalid.create' })
    expect(String(zone.message)).toContain('Mars/Olympus')
    expect(await bad(hours('Offset zone', '+01:00', [[1, '08:00:00', '09:00:00']]))).toMatchObject({ status: 400 })
    expect(
      await bad({ name: 'No zone', callableTimes: [{ timeSlots: [{ day: 1, startTime: '08:00:00', stopTime: '09:00:00' }] }] })
    ).toMatchObject({ status: 400, code: 'invalid.create' })
    expect(await bad({ name: 'No slots', callableTimes: [{ timeZoneId: 'UTC', timeSlots: [] }] })).toMatchObject({ status: 400 })
    for (const [day, start, stop] of [
      [0, '08:00:00', '09:00:00'],
      [8, '08:00:00', '09:00:00'],
      [1.5, '08:00:00', '09:00:00'],
      [1, '8:00', '09:00:00'],
      [1, '08:00', '09:00:00'],
      [1, '24:00:00', '09:00:00'],
      [1, '08:60:00', '09:00:00'],
      [1, '09:00:00', '08:00:00'],
      [1, '09:00:00', '09:00:00']
    ] as Array<[number, string, string]>) {
      expect(await bad(hours('Bad slot', 'UTC', [[day, start, stop]])), `${day} ${start}-${stop}`).toMatchObject({
        status: 400,
        code: 'invalid.create'
      })
    }
    const first = await a.outbound.postOutboundCallabletimesets(hours('Dup hours', 'UTC', [[1, '08:00:00', '09:00:00']]))
    expect(await bad(hours('dup HOURS', 'UTC', [[1, '08:00:00', '09:00:00']]))).toMatchObject({
      status: 400,
      code: 'invalid.create'
    })
    const second = await a.outbound.postOutboundCallabletimesets(hours('Dup hours 2', 'UTC', [[1, '08:00:00', '09:00:00']]))
    expect(await rejection(a.outbound.putOutboundCallabletimeset(second.id!, { ...second, name: 'Dup hours' }))).toMatchObject({
      status: 400,
      code: 'invalid.update'
    })
    expect(
      await rejection(a.outbound.putOutboundCallabletimeset(second.id!, { ...second, version: undefined } as never))
    ).toMatchObject({ status: 400 })
    expect(
      await rejection(
        a.outbound.putOutboundCallabletimeset(second.id!, {
          ...second,
          callableTimes: [{ timeZoneId: 'Nowhere/City', timeSlots: [] }]
        })
      )
    ).toMatchObject({ status: 400, code: 'invalid.update' })
    expect(await rejection(a.outbound.getOutboundCallabletimeset('no-such-set'))).toMatchObject({ status: 404 })

    const denied = await rejection(
      viewer.outbound.postOutboundCallabletimesets(hours('Viewer', 'UTC', [[1, '08:00:00', '09:00:00']]))
    )
    expect(denied.status).toBe(403)
    expect(String(denied.message)).toContain('outbound:callableTimeSet:add')
    expect(String((await rejection(viewer.outbound.deleteOutboundCallabletimeset(first.id!))).message)).toContain(
      'outbound:callableTimeSet:delete'
    )
    expect((await viewer.outbound.getOutboundCallabletimeset(first.id!)).name).toBe('Dup hours')
  })

  it('publishes v2.outbound.callabletimesets.{id} on change', async () => {
    const set = await a.outbound.postOutboundCallabletimesets(hours('Watched hours', 'UTC', [[1, '08:00:00', '09:00:00']]))
    const channel = await a.notifications.postNotificationsChannels()
    const subscribed = await a.notifications.putNotificationsChannelSubscriptions(channel.id!, [
      { id: `v2.outbound.callabletimesets.${set.id}` }
    ])
    expect(subscribed.entities!.map((t) => t.id)).toEqual([`v2.outbound.callabletimesets.${set.id}`])
    const socket = await FrameRecorder.open(channel.connectUri!)
    try {
      await a.outbound.putOutboundCallabletimeset(set.id!, { ...set, name: 'Watched hours 2' })
      const frame = await socket.next((f) => f.topicName === `v2.outbound.callabletimesets.${set.id}`)
      expect(frame.eventBody).toMatchObject({ id: set.id, name: 'Watched hours 2', version: 2 })
    } finally {
      socket.close()
    }
  })

  it('checks a campaign’s callableTimeSet reference, returns it as {id, name, selfUri}, and guards deleting a used set', async () => {
    const { body } = await campaignParts('Ref')
    const missing = await rejection(a.outbound.postOutboundCampaigns(body({ callableTimeSet: { id: 'no-such-set' } })))
    expect(missing).toMatchObject({ status: 400, code: 'invalid.create' })
    expect(String(missing.message)).toContain('callable time set no-such-set does not exist')
    expect(await rejection(a.outbound.postOutboundCampaigns(body({ callableTimeSet: { name: 'x' } })))).toMatchObject({
      status: 400
    })

    const set = await a.outbound.postOutboundCallabletimesets(hours('Ref hours', 'Europe/London', [[1, '08:00:00', '20:00:00']]))
    const campaign = await a.outbound.postOutboundCampaigns(body({ callableTimeSet: { id: set.id } }))
    const read = await a.outbound.getOutboundCampaign(campaign.id!)
    expect(read.callableTimeSet).toEqual({
      id: set.id,
      name: 'Ref hours',
      selfUri: `/api/v2/outbound/callabletimesets/${set.id}`
    })
    expect(
      await rejection(a.outbound.putOutboundCampaign(campaign.id!, { ...read, callableTimeSet: { id: 'gone' } } as never))
    ).toMatchObject({ status: 400, code: 'invalid.update' })

    const inUse = await rejection(a.outbound.deleteOutboundCallabletimeset(set.id!))
    expect(inUse).toMatchObject({ status: 409, code: 'conflict' })
    expect(String(inUse.message)).toContain("campaign 'Ref campaign'")

    const { callableTimeSet: _dropped, ...withoutHours } = read
    const detached = await a.outbound.putOutboundCampaign(campaign.id!, withoutHours as never)
    expect(detached.callableTimeSet).toBeUndefined()
    await a.outbound.deleteOutboundCallabletimeset(set.id!)
  })

  it('dials only inside the window in the set’s time zone; contacts wait queued and are dialled when it opens', async () => {
    const { list, body } = await campaignParts('Window')
    // Monday and Tuesday 10:00–11:00 London time; the org clock is Monday 09:00 London.
    const set = await a.outbound.postOutboundCallabletimesets(
      hours('Window hours', 'Europe/London', [
        [1, '10:00:00', '11:00:00'],
        [2, '10:00:00', '11:00:00']
      ])
    )
    const created = await a.outbound.postOutboundCampaigns(body({ callableTimeSet: { id: set.id } }))
    await a.outbound.putOutboundCampaign(created.id!, { ...created, campaignStatus: 'on' })
    const attempts: DialAttempt[] = []
    o.demo.org.outbound!.dialer.onAttempt((x) => x.campaignId === created.id && attempts.push(x))
    const placed = (): number => o.demo.org.outbound!.campaigns.runtime(created.id!).attempts
    const start = o.clock.now()
    expect(start).toBe(MONDAY_0900_UTC)

    const [first] = await a.outbound.postOutboundContactlistContacts(list.id!, [{ data: { phone: '+13175550101' } } as never])
    await o.run(HOUR - 60_000, 30)
    expect(placed()).toBe(0)
    const waiting = await a.outbound.getOutboundContactlistContact(list.id!, first!.id!)
    expect(waiting.callRecords?.phone).toBeUndefined()
    expect((await a.outbound.getOutboundCampaignProgress(created.id!)).numberOfContactsCalled).toBe(0)

    await o.run(2 * 60_000, 4)
    expect(placed()).toBe(1)
    expect(o.demo.org.outbound!.campaigns.record(created.id!).campaignStatus).toBe('on')

    // Past the window (Monday 11:30): a new contact waits for Tuesday 10:00.
    await o.run(start + 2.5 * HOUR - o.clock.now(), 10)
    await a.outbound.postOutboundContactlistContacts(list.id!, [{ data: { phone: '+13175550102' } } as never])
    await o.run(22 * HOUR, 44)
    expect(placed()).toBe(1)
    await o.run(HOUR, 12)
    expect(placed()).toBe(2)
    const tuesday10 = Date.UTC(2025, 2, 4, 10, 0, 0)
    expect(o.demo.org.outbound!.campaigns.runtime(created.id!).attempts).toBe(2)
    const second = attempts.find((x) => x.contactId !== first!.id)
    expect(second!.at).toBeGreaterThanOrEqual(tuesday10)
    expect(second!.at).toBeLessThan(tuesday10 + 5 * 60_000)
  })

  it('keeps dialling at once for a campaign without a time set', async () => {
    const { list, body } = await campaignParts('Anytime')
    const created = await a.outbound.postOutboundCampaigns(body())
    expect(created.callableTimeSet).toBeUndefined()
    await a.outbound.putOutboundCampaign(created.id!, { ...created, campaignStatus: 'on' })
    await a.outbound.postOutboundContactlistContacts(list.id!, [{ data: { phone: '+13175550103' } } as never])
    expect(o.demo.org.outbound!.campaigns.runtime(created.id!).attempts).toBe(1)
  })
})

describe('callable time set windows', () => {
  const store = (): CallableTimeSetStore => new CallableTimeSetStore(fakeContext())

  it('reads the weekday and time in the set’s zone (1 = Monday … 7 = Sunday)', () => {
    const s = store()
    const id = s.create(
      hours('NY', 'America/New_York', [
        [1, '09:00:00', '17:00:00'],
        [7, '12:00:00', '13:00:00']
      ])
    ).id as string
    // 2025-03-03 is a Monday; New York is UTC−5 until 9 March.
    expect(s.msUntilOpen(id, Date.UTC(2025, 2, 3, 13, 0, 0))).toBe(HOUR)
    expect(s.msUntilOpen(id, Date.UTC(2025, 2, 3, 14, 0, 0))).toBe(0)
    expect(s.msUntilOpen(id, Date.UTC(2025, 2, 3, 21, 59, 59))).toBe(0)
    // 17:00 local Monday: closed until Sunday 12:00 local, which is 16:00 UTC as DST starts on 9 March.
    const monday17 = Date.UTC(2025, 2, 3, 22, 0, 0)
    expect(s.msUntilOpen(id, monday17)).toBe(Date.UTC(2025, 2, 9, 16, 0, 0) - monday17)
    expect(s.msUntilOpen(id, Date.UTC(2025, 2, 9, 16, 0, 0))).toBe(0)
    expect(s.msUntilOpen(id, Date.UTC(2025, 2, 9, 17, 0, 0))).toBeGreaterThan(0)
    // Europe/London leaves DST on 26 October 2025: Monday 27th 09:00 local is 09:00 UTC.
    const uk = s.create(hours('UK', 'Europe/London', [[1, '09:00:00', '17:00:00']])).id as string
    const friday = Date.UTC(2025, 9, 24, 17, 0, 0)
    expect(s.msUntilOpen(uk, friday)).toBe(Date.UTC(2025, 9, 27, 9, 0, 0) - friday)
  })
})
