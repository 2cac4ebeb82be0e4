import { describe, expect, it } from 'vitest'
import { SimHttpError } from '../../../../src-main/sim/http/types'
import { campaignBody, carsBody, LIST_BODY, outboundFixture } from './outbound-fixtures'

const NO = { priority: false, clearSystemData: false, doNotQueue: false }

function httpError(fn: () => unknown): SimHttpError {
  try {
    fn()
  } catch (e: unknown) {
    if (e instanceof SimHttpError) return e
    throw e
  }
  throw new Error('expected a SimHttpError')
}

describe('contact lists', () => {
  it('creates, reads, versions and publishes a list', () => {
    const { ctx, outbound } = outboundFixture()
    const list = outbound.contactLists.create(LIST_BODY)
    expect(list).toMatchObject({ name: 'Proactive callbacks', version: 1, size: 0, columnNames: LIST_BODY.columnNames })
    const id = list.id as string
    expect(ctx.on(`v2.outbound.contactlists.${id}`)).toHaveLength(1)
    const updated = outbound.contactLists.update(id, {
      ...LIST_BODY,
      columnNames: [...LIST_BODY.columnNames, 'ccState'],
      version: 1
    })
    expect(updated.version).toBe(2)
    expect(httpError(() => outbound.contactLists.update(id, { ...LIST_BODY, version: 1 })).status).toBe(409)
  })

  it('rejects bad bodies and duplicate names with 400', () => {
    const { outbound } = outboundFixture()
    expect(httpError(() => outbound.contactLists.create({ name: 'x' })).status).toBe(400)
    expect(
      httpError(() => outbound.contactLists.create({ ...LIST_BODY, phoneColumns: [{ columnName: 'cell', type: 'cell' }] })).code
    ).toBe('invalid.create')
    outbound.contactLists.create(LIST_BODY)
    expect(httpError(() => outbound.contactLists.create(LIST_BODY)).status).toBe(400)
  })

  it('adds contacts (unknown columns rejected), updates callable, deletes', () => {
    const { outbound } = outboundFixture()
    const id = outbound.contactLists.create(LIST_BODY).id as string
    const [contact] = outbound.contactLists.addContacts(id, [{ data: { phone: '+13175550100', name: 'Ann', delay: '3' } }], NO)
    expect(contact).toMatchObject({ contactListId: id, callable: true, data: { phone: '+13175550100' } })
    expect(httpError(() => outbound.contactLists.addContacts(id, [{ data: { mobile: '1' } }], NO)).status).toBe(400)
    const contactId = contact.id as string
    const updated = outbound.contactLists.updateContact(id, contactId, { data: { phone: '+13175550100' }, callable: false })
    expect(updated.callable).toBe(false)
    expect(outbound.contactLists.get(id).size).toBe(1)
    outbound.contactLists.deleteContact(id, contactId)
    expect(httpError(() => outbound.contactLists.getContact(id, contactId)).status).toBe(404)
  })

  it('queues priority contacts ahead of earlier ordinary ones', () => {
    const { outbound } = outboundFixture()
    const id = outbound.contactLists.create(LIST_BODY).id as string
    outbound.contactLists.addContacts(id, [{ data: { name: 'first' } }, { data: { name: 'second' } }], NO)
    outbound.contactLists.addContacts(id, [{ data: { name: 'urgent' } }], { ...NO, priority: true })
    const book = outbound.contactLists.book(id)
    expect([book.takeNext(), book.takeNext(), book.takeNext()].map((c) => c?.data.name)).toEqual(['urgent', 'first', 'second'])
    expect(book.takeNext()).toBeUndefined()
  })

  it('doNotQueue keeps an existing contact out of the queue; otherwise a re-add re-queues it', () => {
    const { outbound } = outboundFixture()
    const id = outbound.contactLists.create(LIST_BODY).id as string
    const [c] = outbound.contactLists.addContacts(id, [{ data: { name: 'a' } }], NO)
    const book = outbound.contactLists.book(id)
    expect(book.takeNext()?.id).toBe(c.id)
    outbound.contactLists.addContacts(id, [{ id: c.id, data: { name: 'a2' } }], { ...NO, doNotQueue: true })
    expect(book.takeNext()).toBeUndefined()
    outbound.contactLists.addContacts(id, [{ id: c.id, data: { name: 'a3' } }], NO)
    expect(book.takeNext()?.data.name).toBe('a3')
  })
})

describe('response sets and campaigns', () => {
  it('validates reactions', () => {
    const { outbound } = outboundFixture()
    expect(
      httpError(() =>
        outbound.responseSets.create({
          name: 'x',
          responses: { 'disposition.classification.callable.person': { reactionType: 'transfer_flow' } }
        })
      ).status
    ).toBe(400)
    expect(
      httpError(() => outbound.responseSets.create({ name: 'x', responses: { 'callable.person': { reactionType: 'hangup' } } }))
        .status
    ).toBe(400)
    const set = outbound.responseSets.create(carsBody())
    expect(outbound.responseSets.reaction(set.id as string, 'callable.person')).toMatchObject({
      reactionType: 'transfer_flow',
      data: 'flow-1'
    })
    expect(outbound.responseSets.reaction(set.id as string, 'callable.noanswer').reactionType).toBe('hangup')
  })

  it('creates campaigns off, turns them on with the right version, refuses stale versions and complete→off', () => {
    const { ctx, outbound, edgeGroupId } = outboundFixture()
    const listId = outbound.contactLists.create(LIST_BODY).id as string
    const setId = outbound.responseSets.create(carsBody()).id as string
    const created = outbound.campaigns.create(campaignBody(listId, setId, edgeGroupId))
    expect(created.campaignStatus).toBe('off')
    const id = created.id as string
    const on = outbound.campaigns.update(id, { ...created, campaignStatus: 'on' })
    expect(on).toMatchObject({ campaignStatus: 'on', version: 2 })
    expect(httpError(() => outbound.campaigns.update(id, { ...created, campaignStatus: 'off' })).status).toBe(409)
    expect(httpError(() => outbound.campaigns.update(id, { ...on, outboundLineCount: 3 })).code).toBe('invalid.update')
    expect(httpError(() => outbound.campaigns.delete(id)).status).toBe(400)
    expect(httpError(() => outbound.contactLists.delete(listId)).status).toBe(409)
    const off = outbound.campaigns.update(id, { ...on, campaignStatus: 'off' })
    expect(off.campaignStatus).toBe('off')
    const statuses = ctx.on(`v2.outbound.campaigns.${id}`).map((e) => (e as { campaignStatus: string }).campaignStatus)
    expect(statuses).toEqual(['off', 'on', 'off'])
    outbound.campaigns.delete(id)
    expect(httpError(() => outbound.campaigns.get(id)).status).toBe(404)
  })

  it('requires agentless fields', () => {
    const { outbound, edgeGroupId } = outboundFixture()
    const listId = outbound.contactLists.create(LIST_BODY).id as string
    const setId = outbound.responseSets.create(carsBody()).id as string
    expect(
      httpError(() => outbound.campaigns.create(campaignBody(listId, setId, edgeGroupId, { outboundLineCount: undefined }))).code
    ).toBe('invalid.create')
    expect(httpError(() => outbound.campaigns.create(campaignBody(listId, setId, 'nope'))).code).toBe('invalid.create')
    expect(
      httpError(() =>
        outbound.campaigns.create(campaignBody(listId, setId, edgeGroupId, { phoneColumns: [{ columnName: 'name' }] }))
      ).code
    ).toBe('invalid.create')
  })
})
