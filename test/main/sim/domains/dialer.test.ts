import { describe, expect, it } from 'vitest'
import type { DialAttempt, OutboundFlowCall } from '../../../../src-main/sim/domains/outbound/dialer'
import { campaignBody, carsBody, LIST_BODY, outboundFixture } from './outbound-fixtures'

const NO = { priority: false, clearSystemData: false, doNotQueue: false }

function deployed(options: Parameters<typeof outboundFixture>[0] = {}, extra: Record<string, unknown> = {}, seed = 7) {
  const f = outboundFixture(options, seed)
  const listId = f.outbound.contactLists.create(LIST_BODY).id as string
  const setId = f.outbound.responseSets.create(carsBody('flow-connect')).id as string
  const created = f.outbound.campaigns.create(campaignBody(listId, setId, f.edgeGroupId, extra))
  const campaignId = created.id as string
  const attempts: DialAttempt[] = []
  const flowCalls: OutboundFlowCall[] = []
  f.outbound.dialer.onAttempt((a) => attempts.push(a))
  f.outbound.dialer.setOutboundFlowHandler((c) => flowCalls.push(c))
  const turnOn = (): void => void f.outbound.campaigns.update(campaignId, { ...created, campaignStatus: 'on' })
  return { ...f, listId, setId, campaignId, attempts, flowCalls, turnOn }
}

describe('dialer', () => {
  it('does not dial while the campaign is off, then dials appended contacts promptly once on', () => {
    const d = deployed({ scripted: () => 'callable.person' })
    d.outbound.contactLists.addContacts(d.listId, [{ data: { phone: '+13175550100', callbackId: 'cb-1' } }], NO)
    d.ctx.advance(120_000)
    expect(d.attempts).toHaveLength(0)
    d.turnOn()
    d.ctx.advance(30_000)
    expect(d.attempts).toHaveLength(1)
    expect(d.flowCalls).toHaveLength(1)
    expect(d.flowCalls[0]).toMatchObject({ flowId: 'flow-connect', phone: '+13175550100' })
    const contact = d.outbound.contactLists.getContact(d.listId, d.attempts[0].contactId) as {
      callRecords: Record<string, { lastResult: string }>
    }
    expect(contact.callRecords.phone.lastResult).toBe('ININ-OUTBOUND-TRANSFERRED-TO-FLOW')
    expect(d.outbound.campaigns.record(d.campaignId).campaignStatus).toBe('on')
    expect(d.ctx.on(`v2.outbound.campaigns.${d.campaignId}.progress`).length).toBeGreaterThan(0)
    expect(d.ctx.on(`v2.outbound.campaigns.${d.campaignId}.stats`).length).toBeGreaterThan(0)
  })

  it('never exceeds outboundLineCount and dials priority contacts first', () => {
    const d = deployed({ scripted: () => 'callable.busy' }, { outboundLineCount: 2 })
    d.turnOn()
    d.outbound.contactLists.addContacts(
      d.listId,
      [1, 2, 3, 4].map((n) => ({ data: { phone: `+1317555010${n}`, name: `n${n}` } })),
      NO
    )
    expect(d.outbound.campaigns.runtime(d.campaignId).outstandingCalls).toBe(2)
    d.outbound.contactLists.addContacts(d.listId, [{ data: { phone: '+13175550109', name: 'vip' } }], { ...NO, priority: true })
    d.ctx.advance(60_000)
    const placed = d.attempts
      .map((a) => d.outbound.contactLists.contact(d.listId, a.contactId))
      .sort((a, b) => Date.parse(a?.callRecords.phone.lastAttempt ?? '') - Date.parse(b?.callRecords.phone.lastAttempt ?? ''))
      .map((c) => c?.data.name)
    expect(placed.slice(0, 3).sort()).toEqual(['n1', 'n2', 'vip'])
    expect(placed).toHaveLength(5)
  })

  it('marks invalid numbers uncallable without ringing', () => {
    const d = deployed()
    d.turnOn()
    d.outbound.contactLists.addContacts(d.listId, [{ data: { phone: 'tel:+1-not-a-number' } }], NO)
    d.ctx.advance(5_000)
    expect(d.attempts[0]).toMatchObject({ disposition: 'uncallable.notfound', wrapupCode: 'ININ-OUTBOUND-INVALID-PHONE-NUMBER' })
    const contact = d.outbound.contactLists.getContact(d.listId, d.attempts[0].contactId) as {
      phoneNumberStatus: Record<string, { callable: boolean }>
    }
    expect(contact.phoneNumberStatus.phone.callable).toBe(false)
  })

  it('draws outcomes at realistic seeded shares', () => {
    const run = (seed: number): DialAttempt[] => {
      const d = deployed({}, { outboundLineCount: 50 }, seed)
      d.turnOn()
      const contacts = Array.from({ length: 1000 }, (_, i) => ({ data: { phone: `+1317${String(5500000 + i)}` } }))
      d.outbound.contactLists.addContacts(d.listId, contacts, NO)
      d.ctx.advance(3_600_000)
      return d.attempts
    }
    const attempts = run(11)
    expect(attempts).toHaveLength(1000)
    const share = (disp: string): number => attempts.filter((a) => a.disposition === disp).length / attempts.length
    expect(share('callable.person')).toBeGreaterThan(0.6)
    expect(share('callable.person')).toBeLessThan(0.72)
    expect(share('callable.noanswer')).toBeGreaterThan(0.09)
    expect(share('callable.busy')).toBeGreaterThan(0.03)
    expect(share('callable.machine')).toBeGreaterThan(0.07)
    expect(run(11).map((a) => a.disposition)).toEqual(attempts.map((a) => a.disposition))
  })

  it('completes a campaign that is not always running, and drains through stopping to off', () => {
    const d = deployed({ scripted: () => 'callable.noanswer' }, { alwaysRunning: false })
    d.outbound.contactLists.addContacts(d.listId, [{ data: { phone: '+13175550100' } }], NO)
    d.turnOn()
    d.ctx.advance(60_000)
    expect(d.outbound.campaigns.record(d.campaignId).campaignStatus).toBe('complete')

    const e = deployed({ scripted: () => 'callable.noanswer' })
    e.turnOn()
    e.outbound.contactLists.addContacts(e.listId, [{ data: { phone: '+13175550100' } }], NO)
    e.outbound.campaigns.stop(e.campaignId)
    expect(e.outbound.campaigns.record(e.campaignId).campaignStatus).toBe('stopping')
    e.ctx.advance(60_000)
    expect(e.outbound.campaigns.record(e.campaignId).campaignStatus).toBe('off')
  })

  it('skips contacts made uncallable before they are dialled', () => {
    const d = deployed({ scripted: () => 'callable.person' })
    const [c] = d.outbound.contactLists.addContacts(d.listId, [{ data: { phone: '+13175550100' } }], NO)
    d.outbound.contactLists.updateContact(d.listId, c.id as string, { data: { phone: '+13175550100' }, callable: false })
    d.turnOn()
    d.ctx.advance(60_000)
    expect(d.attempts).toHaveLength(0)
  })
})
