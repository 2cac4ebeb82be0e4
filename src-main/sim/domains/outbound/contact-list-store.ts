/**
 * Contact lists and their contacts, with the dial queue an always-running campaign drains
 * (`priority=true` contacts go ahead of everything already queued).
 */
import type { DomainContext } from '../shared/context'
import { isoDate } from '../shared/context'
import { isRecord, requireObject, requireString, type Json } from '../shared/body'
import { badRequest, invalidCreate, invalidUpdate, notFound } from '../shared/errors'
import { NamedStore } from '../shared/named-store'
import { ContactBook } from './contact-book'
import type { AddContactsOptions, ContactListRecord, ContactRecord, PhoneColumnRecord } from './contact-list-types'

const READ_ONLY = new Set([
  'id',
  'name',
  'version',
  'dateCreated',
  'dateModified',
  'columnNames',
  'phoneColumns',
  'size',
  'importStatus',
  'selfUri'
])
const BASE = '/api/v2/outbound/contactlists'

/** Contact lists and contacts CRUD, publishing list changes. */
export class ContactListStore extends NamedStore<ContactListRecord> {
  private readonly books = new Map<string, ContactBook>()
  private readonly queuedListeners: Array<(contactListId: string) => void> = []

  constructor(private readonly ctx: DomainContext) {
    super('Contact list', BASE)
  }

  /** The dialer listens so appended contacts are dialled promptly. */
  onContactsQueued(listener: (contactListId: string) => void): void {
    this.queuedListeners.push(listener)
  }

  create(body: unknown): Json {
    const obj = requireObject(body)
    const name = requireString(obj, 'name')
    if (this.findByName(name)) throw invalidCreate('ContactList', `A contact list named '${name}' already exists.`)
    const { columnNames, phoneColumns } = readColumns(obj, 'ContactList')
    const now = isoDate(this.ctx.clock.now())
    const record: ContactListRecord = {
      id: this.ctx.ids.next(),
      name,
      version: 1,
      dateCreated: now,
      dateModified: now,
      columnNames,
      phoneColumns,
      extras: extrasOf(obj)
    }
    this.records.set(record.id, record)
    this.books.set(record.id, new ContactBook(record, this.ctx))
    this.publishList(record)
    return this.toJson(record)
  }

  update(id: string, body: unknown): Json {
    const obj = requireObject(body)
    const record = this.forUpdate(id, obj)
    const name = requireString(obj, 'name')
    const other = this.findByName(name)
    if (other && other.id !== id) throw invalidUpdate('ContactList', `A contact list named '${name}' already exists.`)
    const { columnNames, phoneColumns } = readColumns(obj, 'ContactList', true)
    const removed = record.columnNames.filter((c) => !columnNames.includes(c))
    if (removed.length > 0 && this.book(id).size() > 0) {
      throw invalidUpdate('ContactList', `Columns cannot be removed from a list that has contacts (${removed.join(', ')}).`)
    }
    record.name = name
    record.columnNames = columnNames
    record.phoneColumns = phoneColumns
    record.extras = extrasOf(obj)
    record.version += 1
    record.dateModified = isoDate(this.ctx.clock.now())
    this.publishList(record)
    return this.toJson(record)
  }

  override delete(id: string): ContactListRecord {
    const record = super.delete(id)
    this.books.delete(id)
    this.ctx.publish(`v2.outbound.contactlists.${id}`, { id, name: record.name, additionalProperties: { deleted: true } })
    return record
  }

  addContacts(listId: string, body: unknown, options: AddContactsOptions): Json[] {
    const record = this.record(listId)
    if (!Array.isArray(body)) throw badRequest('The request body must be a JSON array of contacts.')
    if (body.length > 1000) throw badRequest('At most 1000 contacts can be added in one request.')
    const added = this.book(listId).add(body, options)
    this.publishList(record)
    if (added.some((c) => c.queued)) for (const listener of this.queuedListeners) listener(listId)
    return added.map((c) => contactJson(c))
  }

  getContact(listId: string, contactId: string): Json {
    return contactJson(this.book(listId).get(contactId))
  }

  updateContact(listId: string, contactId: string, body: unknown): Json {
    const contact = this.book(listId).update(contactId, requireObject(body))
    return contactJson(contact)
  }

  deleteContact(listId: string, contactId: string): void {
    this.book(listId).remove([contactId], true)
    this.publishList(this.record(listId))
  }

  deleteContacts(listId: string, contactIds: string[]): void {
    this.book(listId).remove(contactIds, false)
    this.publishList(this.record(listId))
  }

  clear(listId: string): void {
    this.book(listId).clear()
    this.publishList(this.record(listId))
  }

  /** The contact book behind a list (the dialer's view of it). */
  book(listId: string): ContactBook {
    const book = this.books.get(listId)
    if (!book) throw notFound('Contact list', listId)
    return book
  }

  /** Contact by id in any list, for the flows' `Call.Contact.*`. */
  contact(listId: string, contactId: string): ContactRecord | undefined {
    return this.books.get(listId)?.find(contactId)
  }

  /** The list endpoints also filter by `id` (repeatable). */
  protected override listFilter(query: URLSearchParams): (record: ContactListRecord) => boolean {
    const byName = super.listFilter(query)
    const ids = query.getAll('id')
    return (record) => byName(record) && (ids.length === 0 || ids.includes(record.id))
  }

  protected toJson(record: ContactListRecord): Json {
    return { ...record.extras, ...this.fields(record), selfUri: `${BASE}/${record.id}` }
  }

  private publishList(record: ContactListRecord): void {
    this.ctx.publish(`v2.outbound.contactlists.${record.id}`, { ...this.fields(record), additionalProperties: {} })
  }

  /** The list's own fields, shared by its JSON and its change event. */
  private fields(record: ContactListRecord): Json {
    return {
      id: record.id,
      name: record.name,
      dateCreated: record.dateCreated,
      dateModified: record.dateModified,
      version: record.version,
      columnNames: [...record.columnNames],
      phoneColumns: record.phoneColumns.map((p) => ({ ...p })),
      size: this.book(record.id).size()
    }
  }
}

/** The SDK's `DialerContact` JSON for a stored contact. */
export function contactJson(c: ContactRecord): Json {
  return {
    id: c.id,
    contactListId: c.contactListId,
    data: { ...c.data },
    callRecords: structuredClone(c.callRecords),
    callable: c.callable,
    phoneNumberStatus: structuredClone(c.phoneNumberStatus),
    dateCreated: c.dateCreated,
    selfUri: `${BASE}/${c.contactListId}/contacts/${c.id}`
  }
}

function readColumns(obj: Json, entity: string, update = false): { columnNames: string[]; phoneColumns: PhoneColumnRecord[] } {
  const fail = (details: string): never => {
    throw update ? invalidUpdate(entity, details) : invalidCreate(entity, details)
  }
  const rawColumns = obj.columnNames
  if (!Array.isArray(rawColumns) || rawColumns.length === 0 || !rawColumns.every((c) => typeof c === 'string' && c !== '')) {
    return fail('columnNames must be a non-empty list of column names.')
  }
  const columnNames = rawColumns as string[]
  if (new Set(columnNames.map((c) => c.toLowerCase())).size !== columnNames.length) fail('columnNames must be unique.')
  const rawPhones = obj.phoneColumns ?? []
  if (!Array.isArray(rawPhones)) return fail('phoneColumns must be a list.')
  const phoneColumns = rawPhones.map((p): PhoneColumnRecord => {
    if (!isRecord(p) || typeof p.columnName !== 'string' || typeof p.type !== 'string' || p.type === '') {
      return fail('each phone column needs a columnName and a type.')
    }
    if (!columnNames.includes(p.columnName)) fail(`phone column '${p.columnName}' is not one of the columnNames.`)
    const callable = typeof p.callableTimeColumn === 'string' ? { callableTimeColumn: p.callableTimeColumn } : {}
    return { columnName: p.columnName, type: p.type, ...callable }
  })
  return { columnNames: [...columnNames], phoneColumns }
}

function extrasOf(obj: Json): Record<string, unknown> {
  const extras: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(obj)) if (!READ_ONLY.has(key)) extras[key] = value
  return extras
}
